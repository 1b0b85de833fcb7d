/**
 * The leader's "tổng hợp": bucket counts per lead unit and the overdue list, most overdue first — short enough
 * for a phone screen (at most 10 units and 10 overdue lines, the rest counted).
 */
import { vi } from '../../messages/vi.js';
import { totalsByUnit, type TaskStatus } from '../../reports/task-status.js';
import { shorten } from './task-digest.js';

/** Most unit lines and overdue lines shown. */
export const SUMMARY_MAX_LINES = 10;

/** The summary text for `day` (ISO) from every task's standing that day. */
export function composeSummary(day: string, statuses: readonly TaskStatus[]): string {
  if (statuses.length === 0) return vi.tasks.summaryEmpty;
  const units = totalsByUnit(statuses);
  const lines = [vi.tasks.summaryTitle(vi.tasks.date(day))];
  for (const u of units.slice(0, SUMMARY_MAX_LINES)) lines.push(vi.tasks.summaryUnit(u.unit, u.counts));
  if (units.length > SUMMARY_MAX_LINES) lines.push(vi.tasks.summaryMoreUnits(units.length - SUMMARY_MAX_LINES));
  const overdue = statuses.filter((s) => s.bucket === 'open_overdue').sort((a, b) => b.overdueWorkingDays - a.overdueWorkingDays);
  if (overdue.length === 0) {
    lines.push(vi.tasks.summaryNoOverdue);
    return lines.join('\n');
  }
  lines.push(vi.tasks.summaryOverdueTitle(overdue.length));
  for (const s of overdue.slice(0, SUMMARY_MAX_LINES)) {
    lines.push(vi.tasks.summaryOverdueLine(s.unit, shorten(s.task.content, 60), vi.tasks.date(s.dueOn), s.overdueWorkingDays));
  }
  if (overdue.length > SUMMARY_MAX_LINES) lines.push(vi.tasks.more(overdue.length - SUMMARY_MAX_LINES));
  return lines.join('\n');
}
