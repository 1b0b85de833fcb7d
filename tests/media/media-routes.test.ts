import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import type { QueueKit } from '../../jobs/queue-kit.js';
import { registerMediaRoutes } from '../../src/http/media-routes.js';
import { buildServer } from '../../src/http/server.js';
import { createMediaStore } from '../../src/media/media-store.js';
import { signMediaPath } from '../../src/media/signed-links.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const SECRET = 'route-test-secret';
const SESSION = 'sess_0123456789abcdef';

/** SOI · APP0 · SOF0 (64×48) · EOI, padded to `size` bytes. */
function jpeg(size = 0): Buffer {
  const jfif = [...Buffer.from('JFIF\0', 'latin1'), 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof = [8, 0, 48, 0, 64, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  const head = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 2 + jfif.length, ...jfif, 0xff, 0xc0, 0, 2 + sof.length, ...sof]);
  const tail = Buffer.from([0xff, 0xd9]);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length - tail.length), 0x5a), tail]);
}

let database: TestDatabase;
let dataDir: string;
let app: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await mkdtemp(join(tmpdir(), 'phuong-media-routes-'));
  const config = { port: 0, dataDir, logLevel: 'warn' } as Config;
  // The real server (JSON parser, 1 MB body limit, error handler, media routes).
  const media = createMediaStore({ dataDir, db: database.db });
  app = buildServer({ config, db: database.db, queues: {} as QueueKit, ingest: async () => ({ duplicate: false }), media, mediaSecret: SECRET });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database.drop();
  await rm(dataDir, { recursive: true, force: true });
});

const upload = (body: Buffer | string, contentType: string, session = SESSION) =>
  app.inject({ method: 'POST', url: `/api/chat/photos?session=${session}`, headers: { 'content-type': contentType }, payload: body });

describe('POST /api/chat/photos', () => {
  it('stores the raw image and answers its media id', async () => {
    const photo = jpeg(5000);
    const response = await upload(photo, 'image/jpeg');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ mediaId: createHash('sha256').update(photo).digest('hex') });
    const row = await database.db.selectFrom('media').selectAll().where('sha256', '=', response.json().mediaId).executeTakeFirst();
    expect(row).toMatchObject({ mime: 'image/jpeg', bytes: 5000, width: 64, height: 48 });
  });

  it('takes a photo bigger than the server-wide 1 MB limit (up to 10 MB)', async () => {
    const response = await upload(jpeg(3 * 1024 * 1024), 'image/jpeg');
    expect(response.statusCode).toBe(200);
  });

  it('trusts the bytes: a PNG declared as image/heic is fine, text declared as image/jpeg is 415', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    expect((await upload(png, 'image/heic')).statusCode).toBe(200);
    const fake = await upload('đây không phải ảnh', 'image/jpeg');
    expect(fake.statusCode).toBe(415);
    expect(fake.json()).toMatchObject({ error: 'ERR_MEDIA_TYPE' });
  });

  it.each([
    ['text/plain', 'xin chào'],
    ['application/json', '{"text":"xin chào"}'],
    ['application/pdf', '%PDF-1.7'],
    ['application/octet-stream', jpeg(100)],
  ])('answers 415 with a Vietnamese message for %s', async (type, body) => {
    const response = await upload(body, type);
    expect(response.statusCode).toBe(415);
    expect(response.json()).toEqual({ error: 'ERR_MEDIA_TYPE', message: expect.stringContaining('không phải ảnh') });
  });

  it('answers 413 with a Vietnamese message for 11 MB', async () => {
    const response = await upload(jpeg(11 * 1024 * 1024), 'image/jpeg');
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({ error: 'ERR_MEDIA_TOO_LARGE', message: expect.stringContaining('tối đa 10 MB') });
  });

  it('answers 400 for an empty body or a bad session', async () => {
    expect((await upload(Buffer.alloc(0), 'image/jpeg')).json()).toMatchObject({ error: 'ERR_MEDIA_EMPTY' });
    const bad = await upload(jpeg(), 'image/jpeg', 'short');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'ERR_MEDIA_SESSION' });
  });

  it('leaves the 1 MB limit in place for other routes', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/chat/messages',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ session: SESSION, text: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
  });
});

describe('GET /media/:sha256', () => {
  it('serves a stored photo through a signed link, with its type and a private cache', async () => {
    const photo = jpeg(2048);
    const { mediaId } = (await upload(photo, 'image/jpeg')).json() as { mediaId: string };
    const response = await app.inject({ method: 'GET', url: signMediaPath(mediaId, new Date(Date.now() + 600_000), SECRET) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/jpeg');
    expect(response.headers['cache-control']).toBe('private, max-age=3600');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.rawPayload).toEqual(photo);
  });

  it('answers 403 ERR_MEDIA_LINK for a bad signature, an expired link or no signature', async () => {
    const { mediaId } = (await upload(jpeg(300), 'image/jpeg')).json() as { mediaId: string };
    const good = signMediaPath(mediaId, new Date(Date.now() + 600_000), SECRET);
    const forged = signMediaPath(mediaId, new Date(Date.now() + 600_000), 'not-the-secret');
    const expired = signMediaPath(mediaId, new Date(Date.now() - 1000), SECRET);
    const retimed = good.replace(/exp=(\d+)/, (_m, exp: string) => `exp=${Number(exp) + 86_400}`);
    for (const url of [forged, expired, retimed, `/media/${mediaId}`]) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(403);
      expect(response.json()).toEqual({ error: 'ERR_MEDIA_LINK', message: expect.any(String) });
    }
  });

  it('answers 404 for a validly signed link to a photo that is not stored', async () => {
    const response = await app.inject({ method: 'GET', url: signMediaPath('e'.repeat(64), new Date(Date.now() + 600_000), SECRET) });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'ERR_MEDIA_NOT_FOUND' });
  });
});
