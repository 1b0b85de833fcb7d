/** JPEGs with EXIF GPS written byte by byte, for the photo-location tests. */

/** Degrees → EXIF's three rationals (degrees, minutes, seconds×100 / 100), as a phone writes them. */
function toDms(value: number): [number, number][] {
  const abs = Math.abs(value);
  const degrees = Math.floor(abs);
  const minutesFloat = (abs - degrees) * 60;
  const minutes = Math.floor(minutesFloat);
  const hundredthsOfSeconds = Math.round((minutesFloat - minutes) * 60 * 100);
  return [
    [degrees, 1],
    [minutes, 1],
    [hundredthsOfSeconds, 100],
  ];
}

export interface GpsTags {
  lat: number;
  lng: number;
  /** Write the GPS IFD at all (false: IFD0 only, a photo without location). */
  withGps?: boolean;
  littleEndian?: boolean;
}

/**
 * A minimal JPEG with an EXIF APP1 segment, written byte by byte:
 * SOI · APP1("Exif\0\0" · TIFF header · IFD0 {GPSInfo → GPS IFD} · GPS IFD {LatRef, Lat, LngRef, Lng} · rationals) · EOI.
 */
export function jpegWithGps({ lat, lng, withGps = true, littleEndian = false }: GpsTags): Buffer {
  const tiff: number[] = [];
  const u16 = (v: number) => (littleEndian ? [v & 0xff, v >> 8] : [v >> 8, v & 0xff]);
  const u32 = (v: number) =>
    littleEndian
      ? [v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff]
      : [(v >>> 24) & 0xff, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff];
  const entry = (tag: number, type: number, count: number, value: number[]) => [
    ...u16(tag), ...u16(type), ...u32(count), ...value,
  ];
  const ASCII = 2;
  const LONG = 4;
  const RATIONAL = 5;

  // TIFF header: byte order, 42, offset of IFD0 (8).
  tiff.push(...(littleEndian ? [0x49, 0x49] : [0x4d, 0x4d]), ...u16(42), ...u32(8));
  // IFD0: one entry (GPSInfo 0x8825, LONG, pointing at the GPS IFD), then "no next IFD".
  const ifd0Size = 2 + 12 + 4;
  const gpsIfdOffset = 8 + ifd0Size;
  if (withGps) {
    tiff.push(...u16(1), ...entry(0x8825, LONG, 1, u32(gpsIfdOffset)), ...u32(0));
  } else {
    // Orientation = 1 only.
    tiff.push(...u16(1), ...entry(0x0112, 3, 1, [...u16(1), 0, 0]), ...u32(0));
  }
  if (withGps) {
    // GPS IFD: four entries; the two rational triples (24 bytes each) follow it.
    const gpsIfdSize = 2 + 4 * 12 + 4;
    const latOffset = gpsIfdOffset + gpsIfdSize;
    const lngOffset = latOffset + 24;
    const ascii = (c: string) => [c.charCodeAt(0), 0, 0, 0];
    tiff.push(
      ...u16(4),
      ...entry(0x0001, ASCII, 2, ascii(lat >= 0 ? 'N' : 'S')),
      ...entry(0x0002, RATIONAL, 3, u32(latOffset)),
      ...entry(0x0003, ASCII, 2, ascii(lng >= 0 ? 'E' : 'W')),
      ...entry(0x0004, RATIONAL, 3, u32(lngOffset)),
      ...u32(0),
    );
    for (const [numerator, denominator] of [...toDms(lat), ...toDms(lng)]) {
      tiff.push(...u32(numerator), ...u32(denominator));
    }
  }
  const exifHeader = [...Buffer.from('Exif\0\0', 'latin1')];
  const app1Length = 2 + exifHeader.length + tiff.length; // the length field counts itself
  return Buffer.from([
    0xff, 0xd8, // SOI
    0xff, 0xe1, app1Length >> 8, app1Length & 0xff, ...exifHeader, ...tiff, // APP1
    0xff, 0xd9, // EOI
  ]);
}

