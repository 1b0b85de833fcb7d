/**
 * What a feature gets for one inbound message: the transaction, the person, the conversation state, and the
 * ways to answer. Everything a feature writes goes through `trx`, so state, business rows and outgoing messages
 * commit together (one transaction per inbound message).
 */
import type { Transaction } from 'kysely';
import type { Database, NewOutbox, Person } from '../../db/schema.js';
import type { ConversationState } from '../../db/repositories/conversations.js';
import type { Inbound, Outbound } from '../domain/message-model.js';
import type { Services } from './services.js';

export interface TurnContext {
  trx: Transaction<Database>;
  services: Services;
  now: Date;
  inbound: Inbound;
  inboundId: string;
  /** Messages this person sent in the minute up to this one (for the flood guard). */
  recentMessages: number;
  person: Person;
  firstContact: boolean;
  /** Mutable: features change `state` and `data`; the engine saves it. */
  conversation: ConversationState;
  /** Answer the person who wrote, on the channel they wrote on. */
  reply(message: Outbound): void;
  /** Message someone else (a tổ trưởng, an officer): proactive unless said otherwise. */
  notify(personId: number, message: Outbound, options: { dedupKey: string; proactive?: boolean }): Promise<void>;
  /** Outbox rows collected so far (read by the engine). */
  readonly outbox: NewOutbox[];
}

/** A feature handles the message (returns true) or passes it on to the next feature. */
export type Feature = (ctx: TurnContext) => Promise<boolean>;
