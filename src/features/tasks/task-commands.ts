/**
 * The task keywords, for unit heads and leaders: "nhiệm vụ" / "/nhiemvu" (a unit head's open tasks; a
 * leader's summary), "tổng hợp" (leader), "nhắc lại sau 2 ngày" (snooze), a leader's typed "đồng ý" /
 * "không đồng ý" on a pending extension, and the digest's choices.
 */
import { detectIntent } from '../../domain/intents.js';
import { parseSnoozeDays } from '../../domain/tasks/task-input.js';
import type { Feature } from '../turn-context.js';
import { typedDecision } from './task-extensions.js';
import { showSummary, showTaskList, snooze } from './task-service.js';

const ROLES = ['unit_head', 'leader'];

/** Task keywords and digest choices for unit heads and leaders; everyone else's messages pass on. */
export const taskCommands: Feature = async (ctx) => {
  if (!ROLES.includes(ctx.person.role)) return false;
  const content = ctx.inbound.content;
  const leader = ctx.person.role === 'leader';
  if (content.kind === 'choice') {
    if (content.value === 'tk_list') return leader ? showSummary(ctx) : showTaskList(ctx);
    if (content.value === 'tk_summary') return showSummary(ctx);
    if (content.value === 'tk_snooze2') return snooze(ctx, 2);
    return false;
  }
  if (content.kind !== 'text') return false;
  const intent = detectIntent(content.text);
  if (intent === 'my_tasks') return leader ? showSummary(ctx) : showTaskList(ctx);
  if (intent === 'summary' && leader) return showSummary(ctx);
  if (intent === 'snooze') return snooze(ctx, parseSnoozeDays(content.text));
  return leader ? typedDecision(ctx, content.text) : false;
};
