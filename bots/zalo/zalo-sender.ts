/** Delivers outbound messages through the Zalo OA API, mapping Zalo's error codes to fates. */
import { mediaOf, type ChannelSender, type FileSource, type MediaSource, type SendResult } from '../channel-sender.js';
import { vi } from '../../src/messages/vi.js';
import { endOfQuietHours } from '../../src/domain/working-calendar.js';
import type { ZaloClient } from './client.js';
import { ZaloApiError, ZaloHttpError } from './errors.js';

export function createZaloSender(
  client: ZaloClient,
  media?: MediaSource,
  files?: FileSource,
  now: () => Date = () => new Date(),
): ChannelSender {
  return {
    channel: 'zalo',
    async send(userId, message) {
      try {
        let lastId = '';
        for (const ref of message.photos ?? []) {
          const stored = await mediaOf(ref, media);
          const image = stored
            ? { attachmentId: await client.uploadImage(stored.buffer, 'anh.jpg', stored.mime) }
            : { url: ref };
          lastId = (await client.sendImage(userId, image)).messageId;
        }
        // Files through the OA API are unconfirmed here: a signed link instead (needs PUBLIC_URL).
        const doc = message.document;
        const link = doc?.ref.startsWith('file:') ? files?.publicLink(doc.ref.slice(5), doc.filename) : null;
        const text = doc ? `${message.text}\n${link ? vi.phones.fileLink(link) : vi.phones.fileOnlyElsewhere}` : message.text;
        lastId = (await client.sendText(userId, text, message.choices)).messageId;
        return { kind: 'sent', platformMessageId: lastId };
      } catch (error) {
        return zaloFate(error, now());
      }
    },
  };
}

/** Map a Zalo error to the message's fate. */
export function zaloFate(error: unknown, now: Date): SendResult {
  if (error instanceof ZaloApiError) {
    switch (error.category) {
      case 'rate_limited':
        return { kind: 'retry', afterMs: 5000, reason: 'zalo_-32_rate_limited', scope: 'channel' };
      case 'quiet_hours':
        return {
          kind: 'retry',
          afterMs: Math.max(60_000, endOfQuietHours(now).getTime() - now.getTime()),
          reason: 'zalo_-234_quiet_hours',
          scope: 'chat',
        };
      case 'outside_window':
        return { kind: 'undeliverable', reason: `outside_7_day_window (${error.code})` };
      case 'user_unreachable':
        return { kind: 'undeliverable', reason: `user_unreachable (${error.code})` };
      case 'token_invalid':
        return { kind: 'retry', afterMs: 30_000, reason: `zalo_token_rejected (${error.code})`, scope: 'chat' };
      default:
        return { kind: 'failed', reason: `zalo_${error.code}: ${error.message}` };
    }
  }
  if (error instanceof ZaloHttpError) return { kind: 'retry', afterMs: 2000, reason: 'zalo_network', scope: 'chat' };
  return { kind: 'failed', reason: String(error) };
}
