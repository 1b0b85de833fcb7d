import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMediaStore, MediaRejectedError, sniffImageMime, type MediaStore } from '../../src/media/media-store.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** SOI · APP0 (JFIF) · SOF0 (640×480, 3 components) · EOI: enough header for sniffing and sizing. */
function jpeg(width = 640, height = 480, salt = 0): Buffer {
  const jfif = [...Buffer.from('JFIF\0', 'latin1'), 1, 1, 0, 0, 1, 0, 1, 0, salt & 0xff];
  const sof = [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return Buffer.from([
    0xff, 0xd8,
    0xff, 0xe0, 0, 2 + jfif.length, ...jfif,
    0xff, 0xc0, 0, 2 + sof.length, ...sof,
    0xff, 0xd9,
  ]);
}

/** RIFF · WEBP · VP8X chunk (canvas 800×600). */
function webp(): Buffer {
  const b = Buffer.alloc(30);
  b.write('RIFF', 0, 'latin1');
  b.writeUInt32LE(22, 4);
  b.write('WEBPVP8X', 8, 'latin1');
  b.writeUInt32LE(10, 16);
  b.writeUIntLE(800 - 1, 24, 3);
  b.writeUIntLE(600 - 1, 27, 3);
  return b;
}

/** An ISO-BMFF `ftyp` box with the given major and compatible brands, then some bytes. */
function ftyp(major: string, ...compatible: string[]): Buffer {
  const size = 16 + 4 * compatible.length;
  const b = Buffer.alloc(size + 16);
  b.writeUInt32BE(size, 0);
  b.write('ftyp', 4, 'latin1');
  b.write(major, 8, 'latin1');
  compatible.forEach((brand, i) => b.write(brand, 16 + 4 * i, 'latin1'));
  return b;
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let database: TestDatabase;
let dataDir: string;
let store: MediaStore;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});
beforeEach(async () => {
  await database.truncate();
  dataDir = await mkdtemp(join(tmpdir(), 'phuong-media-'));
  store = createMediaStore({ dataDir, db: database.db });
  return () => rm(dataDir, { recursive: true, force: true });
});

describe('sniffing', () => {
  it.each([
    ['JPEG', jpeg(), 'image/jpeg', 640, 480],
    ['PNG', PNG, 'image/png', 1, 1],
    ['WebP', webp(), 'image/webp', 800, 600],
    ['HEIC (iPhone)', ftyp('heic', 'mif1', 'heic'), 'image/heic', null, null],
    ['HEIF (generic brand)', ftyp('mif1', 'mif1', 'miaf'), 'image/heif', null, null],
  ])('keeps a %s file with its sniffed type and size', async (_name, bytes, mime, width, height) => {
    const stored = await store.put(bytes, 'application/octet-stream');
    expect(stored).toEqual({ sha256: sha(bytes), mime, bytes: bytes.length });
    const row = await database.db.selectFrom('media').selectAll().where('sha256', '=', stored.sha256).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ mime, bytes: bytes.length, width, height });
    expect(await store.get(stored.sha256)).toEqual({ buffer: bytes, mime });
  });

  it('believes the bytes, not the declared type', async () => {
    expect((await store.put(PNG, 'image/jpeg')).mime).toBe('image/png');
    expect(sniffImageMime(ftyp('mif1', 'mif1'), 'image/heic')).toBe('image/heic');
  });

  it.each([
    ['a PDF', Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n')],
    ['text declared as JPEG', Buffer.from('xin chào, đây không phải ảnh')],
    ['an HTML page', Buffer.from('<!doctype html><title>x</title>')],
    ['an AVIF (not a format we take)', ftyp('avif', 'avif', 'mif1', 'miaf')],
    ['an MP4 video', ftyp('isom', 'isom', 'mp41')],
    ['a truncated JPEG marker', Buffer.from([0xff, 0xd8])],
  ])('refuses %s as not_an_image, writing nothing', async (_name, bytes) => {
    const error = await store.put(bytes, 'image/jpeg').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaRejectedError);
    expect(error).toMatchObject({ reason: 'not_an_image', code: 'ERR_MEDIA_REJECTED', bytes: bytes.length });
    expect(await readdir(dataDir)).toEqual([]);
    expect(await database.db.selectFrom('media').selectAll().execute()).toEqual([]);
  });
});

describe('content addressing', () => {
  it('stores at media/ab/cd/<sha256>, atomically, leaving no temporary files', async () => {
    const bytes = jpeg(100, 50);
    const { sha256 } = await store.put(bytes);
    const expected = join(dataDir, 'media', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    expect(store.path(sha256)).toBe(expected);
    expect(await readFile(expected)).toEqual(bytes);
    expect(await readdir(join(dataDir, 'media', sha256.slice(0, 2), sha256.slice(2, 4)))).toEqual([sha256]);
  });

  it('dedups by hash: the same bytes twice (or at once) make one file and one row', async () => {
    const bytes = jpeg(320, 240, 7);
    const first = await store.put(bytes);
    const again = await store.put(Buffer.from(bytes));
    const concurrent = await Promise.all(Array.from({ length: 6 }, () => store.put(Buffer.from(bytes))));
    for (const result of [again, ...concurrent]) expect(result).toEqual(first);
    const rows = await database.db.selectFrom('media').selectAll().execute();
    expect(rows).toHaveLength(1);
    const folder = join(dataDir, 'media', first.sha256.slice(0, 2), first.sha256.slice(2, 4));
    expect(await readdir(folder)).toEqual([first.sha256]);
  });

  it('different bytes are different media', async () => {
    const a = await store.put(jpeg(1, 1, 1));
    const b = await store.put(jpeg(1, 1, 2));
    expect(a.sha256).not.toBe(b.sha256);
  });

  it('get answers null for unknown or malformed ids, and path() refuses non-ids', async () => {
    expect(await store.get('0'.repeat(64))).toBeNull();
    expect(await store.get('../../etc/passwd')).toBeNull();
    expect(await store.get('A'.repeat(64))).toBeNull();
    expect(() => store.path('../x')).toThrow(RangeError);
  });

  it('get answers null when the row is there but the file is gone', async () => {
    const { sha256 } = await store.put(PNG);
    await rm(store.path(sha256));
    expect(await store.get(sha256)).toBeNull();
  });
});

describe('limits', () => {
  it('refuses a file over 10 MB by default', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1);
    jpeg().copy(big); // a JPEG header: only the size is wrong
    const error = await store.put(big).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaRejectedError);
    expect(error).toMatchObject({ reason: 'too_large', bytes: big.length, maxBytes: 10 * 1024 * 1024 });
    expect(store.maxBytes).toBe(10 * 1024 * 1024);
  });

  it('takes a file of exactly the limit, and honours a smaller limit', async () => {
    const small = createMediaStore({ dataDir, db: database.db, maxBytes: 64 });
    const header = jpeg();
    const exact = Buffer.concat([header, Buffer.alloc(64 - header.length)]);
    await expect(small.put(exact)).resolves.toMatchObject({ bytes: 64 });
    await expect(small.put(Buffer.concat([exact, Buffer.from([0])]))).rejects.toMatchObject({ reason: 'too_large' });
  });

  it('refuses an empty file', async () => {
    await expect(store.put(Buffer.alloc(0))).rejects.toMatchObject({ reason: 'empty', name: 'MediaRejectedError' });
  });
});
