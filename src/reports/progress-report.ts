/**
 * The progress report of one plan (báo cáo tiến độ thực hiện kế hoạch), as data: a title block, one row per
 * task (content, lead unit, due date, bucket, latest progress) and the per-unit totals. The xlsx and docx
 * writers only lay it out.
 */
import type { Db } from '../../db/database.js';
import { tasksWithOccurrences } from '../../db/repositories/tasks-report.js';
import type { BucketCounts } from '../domain/tasks/task-buckets.js';
import type { WorkingCalendar } from '../domain/working-calendar.js';
import { vi } from '../messages/vi.js';
import { taskStatuses, totalsByUnit } from './task-status.js';

/** One task line of the report. */
export interface ProgressReportRow {
  index: number;
  content: string;
  unit: string;
  /** dd/mm/yyyy, or "không có hạn". */
  due: string;
  /** The bucket's label (e.g. "Chưa hoàn thành, quá hạn"). */
  status: string;
  progress: string;
}

/** The whole report. */
export interface ProgressReport {
  title: string;
  subtitle: string | null;
  asOf: string;
  rows: ProgressReportRow[];
  totals: { unit: string; counts: BucketCounts; total: number }[];
  grandTotal: { counts: BucketCounts; total: number };
}

/** The plan's identity as the report's title needs it. */
export interface ReportPlan {
  id: number;
  number: string | null;
  title: string | null;
}

/** Build the report of `plan` as things stand on `today` (ISO). */
export async function buildProgressReport(db: Db, plan: ReportPlan, today: string, calendar: WorkingCalendar): Promise<ProgressReport> {
  const statuses = taskStatuses(await tasksWithOccurrences(db, [plan.id]), today, calendar);
  const totals = totalsByUnit(statuses);
  const grand: BucketCounts = { done_on_time: 0, done_late: 0, open_in_time: 0, open_overdue: 0 };
  for (const t of totals) for (const k of Object.keys(grand) as (keyof BucketCounts)[]) grand[k] += t.counts[k];
  return {
    title: vi.tasks.report.title(plan.number ? `KẾ HOẠCH SỐ ${plan.number}` : 'KẾ HOẠCH'),
    subtitle: plan.title,
    asOf: vi.tasks.report.asOf(vi.tasks.date(today)),
    rows: statuses.map((s, i) => ({
      index: i + 1,
      content: s.task.content,
      unit: s.unit,
      due: vi.tasks.date(s.dueOn),
      status: vi.tasks.buckets[s.bucket],
      progress: s.task.latestProgress
        ? `${s.task.latestProgress.percent !== null ? `${s.task.latestProgress.percent}% – ` : ''}${s.task.latestProgress.text}`
        : '',
    })),
    totals,
    grandTotal: { counts: grand, total: statuses.length },
  };
}
