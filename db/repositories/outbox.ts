/** The outbox: outgoing messages written in the same transaction as the state change, sent after commit. */
import { sql, type Transaction } from 'kysely';
import type { Channel } from '../../src/domain/message-model.js';
import type { Db } from '../database.js';
import type { Database, NewOutbox, OutboxRow } from '../schema.js';

type Executor = Db | Transaction<Database>;

/** A new outbox row and the chat it goes to. */
export interface OutboxRef {
  id: string;
  channel: Channel;
  external_user_id: string;
}

/** Insert outgoing messages; a row whose dedup key exists already is skipped (promise 2). */
export async function insertOutbox(db: Executor, rows: NewOutbox[]): Promise<OutboxRef[]> {
  if (rows.length === 0) return [];
  return db
    .insertInto('outbox')
    .values(rows)
    .onConflict((oc) => oc.column('dedup_key').doNothing())
    .returning(['id', 'channel', 'external_user_id'])
    .execute();
}

/** {@link insertOutbox}, when only the new ids matter (jobs that queue them). */
export async function addToOutbox(db: Executor, rows: NewOutbox[]): Promise<string[]> {
  return (await insertOutbox(db, rows)).map((r) => r.id);
}

export async function getOutbox(db: Executor, id: string): Promise<OutboxRow | undefined> {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Claim the next message due for one chat, oldest first, marking it `sending` (one statement). A row stuck in
 * `sending` for `staleClaimMs` (its sender died mid-send) is due again: at-least-once, as a platform without
 * idempotency keys allows. The caller holds the chat's lease.
 */
export async function claimNextDue(db: Executor, channel: Channel, userId: string, now: Date, staleClaimMs = 60_000): Promise<OutboxRow | undefined> {
  // The chat's oldest unfinished message goes first or nothing goes: a newer reply never overtakes a deferred or
  // in-flight one. Only proactive messages held for the night may be overtaken (replies need not wait for them).
  const { rows } = await sql<OutboxRow>`
    update outbox set status = 'sending', claimed_at = ${now}, attempts = attempts + 1
     where id = (
       select id from outbox
        where channel = ${channel} and external_user_id = ${userId}
          and status in ('pending', 'sending', 'deferred')
          and not (status = 'deferred' and fate_reason = 'quiet_hours_22_06' and not_before > ${now})
        order by id limit 1)
       and ((status in ('pending', 'deferred') and not_before <= ${now})
            or (status = 'sending' and claimed_at < ${new Date(now.getTime() - staleClaimMs)}))
    returning *`.execute(db);
  return rows[0];
}

/** The pace a chat is held to: a bucket of `burst` messages refilled at `perSecond`. */
export interface ChatPace {
  burst: number;
  perSecond: number;
}

/**
 * Take the chat's send lease for `ms` (one sender per chat at a time, across processes) and read its bucket:
 * how many messages may go now. Null when another sender holds the lease.
 */
export async function takeChatLease(
  db: Executor,
  channel: Channel,
  userId: string,
  ms: number,
  pace: ChatPace,
  now: Date,
  owner: string,
): Promise<{ available: number } | null> {
  const result = await sql<{ tokens: number; last_sent_at: Date | null }>`
    insert into chat_pacing (channel, external_user_id, lease_until, lease_owner, tokens)
    values (${channel}, ${userId}, now() + ${`${ms} milliseconds`}::interval, ${owner}, ${pace.burst})
    on conflict (channel, external_user_id) do update set lease_until = excluded.lease_until, lease_owner = excluded.lease_owner
    where chat_pacing.lease_until is null or chat_pacing.lease_until < now()
    returning tokens, last_sent_at`.execute(db);
  const row = result.rows[0];
  if (!row) return null;
  const elapsedMs = row.last_sent_at ? Math.max(0, now.getTime() - row.last_sent_at.getTime()) : Infinity;
  const refilled = (elapsedMs / 1000) * pace.perSecond;
  return { available: Math.min(pace.burst, row.tokens + refilled) };
}

export async function releaseChatLease(db: Executor, channel: Channel, userId: string, owner: string) {
  await db
    .updateTable('chat_pacing')
    .set({ lease_until: null, lease_owner: null })
    .where('channel', '=', channel)
    .where('external_user_id', '=', userId)
    .where('lease_owner', '=', owner)
    .execute();
}

/**
 * Record the message sent, spend one token of the chat's bucket, and release its lease — one statement, which
 * also says whether another message of the chat is due.
 */
export async function markSent(
  db: Executor,
  row: OutboxRow,
  platformMessageId: string,
  at: Date,
  tokensLeft: number,
  owner: string,
): Promise<boolean> {
  const { rows } = await sql<{ more: boolean }>`
    with sent as (
      update outbox set status = 'sent', platform_message_id = ${platformMessageId}, sent_at = ${at}, fate_reason = null
       where id = ${row.id}),
    paced as (
      update chat_pacing set last_sent_at = ${at}, tokens = ${tokensLeft}, lease_until = null, lease_owner = null
       where channel = ${row.channel} and external_user_id = ${row.external_user_id} and lease_owner = ${owner})
    select exists (
      select 1 from outbox
       where channel = ${row.channel} and external_user_id = ${row.external_user_id} and id <> ${row.id}
         and status in ('pending', 'sending', 'deferred')) as more`.execute(db);
  return rows[0].more;
}

/**
 * Defer this message, and every later unsent message of the chat with it, so their order holds. `attempted`:
 * whether the platform was tried (a retry counts; holding back for the chat's pace does not).
 */
export async function deferChat(db: Executor, row: OutboxRow, until: Date, reason: string, attempted = true) {
  await db
    .updateTable('outbox')
    .set((eb) => ({ status: 'deferred', fate_reason: reason, not_before: until, attempts: attempted ? eb.ref('attempts') : eb('attempts', '-', 1) }))
    .where('id', '=', row.id)
    .execute();
  await db
    .updateTable('outbox')
    .set({ not_before: until })
    .where('channel', '=', row.channel)
    .where('external_user_id', '=', row.external_user_id)
    .where('id', '>', row.id)
    .where('status', 'in', ['pending', 'deferred'])
    .where('not_before', '<', until)
    .execute();
}

/** Defer only this claimed message, not counting it as an attempt (quiet hours must not hold back replies). */
export async function deferOne(db: Executor, id: string, until: Date, reason: string) {
  await db
    .updateTable('outbox')
    .set((eb) => ({ status: 'deferred', fate_reason: reason, not_before: until, attempts: eb('attempts', '-', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function markFinal(db: Executor, id: string, status: 'undeliverable' | 'failed', reason: string) {
  await db.updateTable('outbox').set({ status, fate_reason: reason }).where('id', '=', id).execute();
}

/** Messages whose fate the admin should see: undeliverable or failed. */
export async function undeliveredMessages(db: Executor, limit = 100) {
  return db
    .selectFrom('outbox')
    .select(['id', 'channel', 'person_id', 'status', 'fate_reason', 'created_at', 'fallback_of'])
    .where('status', 'in', ['undeliverable', 'failed'])
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Unsent rows due now whose job may have been lost (crash between commit and enqueue). */
export async function strandedOutbox(db: Executor, olderThanMs: number, now: Date, limit = 500) {
  const cutoff = new Date(now.getTime() - olderThanMs);
  return db
    .selectFrom('outbox')
    .select(['id'])
    .where((eb) =>
      eb.or([
        eb.and([eb('status', 'in', ['pending', 'deferred']), eb('not_before', '<', cutoff)]),
        eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', cutoff)]),
      ]),
    )
    .orderBy('id')
    .limit(limit)
    .execute();
}
