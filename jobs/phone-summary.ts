/**
 * The monthly summary for the department (Sở KH&CN, Phòng Hạ tầng số và Quản lý chuyên ngành) and the ward's
 * leaders: last month's numbers found, warned, committed, proposed, requested and suspended, by ward — pushed on
 * the 1st at 08:00, one message per leader per month. The full table stays available from `phones summary`.
 */
import type { Db } from '../db/database.js';
import { addToOutbox } from '../db/repositories/outbox.js';
import { identitiesOf } from '../db/repositories/people.js';
import type { NewOutbox } from '../db/schema.js';
import { vietnamDate } from '../src/domain/working-calendar.js';
import { vi } from '../src/messages/vi.js';
import { buildPhoneSummary } from '../src/reports/phone-summary.js';

export const PHONE_SUMMARY_JOB = 'phone-summary';

/** The month before `now`'s month, 'YYYY-MM', Vietnam time. */
export function previousMonth(now: Date): string {
  const [year, month] = vietnamDate(now).split('-').map(Number);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

export async function sendPhoneSummary(db: Db, now: Date): Promise<string[]> {
  const month = previousMonth(now);
  const summary = await buildPhoneSummary(db, { from: month, to: month });
  const t = summary.total;
  const wards = summary.rows.map((r) => vi.phones.summaryWard(r.wardName ?? '?', r.found, r.warned, r.suspended));
  const text = vi.phones.summary(month, { ...t }, wards);
  const leaders = await db.selectFrom('people').select('id').where('role', 'in', ['leader', 'admin']).where('deleted_at', 'is', null).execute();
  const rows: NewOutbox[] = [];
  for (const leader of leaders) {
    const [identity] = await identitiesOf(db, leader.id);
    if (!identity) continue;
    rows.push({
      dedup_key: `phones-summary-p${leader.id}-${month}`,
      channel: identity.channel,
      external_user_id: identity.external_id,
      person_id: leader.id,
      message: JSON.stringify({ text }),
      proactive: true,
      not_before: now,
    });
  }
  return addToOutbox(db, rows);
}
