/** Conversation state, one row per (channel, person's id there), locked while one message is handled. */
import type { Transaction } from 'kysely';
import type { Channel } from '../../src/domain/message-model.js';
import type { Database } from '../schema.js';

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

export async function saveConversation(
  trx: Transaction<Database>,
  channel: Channel,
  externalId: string,
  conversation: ConversationState,
  now: Date,
) {
  await trx
    .updateTable('conversations')
    .set({ state: conversation.state, data: JSON.stringify(conversation.data), updated_at: now })
    .where('channel', '=', channel)
    .where('external_id', '=', externalId)
    .execute();
}
