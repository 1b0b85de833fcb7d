/**
 * Xin gia hạn: the unit head types a new date, then the reason; the plan's leader gets the request with
 * "Đồng ý gia hạn / Không đồng ý" (tapped, or typed when it is the only pending one); the unit head is told.
 */
import { decideExtension, extensionById, leadersOfPlan, occurrenceDetail, requestExtension } from '../../../db/repositories/tasks-progress.js';
import { parseTypedDate } from '../../domain/tasks/task-input.js';
import { matchesAny } from '../../domain/text-folding.js';
import { vi } from '../../messages/vi.js';
import type { TurnContext } from '../turn-context.js';
import { shorten } from './task-digest.js';
import { EXTENSION_DUE, SELECTED, TASK_STATES, mayWork, todayOf } from './task-service.js';

/** "Xin gia hạn" picked: ask for the date. */
export async function startExtension(ctx: TurnContext, occurrenceId: number): Promise<boolean> {
  const detail = await occurrenceDetail(ctx.trx, occurrenceId);
  if (!detail || !mayWork(ctx.person, detail.lead_unit_code)) return say(ctx, vi.tasks.notYours);
  if (detail.status !== 'open') return say(ctx, vi.tasks.notOpen);
  if ((await leadersOfPlan(ctx.trx, detail.plan_id)).length === 0) return say(ctx, vi.tasks.noLeader);
  ctx.conversation.state = TASK_STATES.extensionDate;
  ctx.conversation.data[SELECTED] = detail.id;
  return say(ctx, vi.tasks.askExtensionDate(vi.tasks.date(detail.due_on)));
}

/** The typed date: must be a real date after today and after the current due date. */
export async function onExtensionDate(ctx: TurnContext, text: string): Promise<boolean> {
  const detail = await occurrenceDetail(ctx.trx, ctx.conversation.data[SELECTED] as number);
  if (!detail) return reset(ctx, vi.tasks.notOpen);
  const today = todayOf(ctx);
  const date = parseTypedDate(text, today);
  if (date === null) return say(ctx, vi.tasks.badExtensionDate);
  if (date <= today || (detail.due_on !== null && date <= detail.due_on)) {
    return say(ctx, vi.tasks.extensionNotLater(vi.tasks.date(detail.due_on)));
  }
  ctx.conversation.data[EXTENSION_DUE] = date;
  ctx.conversation.state = TASK_STATES.extensionReason;
  return say(ctx, vi.tasks.askExtensionReason);
}

/** The reason: the request is saved and sent to the plan's leader(s). */
export async function onExtensionReason(ctx: TurnContext, text: string): Promise<boolean> {
  const detail = await occurrenceDetail(ctx.trx, ctx.conversation.data[SELECTED] as number);
  const due = ctx.conversation.data[EXTENSION_DUE] as string | undefined;
  if (!detail || detail.status !== 'open' || !due) return reset(ctx, vi.tasks.notOpen);
  const id = await requestExtension(ctx.trx, { occurrenceId: detail.id, personId: ctx.person.id, at: ctx.now, requestedDueOn: due, reason: text.slice(0, 1000) });
  const message = {
    text: vi.tasks.extensionForLeader(detail.lead_unit_name ?? vi.tasks.unitUnknown, shorten(detail.content, 300), vi.tasks.date(detail.due_on), vi.tasks.date(due), text.slice(0, 500)),
    choices: [
      { value: `ea_${id}`, label: vi.tasks.approve },
      { value: `er_${id}`, label: vi.tasks.refuse },
    ],
  };
  for (const leader of await leadersOfPlan(ctx.trx, detail.plan_id)) {
    await ctx.notify(leader, message, { dedupKey: `task-ext-${id}-p${leader}` });
  }
  return reset(ctx, vi.tasks.extensionSent(vi.tasks.date(due)));
}

/** A leader's decision on request `id`; the requester is told. */
export async function decide(ctx: TurnContext, id: number, approve: boolean): Promise<boolean> {
  const ext = await extensionById(ctx.trx, id);
  if (!ext || !(await leadersOfPlan(ctx.trx, ext.plan_id)).includes(ctx.person.id)) return say(ctx, vi.tasks.notLeader);
  const calendar = await ctx.services.calendar();
  const decided = await decideExtension(ctx.trx, { id, leaderId: ctx.person.id, approve, at: ctx.now, today: todayOf(ctx), calendar });
  if (!decided) return say(ctx, vi.tasks.alreadyDecided);
  const to = vi.tasks.date(ext.requested_due_on);
  const content = shorten(ext.content, 120);
  if (ext.requested_by !== null) {
    const text = approve ? vi.tasks.requesterApproved(content, to) : vi.tasks.requesterRefused(content, vi.tasks.date(ext.previous_due_on));
    await ctx.notify(ext.requested_by, { text }, { dedupKey: `task-ext-${id}-decided` });
  }
  return say(ctx, approve ? vi.tasks.approved(to) : vi.tasks.refused);
}

const REFUSE = ['không đồng ý', 'không duyệt', 'từ chối', 'không đồng ý gia hạn'];
const APPROVE = ['đồng ý', 'đồng ý gia hạn', 'duyệt', 'nhất trí', 'đồng ý cho gia hạn'];

/**
 * A leader typing "đồng ý" / "không đồng ý" instead of tapping: decides the only pending request of their
 * plans, or lists the pending ones as choices. False when the text is neither, or nothing is pending.
 */
export async function typedDecision(ctx: TurnContext, text: string): Promise<boolean> {
  const refuse = matchesAny(text, REFUSE);
  if (!refuse && !matchesAny(text, APPROVE)) return false;
  const pending = await pendingForLeader(ctx);
  if (pending.length === 0) return false;
  if (pending.length === 1) return decide(ctx, pending[0].id, !refuse);
  ctx.reply({
    text: vi.tasks.pendingExtensions,
    choices: pending.slice(0, 10).map((p) => ({ value: `${refuse ? 'er' : 'ea'}_${p.id}`, label: `${shorten(p.content, 40)} → ${vi.tasks.date(p.requested_due_on)}` })),
  });
  return true;
}

async function pendingForLeader(ctx: TurnContext) {
  const rows = await ctx.trx
    .selectFrom('task_extensions as e')
    .innerJoin('task_occurrences as o', 'o.id', 'e.occurrence_id')
    .innerJoin('tasks as t', 't.id', 'o.task_id')
    .innerJoin('plans as p', 'p.id', 't.plan_id')
    .select(['e.id', 't.content', 'e.requested_due_on'])
    .where('e.status', '=', 'pending')
    .where((eb) => eb.or([eb('p.leader_person_id', 'is', null), eb('p.leader_person_id', '=', ctx.person.id)]))
    .orderBy('e.id')
    .execute();
  return rows;
}

function say(ctx: TurnContext, text: string): boolean {
  ctx.reply({ text });
  return true;
}

function reset(ctx: TurnContext, text: string): boolean {
  ctx.conversation.state = 'idle';
  delete ctx.conversation.data[EXTENSION_DUE];
  return say(ctx, text);
}
