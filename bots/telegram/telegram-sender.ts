/** Delivers outbound messages through the Telegram Bot API with grammY, mapping its errors to fates. */
import { Api, GrammyError, HttpError, InlineKeyboard, InputFile } from 'grammy';
import { mediaOf, type ChannelSender, type FileSource, type MediaSource, type SendResult } from '../channel-sender.js';
import type { Outbound } from '../../src/domain/message-model.js';

/** Telegram's text limit; longer texts are cut with an ellipsis. */
const MAX_TEXT = 4096;

/** A call that takes longer is abandoned (grammY's default is 500 s): a stuck send must not hold its chat. */
export const TELEGRAM_TIMEOUT_SECONDS = 15;

export function createTelegramApi(token: string, apiRoot: string): Api {
  return new Api(token, { apiRoot, timeoutSeconds: TELEGRAM_TIMEOUT_SECONDS });
}

export function createTelegramSender(api: Api, media?: MediaSource, files?: FileSource): ChannelSender {
  return {
    channel: 'telegram',
    async send(userId, message) {
      try {
        let lastId = 0;
        for (const photo of message.photos ?? []) {
          // Our photos are uploaded (no public URL needed); the ward server may sit behind NAT.
          const stored = await mediaOf(photo, media);
          lastId = (await api.sendPhoto(userId, stored ? new InputFile(stored.buffer, 'anh.jpg') : photo)).message_id;
        }
        const file = message.document?.ref.startsWith('file:') ? await files?.get(message.document.ref.slice(5)) : null;
        const sent = file
          ? await api.sendDocument(userId, new InputFile(file, message.document!.filename), { caption: clip(message.text, 1024) })
          : await api.sendMessage(userId, clip(message.text), { reply_markup: keyboard(message) });
        lastId = sent.message_id;
        return { kind: 'sent', platformMessageId: String(lastId) };
      } catch (error) {
        return telegramFate(error);
      }
    },
  };
}

function keyboard(message: Outbound): InlineKeyboard | undefined {
  if (!message.choices?.length) return undefined;
  // One button a row (labels are Vietnamese phrases); callback_data holds only the short ASCII id (≤ 64 bytes).
  return InlineKeyboard.from(message.choices.map((choice) => [InlineKeyboard.text(choice.label, choice.value)]));
}

function clip(text: string, max = MAX_TEXT): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Map a grammY error to the message's fate. */
export function telegramFate(error: unknown): SendResult {
  if (error instanceof GrammyError) {
    const description = error.description;
    if (error.error_code === 429) {
      const seconds = error.parameters.retry_after ?? 1;
      return { kind: 'retry', afterMs: seconds * 1000, reason: 'telegram_429', scope: 'chat' };
    }
    if (error.error_code === 403) return { kind: 'undeliverable', reason: `blocked: ${description}` };
    if (error.error_code === 400 && /chat not found|user not found|PEER_ID_INVALID/i.test(description)) {
      return { kind: 'undeliverable', reason: `invalid_user: ${description}` };
    }
    if (error.error_code >= 500) return { kind: 'retry', afterMs: 2000, reason: `telegram_${error.error_code}`, scope: 'chat' };
    return { kind: 'failed', reason: `telegram_${error.error_code}: ${description}` };
  }
  if (error instanceof HttpError) return { kind: 'retry', afterMs: 2000, reason: 'telegram_network', scope: 'chat' };
  return { kind: 'failed', reason: String(error) };
}
