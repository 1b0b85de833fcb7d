/**
 * A unit head working one task: picks it from the list (`tk_<id>`), then Cập nhật tiến độ (`tu_`) → the
 * progress text (with an optional %), Hoàn thành (`td_`), or Xin gia hạn (`te_`) → date → reason; a leader
 * decides an extension (`ea_` / `er_`). Choices are tapped or typed; "hủy" leaves any step.
 */
import { addProgress, completeOccurrence, occurrenceDetail } from '../../../db/repositories/tasks-progress.js';
import { detectIntent } from '../../domain/intents.js';
import { taskBucket } from '../../domain/tasks/task-buckets.js';
import { parsePercent } from '../../domain/tasks/task-input.js';
import { vi } from '../../messages/vi.js';
import type { Feature, TurnContext } from '../turn-context.js';
import { decide, onExtensionDate, onExtensionReason, startExtension } from './task-extensions.js';
import { EXTENSION_DUE, SELECTED, TASK_STATES, mayWork, showTaskCard, todayOf } from './task-service.js';

const CHOICE = /^(tk|tu|td|te|ea|er)_(\d+)$/;

/** Longest progress note kept. */
export const MAX_PROGRESS_LENGTH = 2000;

/** Task choices (`tk_`, `tu_`, `td_`, `te_`, `ea_`, `er_`) and the `task:*` steps; anything else passes on. */
export const taskConversation: Feature = async (ctx) => {
  const content = ctx.inbound.content;
  if (content.kind === 'choice') {
    const match = CHOICE.exec(content.value);
    return match ? onChoice(ctx, match[1], Number(match[2])) : false;
  }
  if (!ctx.conversation.state.startsWith('task:') || content.kind !== 'text') return false;
  const text = content.text.trim();
  if (detectIntent(text) === 'cancel' || text === '') return leave(ctx, vi.tasks.cancelled);
  switch (ctx.conversation.state) {
    case TASK_STATES.progress:
      return saveProgress(ctx, text);
    case TASK_STATES.extensionDate:
      return onExtensionDate(ctx, text);
    case TASK_STATES.extensionReason:
      return onExtensionReason(ctx, text);
  }
  return false;
};

async function onChoice(ctx: TurnContext, verb: string, id: number): Promise<boolean> {
  switch (verb) {
    case 'tk':
      return showTaskCard(ctx, id);
    case 'tu':
      return startProgress(ctx, id);
    case 'td':
      return complete(ctx, id);
    case 'te':
      return startExtension(ctx, id);
    default:
      return decide(ctx, id, verb === 'ea');
  }
}

/** The occurrence if this person may work it and it is open; otherwise answers why and returns undefined. */
async function workable(ctx: TurnContext, id: number) {
  const detail = await occurrenceDetail(ctx.trx, id);
  if (!detail || !mayWork(ctx.person, detail.lead_unit_code)) {
    ctx.reply({ text: vi.tasks.notYours });
    return undefined;
  }
  if (detail.status !== 'open') {
    ctx.reply({ text: vi.tasks.notOpen });
    return undefined;
  }
  return detail;
}

async function startProgress(ctx: TurnContext, id: number): Promise<boolean> {
  const detail = await workable(ctx, id);
  if (!detail) return true;
  ctx.conversation.state = TASK_STATES.progress;
  ctx.conversation.data[SELECTED] = detail.id;
  ctx.reply({ text: vi.tasks.askProgress });
  return true;
}

async function saveProgress(ctx: TurnContext, text: string): Promise<boolean> {
  const detail = await occurrenceDetail(ctx.trx, ctx.conversation.data[SELECTED] as number);
  if (!detail || !mayWork(ctx.person, detail.lead_unit_code)) return leave(ctx, vi.tasks.notYours);
  const percent = parsePercent(text);
  await addProgress(ctx.trx, { taskId: detail.task_id, occurrenceId: detail.id, personId: ctx.person.id, at: ctx.now, percent, text: text.slice(0, MAX_PROGRESS_LENGTH) });
  return leave(ctx, vi.tasks.progressSaved(percent));
}

async function complete(ctx: TurnContext, id: number): Promise<boolean> {
  const detail = await workable(ctx, id);
  if (!detail) return true;
  const today = todayOf(ctx);
  await completeOccurrence(ctx.trx, detail.id, ctx.person.id, ctx.now, today);
  const bucket = taskBucket({ dueOn: detail.due_on, completedOn: today }, today, await ctx.services.calendar());
  return leave(ctx, vi.tasks.completed(vi.tasks.buckets[bucket]));
}

function leave(ctx: TurnContext, text: string): boolean {
  ctx.conversation.state = 'idle';
  delete ctx.conversation.data[EXTENSION_DUE];
  ctx.reply({ text });
  return true;
}
