/**
 * Each task's standing on a day — the occurrence that speaks for it, its bucket, how late it is — and the
 * per-unit totals: what the leader's "tổng hợp" and the progress report both show.
 */
import type { TaskWithOccurrences } from '../../db/repositories/tasks-report.js';
import { countBuckets, currentOccurrence, effectiveDueOn, taskBucket, type BucketCounts, type TaskBucket } from '../domain/tasks/task-buckets.js';
import { foldText } from '../domain/text-folding.js';
import type { WorkingCalendar } from '../domain/working-calendar.js';
import { vi } from '../messages/vi.js';

/** A task on a given day. */
export interface TaskStatus {
  task: TaskWithOccurrences;
  /** The due date that counts now (the current occurrence's), or null. */
  dueOn: string | null;
  bucket: TaskBucket;
  /** Working days past the due date while open (0 otherwise). */
  overdueWorkingDays: number;
  /** The lead unit's name for display ("(chưa xác định)" when the plan names none). */
  unit: string;
  /** Groups the unit's tasks: its code, else its folded name ("Sở Công thương" = "Sở Công Thương"). */
  unitKey: string;
}

/** The standing of every task on `today`. */
export function taskStatuses(tasks: readonly TaskWithOccurrences[], today: string, calendar: WorkingCalendar): TaskStatus[] {
  return tasks.map((task) => {
    const occurrence = currentOccurrence(task.occurrences, today) ?? { dueOn: null, completedOn: null };
    const bucket = taskBucket(occurrence, today, calendar);
    const overdue = bucket === 'open_overdue' ? calendar.workingDaysBetween(effectiveDueOn(occurrence.dueOn!, calendar), today) : 0;
    const unit = task.leadUnitName ?? vi.tasks.unitUnknown;
    const unitKey = task.leadUnitCode ?? `name:${foldText(unit)}`;
    return { task, dueOn: occurrence.dueOn, bucket, overdueWorkingDays: overdue, unit, unitKey };
  });
}

/** Bucket counts per lead unit, units by name; the unknown unit last. */
export function totalsByUnit(statuses: readonly TaskStatus[]): { unit: string; counts: BucketCounts; total: number }[] {
  const byUnit = new Map<string, { unit: string; buckets: TaskBucket[] }>();
  for (const s of statuses) {
    const entry = byUnit.get(s.unitKey) ?? { unit: s.unit, buckets: [] };
    entry.buckets.push(s.bucket);
    byUnit.set(s.unitKey, entry);
  }
  return [...byUnit.values()]
    .map(({ unit, buckets }) => ({ unit, counts: countBuckets(buckets), total: buckets.length }))
    .sort((a, b) => Number(a.unit === vi.tasks.unitUnknown) - Number(b.unit === vi.tasks.unitUnknown) || a.unit.localeCompare(b.unit, 'vi'));
}
