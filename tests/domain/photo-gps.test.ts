import { describe, expect, it } from 'vitest';
import { readPhotoGps } from '../../src/domain/photo-gps.js';
import { jpegWithGps } from '../support/exif-jpeg.js';

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
