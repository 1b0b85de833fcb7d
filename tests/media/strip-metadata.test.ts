import { describe, expect, it } from 'vitest';
import { readPhotoGps } from '../../src/domain/photo-gps.js';
import { stripJpegMetadata } from '../../src/media/strip-metadata.js';
import { jpegWithGps } from '../support/exif-jpeg.js';
import { jpeg } from '../support/images.js';

describe('stripping photo metadata', () => {
  it('drops the EXIF segment (and its GPS) and keeps the picture byte for byte', () => {
    const withExif = jpegWithGps({ lat: 20.848, lng: 106.678 });
    const app1 = withExif.subarray(2, withExif.length - 2);
    const head = jpeg(0).subarray(0, -2); // SOI, APP0 (JFIF), SOF0
    const scan = Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd9]);
    const picture = Buffer.concat([head, scan]);
    const photo = Buffer.concat([picture.subarray(0, 2), app1, picture.subarray(2)]);
    const stripped = stripJpegMetadata(photo);
    expect(stripped.equals(picture)).toBe(true);
  });

  it('leaves the GPS unreadable afterwards', async () => {
    const photo = jpegWithGps({ lat: 20.848, lng: 106.678 });
    expect(await readPhotoGps(photo)).not.toBeNull();
    expect(await readPhotoGps(stripJpegMetadata(photo))).toBeNull();
  });

  it('returns anything that is not a clean JPEG unchanged', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect(stripJpegMetadata(png)).toBe(png);
    const truncated = Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x40, 0x00, 1, 2]);
    expect(stripJpegMetadata(truncated)).toBe(truncated);
  });
});
