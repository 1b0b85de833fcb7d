/** Without PUBLIC_URL (a ward server behind NAT), Telegram updates come by long polling, through the same pipeline. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTelegram, telegramTextUpdate, type FakeTelegram } from '../fakes/fake-telegram.js';
import { queueBackends } from '../support/queue-backends.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const [backend] = queueBackends();
let telegram: FakeTelegram;
let app: TestApp;

beforeAll(async () => {
  telegram = await startFakeTelegram();
  app = await startTestApp({ backend, telegram, telegramMode: 'polling' });
});
afterAll(async () => {
  await app?.stop();
  await telegram?.close();
});

describe('Telegram long polling', () => {
  it('receives a pushed update by getUpdates and replies', async () => {
    telegram.pushUpdate(telegramTextUpdate(7001, 'xin chào'));
    const [sent] = await telegram.waitForSent(1, 15_000);
    expect(String(sent.chatId)).toBe('7001');
    expect(sent.text).toContain('dữ liệu cá nhân');
    expect(telegram.received.some((r) => r.method === 'deleteWebhook')).toBe(true);
  });
});
