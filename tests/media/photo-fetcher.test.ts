import { createHash } from 'node:crypto';
import { stripJpegMetadata } from '../../src/media/strip-metadata.js';
import { jpegWithGps as exifJpeg } from '../support/exif-jpeg.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inbound } from '../../src/domain/message-model.js';
import { createMediaStore, type MediaStore } from '../../src/media/media-store.js';
import { createPhotoFetcher, PhotoFetchError } from '../../src/media/photo-fetcher.js';
import { createPhotoIntake } from '../../src/media/photo-intake.js';
import { startFakeTelegram, type FakeTelegram } from '../fakes/fake-telegram.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const MB = 1024 * 1024;

/** SOI · APP0 (JFIF) · EOI, padded to `size` bytes: a JPEG as a chat app sends it, EXIF stripped. */
function jpeg(size = 0, fill = 0x5a): Buffer {
  const jfif = [...Buffer.from('JFIF\0', 'latin1'), 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const head = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 2 + jfif.length, ...jfif]);
  const tail = Buffer.from([0xff, 0xd9]);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length - tail.length), fill), tail]);
}

/** A JPEG carrying EXIF GPS (tests/support/exif-jpeg.ts). */
const jpegWithGps = (lat: number, lng: number): Buffer => exifJpeg({ lat, lng });

const photo = (channel: Inbound['channel'], ref: string): Inbound => ({
  channel,
  userId: 'u1',
  messageId: `m-${Math.random()}`,
  sentAt: new Date().toISOString(),
  content: { kind: 'photo', ref },
});

/** Resolves with the error a promise rejects with (fails the test if it resolves). */
async function failure(promise: Promise<unknown>): Promise<PhotoFetchError> {
  const error = await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PhotoFetchError);
  return error as PhotoFetchError;
}

// ---- a small local HTTP server standing in for a CDN ----

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
interface LocalServer {
  url: string;
  requests: string[];
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

async function startLocalServer(): Promise<LocalServer> {
  const routes = new Map<string, Handler>();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const handler = routes.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (handler) handler(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    route: (path, handler) => routes.set(path, handler),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('Telegram', () => {
  let telegram: FakeTelegram;
  beforeAll(async () => {
    telegram = await startFakeTelegram();
  });
  afterAll(async () => {
    await telegram.close();
  });

  it('calls getFile, then downloads /file/bot<token>/<file_path>', async () => {
    const bytes = jpeg(50_000);
    telegram.files.set('AgACAgFAKEPHOTO1', bytes);
    const fetcher = createPhotoFetcher({ telegram: { token: telegram.token, apiRoot: telegram.apiRoot } });
    expect(await fetcher.fetchPhoto(photo('telegram', 'AgACAgFAKEPHOTO1'))).toEqual(bytes);
    expect(telegram.received.find((r) => r.method === 'getFile')?.params.file_id).toBe('AgACAgFAKEPHOTO1');
    expect(telegram.received.some((r) => r.httpMethod === 'GET' && r.path.startsWith(`/file/bot${telegram.token}/`))).toBe(true);
  });

  it('refuses a file getFile says is too large, without downloading it', async () => {
    telegram.files.set('BIGFILE', jpeg(4000));
    const before = telegram.received.filter((r) => r.method === undefined).length;
    const fetcher = createPhotoFetcher({ telegram: { token: telegram.token, apiRoot: telegram.apiRoot }, maxBytes: 1000 });
    expect((await failure(fetcher.fetchPhoto(photo('telegram', 'BIGFILE')))).reason).toBe('too_large');
    expect(telegram.received.filter((r) => r.method === undefined).length).toBe(before);
  });

  it('an unknown file id is download_failed, and the error never carries the token', async () => {
    const fetcher = createPhotoFetcher({ telegram: { token: telegram.token, apiRoot: telegram.apiRoot } });
    const error = await failure(fetcher.fetchPhoto(photo('telegram', 'NO-SUCH-FILE')));
    expect(error).toMatchObject({ reason: 'download_failed', channel: 'telegram', status: 400, code: 'ERR_PHOTO_FETCH' });
    expect(error.message).not.toContain(telegram.token);
  });

  it('without Telegram configured, a Telegram photo is download_failed', async () => {
    expect((await failure(createPhotoFetcher({}).fetchPhoto(photo('telegram', 'X')))).reason).toBe('download_failed');
  });
});

describe('Zalo host allowlist', () => {
  let cdn: LocalServer;
  beforeAll(async () => {
    cdn = await startLocalServer();
    cdn.route('/x.jpg', (_req, res) => res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg(2000)));
    cdn.route('/redirect-out', (_req, res) => res.writeHead(302, { location: 'http://evil.example/x.jpg' }).end());
    cdn.route('/redirect-in', (_req, res) => res.writeHead(302, { location: '/x.jpg' }).end());
    cdn.route('/page', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>'));
  });
  afterAll(async () => {
    await cdn.close();
  });

  it.each([
    'http://evil.example/x.jpg',
    'https://evil.example/x.jpg',
    'https://zdn.vn.evil.example/x.jpg', // a suffix in the wrong place
    'https://evilzdn.vn/x.jpg', // not a subdomain
    'http://photo-stal.zdn.vn/x.jpg', // plain HTTP
    'https://photo-stal.zdn.vn:8443/x.jpg', // another port
    'https://user@evil.example/x.jpg',
    'https://10.0.0.1/x.jpg',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s before any request', async (url) => {
    const fetcher = createPhotoFetcher({ allowLoopbackForTests: true });
    const error = await failure(fetcher.fetchPhoto(photo('zalo', url)));
    expect(error).toMatchObject({ reason: 'host_not_allowed', channel: 'zalo' });
  });

  it('accepts a loopback URL only with the test flag', async () => {
    const url = `${cdn.url}/x.jpg`;
    expect((await failure(createPhotoFetcher({}).fetchPhoto(photo('zalo', url)))).reason).toBe('host_not_allowed');
    expect(cdn.requests).toEqual([]);
    const bytes = await createPhotoFetcher({ allowLoopbackForTests: true }).fetchPhoto(photo('zalo', url));
    expect(bytes).toEqual(jpeg(2000));
  });

  it('a loopback URL under another name (localhost) is still refused', async () => {
    const url = `${cdn.url.replace('127.0.0.1', 'localhost')}/x.jpg`;
    expect((await failure(createPhotoFetcher({ allowLoopbackForTests: true }).fetchPhoto(photo('zalo', url)))).reason).toBe(
      'host_not_allowed',
    );
  });

  it('follows a redirect only to an allowed place: never to another host', async () => {
    const fetcher = createPhotoFetcher({ allowLoopbackForTests: true });
    const out = await failure(fetcher.fetchPhoto(photo('zalo', `${cdn.url}/redirect-out`)));
    expect(out).toMatchObject({ reason: 'host_not_allowed', host: 'evil.example' });
    expect(await fetcher.fetchPhoto(photo('zalo', `${cdn.url}/redirect-in`))).toEqual(jpeg(2000));
  });

  it('an HTML page is not_an_image; a 404 is download_failed', async () => {
    const fetcher = createPhotoFetcher({ allowLoopbackForTests: true });
    expect((await failure(fetcher.fetchPhoto(photo('zalo', `${cdn.url}/page`)))).reason).toBe('not_an_image');
    const missing = await failure(fetcher.fetchPhoto(photo('zalo', `${cdn.url}/gone.jpg`)));
    expect(missing).toMatchObject({ reason: 'download_failed', status: 404 });
  });
});

describe('size and time limits while downloading', () => {
  let cdn: LocalServer;
  let streamed = { written: 0, finished: false, closedEarly: false };
  beforeAll(async () => {
    cdn = await startLocalServer();
    // 11 MB, chunked (no Content-Length), 256 KB every 5 ms: only counting while reading can stop it.
    cdn.route('/stream-11mb', (_req, res) => {
      streamed = { written: 0, finished: false, closedEarly: false };
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      const chunk = Buffer.alloc(256 * 1024, 0x5a);
      jpeg().copy(chunk);
      const timer = setInterval(() => {
        if (streamed.written >= 11 * MB) {
          clearInterval(timer);
          streamed.finished = true;
          res.end();
          return;
        }
        res.write(chunk);
        streamed.written += chunk.length;
      }, 5);
      res.on('close', () => {
        clearInterval(timer);
        if (!streamed.finished) streamed.closedEarly = true;
      });
    });
    cdn.route('/declared-11mb', (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': String(11 * MB) });
      res.write(jpeg(1024));
      // …and never sends the rest: the declared length alone must be enough to refuse.
    });
    cdn.route('/silent', () => {
      // Never answers.
    });
  });
  afterAll(async () => {
    await cdn.close();
  });

  it('stops reading an 11 MB stream just past 10 MB', async () => {
    const fetcher = createPhotoFetcher({ allowLoopbackForTests: true, maxBytes: 10 * MB });
    const error = await failure(fetcher.fetchPhoto(photo('zalo', `${cdn.url}/stream-11mb`)));
    expect(error.reason).toBe('too_large');
    await new Promise((r) => setTimeout(r, 100));
    expect(streamed.closedEarly).toBe(true);
    expect(streamed.finished).toBe(false);
    expect(streamed.written).toBeLessThan(11 * MB);
  });

  it('refuses at once when Content-Length is over the limit', async () => {
    const fetcher = createPhotoFetcher({ allowLoopbackForTests: true, maxBytes: 10 * MB, timeoutMs: 2000 });
    expect((await failure(fetcher.fetchPhoto(photo('zalo', `${cdn.url}/declared-11mb`)))).reason).toBe('too_large');
  });

  it('gives up after the timeout', async () => {
    const fetcher = createPhotoFetcher({ allowLoopbackForTests: true, timeoutMs: 300 });
    const started = Date.now();
    const error = await failure(fetcher.fetchPhoto(photo('zalo', `${cdn.url}/silent`)));
    expect(error.reason).toBe('download_failed');
    expect(error.message).toContain('timed out');
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('web chat', () => {
  it('reads an upload from the media store by its id', async () => {
    const bytes = jpeg(100);
    const id = createHash('sha256').update(bytes).digest('hex');
    const media = { get: async (sha256: string) => (sha256 === id ? { buffer: bytes, mime: 'image/jpeg' } : null) };
    const fetcher = createPhotoFetcher({ media });
    expect(await fetcher.fetchPhoto(photo('web', id))).toEqual(bytes);
    expect((await failure(fetcher.fetchPhoto(photo('web', 'f'.repeat(64))))).reason).toBe('download_failed');
  });

  it('takes only photo messages', async () => {
    const text: Inbound = { ...photo('web', 'x'), content: { kind: 'text', text: 'hi' } };
    await expect(createPhotoFetcher({}).fetchPhoto(text)).rejects.toThrow(TypeError);
  });
});

describe('photo intake (fetch → store → EXIF GPS)', () => {
  let database: TestDatabase;
  let dataDir: string;
  let store: MediaStore;
  let cdn: LocalServer;
  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'phuong-intake-'));
    store = createMediaStore({ dataDir, db: database.db });
    cdn = await startLocalServer();
    cdn.route('/gps.jpg', (_req, res) => res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpegWithGps(20.8561, 106.6822)));
    cdn.route('/plain.jpg', (_req, res) => res.writeHead(200).end(jpeg(3000)));
    cdn.route('/fake.jpg', (_req, res) => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end('MZ\x90\x00 not an image'));
  });
  afterAll(async () => {
    await cdn.close();
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const intakeWith = () => createPhotoIntake({ fetcher: createPhotoFetcher({ allowLoopbackForTests: true, media: store }), store });

  it('stores the photo and takes its EXIF GPS as the location', async () => {
    const result = await intakeWith().intake(photo('zalo', `${cdn.url}/gps.jpg`));
    expect(result).toMatchObject({ ok: true, mime: 'image/jpeg', gps: { lat: expect.closeTo(20.8561, 4), lng: expect.closeTo(106.6822, 4) } });
    if (!result.ok) throw new Error('unreachable');
    // The stored copy keeps no metadata: its GPS has been read, then dropped.
    expect((await store.get(result.sha256))?.buffer).toEqual(stripJpegMetadata(jpegWithGps(20.8561, 106.6822)));
  });

  it('a photo without EXIF GPS is stored with gps null', async () => {
    const result = await intakeWith().intake(photo('zalo', `${cdn.url}/plain.jpg`));
    expect(result).toMatchObject({ ok: true, gps: null, bytes: 3000 });
  });

  it('a web upload is found by its media id', async () => {
    const { sha256 } = await store.put(jpegWithGps(20.86, 106.68));
    const result = await intakeWith().intake(photo('web', sha256));
    expect(result).toMatchObject({ ok: true, gps: { lat: expect.closeTo(20.86, 4) } });
    // What is kept is the copy without metadata.
    expect(result.ok && (await store.get(result.sha256))?.buffer).toEqual(stripJpegMetadata(jpegWithGps(20.86, 106.68)));
  });

  it('refusals are answers, not exceptions', async () => {
    const intake = intakeWith();
    expect(await intake.intake(photo('zalo', 'http://evil.example/x.jpg'))).toEqual({ ok: false, reason: 'host_not_allowed' });
    expect(await intake.intake(photo('zalo', `${cdn.url}/fake.jpg`))).toEqual({ ok: false, reason: 'not_an_image' });
    expect(await intake.intake(photo('zalo', `${cdn.url}/missing.jpg`))).toEqual({ ok: false, reason: 'download_failed' });
  });

  it('a failing store is thrown, so the inbound job is retried', async () => {
    const broken = { ...store, put: async () => Promise.reject(new Error('disk full')) };
    const intake = createPhotoIntake({ fetcher: createPhotoFetcher({ allowLoopbackForTests: true }), store: broken });
    await expect(intake.intake(photo('zalo', `${cdn.url}/plain.jpg`))).rejects.toThrow('disk full');
  });
});
