/**
 * The outbound worker: sends each outbox row once, one chat at a time and in order, honouring the platforms'
 * rules (promise 4) and recording every message's fate (promise 3).
 *
 * A job names one outbox row, but sends whatever is due in that row's chat, oldest first, under a per-chat
 * lease. A job that finds the lease taken comes back shortly; the holder may already have sent its row.
 */
import { DelayedError, type Job, type Queue } from 'bullmq';
import type { Db } from '../db/database.js';
import type { OutboxRow } from '../db/schema.js';
import {
  deferChat,
  deferOne,
  getOutbox,
  lastSentAt,
  markClaimed,
  markFinal,
  markSent,
  nextDueForChat,
  releaseChatLease,
  takeChatLease,
} from '../db/repositories/outbox.js';
import { addToOutbox } from '../db/repositories/outbox.js';
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
  /** Minimum gap between two messages to one chat. Default: Telegram 1,000 ms after a burst of 3, Zalo 300 ms. */
  chatGapMs?: Partial<Record<Channel, number>>;
  /** Attempts before a transient failure becomes `failed`. Default 6. */
  maxAttempts?: number;
  /** How long a row may stay `sending` before it counts as abandoned by a dead sender. Default 60,000 ms. */
  staleClaimMs?: number;
  /** How long one send may hold its chat's lease. Default 20,000 ms (longer than a platform call's timeout). */
  leaseMs?: number;
  now?: () => Date;
}

const DEFAULT_GAP: Record<Channel, number> = { telegram: 1000, zalo: 300, web: 0 };
/** Telegram lets short bursts through: a reply of up to three messages is not slowed. */
const BURST_WINDOW_MS = 1500;

export function createOutboundProcessor(db: Db, options: OutboundOptions) {
  const now = options.now ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? 6;
  const gap = { ...DEFAULT_GAP, ...options.chatGapMs };
  const leaseMs = options.leaseMs ?? 20_000;

  async function sendDue(row: OutboxRow): Promise<void> {
    const sender = options.senders[row.channel];
    if (!sender) {
      await markFinal(db, row.id, 'undeliverable', `channel_off: ${row.channel}`);
      await fallBack(row, `channel_off: ${row.channel}`);
      return;
    }
    if (row.proactive && isQuietHour(now())) {
      await deferOne(db, row.id, endOfQuietHours(now()), 'quiet_hours_22_06');
      await schedule(row.id, endOfQuietHours(now()), row.attempts);
      return;
    }
    await pace(row);
    await markClaimed(db, row.id);
    const message = row.message as Outbound;
    const result = await sender.send(row.external_user_id, message);
    switch (result.kind) {
      case 'sent':
        await markSent(db, row, result.platformMessageId, now());
        return;
      case 'retry': {
        const until = new Date(now().getTime() + result.afterMs);
        if (row.attempts + 1 >= maxAttempts && !result.reason.includes('429') && !result.reason.includes('quiet')) {
          await markFinal(db, row.id, 'failed', result.reason);
          await fallBack(row, result.reason);
          return;
        }
        await deferChat(db, row, until, result.reason);
        if (result.scope === 'channel') await options.rateLimitChannel?.(result.afterMs);
        await schedule(row.id, until, row.attempts + 1);
        throw new ChatDeferred();
      }
      case 'undeliverable':
        await markFinal(db, row.id, 'undeliverable', result.reason);
        await fallBack(row, result.reason);
        return;
      case 'failed':
        await markFinal(db, row.id, 'failed', result.reason);
        await fallBack(row, result.reason);
        return;
    }
  }

  /** Keep one chat's pace: wait out the gap since the last message, unless it was a short burst. */
  async function pace(row: OutboxRow) {
    const minimum = gap[row.channel];
    if (!minimum) return;
    const last = await lastSentAt(db, row.channel, row.external_user_id);
    if (!last) return;
    const since = now().getTime() - last.getTime();
    const recent = await db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('channel', '=', row.channel)
      .where('external_user_id', '=', row.external_user_id)
      .where('status', '=', 'sent')
      .where('sent_at', '>', new Date(now().getTime() - BURST_WINDOW_MS))
      .executeTakeFirstOrThrow();
    if (Number(recent.n) < 3 || since >= minimum) return;
    await new Promise((resolve) => setTimeout(resolve, minimum - since));
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
      },
    ]);
    for (const id of ids) await schedule(id, now(), 0);
  }

  async function schedule(outboxId: string, at: Date, attempt: number) {
    const delay = Math.max(0, at.getTime() - Date.now());
    await options.queue.add('send', { outboxId }, { jobId: outboundJobId(outboxId, attempt), delay });
  }

  /**
   * The job: send what is due in the chat of `outboxId`, oldest first. The chat's lease is taken for one message
   * at a time, so a sender that dies holds a chat for at most `leaseMs`.
   */
  return async function processOutbound(job: Job<OutboundJob>, token?: string): Promise<void> {
    const target = await getOutbox(db, job.data.outboxId);
    if (!target || !['pending', 'deferred', 'sending'].includes(target.status)) return;
    const { channel, external_user_id: userId } = target;
    for (;;) {
      if (!(await takeChatLease(db, channel, userId, leaseMs))) {
        // Another sender is on this chat; come back shortly in case it finished before our row was due.
        await job.moveToDelayed(Date.now() + 200, token);
        throw new DelayedError();
      }
      try {
        const row = await nextDueForChat(db, channel, userId, now(), options.staleClaimMs);
        if (!row) return;
        await sendDue(row);
      } catch (error) {
        if (error instanceof ChatDeferred) return;
        throw error;
      } finally {
        await releaseChatLease(db, channel, userId);
      }
    }
  };
}

/** Control flow: the chat is rate-limited; stop draining it, a delayed job will resume. */
class ChatDeferred extends Error {
  constructor() {
    super('chat deferred');
    this.name = 'ChatDeferred';
  }
}
