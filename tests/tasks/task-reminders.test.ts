/**
 * The daily digest job through a whole task life, with a fake clock: one digest per person per day, the
 * 7/3/1-day and due-day reminders, weekends and Tết 2027 skipped, quiet hours, snooze, overdue escalation to
 * the leader, completion cancelling reminders, a crash in the middle, a second and concurrent runs.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkingCalendar } from '../../db/repositories/holidays.js';
import { strandedOutbox } from '../../db/repositories/outbox.js';
import { completeOccurrence, snoozeOccurrences } from '../../db/repositories/tasks-progress.js';
import { runTaskDigests } from '../../jobs/task-reminders.js';
import { addDays } from '../../src/domain/plans/plan-dates.js';
import type { Outbound } from '../../src/domain/message-model.js';
import { vietnamInstant, type WorkingCalendar } from '../../src/domain/working-calendar.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { linkWebChat, loadDemoOrganisation, occurrenceOf, savePlanOf, task } from './support.js';

let database: TestDatabase;
let calendar: WorkingCalendar;
let headId: number;
let leaderId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ headId, leaderId } = await loadDemoOrganisation(database.db));
  await linkWebChat(database.db, headId, 'head-session-00000001');
  await linkWebChat(database.db, leaderId, 'leader-session-000001');
  calendar = await loadWorkingCalendar(database.db);
  await savePlanOf(
    database.db,
    '99/KH-UBND',
    [
      task('A', 'Nhiệm vụ A: rà soát biển quảng cáo trên tuyến Tô Hiệu', 'KTHTDT', '2026-12-24'),
      task('B', 'Nhiệm vụ B: tổng kết đợt ra quân xóa quảng cáo', 'KTHTDT', '2026-12-24'),
      task('C', 'Nhiệm vụ C: duy trì kiểm tra thường xuyên', 'KTHTDT', null, 'continuous'),
      task('D', 'Nhiệm vụ D: báo cáo sau Tết', 'KTHTDT', '2027-02-12'),
      task('E', 'Nhiệm vụ E: xử lý số điện thoại trên quảng cáo', 'CAP', '2026-12-24'),
    ],
    '2026-11-30',
  );
});
afterAll(async () => {
  await database?.drop();
});

const at = (day: string, hh = 8, mm = 0) => vietnamInstant(day, hh, mm);
const run = (now: Date, cal: WorkingCalendar = calendar) => runTaskDigests(database.db, { now, calendar: cal });

async function digests(personId: number) {
  const rows = await database.db
    .selectFrom('outbox')
    .select(['dedup_key', 'message', 'proactive'])
    .where('person_id', '=', personId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ day: r.dedup_key.slice(-10), text: (r.message as Outbound).text, proactive: r.proactive }));
}

/** A calendar that fails after `calls` questions: a crash in the middle of a run. */
function failingAfter(calls: number): WorkingCalendar {
  let left = calls;
  return new Proxy(calendar, {
    get(target, key) {
      const value = target[key as keyof WorkingCalendar];
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (left-- <= 0) throw new Error('process killed');
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

describe('a plan through its life', () => {
  it('sends one digest per person per working day with reminders, and nothing twice', async () => {
    for (let day = '2026-12-01'; day <= '2027-02-12'; day = addDays(day, 1)) {
      if (day === '2026-12-15') {
        await expect(run(at(day), failingAfter(25))).rejects.toThrow('process killed');
      }
      if (day === '2026-12-23') {
        expect((await run(at('2026-12-22', 23, 0))).day).toBeNull(); // quiet hours
        expect((await run(at(day, 5, 59))).day).toBeNull();
        expect((await run(at(day, 7, 59))).day).toBeNull(); // before 08:00
      }
      if (day === '2026-12-21') {
        const [one, two] = await Promise.all([run(at(day)), run(at(day, 8, 1))]);
        expect(one.outboxIds.length + two.outboxIds.length).toBe(1); // two schedulers: once
      } else {
        await run(at(day));
      }
      const again = await run(at(day, 15, 0));
      expect(again.outboxIds).toEqual([]); // a second run (a restart) the same day sends nothing
      if (day === '2026-12-23') {
        await snoozeOccurrences(database.db, [await occurrenceOf(database.db, 'A')], 'unit_head', '2026-12-28', day, calendar);
      }
      if (day === '2026-12-28') await completeOccurrence(database.db, await occurrenceOf(database.db, 'B'), headId, at(day, 10), day);
      if (day === '2026-12-30') await completeOccurrence(database.db, await occurrenceOf(database.db, 'A'), headId, at(day, 10), day);
    }

    const head = await digests(headId);
    expect(head.map((d) => d.day)).toEqual([
      '2026-12-01', // C: monthly progress
      '2026-12-15', // A, B: 7 working days before (after the crashed first attempt)
      '2026-12-21', // 3 before
      '2026-12-23', // 1 before
      '2026-12-24', // B due; A snoozed
      '2026-12-25', // B overdue
      '2026-12-28', // A's snooze ends (Monday), B overdue; B completed after
      '2026-12-29',
      '2026-12-30', // A completed after
      '2027-01-04', // C: January's progress (01/01 holiday, weekend)
      '2027-01-27', // D: 7 working days before Fri 12/02, counted over Tết
      '2027-02-01', // C
      '2027-02-02', // D: 3 before
      '2027-02-04', // D: 1 before — the Thursday before the Tết break
      '2027-02-12', // D: due on the first working day after Tết
    ]);
    expect(head.every((d) => d.proactive)).toBe(true);
    const byDay = new Map(head.map((d) => [d.day, d.text]));
    expect(byDay.get('2026-12-15')).toContain('Nhiệm vụ A: rà soát biển quảng cáo');
    expect(byDay.get('2026-12-15')).toContain('Nhiệm vụ B: tổng kết');
    expect(byDay.get('2026-12-15')).toContain('(còn 7 ngày làm việc)');
    expect(byDay.get('2026-12-15')).toMatch(/^Nhắc việc ngày 15\/12\/2026 \(2 nhiệm vụ\):/);
    expect(byDay.get('2026-12-24')).not.toContain('Nhiệm vụ A');
    expect(byDay.get('2026-12-24')).toContain('Đến hạn hôm nay:');
    expect(byDay.get('2026-12-28')).toContain('Nhiệm vụ A');
    expect(byDay.get('2026-12-28')).toContain('(quá 2 ngày làm việc)');
    expect(byDay.get('2026-12-29')).not.toContain('Nhiệm vụ B');
    expect(byDay.get('2026-12-01')).toContain('Nhiệm vụ C');
    expect(byDay.get('2027-02-04')).toContain('Nhiệm vụ D: báo cáo sau Tết – hạn 12/02/2027 (còn 1 ngày làm việc)');

    const leader = await digests(leaderId);
    expect(leader[0].day).toBe('2026-12-29'); // 3 working days overdue
    expect(leader[0].text).toContain('Nhiệm vụ A');
    expect(leader[0].text).toContain('CAP: Nhiệm vụ E');
    expect(leader.find((d) => d.day === '2026-12-31')!.text).not.toContain('Nhiệm vụ A');
    const leaderDays = leader.map((d) => d.day);
    expect(leaderDays).toContain('2027-02-04');
    expect(leaderDays).toContain('2027-02-12');
    for (const rest of ['2027-01-01', '2027-01-02', '2027-02-05', '2027-02-08', '2027-02-11']) expect(leaderDays).not.toContain(rest);
    expect(leaderDays.every((d) => calendar.isWorkingDay(d))).toBe(true);
  });

  it('logs each reminder once per occurrence, kind and day, with its recipients', async () => {
    const a = await occurrenceOf(database.db, 'A');
    const rows = await database.db.selectFrom('task_reminders').select(['kind', 'on_date', 'person_ids']).where('occurrence_id', '=', a).orderBy('on_date').execute();
    expect(rows.filter((r) => r.on_date === '2026-12-15')).toEqual([{ kind: 'before', on_date: '2026-12-15', person_ids: [headId] }]);
    expect(rows.filter((r) => r.on_date === '2026-12-29').map((r) => r.kind).sort()).toEqual(['escalation', 'overdue']);
    const next = await database.db.selectFrom('task_occurrences').select(['status', 'next_remind_on']).where('id', '=', a).executeTakeFirstOrThrow();
    expect(next).toEqual({ status: 'done', next_remind_on: null });
  });

  it('reads only the occurrences with a reminder due, through the partial index on next_remind_on', async () => {
    const plan = await database.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const { rows } = await sql<{ 'QUERY PLAN': string }>`explain select o.id from task_occurrences o
        where o.status = 'open' and o.next_remind_on is not null and o.next_remind_on <= ${'2027-03-01'}::date`.execute(trx);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('task_occurrences_remind');
  });

  it('leaves committed digests for the sweeper when the process dies before queueing them', async () => {
    const ids = (await database.db.selectFrom('outbox').select('id').where('dedup_key', 'like', 'task-digest-%').execute()).map((r) => r.id);
    const stranded = (await strandedOutbox(database.db, -60_000, at('2027-02-12', 15, 0), 10_000)).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(20);
    expect(stranded).toEqual(expect.arrayContaining(ids));
  });
});

describe('a person who already had today\'s digest', () => {
  it('gets a reminder that became due later that day in tomorrow\'s digest, not a second one today', async () => {
    const day = '2027-03-03'; // Wednesday
    await savePlanOf(database.db, '98/KH-UBND', [task('F', 'Nhiệm vụ F: việc mới', 'KTHTDT', '2027-03-12')], '2027-03-01');
    await run(at(day));
    const before = (await digests(headId)).length;
    await savePlanOf(database.db, '97/KH-UBND', [task('G', 'Nhiệm vụ G: việc gấp', 'KTHTDT', '2027-03-04')], day);
    expect((await run(at(day, 14))).outboxIds).toEqual([]);
    await run(at('2027-03-04'));
    const head = await digests(headId);
    expect(head).toHaveLength(before + 1);
    expect(head[head.length - 1].day).toBe('2027-03-04');
    expect(head[head.length - 1].text).toContain('Nhiệm vụ G');
  });
});
