/** Inbound events: stored by the webhook before it answers, processed once, in the order each person sent them. */
import type { Transaction } from 'kysely';
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

/** The oldest unprocessed message of one person, by the time they sent it, and whether more wait behind it. */
export async function nextPendingInbound(trx: Executor, channel: string, userId: string) {
  const rows = await trx
    .selectFrom('inbound_events')
    .selectAll()
    .where('channel', '=', channel as Inbound['channel'])
    .where('external_user_id', '=', userId)
    .where('status', '=', 'pending')
    .orderBy('sent_at')
    .orderBy('id')
    .limit(2)
    .execute();
  return rows[0] ? { ...rows[0], more: rows.length > 1 } : undefined;
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
