/** Inbound events: stored by the webhook before it answers, processed once, in the order each person sent them. */
import { sql, type Transaction } from 'kysely';
import type { Inbound } from '../../src/domain/message-model.js';
import type { Db } from '../database.js';
import type { Database } from '../schema.js';

type Executor = Db | Transaction<Database>;

/**
 * Store one inbound message. A redelivery (same channel and platform message id) stores nothing and returns
 * `duplicate: true`, so the caller acknowledges it and drops it.
 */
export async function storeInbound(db: Executor, inbound: Inbound): Promise<{ id: string; duplicate: boolean }> {
  const inserted = await db
    .insertInto('inbound_events')
    .values({
      channel: inbound.channel,
      platform_message_id: inbound.messageId,
      external_user_id: inbound.userId,
      sent_at: inbound.sentAt,
      message: JSON.stringify(inbound),
      status: 'pending',
    })
    .onConflict((oc) => oc.columns(['channel', 'platform_message_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, duplicate: false };
  const existing = await db
    .selectFrom('inbound_events')
    .select('id')
    .where('channel', '=', inbound.channel)
    .where('platform_message_id', '=', inbound.messageId)
    .executeTakeFirstOrThrow();
  return { id: existing.id, duplicate: true };
}

/**
 * The oldest unprocessed message of one person, by the time they sent it; whether more wait behind it; and how
 * many messages the person sent in the minute up to it (the flood guard's count) — one statement.
 */
export async function nextPendingInbound(trx: Executor, channel: string, userId: string) {
  const rows = await trx
    .selectFrom('inbound_events as e')
    .selectAll('e')
    .select((eb) =>
      eb
        .selectFrom('inbound_events as r')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('r.channel', '=', 'e.channel')
        .whereRef('r.external_user_id', '=', 'e.external_user_id')
        .whereRef('r.id', '<=', 'e.id')
        .where(sql<boolean>`r.received_at > e.received_at - interval '1 minute'`)
        .as('recent'),
    )
    .where('e.channel', '=', channel as Inbound['channel'])
    .where('e.external_user_id', '=', userId)
    .where('e.status', '=', 'pending')
    .orderBy('e.sent_at')
    .orderBy('e.id')
    .limit(2)
    .execute();
  const [first] = rows;
  return first ? { ...first, more: rows.length > 1, recentMessages: Number(first.recent ?? 0) } : undefined;
}

export async function markInbound(trx: Executor, id: string, status: 'done' | 'failed', error?: string) {
  await trx
    .updateTable('inbound_events')
    .set({ status, processed_at: new Date(), error: error ?? null })
    .where('id', '=', id)
    .execute();
}

/** Inbound events still pending after `olderThanMs`: stranded by a crash between store and enqueue. */
export async function strandedInbound(db: Executor, olderThanMs: number, limit = 500) {
  return db
    .selectFrom('inbound_events')
    .select(['id'])
    .where('status', '=', 'pending')
    .where('received_at', '<', new Date(Date.now() - olderThanMs))
    .orderBy('id')
    .limit(limit)
    .execute();
}
