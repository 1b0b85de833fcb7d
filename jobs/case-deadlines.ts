/**
 * The daily deadline pass over open cases (08:00, Vietnam time, working days): a reminder to the tổ trưởng the
 * working day before the deadline, escalation to the ward officer on the day, and the officer's overdue digest.
 * One message per person per day; dedup keys make a second run — a restart, a second scheduler — send nothing.
 */
import type { Db } from '../db/database.js';
import { addToOutbox } from '../db/repositories/outbox.js';
import { groupLeaders, wardOfficers } from '../db/repositories/cases.js';
import { identitiesOf } from '../db/repositories/people.js';
import type { NewOutbox } from '../db/schema.js';
import type { Outbound } from '../src/domain/message-model.js';
import { vietnamDate, type WorkingCalendar } from '../src/domain/working-calendar.js';
import { applyCaseAction, caseWhere, vietnameseDate } from '../src/features/report/case-service.js';
import { vi } from '../src/messages/vi.js';

export const CASE_DEADLINES_JOB = 'case-deadlines';

export interface DeadlineRun {
  reminded: number;
  escalated: number;
  digests: number;
  /** Outbox rows written (for the outbound queue). */
  outboxIds: string[];
}

export async function runCaseDeadlines(db: Db, calendar: WorkingCalendar, now: Date): Promise<DeadlineRun> {
  const today = vietnamDate(now);
  const run: DeadlineRun = { reminded: 0, escalated: 0, digests: 0, outboxIds: [] };
  if (!calendar.isWorkingDay(today)) return run;
  const tomorrow = calendar.nextWorkingDay(today);

  await db.transaction().execute(async (trx) => {
    const rows: NewOutbox[] = [];
    const tell = async (personId: number, message: Outbound, dedupKey: string) => {
      const [identity] = await identitiesOf(trx, personId);
      if (!identity) return;
      rows.push({ dedup_key: dedupKey, channel: identity.channel, external_user_id: identity.external_id, person_id: personId, message: JSON.stringify(message), proactive: true, not_before: now });
    };

    // Due on the next working day: one reminder per leader, listing their cases.
    const dueSoon = await trx
      .selectFrom('cases')
      .select(['id', 'code', 'group_id'])
      .where('status', 'in', ['assigned', 'reopened'])
      .where('due_on', '>', today)
      .where('due_on', '<=', tomorrow)
      .where('group_id', 'is not', null)
      .orderBy('id')
      .execute();
    const byLeader = new Map<number, string[]>();
    for (const c of dueSoon) {
      for (const leader of await groupLeaders(trx, c.group_id!)) byLeader.set(leader.id, [...(byLeader.get(leader.id) ?? []), c.code]);
    }
    for (const [leaderId, codes] of byLeader) {
      await tell(leaderId, { text: vi.cases.remindLeader(codes) }, `case-remind-p${leaderId}-${today}`);
      run.reminded += codes.length;
    }

    // Due today or earlier and still not handled: escalated by the system, the officers and the reporter told.
    const due = await trx
      .selectFrom('cases')
      .selectAll()
      .where('status', 'in', ['assigned', 'reopened'])
      .where('due_on', '<=', today)
      .orderBy('id')
      .execute();
    for (const c of due) {
      const result = await applyCaseAction(trx, c.id, 'escalate', { personId: null, role: 'system' }, { afterPhotoRequired: false, note: 'quá hạn xử lý' }, now);
      if (!result.ok) continue;
      run.escalated += 1;
      for (const officer of await wardOfficers(trx, c.ward_code)) {
        await tell(officer.id, { text: vi.cases.escalateOverdue([c.code]) }, `case-${c.id}-overdue-p${officer.id}`);
      }
      if (c.reporter_person_id !== null) await tell(c.reporter_person_id, { text: vi.cases.residentEscalated(c.code) }, `case-${c.id}-overdue-reporter`);
    }

    // The officers' digest of everything past its deadline, one message a day.
    const overdue = await trx
      .selectFrom('cases')
      .select(['code', 'ward_code', 'address_text', 'lat', 'lng', 'due_on'])
      .where('status', 'in', ['received', 'assigned', 'reopened', 'escalated'])
      .where('due_on', '<', today)
      .orderBy('due_on')
      .execute();
    const byWard = new Map<string, string[]>();
    for (const c of overdue) byWard.set(c.ward_code, [...(byWard.get(c.ward_code) ?? []), `${c.code} – ${caseWhere(c)} – hạn ${vietnameseDate(c.due_on)}`]);
    for (const [wardCode, lines] of byWard) {
      for (const officer of await wardOfficers(trx, wardCode)) {
        await tell(officer.id, { text: vi.cases.officerDigest(lines) }, `case-digest-p${officer.id}-${today}`);
        run.digests += 1;
      }
    }
    run.outboxIds = await addToOutbox(trx, rows);
  });
  return run;
}
