/**
 * A per-person limit on messages (promise 6): past it, one polite "slow down" and the messages are set aside
 * unanswered (still stored), so a flood cannot crowd out other people's reports.
 */
import { sql } from 'kysely';
import { vi } from '../messages/vi.js';
import type { Feature } from './turn-context.js';

/** Messages one person may send in a minute before the guard steps in. */
export const MESSAGES_PER_MINUTE = 20;

export const floodGuard: Feature = async (ctx) => {
  const { rows } = await sql<{ n: string }>`
    select count(*) as n from inbound_events
    where channel = ${ctx.inbound.channel} and external_user_id = ${ctx.inbound.userId}
      and id <= ${ctx.inboundId}
      and received_at > (select received_at from inbound_events where id = ${ctx.inboundId}) - interval '1 minute'`.execute(ctx.trx);
  // Counted up to this message, so the first messages of a burst are answered whatever follows them, and only
  // the first message over the limit gets the "slow down".
  const count = Number(rows[0].n);
  if (count <= MESSAGES_PER_MINUTE) return false;
  if (count === MESSAGES_PER_MINUTE + 1) ctx.reply({ text: vi.tooFast });
  return true;
};
