/** The Telegram adapter against the fake Bot API: keyboards, our photos uploaded, files as documents, fates. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTelegramApi, createTelegramSender } from '../../bots/telegram/telegram-sender.js';
import { startFakeTelegram, type FakeTelegram } from '../fakes/fake-telegram.js';
import { jpeg } from '../support/images.js';

let telegram: FakeTelegram;
const photo = jpeg(2000, 3);
const sheet = Buffer.from('PK\u0003\u0004 a spreadsheet');

beforeAll(async () => {
  telegram = await startFakeTelegram();
});
afterAll(async () => {
  await telegram?.close();
});

function sender() {
  return createTelegramSender(
    createTelegramApi(telegram.token, telegram.apiRoot),
    { get: async (sha) => (sha === 'p1' ? { buffer: photo, mime: 'image/jpeg' } : null) },
    { get: async (sha) => (sha === 'f1' ? sheet : null), publicLink: () => null },
  );
}

describe('the Telegram sender', () => {
  it('uploads our stored photos, then the text with its choices as an inline keyboard', async () => {
    const result = await sender().send('4242', { text: 'Phản ánh mới', photos: ['media:p1'], choices: [{ value: 'cl_1', label: 'Đã xóa' }] });
    expect(result.kind).toBe('sent');
    const [sentPhoto, sentText] = telegram.sent.filter((m) => String(m.chatId) === '4242');
    expect(sentPhoto.method).toBe('sendPhoto');
    expect(sentPhoto.upload?.bytes.equals(photo)).toBe(true);
    expect(sentText.text).toBe('Phản ánh mới');
    expect(sentText.replyMarkup).toEqual({ inline_keyboard: [[{ text: 'Đã xóa', callback_data: 'cl_1' }]] });
  });

  it('sends an exported file as a document with the text as its caption', async () => {
    const result = await sender().send('4343', { text: 'Danh sách số', document: { ref: 'file:f1', filename: 'danh-sach.xlsx' } });
    expect(result.kind).toBe('sent');
    const [doc] = telegram.sent.filter((m) => String(m.chatId) === '4343');
    expect(doc.method).toBe('sendDocument');
    expect(doc.upload?.filename).toBe('danh-sach.xlsx');
    expect(doc.upload?.bytes.equals(sheet)).toBe(true);
  });

  it('turns a 429 into a wait of exactly retry_after, and a blocked bot into undeliverable', async () => {
    telegram.rateLimitNext(7);
    expect(await sender().send('4444', { text: 'x' })).toEqual({ kind: 'retry', afterMs: 7000, reason: 'telegram_429', scope: 'chat' });
    telegram.failNext(403, 'Forbidden: bot was blocked by the user');
    expect(await sender().send('4444', { text: 'x' })).toMatchObject({ kind: 'undeliverable', reason: expect.stringContaining('blocked') });
  });
});
