/**
 * Keeping the promise of the consent notice: after 24 months, what people wrote and were sent is deleted, and
 * closed cases lose the link to their reporter (the anonymous case stays as the ward's record).
 */
import type { Db } from '../db/database.js';

export const RETENTION_JOB = 'retention';

/** The retention the consent notice states. */
export const RETENTION_MONTHS = 24;

/** Cases nobody works on any more: only these lose their reporter (an open case may still need to tell them). */
export const FINISHED_CASE_STATUSES = ['closed', 'duplicate', 'rejected', 'not_found', 'cleaned'];

export async function applyRetention(db: Db, now: Date, months = RETENTION_MONTHS) {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return db.transaction().execute(async (trx) => {
    const inbound = await trx.deleteFrom('inbound_events').where('received_at', '<', cutoff).where('status', '!=', 'pending').executeTakeFirst();
    const outbox = await trx
      .deleteFrom('outbox')
      .where('created_at', '<', cutoff)
      .where('status', 'in', ['sent', 'undeliverable', 'failed'])
      .executeTakeFirst();
    const cases = await trx
      .updateTable('cases')
      .set({ reporter_person_id: null })
      .where('received_at', '<', cutoff)
      .where('status', 'in', FINISHED_CASE_STATUSES)
      .where('reporter_person_id', 'is not', null)
      .executeTakeFirst();
    await trx.updateTable('sightings').set({ reporter_person_id: null }).where('created_at', '<', cutoff).execute();
    return {
      inboundDeleted: Number(inbound.numDeletedRows),
      outboxDeleted: Number(outbox.numDeletedRows),
      casesAnonymised: Number(cases.numUpdatedRows),
    };
  });
}
