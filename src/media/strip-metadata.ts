/**
 * Photos are personal data (faces, plates, where and when they were taken): once the report has read the GPS it
 * needs, the stored copy keeps no EXIF or XMP. JPEG only — the form chat apps send; other formats pass unchanged.
 */

/** The JPEG without its APP1 (EXIF, XMP) and APP13 (IPTC) segments; anything that is not a clean JPEG is returned as is. */
export function stripJpegMetadata(image: Buffer): Buffer {
  if (image.length < 4 || image[0] !== 0xff || image[1] !== 0xd8) return image;
  const kept: Buffer[] = [image.subarray(0, 2)];
  let at = 2;
  while (at + 4 <= image.length) {
    if (image[at] !== 0xff) return image;
    const marker = image[at + 1];
    // Start of scan: the rest is image data, copied whole.
    if (marker === 0xda) {
      kept.push(image.subarray(at));
      return Buffer.concat(kept);
    }
    const length = image.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > image.length) return image;
    const segment = image.subarray(at, at + 2 + length);
    if (marker !== 0xe1 && marker !== 0xed) kept.push(segment);
    at += 2 + length;
  }
  kept.push(image.subarray(at));
  return Buffer.concat(kept);
}
