/**
 * `outbox undelivered`: the messages that did not reach anyone (promise 3: no message vanishes silently) — which
 * channel, why, when, and whether a fallback to the person's other channel was made. Ids only, no texts.
 */
import { parseArgs } from 'node:util';
import { undeliveredMessages } from '../../db/repositories/outbox.js';
import { CliError, withDatabase } from './cli-context.js';

export const outboxUndeliveredHelp = `Usage: npm run cli -- outbox undelivered [--limit 50]

Lists the newest undeliverable or failed messages: id, channel, person id, fate and reason, and the time.
A staff member's message that failed on one channel is also sent on their other channel (shown as "fallback of").`;

export async function outboxUndelivered(args: string[]): Promise<string> {
  const { values } = parseArgs({ args, options: { limit: { type: 'string', default: '50' } } });
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new CliError('--limit must be a whole number from 1 to 1000');
  return withDatabase(async (db) => {
    const rows = await undeliveredMessages(db, limit);
    if (rows.length === 0) return 'No undelivered messages.';
    const resent = await db
      .selectFrom('outbox')
      .select('fallback_of')
      .where('fallback_of', 'in', rows.map((r) => r.id))
      .execute();
    const fallbacks = new Set(resent.map((r) => r.fallback_of));
    return rows
      .map((r) =>
        [
          `#${r.id}`,
          r.channel,
          r.person_id === null ? 'person -' : `person ${r.person_id}`,
          r.status,
          r.created_at.toISOString(),
          r.fate_reason ?? '',
          fallbacks.has(r.id) ? '(sent again on another channel)' : '',
        ]
          .filter(Boolean)
          .join('  '),
      )
      .join('\n');
  });
}
