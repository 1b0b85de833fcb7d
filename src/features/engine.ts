/**
 * The conversation engine: runs one inbound message through the features, in one transaction, and returns the
 * outbox rows it committed. It never sees Zalo or Telegram.
 */
import type { Transaction } from 'kysely';
import type { Database, NewOutbox } from '../../db/schema.js';
import { finishTurn, lockConversation } from '../../db/repositories/conversations.js';
import { insertOutbox, type OutboxRef } from '../../db/repositories/outbox.js';
import { identitiesOf, personForIdentity } from '../../db/repositories/people.js';
import { markInbound, nextPendingInbound } from '../../db/repositories/inbound-events.js';
import type { Db } from '../../db/database.js';
import type { Choice, Inbound } from '../domain/message-model.js';
import { parseTypedChoice } from '../domain/typed-choices.js';
import { vi } from '../messages/vi.js';
import type { Feature, TurnContext } from './turn-context.js';
import { defaultFeatures } from './default-features.js';
import { createServices, type PhotoIntakeResult, type Services } from './services.js';

/** Options for {@link createEngine}. */
export interface EngineOptions {
  /** Features tried in order; the first that returns true handles the message. Default {@link defaultFeatures}. */
  features?: Feature[];
  /** The clock; tests pass a fake one. Default `() => new Date()`. */
  now?: () => Date;
  /** Photo intake, ward map, calendar. Default {@link createServices} without photo downloads. */
  services?: Services;
}

export interface Engine {
  /**
   * Process, in the order sent, every pending message of the person who sent inbound event `eventId`.
   * Returns the outbox rows committed, for sending.
   */
  drainPerson(eventId: string): Promise<OutboxRef[]>;
}

const OFFERED_CHOICES = 'offeredChoices';

export function createEngine(db: Db, options: EngineOptions = {}): Engine {
  const features = options.features ?? defaultFeatures;
  const clock = options.now ?? (() => new Date());
  const services = options.services ?? createServices(db);

  /** One message in one transaction; `more` says whether another of this person's messages waits. */
  /**
   * A photo is downloaded before the transaction opens, so a slow platform never holds the person's row lock
   * and a pooled connection. Storing is content-addressed, so a download whose turn is then retried is harmless.
   */
  async function prefetchPhoto(channel: Inbound['channel'], userId: string): Promise<{ messageId: string; result: PhotoIntakeResult } | null> {
    const next = await nextPendingInbound(db, channel, userId);
    if (next?.message.content.kind !== 'photo') return null;
    // Nothing of a person is kept before they consent: no consent yet, no download (the turn will ask for it).
    const consented = await db
      .selectFrom('channel_identities')
      .innerJoin('people', 'people.id', 'channel_identities.person_id')
      .select('people.id')
      .where('channel_identities.channel', '=', channel)
      .where('channel_identities.external_id', '=', userId)
      .where('people.consent_at', 'is not', null)
      .executeTakeFirst();
    if (!consented) return null;
    return { messageId: next.message.messageId, result: await services.intakePhoto(next.message) };
  }

  async function processOne(channel: Inbound['channel'], userId: string): Promise<{ ids: OutboxRef[]; more: boolean } | null> {
    const prefetched = await prefetchPhoto(channel, userId);
    const turnServices: Services = prefetched
      ? { ...services, intakePhoto: async (inbound) => (inbound.messageId === prefetched.messageId ? prefetched.result : services.intakePhoto(inbound)) }
      : services;
    return db.transaction().execute(async (trx) => {
      const conversation = await lockConversation(trx, channel, userId);
      const event = await nextPendingInbound(trx, channel, userId);
      if (!event) return null;
      const now = clock();
      const inbound = withTypedChoice(event.message, conversation.data[OFFERED_CHOICES] as Choice[] | undefined);
      // Display names are personal data we do not need: not stored (promise 7).
      const { person, firstContact } = await personForIdentity(trx, channel, userId, undefined, now);
      const { ctx, lastOffered } = createTurnContext(trx, {
        services: turnServices,
        now,
        inbound,
        inboundId: event.id,
        recentMessages: event.recentMessages,
        person,
        firstContact,
        conversation,
      });
      delete conversation.data[OFFERED_CHOICES];
      for (const feature of features) {
        if (await feature(ctx)) break;
      }
      const offered = lastOffered();
      if (offered?.length) conversation.data[OFFERED_CHOICES] = offered;
      const ids = await finishTurn(trx, { channel, userId, conversation, now, eventId: event.id, outbox: ctx.outbox });
      return { ids, more: event.more };
    });
  }

  return {
    async drainPerson(eventId) {
      const event = await db
        .selectFrom('inbound_events')
        .select(['channel', 'external_user_id'])
        .where('id', '=', eventId)
        .executeTakeFirst();
      if (!event) return [];
      const all: OutboxRef[] = [];
      for (;;) {
        let turn: { ids: OutboxRef[]; more: boolean } | null;
        try {
          turn = await processOne(event.channel, event.external_user_id);
        } catch (error) {
          const setAside = await recordFailure(db, event.channel, event.external_user_id, error, clock());
          if (!setAside) throw error;
          all.push(...setAside);
          continue;
        }
        if (turn === null) return all;
        all.push(...turn.ids);
        if (!turn.more) return all;
      }
    },
  };
}

/** After this many failed attempts a message is set aside, so one bad message cannot block a person's queue. */
const MAX_ATTEMPTS = 3;

/**
 * Count a failed attempt on the person's oldest pending message. On the last attempt, mark it failed and
 * apologise (never silence); returns the apology's outbox ids then, or null to let the queue retry.
 */
async function recordFailure(db: Db, channel: Inbound['channel'], userId: string, error: unknown, now: Date): Promise<OutboxRef[] | null> {
  return db.transaction().execute(async (trx) => {
    const event = await nextPendingInbound(trx, channel, userId);
    if (!event) return null;
    const { attempts } = await trx
      .updateTable('inbound_events')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), error: String(error).slice(0, 500) }))
      .where('id', '=', event.id)
      .returning('attempts')
      .executeTakeFirstOrThrow();
    if (attempts < MAX_ATTEMPTS) return null;
    await markInbound(trx, event.id, 'failed', String(error).slice(0, 500));
    return insertOutbox(trx, [
      {
        dedup_key: `in-${event.id}-failure`,
        channel,
        external_user_id: userId,
        person_id: null,
        message: JSON.stringify({ text: vi.failure }),
        proactive: false,
        not_before: now,
      },
    ]);
  });
}

/** A typed "1" or "gui" answers the choices offered last, on every channel. */
function withTypedChoice(inbound: Inbound, offered: Choice[] | undefined): Inbound {
  if (inbound.content.kind !== 'text' || !offered?.length) return inbound;
  const value = parseTypedChoice(inbound.content.text, offered);
  return value ? { ...inbound, content: { kind: 'choice', value } } : inbound;
}

function createTurnContext(
  trx: Transaction<Database>,
  base: Pick<TurnContext, 'services' | 'now' | 'inbound' | 'inboundId' | 'recentMessages' | 'person' | 'firstContact' | 'conversation'>,
): { ctx: TurnContext; lastOffered: () => Choice[] | undefined } {
  const outbox: NewOutbox[] = [];
  let replies = 0;
  let offered: Choice[] | undefined;
  const ctx: TurnContext = {
    ...base,
    trx,
    outbox,
    reply(message) {
      replies += 1;
      offered = message.choices;
      outbox.push({
        dedup_key: `in-${base.inboundId}-${replies}`,
        channel: base.inbound.channel,
        external_user_id: base.inbound.userId,
        person_id: base.person.id,
        message: JSON.stringify(message),
        proactive: false,
        not_before: base.now,
      });
    },
    async notify(personId, message, options) {
      const [identity] = await identitiesOf(trx, personId);
      if (!identity) return;
      outbox.push({
        dedup_key: options.dedupKey,
        channel: identity.channel,
        external_user_id: identity.external_id,
        person_id: personId,
        message: JSON.stringify(message),
        proactive: options.proactive ?? true,
        not_before: base.now,
      });
    },
  };
  return { ctx, lastOffered: () => offered };
}
