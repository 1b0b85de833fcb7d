/** Shared set-up of the task suites: the demo organisation, holidays, staff chat accounts, a small plan. */
import { readFileSync } from 'node:fs';
import type { Db } from '../../db/database.js';
import { loadWorkingCalendar, seedHolidays } from '../../db/repositories/holidays.js';
import { importOrganisation } from '../../db/repositories/org.js';
import { savePlan } from '../../db/repositories/plans.js';
import type { PlanProposal, Recurrence, TaskProposal } from '../../src/domain/plans/plan-types.js';
import { parseOrgFile } from '../../src/org/org-file.js';

/** Load Phường Lê Chân (units KTHTDT, CAP…; unit head Đỗ Minh Tuấn of KTHTDT; leader Vũ Thị Mai) and holidays. */
export async function loadDemoOrganisation(db: Db): Promise<{ headId: number; leaderId: number }> {
  await importOrganisation(db, parseOrgFile(readFileSync('examples/le-chan.org.yaml', 'utf8')));
  await seedHolidays(db);
  const head = await db.selectFrom('people').select('id').where('role', '=', 'unit_head').executeTakeFirstOrThrow();
  const leader = await db.selectFrom('people').select('id').where('role', '=', 'leader').executeTakeFirstOrThrow();
  await db.updateTable('people').set({ consent_at: new Date() }).where('id', 'in', [head.id, leader.id]).execute();
  return { headId: head.id, leaderId: leader.id };
}

/** Give a person a web chat account (the web session id). */
export async function linkWebChat(db: Db, personId: number, session: string): Promise<void> {
  await db.insertInto('channel_identities').values({ channel: 'web', external_id: session, person_id: personId }).execute();
}

/** A task proposal with sensible defaults. */
export function task(ref: string, content: string, leadUnitCode: string | null, dueOn: string | null, recurrence: Recurrence = 'none'): TaskProposal {
  return {
    ref,
    content,
    leadUnit: leadUnitCode,
    leadUnitCode,
    coordinatingUnits: [],
    coordinatingUnitCodes: [],
    timeframe: null,
    startOn: null,
    dueOn,
    recurrence,
    section: 'II. NHIỆM VỤ',
    family: 'labelled-block',
  };
}

/** Save a plan of these tasks as if imported on `today`; returns the plan id. */
export async function savePlanOf(db: Db, number: string, tasks: TaskProposal[], today: string): Promise<number> {
  const proposal: PlanProposal = {
    plan: { number, title: `Kế hoạch thử ${number}`, issuer: 'UBND phường Lê Chân', issuedOn: '2026-11-02' },
    tasks,
    unresolvedUnits: [],
    warnings: [],
  };
  const saved = await savePlan(db, proposal, { sourceFile: `${number}.txt`, sourceHash: number, today, calendar: await loadWorkingCalendar(db) });
  return saved.planId;
}

/** The occurrence id of a task by its ref (its first occurrence). */
export async function occurrenceOf(db: Db, ref: string): Promise<number> {
  const row = await db
    .selectFrom('task_occurrences as o')
    .innerJoin('tasks as t', 't.id', 'o.task_id')
    .select('o.id')
    .where('t.ref', '=', ref)
    .orderBy('o.due_on')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A chat person driven straight through the conversation engine (no HTTP, no queue), on a fake clock. */
export function chatPerson(db: Db, engine: import('../../src/features/engine.js').Engine, session: string, clock: () => Date) {
  let counter = 0;
  let seen = 0n;
  const run = Math.random().toString(36).slice(2, 8);
  async function send(content: import('../../src/domain/message-model.js').InboundContent) {
    counter += 1;
    const { storeInbound } = await import('../../db/repositories/inbound-events.js');
    const { id } = await storeInbound(db, { channel: 'web', userId: session, messageId: `${session}-${run}-${counter}`, sentAt: clock().toISOString(), content });
    await engine.drainPerson(id);
    return replies();
  }
  /** Messages to this chat not read yet (replies and notifications). */
  async function replies() {
    const rows = await db.selectFrom('outbox').select(['id', 'message']).where('external_user_id', '=', session).where('id', '>', String(seen)).orderBy('id').execute();
    if (rows.length) seen = BigInt(rows[rows.length - 1].id);
    return rows.map((r) => r.message as import('../../src/domain/message-model.js').Outbound);
  }
  return {
    say: (text: string) => send({ kind: 'text', text }),
    choose: (value: string) => send({ kind: 'choice', value }),
    inbox: replies,
  };
}
