/**
 * Task reminders (nhắc việc) and deadline nudges (đôn đốc): once a day at 08:00 Vietnam time, every person with
 * reminders due gets ONE digest through the outbox.
 *
 * - Cost follows the reminders due: only occurrences whose `next_remind_on` is today or earlier are read
 *   (partial index), and each gets its next reminder day back from the pure policy.
 * - Nothing twice: one run at a time (advisory lock), the digest's outbox dedup key is person + day, and the
 *   reminder log is unique per occurrence × kind × day. A restart or a second scheduler finds nothing left.
 * - A person who already had today's digest (a later run the same day) gets the newly due reminders
 *   tomorrow: they are neither logged nor advanced, so tomorrow's run catches them up.
 * - Never on weekends or holidays, never before 08:00 nor in the quiet hours (22:00–06:00).
 */
import type { Job, Queue, Worker } from 'bullmq';
import type { Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import { loadWorkingCalendar } from '../db/repositories/holidays.js';
import { addToOutbox } from '../db/repositories/outbox.js';
import {
  activeLeaders,
  chatOf,
  lockReminderRun,
  logReminders,
  occurrencesDue,
  setNextReminders,
  unitHeadsByUnit,
  type DueOccurrence,
} from '../db/repositories/tasks-reminders.js';
import { reminderSubjectOf } from '../db/repositories/tasks-schedule.js';
import type { Database, NewOutbox } from '../db/schema.js';
import { DIGEST_HOUR, digestDay, nextReminderOn, reminderPolicy, remindersOn, type Reminder } from '../src/domain/tasks/reminder-policy.js';
import { vietnamDate, type WorkingCalendar } from '../src/domain/working-calendar.js';
import { composeDigest, type DigestItem } from '../src/features/tasks/task-digest.js';
import type { Logger } from '../src/runtime/logger.js';
import type { QueueKit } from './queue-kit.js';
import { outboundJobId, type OutboundJob } from './queue-names.js';

/** The queue of the daily digest job. Payloads are empty: no personal data in the queue. */
export const TASK_REMINDER_QUEUE = 'task-reminders';

/** The job scheduler's id: upserting it again (restarts, several schedulers) keeps one schedule. */
export const TASK_REMINDER_SCHEDULER_ID = 'task-reminders-daily';

/** Options for {@link runTaskDigests}. */
export interface TaskDigestOptions {
  /** The run's clock. */
  now: Date;
  calendar: WorkingCalendar;
}

/** What one run did (counts and ids only, fit for the log). */
export interface TaskDigestResult {
  /** The day the digests are for, or null when the run was refused (rest day, before 08:00, quiet hours). */
  day: string | null;
  /** Occurrences read (those with a reminder day on or before `day`). */
  due: number;
  /** Reminders logged as sent. */
  reminders: number;
  /** Digests written to the outbox. */
  outboxIds: string[];
  /** Reminders with nobody to receive them (no unit head or leader with a chat account). */
  unaddressed: number;
}

/** The dedup key of a person's digest of a day: one digest per person per day, whoever runs the job. */
export const digestDedupKey = (personId: number, day: string) => `task-digest-${personId}-${day}`;

interface Addressed {
  occurrence: DueOccurrence;
  reminder: Reminder;
  personIds: number[];
}

/** One run of the daily digests, in one transaction. Returns the outbox ids to queue for sending. */
export async function runTaskDigests(db: Db, options: TaskDigestOptions): Promise<TaskDigestResult> {
  const day = digestDay(options.now, options.calendar);
  if (day === null) return { day, due: 0, reminders: 0, outboxIds: [], unaddressed: 0 };
  return db.transaction().execute(async (trx) => {
    await lockReminderRun(trx);
    const due = await occurrencesDue(trx, day);
    const planned = due.map((o) => planOccurrence(o, day, options.calendar));
    const addressed = await address(trx, planned);
    const chats = await chatOf(trx, [...new Set(addressed.flatMap((a) => a.personIds))]);
    const reachable = addressed.map((a) => ({ ...a, personIds: a.personIds.filter((p) => chats.has(p)) }));
    const { outboxIds, delivered } = await writeDigests(trx, reachable, chats, day, options.now);
    const sent = reachable.filter((a) => a.personIds.length > 0 && a.personIds.every((p) => delivered.has(p)));
    await logReminders(trx, sent.map((a) => ({ occurrenceId: a.occurrence.id, kind: a.reminder.kind, day, personIds: a.personIds })));
    const held = new Set(reachable.filter((a) => a.personIds.some((p) => !delivered.has(p))).map((a) => a.occurrence.id));
    await setNextReminders(trx, planned.filter((p) => !held.has(p.occurrence.id)).map((p) => ({ id: p.occurrence.id, next: p.next })));
    const unaddressed = reachable.filter((a) => a.personIds.length === 0).length;
    return { day, due: due.length, reminders: sent.length, outboxIds, unaddressed };
  });
}

/** Today's reminders of one occurrence (catching up missed days) and its next reminder day. */
function planOccurrence(occurrence: DueOccurrence, day: string, calendar: WorkingCalendar) {
  const subject = reminderSubjectOf(occurrence);
  const policy = reminderPolicy(occurrence.reminder_policy);
  const reminders = remindersOn(subject, day, calendar, policy, occurrence.next_remind_on ?? undefined);
  return { occurrence, reminders, next: nextReminderOn(subject, day, calendar, policy) };
}

/** Who each reminder goes to: the lead unit's heads, or the plan's leader (else every leader). */
async function address(db: Transaction<Database>, planned: ReturnType<typeof planOccurrence>[]): Promise<Addressed[]> {
  const units = [...new Set(planned.map((p) => p.occurrence.lead_unit_code).filter((c): c is string => c !== null))];
  const heads = await unitHeadsByUnit(db, units);
  const leaders = await activeLeaders(db);
  return planned.flatMap(({ occurrence, reminders }) =>
    reminders.map((reminder) => ({
      occurrence,
      reminder,
      personIds:
        reminder.audience === 'leader'
          ? occurrence.leader_person_id !== null ? [occurrence.leader_person_id] : leaders
          : occurrence.lead_unit_code !== null ? (heads.get(occurrence.lead_unit_code) ?? []) : [],
    })),
  );
}

/** Each person's digest lines: the unit is shown to leaders (a unit head knows their own unit). */
function groupByPerson(addressed: readonly Addressed[]): Map<number, { items: DigestItem[]; leader: boolean }> {
  const byPerson = new Map<number, { items: DigestItem[]; leader: boolean }>();
  for (const a of addressed) {
    const forLeader = a.reminder.audience === 'leader';
    const item: DigestItem = {
      kind: a.reminder.kind,
      unit: forLeader ? (a.occurrence.lead_unit_name ?? a.occurrence.lead_unit_code) : null,
      content: a.occurrence.content,
      dueOn: a.occurrence.due_on,
      workingDays: a.reminder.workingDays,
    };
    for (const personId of a.personIds) {
      const entry = byPerson.get(personId) ?? { items: [], leader: false };
      entry.leader ||= forLeader;
      entry.items.push(item);
      byPerson.set(personId, entry);
    }
  }
  return byPerson;
}

/** One outbox row per person; returns the new ids and the people whose digest of `day` is now in the outbox. */
async function writeDigests(
  db: Transaction<Database>,
  addressed: Addressed[],
  chats: Map<number, { channel: NewOutbox['channel']; externalId: string }>,
  day: string,
  now: Date,
): Promise<{ outboxIds: string[]; delivered: Set<number> }> {
  const rows: NewOutbox[] = [...groupByPerson(addressed)].map(([personId, entry]) => ({
    dedup_key: digestDedupKey(personId, day),
    channel: chats.get(personId)!.channel,
    external_user_id: chats.get(personId)!.externalId,
    person_id: personId,
    message: JSON.stringify(composeDigest(day, entry.items, entry.leader)),
    proactive: true,
    not_before: now,
  }));
  const outboxIds = await addToOutbox(db, rows);
  if (outboxIds.length === 0) return { outboxIds, delivered: new Set() };
  const inserted = await db.selectFrom('outbox').select('person_id').where('id', 'in', outboxIds).execute();
  return { outboxIds, delivered: new Set(inserted.map((r) => r.person_id!)) };
}

/** What the daily job needs from the app. */
export interface TaskReminderJobDeps {
  db: Db;
  queues: QueueKit;
  /** The outbound queue the digests are sent through. */
  outbound: Queue<OutboundJob>;
  log: Logger;
  /** The clock. Default `() => new Date()`. */
  now?: () => Date;
}

/** The job's name (on {@link TASK_REMINDER_QUEUE}, or on another queue whose worker dispatches by name). */
export const TASK_REMINDER_JOB = 'task-digests';

/**
 * One run as a job: the digests of `now`, their outbox rows queued for sending, one log line of counts.
 * For a worker that dispatches by job name (the maintenance queue); {@link startTaskReminderJobs} uses it too.
 */
export async function processTaskReminders(db: Db, outbound: Queue<OutboundJob>, now: Date, log: Logger): Promise<TaskDigestResult> {
  const result = await runTaskDigests(db, { now, calendar: await loadWorkingCalendar(db) });
  await enqueueOutbox(outbound, result.outboxIds);
  // A run outside digest time (the catch-up at start-up) has nothing to say: keep start-up to its few lines.
  const line = `task reminders ${result.day ?? '(not a digest time)'}: ${result.due} due, ${result.reminders} sent in ${result.outboxIds.length} digest(s), ${result.unaddressed} without recipient`;
  if (result.day) log.info(line);
  else log.debug(line);
  return result;
}

/**
 * Run the digest job in this process (the `worker` role): one BullMQ worker on {@link TASK_REMINDER_QUEUE}
 * running {@link processTaskReminders}. Close it on shutdown.
 */
export function startTaskReminderJobs(deps: TaskReminderJobDeps): { worker: Worker; close(): Promise<void> } {
  const now = deps.now ?? (() => new Date());
  const worker = deps.queues.worker(
    TASK_REMINDER_QUEUE,
    async (_job: Job) => {
      await processTaskReminders(deps.db, deps.outbound, now(), deps.log);
    },
    { concurrency: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 500 } },
  );
  worker.on('error', (e) => deps.log.error(`task reminder worker: ${String(e)}`));
  return { worker, close: () => worker.close() };
}

/** Queue committed outbox rows for the outbound worker (a crash before this is recovered by the sweeper). */
export async function enqueueOutbox(outbound: Queue<OutboundJob>, outboxIds: readonly string[]): Promise<void> {
  await Promise.all(outboxIds.map((id) => outbound.add('send', { outboxId: id }, { jobId: outboundJobId(id) })));
}

/**
 * For the `scheduler` role: the daily 08:00 (Asia/Ho_Chi_Minh) job scheduler, upserted (idempotent: restarts
 * and several schedulers keep one schedule), plus one catch-up run per day at start-up, so a process that was
 * down at 08:00 still sends today's digests (the run is idempotent; before 08:00 it does nothing).
 */
export async function registerTaskScheduler(queue: Queue, now: Date = new Date()): Promise<void> {
  await queue.upsertJobScheduler(
    TASK_REMINDER_SCHEDULER_ID,
    { pattern: `0 ${DIGEST_HOUR} * * *`, tz: 'Asia/Ho_Chi_Minh' },
    { name: TASK_REMINDER_JOB, data: {}, opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 500 } } },
  );
  await queue.add(TASK_REMINDER_JOB, {}, { jobId: `task-digest-catchup-${vietnamDate(now)}`, removeOnComplete: { count: 100 } });
}
