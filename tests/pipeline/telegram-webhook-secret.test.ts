/** Telegram without a webhook secret (polling behind NAT) must not accept posted updates: anyone could forge them. */
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import type { Db } from '../../db/database.js';
import type { QueueKit } from '../../jobs/queue-kit.js';
import type { MediaStore } from '../../src/media/media-store.js';
import { buildServer } from '../../src/http/server.js';
import { telegramTextUpdate } from '../fakes/fake-telegram.js';

describe('the Telegram webhook route', () => {
  it('does not exist without a secret, so a forged update is stored nowhere', async () => {
    const stored: unknown[] = [];
    const config = { port: 0, dataDir: '/tmp', logLevel: 'warn', telegram: { token: '1:x', apiRoot: 'http://127.0.0.1:9' } } as Config;
    const app = buildServer({
      config,
      db: {} as Db,
      queues: {} as QueueKit,
      ingest: async (inbound) => {
        stored.push(inbound);
        return { duplicate: false };
      },
      media: {} as MediaStore,
      mediaSecret: 'x',
    });
    const response = await app.inject({ method: 'POST', url: '/webhooks/telegram', payload: telegramTextUpdate(77, 'giả mạo') });
    expect(response.statusCode).toBe(404);
    expect(stored).toHaveLength(0);
    await app.close();
  });
});
