/**
 * The Government Office's four status buckets for a task (or one occurrence of a recurring task) on a given
 * day — the columns of every progress report a ward sends up:
 * - `done_on_time` — hoàn thành đúng hạn;
 * - `done_late` — hoàn thành quá hạn;
 * - `open_in_time` — chưa hoàn thành, còn trong hạn;
 * - `open_overdue` — chưa hoàn thành, đã quá hạn.
 *
 * A due date falling on a weekend or holiday moves to the next working day (as the working calendar does for
 * every deadline), so finishing on that Monday is on time. A task without a due date ("thường xuyên", or a date
 * the plan does not give) cannot be late. Pure: the day is passed in.
 */
import type { WorkingCalendar } from '../working-calendar.js';

/** One of the four buckets; labels live in the catalogue (`vi.tasks.buckets`). */
export type TaskBucket = 'done_on_time' | 'done_late' | 'open_in_time' | 'open_overdue';

/** Every bucket, in the order reports print them. */
export const TASK_BUCKETS: readonly TaskBucket[] = ['done_on_time', 'done_late', 'open_in_time', 'open_overdue'];

/** What the bucket depends on: the (possibly extended) due date and the completion day. */
export interface BucketSubject {
  /** ISO due date (after approved extensions), or null when there is none. */
  dueOn: string | null;
  /** ISO day the work was completed, or null while open. */
  completedOn: string | null;
}

/**
 * The due date as it counts: `dueOn` rolled forward to a working day when a calendar is given, else as is.
 * Exported because reminders count working days to the same date.
 */
export function effectiveDueOn(dueOn: string, calendar?: WorkingCalendar): string {
  return calendar ? calendar.rollForwardToWorkingDay(dueOn) : dueOn;
}

/** The bucket of `subject` on day `today` (ISO). Without a calendar, the written due date counts. */
export function taskBucket(subject: BucketSubject, today: string, calendar?: WorkingCalendar): TaskBucket {
  const due = subject.dueOn === null ? null : effectiveDueOn(subject.dueOn, calendar);
  if (subject.completedOn !== null) {
    return due === null || subject.completedOn <= due ? 'done_on_time' : 'done_late';
  }
  return due === null || today <= due ? 'open_in_time' : 'open_overdue';
}

/** Bucket counts, all four present (zeros included), for summaries and report totals. */
export type BucketCounts = Record<TaskBucket, number>;

/** Counts per bucket of `buckets`. */
export function countBuckets(buckets: Iterable<TaskBucket>): BucketCounts {
  const counts: BucketCounts = { done_on_time: 0, done_late: 0, open_in_time: 0, open_overdue: 0 };
  for (const bucket of buckets) counts[bucket] += 1;
  return counts;
}

/**
 * Which occurrence of a recurring task speaks for the task on `today`: the oldest open one already due
 * (what is late matters first), else the next open one, else the last one (all done). Occurrences must be
 * sorted by due date (nulls last). Returns undefined for an empty list.
 */
export function currentOccurrence<T extends BucketSubject>(sorted: readonly T[], today: string): T | undefined {
  const open = sorted.filter((o) => o.completedOn === null);
  const late = open.find((o) => o.dueOn !== null && o.dueOn < today);
  return late ?? open[0] ?? sorted[sorted.length - 1];
}
