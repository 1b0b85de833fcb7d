import { describe, expect, it } from 'vitest';
import { readPhotoGps } from '../../src/domain/photo-gps.js';

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

interface GpsTags {
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
function jpegWithGps({ lat, lng, withGps = true, littleEndian = false }: GpsTags): Buffer {
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

/** A JPEG with only a JFIF APP0 segment: what a chat app sends after stripping metadata. */
function jpegWithoutExif(): Buffer {
  const jfif = [...Buffer.from('JFIF\0', 'latin1'), 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const length = 2 + jfif.length;
  return Buffer.from([0xff, 0xd8, 0xff, 0xe0, length >> 8, length & 0xff, ...jfif, 0xff, 0xd9]);
}

/** A deterministic pseudo-random buffer (no Math.random: the test must not depend on luck). */
function noise(size: number, seed: number): Buffer {
  const bytes = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1_103_515_245 + 12_345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

describe('readPhotoGps', () => {
  it('reads the position a phone wrote (Phường Lê Chân, big-endian TIFF)', async () => {
    const gps = await readPhotoGps(jpegWithGps({ lat: 20.8437, lng: 106.6828 }));
    expect(gps).not.toBeNull();
    expect(gps!.lat).toBeCloseTo(20.8437, 5);
    expect(gps!.lng).toBeCloseTo(106.6828, 5);
  });

  it('reads little-endian TIFF and southern / western references as negative', async () => {
    const gps = await readPhotoGps(jpegWithGps({ lat: -33.8568, lng: -70.6483, littleEndian: true }));
    expect(gps!.lat).toBeCloseTo(-33.8568, 5);
    expect(gps!.lng).toBeCloseTo(-70.6483, 5);
  });

  it('accepts a Uint8Array as well as a Buffer', async () => {
    const bytes = new Uint8Array(jpegWithGps({ lat: 20.8437, lng: 106.6828 }));
    expect((await readPhotoGps(bytes))?.lat).toBeCloseTo(20.8437, 5);
  });

  it('gives null for a JPEG without EXIF', async () => {
    expect(await readPhotoGps(jpegWithoutExif())).toBeNull();
  });

  it('gives null for EXIF without a GPS block', async () => {
    expect(await readPhotoGps(jpegWithGps({ lat: 0, lng: 0, withGps: false }))).toBeNull();
  });

  it('treats 0, 0 as no position', async () => {
    expect(await readPhotoGps(jpegWithGps({ lat: 0, lng: 0 }))).toBeNull();
  });

  it('gives null for random bytes, an empty buffer and a truncated JPEG', async () => {
    expect(await readPhotoGps(noise(4096, 42))).toBeNull();
    expect(await readPhotoGps(noise(17, 7))).toBeNull();
    expect(await readPhotoGps(Buffer.alloc(0))).toBeNull();
    const full = jpegWithGps({ lat: 20.8437, lng: 106.6828 });
    expect(await readPhotoGps(full.subarray(0, 40))).toBeNull();
    // Random bytes behind a JPEG marker: looks like a JPEG, is not one.
    expect(await readPhotoGps(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x40]), noise(64, 3)]))).toBeNull();
  });
});
