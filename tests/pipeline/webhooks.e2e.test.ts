/**
 * The backbone, end to end through the real HTTP server, queues and database, with the platforms faked on
 * loopback: promises 1–4 of DESIGN.md, on every queue backend available.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTelegram, telegramCallbackUpdate, telegramTextUpdate, type FakeTelegram } from '../fakes/fake-telegram.js';
import { signZaloEvent, startFakeZalo, zaloTextEvent, type FakeZalo } from '../fakes/fake-zalo.js';
import { queueBackends } from '../support/queue-backends.js';
import { eventually, postJson, startTestApp, TELEGRAM_SECRET, ZALO_OA_SECRET, type TestApp } from '../support/test-app.js';

describe.each(queueBackends())('pipeline on the $name queue backend', (backend) => {
  let telegram: FakeTelegram;
  let zalo: FakeZalo;
  let app: TestApp;

  beforeAll(async () => {
    telegram = await startFakeTelegram();
    zalo = await startFakeZalo();
    app = await startTestApp({ backend, telegram, zalo });
  });

  afterAll(async () => {
    await app?.stop();
    await telegram?.close();
    await zalo?.close();
  });

  const zaloPost = (event: object, secret = ZALO_OA_SECRET) => {
    const signed = signZaloEvent(event, { appId: zalo.appId, oaSecretKey: secret });
    return postJson(`${app.url}/webhooks/zalo`, signed.body, signed.headers);
  };
  const telegramPost = (update: object, secret = TELEGRAM_SECRET) =>
    postJson(`${app.url}/webhooks/telegram`, update, { 'x-telegram-bot-api-secret-token': secret });

  it('answers a signed Zalo text with the consent notice, at the fake Zalo API', async () => {
    const response = await zaloPost(zaloTextEvent('8301000000000000001', 'xin chào'));
    expect(response.status).toBe(200);
    const [sent] = await zalo.waitForSent(1);
    expect(sent.userId).toBe('8301000000000000001');
    expect(sent.text).toContain('dữ liệu cá nhân');
    // Zalo has no confirmed buttons on CS messages: choices are numbered, answered by typing.
    expect(sent.text).toMatch(/1\. Đồng ý/);
  });

  it('takes a typed "1" on Zalo as the first choice and shows the menu', async () => {
    const before = zalo.sent.length;
    await zaloPost(zaloTextEvent('8301000000000000001', '1'));
    const sent = await zalo.waitForSent(before + 2);
    expect(sent[before].text).toContain('Cảm ơn');
    expect(sent[before + 1].text).toContain('Phản ánh quảng cáo');
  });

  it('answers a Telegram update with an inline keyboard whose callback data are short ids', async () => {
    const response = await telegramPost(telegramTextUpdate(5001, 'chào bạn'));
    expect(response.status).toBe(200);
    const [sent] = await telegram.waitForSent(1);
    expect(String(sent.chatId)).toBe('5001');
    expect(sent.text).toContain('dữ liệu cá nhân');
    const keyboard = (sent.replyMarkup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard;
    expect(keyboard.flat().map((b) => b.callback_data)).toEqual(['consent_yes', 'consent_no']);
  });

  it('answers a button tap in the webhook response and goes on with the conversation', async () => {
    const before = telegram.sent.length;
    const response = await telegramPost(telegramCallbackUpdate(5001, 'consent_yes'));
    expect(response.body).toMatchObject({ method: 'answerCallbackQuery' });
    const sent = await telegram.waitForSent(before + 2);
    expect(sent[before].text).toContain('Cảm ơn');
    const menu = (sent[before + 1].replyMarkup as { inline_keyboard: { text: string }[][] }).inline_keyboard.flat();
    expect(menu.map((b) => b.text)).toContain('Phản ánh quảng cáo trái phép');
  });

  it('refuses a forged Zalo signature with 401 and stores nothing', async () => {
    const event = zaloTextEvent('8301000000000000002', 'giả mạo');
    const response = await zaloPost(event, 'not-the-secret');
    expect(response.status).toBe(401);
    const rows = await app.db.selectFrom('inbound_events').select('id').where('external_user_id', '=', '8301000000000000002').execute();
    expect(rows).toHaveLength(0);
  });

  it('refuses an unsigned Zalo event, but answers the console probe {} with 200', async () => {
    const unsigned = await postJson(`${app.url}/webhooks/zalo`, zaloTextEvent('8301000000000000003', 'x'));
    expect(unsigned.status).toBe(401);
    const probe = await postJson(`${app.url}/webhooks/zalo`, '{}');
    expect(probe.status).toBe(200);
  });

  it('refuses a Telegram update without the secret token', async () => {
    const response = await telegramPost(telegramTextUpdate(5009, 'x'), 'wrong');
    expect(response.status).toBe(401);
  });

  it('answers malformed payloads with 400 and the field at fault', async () => {
    const notJson = await postJson(`${app.url}/webhooks/telegram`, '{oops', { 'x-telegram-bot-api-secret-token': TELEGRAM_SECRET });
    expect(notJson.status).toBe(400);
    const noUpdateId = await telegramPost({ message: {} });
    expect(noUpdateId).toMatchObject({ status: 400, body: { field: 'update_id' } });
  });

  it('replies once to the same Zalo event delivered twice', async () => {
    const event = zaloTextEvent('8301000000000000004', 'gửi hai lần');
    const first = await zaloPost(event);
    const second = await zaloPost(event);
    expect([first.status, second.status]).toEqual([200, 200]);
    await zalo.waitForSent(zalo.sent.length + 0);
    await eventually(() => zalo.sent.some((s) => s.userId === '8301000000000000004'));
    // Give a duplicate every chance to show up before counting.
    await new Promise((r) => setTimeout(r, 800));
    expect(zalo.sent.filter((s) => s.userId === '8301000000000000004')).toHaveLength(1);
    const events = await app.db.selectFrom('inbound_events').select('id').where('external_user_id', '=', '8301000000000000004').execute();
    expect(events).toHaveLength(1);
  });

  it('waits out a Telegram 429 retry_after and then sends the message once', async () => {
    telegram.rateLimitNext(2);
    const startedAt = Date.now();
    await telegramPost(telegramTextUpdate(5002, 'xin chào'));
    const sent = await eventually(() => telegram.sent.filter((s) => String(s.chatId) === '5002').length === 1 && telegram.sent, 15_000);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(2000);
    expect(sent.filter((s) => String(s.chatId) === '5002')).toHaveLength(1);
    const row = await eventually(async () => {
      const r = await app.db.selectFrom('outbox').selectAll().where('external_user_id', '=', '5002').executeTakeFirstOrThrow();
      return r.status === 'sent' && r;
    });
    expect(row.attempts).toBe(2);
    expect(row.platform_message_id).toBeTruthy();
  });

  it('refreshes the Zalo token once on -216, stores the new pair, and sends the message', async () => {
    const refreshesBefore = zalo.refreshCount;
    zalo.failNext(-216);
    await zaloPost(zaloTextEvent('8301000000000000005', 'token hết hạn'));
    await eventually(() => zalo.sent.some((s) => s.userId === '8301000000000000005'));
    expect(zalo.refreshCount).toBe(refreshesBefore + 1);
    const stored = await app.db.selectFrom('zalo_tokens').selectAll().executeTakeFirstOrThrow();
    expect(stored.refresh_token).toBe(zalo.refreshToken);
    expect(stored.access_token).toBe(zalo.accessToken);
  });

  it('records a Zalo -230 as undeliverable with its reason', async () => {
    zalo.failNext(-230);
    await zaloPost(zaloTextEvent('8301000000000000006', 'ngoài cửa sổ'));
    const row = await eventually(async () => {
      const r = await app.db.selectFrom('outbox').selectAll().where('external_user_id', '=', '8301000000000000006').executeTakeFirst();
      return r?.status === 'undeliverable' && r;
    });
    expect(row.fate_reason).toContain('outside_7_day_window');
  });

  it('reports the database and queue in /healthz', async () => {
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok', queue: { backend: backend.name, status: 'ok' } });
  });
});
