/** Conversation state, one row per (channel, person's id there), locked while one message is handled. */
import type { Transaction } from 'kysely';
import type { Channel } from '../../src/domain/message-model.js';
import type { Database, NewOutbox } from '../schema.js';
import type { OutboxRef } from './outbox.js';

/** A conversation's persisted state: a state name and the data collected so far. */
export interface ConversationState {
  state: string;
  data: Record<string, unknown>;
}

/**
 * Lock (creating if needed) the person's conversation for this transaction. Every message of one person goes
 * through this lock, so two workers never advance the same conversation at once.
 */
export async function lockConversation(
  trx: Transaction<Database>,
  channel: Channel,
  externalId: string,
): Promise<ConversationState> {
  // One statement: the no-op update on conflict takes the row lock and returns the row.
  const row = await trx
    .insertInto('conversations')
    .values({ channel, external_id: externalId, state: 'new', data: JSON.stringify({}) })
    .onConflict((oc) => oc.columns(['channel', 'external_id']).doUpdateSet((eb) => ({ state: eb.ref('conversations.state') })))
    .returning(['state', 'data'])
    .executeTakeFirstOrThrow();
  return { state: row.state, data: row.data };
}

/**
 * The end of one message's transaction in one statement: save the conversation, mark the inbound event done,
 * and write the outbox rows (dedup keys skip what exists), returning the new rows.
 */
export async function finishTurn(
  trx: Transaction<Database>,
  turn: { channel: Channel; userId: string; conversation: ConversationState; now: Date; eventId: string; outbox: NewOutbox[] },
): Promise<OutboxRef[]> {
  const withUpdates = trx
    .with('saved', (db) =>
      db
        .updateTable('conversations')
        .set({ state: turn.conversation.state, data: JSON.stringify(turn.conversation.data), updated_at: turn.now })
        .where('channel', '=', turn.channel)
        .where('external_id', '=', turn.userId),
    )
    .with('done', (db) =>
      db.updateTable('inbound_events').set({ status: 'done', processed_at: turn.now, error: null }).where('id', '=', turn.eventId),
    );
  if (turn.outbox.length === 0) {
    await withUpdates.selectNoFrom((eb) => eb.val(1).as('one')).execute();
    return [];
  }
  return withUpdates
    .insertInto('outbox')
    .values(turn.outbox)
    .onConflict((oc) => oc.column('dedup_key').doNothing())
    .returning(['id', 'channel', 'external_user_id'])
    .execute();
}
