/**
 * A report left half-written for 24 hours is closed politely: the person is told, and what they sent stays
 * stored (the inbound events, the photos, the draft itself under `abandonedReport`).
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { addToOutbox } from '../db/repositories/outbox.js';
import { vi } from '../src/messages/vi.js';

/** How long a draft may sit untouched. */
export const ABANDONED_AFTER_MS = 24 * 3_600_000;

export async function closeAbandonedDrafts(db: Db, now: Date): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    // A case step left open (an after-photo never sent, a reopen never explained) simply ends: a photo sent days
    // later must not close some old case by surprise.
    await trx
      .updateTable('conversations')
      .set({ state: 'idle', data: sql`data - 'cleanedCase' - 'reopenCase'`, updated_at: now })
      .where('state', 'like', 'case:%')
      .where('updated_at', '<', new Date(now.getTime() - ABANDONED_AFTER_MS))
      .execute();
    const stale = await trx
      .selectFrom('conversations')
      .select(['channel', 'external_id'])
      .where('state', 'like', 'report:%')
      .where('updated_at', '<', new Date(now.getTime() - ABANDONED_AFTER_MS))
      .forUpdate()
      .skipLocked()
      .limit(200)
      .execute();
    if (stale.length === 0) return [];
    for (const c of stale) {
      await trx
        .updateTable('conversations')
        .set({
          state: 'idle',
          data: sql`jsonb_set(data - 'report', '{abandonedReport}', coalesce(data->'report', 'null'::jsonb))`,
          updated_at: now,
        })
        .where('channel', '=', c.channel)
        .where('external_id', '=', c.external_id)
        .execute();
    }
    return addToOutbox(
      trx,
      stale.map((c) => ({
        dedup_key: `abandoned-${c.channel}-${c.external_id}-${now.toISOString().slice(0, 13)}`,
        channel: c.channel,
        external_user_id: c.external_id,
        person_id: null,
        message: JSON.stringify({ text: vi.report.abandoned }),
        proactive: true,
        not_before: now,
      })),
    );
  });
}
