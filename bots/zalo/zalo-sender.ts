/** Delivers outbound messages through the Zalo OA API, mapping Zalo's error codes to fates. */
import { mediaOf, type ChannelSender, type MediaSource, type SendResult } from '../channel-sender.js';
import { endOfQuietHours } from '../../src/domain/working-calendar.js';
import type { ZaloClient } from './client.js';
import { ZaloApiError, ZaloHttpError } from './errors.js';

export function createZaloSender(client: ZaloClient, media?: MediaSource, now: () => Date = () => new Date()): ChannelSender {
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
        lastId = (await client.sendText(userId, message.text, message.choices)).messageId;
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
        return { kind: 'retry', afterMs: 30_000, reason: `zalo_token_rejected (${error.code})`, scope: 'channel' };
      default:
        return { kind: 'failed', reason: `zalo_${error.code}: ${error.message}` };
    }
  }
  if (error instanceof ZaloHttpError) return { kind: 'retry', afterMs: 2000, reason: 'zalo_network', scope: 'channel' };
  return { kind: 'failed', reason: String(error) };
}
