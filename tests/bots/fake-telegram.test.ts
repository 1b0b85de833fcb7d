import { Api, GrammyError, InputFile } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startFakeTelegram,
  telegramCallbackUpdate,
  telegramLocationUpdate,
  telegramPhotoUpdate,
  telegramTextUpdate,
} from '../fakes/fake-telegram.js';
import type { FakeTelegram } from '../fakes/fake-telegram.js';

describe('fake Telegram driven by grammY', () => {
  let telegram: FakeTelegram;
  let api: Api;

  beforeEach(async () => {
    telegram = await startFakeTelegram();
    api = new Api(telegram.token, { apiRoot: telegram.apiRoot });
  });

  afterEach(async () => {
    await telegram.close();
  });

  it('getMe answers the bot', async () => {
    const me = await api.getMe();
    expect(me).toMatchObject({ id: 123456789, is_bot: true, username: 'phuong_fake_bot' });
  });

  it('sendMessage answers a Message and message ids grow per chat', async () => {
    const keyboard = { inline_keyboard: [[{ text: 'Gửi', callback_data: 'c:send' }]] };
    const first = await api.sendMessage(1001, 'Xin chào', { reply_markup: keyboard });
    const second = await api.sendMessage(1001, 'Lần hai');
    const other = await api.sendMessage(-1002003004005, 'Nhóm');
    expect(first).toMatchObject({ message_id: 1, chat: { id: 1001, type: 'private' }, text: 'Xin chào', reply_markup: keyboard });
    expect(second.message_id).toBe(2);
    expect(other).toMatchObject({ message_id: 1, chat: { type: 'supergroup' } });
    expect(telegram.sent).toEqual([
      expect.objectContaining({ method: 'sendMessage', chatId: 1001, text: 'Xin chào', replyMarkup: keyboard, messageId: 1 }),
      expect.objectContaining({ chatId: 1001, text: 'Lần hai', messageId: 2 }),
      expect.objectContaining({ chatId: -1002003004005, messageId: 1 }),
    ]);
    await expect(telegram.waitForSent(3, 100)).resolves.toHaveLength(3);
  });

  it('a 429 surfaces as GrammyError with error_code 429 and parameters.retry_after', async () => {
    telegram.rateLimitNext(7);
    const error = await api.sendMessage(1001, 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect(error).toMatchObject({ error_code: 429, method: 'sendMessage', parameters: { retry_after: 7 } });
    expect((error as GrammyError).description).toBe('Too Many Requests: retry after 7');
    // only the next call was limited
    await expect(api.sendMessage(1001, 'y')).resolves.toMatchObject({ text: 'y' });
    expect(telegram.sent).toHaveLength(1);
  });

  it('failNext answers the given error', async () => {
    telegram.failNext(403, 'Forbidden: bot was blocked by the user', { method: 'sendMessage' });
    await api.getMe(); // not affected: the fault waits for sendMessage
    const error = await api.sendMessage(1001, 'x').catch((e: unknown) => e);
    expect(error).toMatchObject({ error_code: 403, description: 'Forbidden: bot was blocked by the user' });
  });

  it('rejects what Telegram rejects: empty text, callback_data over 64 bytes, a wrong token', async () => {
    await expect(api.sendMessage(1001, '')).rejects.toMatchObject({ error_code: 400 });
    const long = 'đ'.repeat(33); // 66 bytes in UTF-8
    await expect(
      api.sendMessage(1001, 'x', { reply_markup: { inline_keyboard: [[{ text: 'a', callback_data: long }]] } }),
    ).rejects.toMatchObject({ error_code: 400, description: 'Bad Request: BUTTON_DATA_INVALID' });
    const wrong = new Api('1:wrong', { apiRoot: telegram.apiRoot });
    await expect(wrong.getMe()).rejects.toMatchObject({ error_code: 401 });
  });

  it('getUpdates long polling returns a pushed update, and honours offset', async () => {
    const pending = api.getUpdates({ offset: 0, timeout: 5 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const update = telegramTextUpdate(1001, '/start abc');
    telegram.pushUpdate(update);
    const started = Date.now();
    const updates = await pending;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({
      update_id: update.update_id,
      message: { text: '/start abc', chat: { id: 1001 }, entities: [{ type: 'bot_command', offset: 0, length: 6 }] },
    });

    // Not confirmed yet: asking again from 0 returns it again; asking past it confirms it.
    expect(await api.getUpdates({ offset: 0, timeout: 0 })).toHaveLength(1);
    expect(await api.getUpdates({ offset: update.update_id + 1, timeout: 0 })).toHaveLength(0);
    expect(await api.getUpdates({ offset: 0, timeout: 0 })).toHaveLength(0);
  });

  it('a long poll without updates returns [] after its timeout, and promptly on close', async () => {
    await expect(api.getUpdates({ timeout: 1 })).resolves.toEqual([]);
    const pending = api.getUpdates({ timeout: 30 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await telegram.close();
    await expect(pending).resolves.toEqual([]);
    expect(Date.now() - started).toBeLessThan(1000);
    telegram = await startFakeTelegram(); // for afterEach
  });

  it('getUpdates is refused while a webhook is set', async () => {
    await api.setWebhook('https://example.org/webhooks/telegram', { secret_token: 'abc_DEF-123' });
    expect(telegram.webhook).toEqual({ url: 'https://example.org/webhooks/telegram', secretToken: 'abc_DEF-123' });
    await expect(api.getUpdates()).rejects.toMatchObject({ error_code: 409 });
    await api.deleteWebhook();
    await expect(api.getUpdates()).resolves.toEqual([]);
  });

  it('answerCallbackQuery and editMessageReplyMarkup, including "message is not modified"', async () => {
    const keyboard = { inline_keyboard: [[{ text: 'Xong', callback_data: 'done' }]] };
    const message = await api.sendMessage(1001, 'Vụ việc PA-1', { reply_markup: keyboard });
    const tap = telegramCallbackUpdate(1001, 'done', { messageId: message.message_id });
    await api.answerCallbackQuery(tap.callback_query.id, { text: 'Đã ghi nhận' });
    expect(telegram.callbackAnswers).toEqual([{ callbackQueryId: tap.callback_query.id, text: 'Đã ghi nhận' }]);

    await api.editMessageReplyMarkup(1001, message.message_id, { reply_markup: { inline_keyboard: [] } });
    expect(telegram.edits).toEqual([{ chatId: 1001, messageId: 1, replyMarkup: { inline_keyboard: [] } }]);
    await expect(
      api.editMessageReplyMarkup(1001, message.message_id, { reply_markup: { inline_keyboard: [] } }),
    ).rejects.toMatchObject({ error_code: 400 });
    await expect(api.editMessageReplyMarkup(1001, 99, { reply_markup: keyboard })).rejects.toMatchObject({
      description: 'Bad Request: message to edit not found',
    });
  });

  it('getFile and the file download serve a registered file', async () => {
    telegram.files.set('PHOTO1', Buffer.from('jpeg-bytes'));
    const file = await api.getFile('PHOTO1');
    expect(file.file_path).toBeTruthy();
    const response = await fetch(`${telegram.apiRoot}/file/bot${telegram.token}/${file.file_path}`);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).toString()).toBe('jpeg-bytes');
    await expect(api.getFile('nope')).rejects.toMatchObject({ error_code: 400 });
  });

  it('sendPhoto by file id, sendDocument as a multipart upload', async () => {
    const photo = await api.sendPhoto(1001, 'AgACAgUAAxkBAAI', { caption: 'Ảnh sau xử lý' });
    expect(photo.photo?.at(-1)?.file_id).toBe('AgACAgUAAxkBAAI');
    const bytes = Buffer.from('col1,col2\n1,2\n');
    const document = await api.sendDocument(1001, new InputFile(bytes, 'bao-cao.csv'), { caption: 'Báo cáo' });
    expect(document.document).toMatchObject({ file_name: 'bao-cao.csv', file_size: bytes.length });
    const sentDocument = telegram.sent[1];
    expect(sentDocument).toMatchObject({ method: 'sendDocument', chatId: 1001, text: 'Báo cáo' });
    expect(sentDocument.upload?.bytes.equals(bytes)).toBe(true);
    expect(telegram.files.get(document.document?.file_id ?? '')?.equals(bytes)).toBe(true);
  });

  it('JSON-typed parameters in a form body are decoded', async () => {
    const response = await fetch(`${telegram.apiRoot}/bot${telegram.token}/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ chat_id: '42', text: 'hi', reply_markup: JSON.stringify({ inline_keyboard: [[{ text: 'a', callback_data: 'b' }]] }) }),
    });
    expect(await response.json()).toMatchObject({ ok: true, result: { chat: { id: 42 }, text: 'hi' } });
    expect(telegram.sent[0].replyMarkup).toEqual({ inline_keyboard: [[{ text: 'a', callback_data: 'b' }]] });
  });

  it('optional sending limits answer 429 with the time until the window frees', async () => {
    await telegram.close();
    telegram = await startFakeTelegram({ limits: { perChatPerSecond: 1 } });
    api = new Api(telegram.token, { apiRoot: telegram.apiRoot });
    await api.sendMessage(1, 'a');
    await expect(api.sendMessage(1, 'b')).rejects.toMatchObject({ error_code: 429, parameters: { retry_after: 1 } });
    await expect(api.sendMessage(2, 'c')).resolves.toBeTruthy();
  });
});

describe('update builders', () => {
  it('update ids increase across builders', () => {
    const ids = [
      telegramTextUpdate(1, 'a').update_id,
      telegramPhotoUpdate(1, 'F', 'cap').update_id,
      telegramLocationUpdate(1, 20.86, 106.68).update_id,
      telegramCallbackUpdate(1, 'x').update_id,
    ];
    expect(ids).toEqual([ids[0], ids[0] + 1, ids[0] + 2, ids[0] + 3]);
  });

  it('a photo update lists sizes small to large, the given file id last', () => {
    const update = telegramPhotoUpdate(1001, 'BIG', 'Cột điện');
    expect(update.message.photo.at(-1)?.file_id).toBe('BIG');
    expect(update.message.caption).toBe('Cột điện');
  });
});
