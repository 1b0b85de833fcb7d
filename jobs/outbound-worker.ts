/**
 * The outbound worker: sends each outbox row once, one chat at a time and in order, honouring the platforms'
 * rules (promise 4) and recording every message's fate (promise 3).
 *
 * A job names one outbox row, but sends whatever is due in that row's chat, oldest first, under a per-chat
 * lease taken for one message at a time. A chat over its pace, or rate-limited by the platform, is deferred
 * (a delayed job), never waited for in a worker slot.
 */
import { randomUUID } from 'node:crypto';
import { DelayedError, type Job, type Queue } from 'bullmq';
import type { Db } from '../db/database.js';
import type { OutboxRow } from '../db/schema.js';
import {
  addToOutbox,
  deferChat,
  deferOne,
  claimNextDue,
  getOutbox,
  markFinal,
  markSent,
  releaseChatLease,
  takeChatLease,
  type ChatPace,
} from '../db/repositories/outbox.js';
import { identitiesOf } from '../db/repositories/people.js';
import type { ChannelSender } from '../bots/channel-sender.js';
import type { Channel, Outbound } from '../src/domain/message-model.js';
import { endOfQuietHours, isQuietHour } from '../src/domain/working-calendar.js';
import { channelLabels, vi } from '../src/messages/vi.js';
import { outboundJobId, type OutboundJob } from './queue-names.js';

/** Options for {@link createOutboundProcessor}. */
export interface OutboundOptions {
  senders: Partial<Record<Channel, ChannelSender>>;
  queue: Queue<OutboundJob>;
  /** Slows the whole queue when a platform says so (Zalo -32). */
  rateLimitChannel?: (ms: number) => Promise<void>;
  /** Each chat's pace. Default: Telegram bursts of 3 then 1 a second; Zalo 5 then 3 a second; web unpaced. */
  chatPace?: Partial<Record<Channel, ChatPace>>;
  /** Attempts before a transient failure becomes `failed`. Default 6. */
  maxAttempts?: number;
  /** How long a row may stay `sending` before it counts as abandoned by a dead sender. Default 60,000 ms. */
  staleClaimMs?: number;
  /**
   * How long one send may hold its chat's lease. Default 60,000 ms: longer than the longest send (Telegram calls
   * time out at 15 s; a Zalo message with photos makes a few calls of up to 10 s each).
   */
  leaseMs?: number;
  now?: () => Date;
}

const DEFAULT_PACE: Record<Channel, ChatPace> = {
  telegram: { burst: 3, perSecond: 1 },
  zalo: { burst: 5, perSecond: 3 },
  web: { burst: 1_000, perSecond: 1_000 },
};

/** How a drain of one chat ended. */
type Drained = 'done' | 'busy' | 'deferred';

export interface OutboundProcessor {
  /** The BullMQ job. */
  (job: Job<OutboundJob>, token?: string): Promise<void>;
  /**
   * Send what is due in a chat now, in the caller's slot (the inbound worker, right after its commit: one queue
   * hop less). False when the chat is busy or deferred: then queue a job.
   */
  sendNow(chat: { channel: Channel; external_user_id: string }): Promise<boolean>;
}

export function createOutboundProcessor(db: Db, options: OutboundOptions): OutboundProcessor {
  const now = options.now ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? 6;
  const pace = { ...DEFAULT_PACE, ...options.chatPace };
  const leaseMs = options.leaseMs ?? 60_000;

  /** Send one claimed row. 'sent+more': sent, and the chat has more waiting. */
  async function sendDue(row: OutboxRow, available: number, owner: string): Promise<'sent' | 'sent+more' | 'deferred' | 'final'> {
    const sender = options.senders[row.channel];
    if (!sender) {
      await markFinal(db, row.id, 'undeliverable', `channel_off: ${row.channel}`);
      await fallBack(row, `channel_off: ${row.channel}`);
      return 'final';
    }
    // Night rule for messages that make a phone ring (Zalo forbids them: -234). The web chat is read when opened,
    // and a message held there would land behind the page's reading position.
    if (row.proactive && row.channel !== 'web' && isQuietHour(now())) {
      await deferOne(db, row.id, endOfQuietHours(now()), 'quiet_hours_22_06');
      await schedule(row.id, endOfQuietHours(now()), row.attempts);
      return 'final';
    }
    if (available < 1) {
      const waitMs = Math.ceil(((1 - available) / pace[row.channel].perSecond) * 1000);
      const until = new Date(now().getTime() + waitMs);
      await deferChat(db, row, until, 'chat_pace', false);
      await schedule(row.id, until, row.attempts);
      return 'deferred';
    }
    const result = await sender.send(row.external_user_id, row.message as Outbound);
    switch (result.kind) {
      case 'sent':
        return (await markSent(db, row, result.platformMessageId, now(), available - 1, owner)) ? 'sent+more' : 'sent';
      case 'retry': {
        const until = new Date(now().getTime() + result.afterMs);
        if (row.attempts >= maxAttempts && !result.reason.includes('429') && !result.reason.includes('quiet')) {
          await markFinal(db, row.id, 'failed', result.reason);
          await fallBack(row, result.reason);
          return 'final';
        }
        await deferChat(db, row, until, result.reason);
        if (result.scope === 'channel') await options.rateLimitChannel?.(result.afterMs);
        await schedule(row.id, until, row.attempts);
        return 'deferred';
      }
      case 'undeliverable':
      case 'failed':
        await markFinal(db, row.id, result.kind, result.reason);
        await fallBack(row, result.reason);
        return 'final';
    }
  }

  /**
   * Staff must not miss a message: when their channel cannot take it, it goes to their other channel
   * (promise 3). Residents' undelivered messages stay visible to the admin through their fate.
   */
  async function fallBack(row: OutboxRow, reason: string) {
    if (row.person_id === null || row.fallback_of !== null) return;
    const person = await db.selectFrom('people').select('role').where('id', '=', row.person_id).executeTakeFirst();
    if (!person || person.role === 'resident') return;
    const other = (await identitiesOf(db, row.person_id)).find((i) => i.channel !== row.channel);
    if (!other) return;
    const message = row.message as Outbound;
    const ids = await addToOutbox(db, [
      {
        dedup_key: `fallback-${row.id}`,
        channel: other.channel,
        external_user_id: other.external_id,
        person_id: row.person_id,
        message: JSON.stringify({ ...message, text: vi.fallbackPrefix(channelLabels[other.channel]) + message.text }),
        proactive: row.proactive,
        fallback_of: row.id,
        fate_reason: `fallback after ${reason}`,
        not_before: now(),
      },
    ]);
    for (const id of ids) await schedule(id, now(), 0);
  }

  async function schedule(outboxId: string, at: Date, attempt: number) {
    const delay = Math.max(0, at.getTime() - now().getTime());
    await options.queue.add('send', { outboxId }, { jobId: outboundJobId(outboxId, attempt), delay });
  }

  /** Send the chat's due messages, oldest first, one lease per message. */
  async function drainChat(chat: { channel: Channel; external_user_id: string }): Promise<Drained> {
    const { channel, external_user_id: userId } = chat;
    const owner = randomUUID();
    for (;;) {
      const lease = await takeChatLease(db, channel, userId, leaseMs, pace[channel], now(), owner);
      if (!lease) return 'busy';
      let outcome: Awaited<ReturnType<typeof sendDue>>;
      try {
        const row = await claimNextDue(db, channel, userId, now(), options.staleClaimMs);
        if (!row) {
          await releaseChatLease(db, channel, userId, owner);
          return 'done';
        }
        outcome = await sendDue(row, lease.available, owner);
      } catch (error) {
        await releaseChatLease(db, channel, userId, owner);
        throw error;
      }
      // markSent released the lease with its update; the other outcomes still hold it.
      if (outcome === 'sent') return 'done';
      if (outcome === 'sent+more') continue;
      await releaseChatLease(db, channel, userId, owner);
      if (outcome === 'deferred') return 'deferred';
    }
  }

  async function drainChatOf(outboxId: string): Promise<Drained> {
    const target = await getOutbox(db, outboxId);
    if (!target || !['pending', 'deferred', 'sending'].includes(target.status)) return 'done';
    return drainChat(target);
  }

  const processOutbound = async function processOutbound(job: Job<OutboundJob>, token?: string): Promise<void> {
    if ((await drainChatOf(job.data.outboxId)) === 'busy') {
      // Another sender is on this chat; come back shortly in case it finished before our row was due.
      await job.moveToDelayed(Date.now() + 250, token);
      throw new DelayedError();
    }
  } as OutboundProcessor;
  processOutbound.sendNow = async (chat) => (await drainChat(chat)) === 'done';
  return processOutbound;
}
