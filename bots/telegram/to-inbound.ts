/** Telegram updates → our channel-agnostic {@link Inbound}. Pure: the webhook and the poller both use it. */
import type { Update } from 'grammy/types';
import type { Inbound } from '../../src/domain/message-model.js';

/**
 * The message id is `(chat id, message id)` or the callback query id — not `update_id`, which restarts at a
 * random value after a week of silence.
 */
export function telegramUpdateToInbound(update: Update): Inbound | null {
  if (update.callback_query) {
    const query = update.callback_query;
    const chatId = query.message?.chat.id ?? query.from.id;
    return {
      channel: 'telegram',
      userId: String(chatId),
      messageId: `cb-${query.id}`,
      sentAt: new Date().toISOString(),
      content: { kind: 'choice', value: query.data ?? '' },
    };
  }
  const message = update.message;
  if (!message) return null;
  // Groups and channels are not conversations with one person: only private chats are taken.
  if (message.chat.type !== 'private') return null;
  const base = {
    channel: 'telegram' as const,
    userId: String(message.chat.id),
    messageId: `${message.chat.id}-${message.message_id}`,
    sentAt: new Date(message.date * 1000).toISOString(),
  };
  if (message.text !== undefined) {
    if (message.text.startsWith('/start')) return { ...base, content: { kind: 'follow' } };
    return { ...base, content: { kind: 'text', text: message.text } };
  }
  if (message.photo?.length) {
    const largest = message.photo[message.photo.length - 1];
    return { ...base, content: { kind: 'photo', ref: largest.file_id, caption: message.caption } };
  }
  if (message.document) {
    const isImage = message.document.mime_type?.startsWith('image/') ?? false;
    // An image sent "as file" keeps its EXIF GPS: taken as a photo.
    return isImage
      ? { ...base, content: { kind: 'photo', ref: message.document.file_id, caption: message.caption } }
      : { ...base, content: { kind: 'unsupported', what: 'tệp đính kèm' } };
  }
  if (message.location) {
    return {
      ...base,
      content: { kind: 'location', latitude: message.location.latitude, longitude: message.location.longitude },
    };
  }
  if (message.contact) {
    return { ...base, content: { kind: 'contact', phone: message.contact.phone_number, name: message.contact.first_name } };
  }
  if (message.sticker) return { ...base, content: { kind: 'unsupported', what: 'nhãn dán (sticker)' } };
  if (message.voice || message.audio) return { ...base, content: { kind: 'unsupported', what: 'tin nhắn thoại' } };
  if (message.video || message.video_note || message.animation) {
    return { ...base, content: { kind: 'unsupported', what: 'video' } };
  }
  return { ...base, content: { kind: 'unsupported', what: 'loại tin nhắn này' } };
}
