/**
 * The synthetic inbound traffic: text messages from a fixed pool of users, half Telegram updates (with the
 * webhook secret header), half signed Zalo events, interleaved. Users take turns, so each one writes every
 * `users / rate` seconds (2.5 s at 500 users and 200 msg/s): per-chat ordering and pacing apply as they would.
 */
import { telegramTextUpdate } from '../tests/fakes/fake-telegram.js';
import { FAKE_ZALO_APP_ID, signZaloEvent, zaloTextEvent } from '../tests/fakes/fake-zalo.js';
import type { Shot } from './load.js';

export const BENCH_TELEGRAM_SECRET = 'bench-webhook-secret';
export const BENCH_ZALO_OA_SECRET = 'bench-oa-secret-key';

export interface TrafficOptions {
  /** Size of the user pool (even). */
  users: number;
  /** Distinguishes pools (warm-up vs measured): user ids never overlap between pools. */
  pool: number;
  /** `mixed`: even messages Telegram, odd ones Zalo. `telegram`: the same users and order, all on Telegram. */
  channels: 'mixed' | 'telegram';
}

/**
 * Message `i` of the traffic. Its text is free text that no feature takes for an answer (not a number, not
 * "đồng ý"), so every message gets exactly one reply: the consent notice first, the consent reminder after.
 */
export function buildTraffic(options: TrafficOptions): (index: number) => Shot {
  const half = Math.max(1, Math.floor(options.users / 2));
  return (index) => {
    const slot = Math.floor(index / 2) % half;
    const zalo = index % 2 === 1;
    const text = `tin nhắn thử tải ${index}`;
    if (zalo && options.channels === 'mixed') {
      const userId = `83${String(options.pool).padStart(2, '0')}${String(slot).padStart(15, '0')}`;
      const signed = signZaloEvent(zaloTextEvent(userId, text), { appId: FAKE_ZALO_APP_ID, oaSecretKey: BENCH_ZALO_OA_SECRET });
      return { chat: `zalo:${userId}`, path: '/webhooks/zalo', body: signed.body, headers: signed.headers };
    }
    // Telegram-only traffic keeps the Zalo users as Telegram chats of their own (second half of the id range).
    const chatId = 700_000_000 + options.pool * 1_000_000 + (zalo ? half : 0) + slot;
    return {
      chat: `telegram:${chatId}`,
      path: '/webhooks/telegram',
      body: JSON.stringify(telegramTextUpdate(chatId, text)),
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': BENCH_TELEGRAM_SECRET },
    };
  };
}
