/** Small, valid images made in the test, so photo handling runs on real bytes. */

/** A JPEG header (JFIF + SOF0 64×48) padded to `size` bytes: enough for type sniffing and size limits. */
export function jpeg(size = 2000, fill = 0x5a): Buffer {
  const jfif = [...Buffer.from('JFIF\0', 'latin1'), 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof = [8, 0, 48, 0, 64, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  const head = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 2 + jfif.length, ...jfif, 0xff, 0xc0, 0, 2 + sof.length, ...sof]);
  const tail = Buffer.from([0xff, 0xd9]);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length - tail.length), fill), tail]);
}
