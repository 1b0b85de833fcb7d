/**
 * Start the real product (HTTP server, workers, scheduler) on a fresh test database, with the platforms faked
 * on loopback and reached through the same config variables as in production.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Config } from '../../src/config.js';
import { startApp, type RunningApp, type AppOptions } from '../../src/runtime/app.js';
import { createLogger } from '../../src/runtime/logger.js';
import type { FakeTelegram } from '../fakes/fake-telegram.js';
import type { FakeZalo } from '../fakes/fake-zalo.js';
import type { QueueBackendCase } from './queue-backends.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const TELEGRAM_SECRET = 'test-webhook-secret';
export const ZALO_OA_SECRET = 'test-oa-secret-key';

export interface TestAppOptions {
  backend: QueueBackendCase;
  telegram?: FakeTelegram;
  zalo?: FakeZalo;
  /** Telegram by webhook (default) or by long polling. */
  telegramMode?: 'webhook' | 'polling';
  engine?: AppOptions['engine'];
  sweepAfterMs?: number;
  database?: TestDatabase;
  /** Let Zalo photo URLs point at a loopback server (the tests' stand-in for Zalo's CDN). */
  allowLoopbackPhotos?: boolean;
}

export interface TestApp extends RunningApp {
  url: string;
  database: TestDatabase;
  config: Readonly<Config>;
}

export function testConfig(databaseUrl: string, options: TestAppOptions, dataDir: string): Config {
  return {
    databaseUrl,
    redisUrl: options.backend.redisUrl,
    port: 0,
    dataDir,
    logLevel: 'warn',
    publicUrl: options.telegram && options.telegramMode !== 'polling' ? 'http://127.0.0.1:9' : undefined,
    telegram: options.telegram
      ? { token: options.telegram.token, webhookSecret: TELEGRAM_SECRET, apiRoot: options.telegram.apiRoot }
      : undefined,
    zalo: options.zalo
      ? {
          appId: options.zalo.appId,
          appSecret: options.zalo.appSecret,
          oaSecretKey: ZALO_OA_SECRET,
          accessToken: options.zalo.accessToken,
          refreshToken: options.zalo.refreshToken,
          apiBase: options.zalo.apiBase,
          oauthBase: options.zalo.oauthBase,
        }
      : undefined,
  };
}

export async function startTestApp(options: TestAppOptions): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const dataDir = await mkdtemp(join(tmpdir(), 'phuong-app-'));
  const config = Object.freeze(testConfig(database.url, options, dataDir));
  const app = await startApp(config, {
    role: 'all',
    log: createLogger('warn'),
    engine: options.engine,
    queuePrefix: `${options.backend.prefix}${randomBytes(3).toString('hex')}`,
    sweepAfterMs: options.sweepAfterMs,
    allowLoopbackPhotos: options.allowLoopbackPhotos,
    concurrency: 4,
  });
  return {
    ...app,
    url: app.url!,
    database,
    config,
    async stop() {
      await app.stop();
      if (!options.database) await database.drop();
    },
  };
}

/** POST JSON the way a platform does. */
export async function postJson(url: string, body: string | object, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Wait until `check` returns a truthy value (polling; fails after `timeoutMs`). */
export async function eventually<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
