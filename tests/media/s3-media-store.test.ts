/**
 * Photos in S3-compatible object storage (S3_ENDPOINT…), against a real S3-compatible server on loopback
 * (s3rver): what one host uploads, another host of the same deployment serves through a signed link.
 * s3rver checks the access key but does not verify V4 signatures; the signing is aws4's, used as AWS documents.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueKit } from '../../jobs/queue-kit.js';
import type { Config } from '../../src/config.js';
import { buildServer } from '../../src/http/server.js';
import { createMediaStore } from '../../src/media/media-store.js';
import { createS3BlobStore, S3RequestError, type S3Options } from '../../src/media/s3-blob-store.js';
import { signMediaPath } from '../../src/media/signed-links.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const SECRET = 'signed-link-secret';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

let s3: S3rver;
let s3Dir: string;
let options: S3Options;
let database: TestDatabase;
const hosts: FastifyInstance[] = [];
const dirs: string[] = [];

/** One host of the deployment: its own DATA_DIR (empty), the shared database and the shared bucket. */
async function host(): Promise<FastifyInstance> {
  const dataDir = await mkdtemp(join(tmpdir(), 'phuong-s3-host-'));
  dirs.push(dataDir);
  const media = createMediaStore({ dataDir, db: database.db, blobs: createS3BlobStore(options) });
  const app = buildServer({ config: { port: 0, dataDir, logLevel: 'warn' } as Config, db: database.db, queues: {} as QueueKit, ingest: async () => ({ duplicate: false }), media, mediaSecret: SECRET });
  await app.ready();
  hosts.push(app);
  return app;
}

beforeAll(async () => {
  s3Dir = await mkdtemp(join(tmpdir(), 'phuong-s3rver-'));
  s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: s3Dir, configureBuckets: [{ name: 'phuong-media', configs: [] }] });
  const { port } = await s3.run();
  options = { endpoint: `http://127.0.0.1:${port}`, bucket: 'phuong-media', region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const app of hosts) await app.close();
  await s3?.close();
  await database?.drop();
  for (const dir of [s3Dir, ...dirs]) await rm(dir, { recursive: true, force: true });
});

describe('photos in S3-compatible storage', () => {
  it('serves on one host what a resident uploaded through another, and keeps nothing on local disk', async () => {
    const [uploader, server] = [await host(), await host()];
    const upload = await uploader.inject({ method: 'POST', url: '/api/chat/photos?session=sess_0123456789abcdef', headers: { 'content-type': 'image/png' }, payload: PNG });
    expect(upload.statusCode).toBe(200);
    const sha256 = upload.json().mediaId;
    expect(sha256).toBe(createHash('sha256').update(PNG).digest('hex'));

    const link = signMediaPath(sha256, new Date(Date.now() + 60_000), SECRET);
    const served = await server.inject({ method: 'GET', url: link });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(PNG)).toBe(true);
    for (const dir of dirs) expect(await readdir(dir)).toEqual([]);
  });

  it('names the object by its content address in the bucket', async () => {
    const store = createMediaStore({ dataDir: dirs[0], db: database.db, blobs: createS3BlobStore(options) });
    const { sha256 } = await store.put(PNG);
    expect(store.path(sha256)).toBe(`s3://phuong-media/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`);
    expect(await createS3BlobStore(options).read(`${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`)).toEqual(PNG);
    expect(await createS3BlobStore(options).read('00/00/missing')).toBeNull();
  });

  it('fails with the S3 error code and records no photo when the bucket is wrong', async () => {
    await database.truncate();
    const store = createMediaStore({ dataDir: dirs[0], db: database.db, blobs: createS3BlobStore({ ...options, bucket: 'no-such-bucket' }) });
    const error = await store.put(PNG).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(S3RequestError);
    expect(error).toMatchObject({ method: 'PUT', status: 404, s3Code: 'NoSuchBucket' });
    expect(String(error)).not.toContain('S3RVER');
    expect(await database.db.selectFrom('media').selectAll().execute()).toEqual([]);
  });
});
