/**
 * The digest job on BullMQ (PostgreSQL backend): the daily 08:00 Asia/Ho_Chi_Minh scheduler upserted by
 * several schedulers stays one; the worker runs the digests and queues what it wrote for the outbound worker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQueueKit, type QueueKit } from '../../jobs/queue-kit.js';
import { OUTBOUND_QUEUE, outboundJobId, type OutboundJob } from '../../jobs/queue-names.js';
import { registerTaskScheduler, startTaskReminderJobs, TASK_REMINDER_QUEUE, TASK_REMINDER_SCHEDULER_ID } from '../../jobs/task-reminders.js';
import { vietnamInstant } from '../../src/domain/working-calendar.js';
import { createLogger } from '../../src/runtime/logger.js';
import { eventually } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { linkWebChat, loadDemoOrganisation, savePlanOf, task } from './support.js';

let database: TestDatabase;
let queues: QueueKit;

beforeAll(async () => {
  database = await createTestDatabase();
  const { headId } = await loadDemoOrganisation(database.db);
  await linkWebChat(database.db, headId, 'head-sched-000000001');
  await savePlanOf(database.db, '55/KH-UBND', [task('S1', 'Nhiệm vụ hạn thứ Năm', 'KTHTDT', '2026-12-24')], '2026-12-01');
  queues = createQueueKit({ databaseUrl: database.url });
});
afterAll(async () => {
  await queues?.close();
  await database?.drop();
});

describe('the daily digest job', () => {
  it('is scheduled once at 08:00 Vietnam time however many schedulers start', async () => {
    const queue = queues.queue(TASK_REMINDER_QUEUE);
    const now = vietnamInstant('2026-12-15', 7, 0);
    await Promise.all([registerTaskScheduler(queue, now), registerTaskScheduler(queue, now)]);
    await registerTaskScheduler(queue, now);
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]).toMatchObject({ key: TASK_REMINDER_SCHEDULER_ID, pattern: '0 8 * * *', tz: 'Asia/Ho_Chi_Minh' });
  });

  it('runs in the worker: writes the digest and queues it for sending', async () => {
    const outbound = queues.queue<OutboundJob>(OUTBOUND_QUEUE);
    const jobs = startTaskReminderJobs({ db: database.db, queues, outbound, log: createLogger('warn'), now: () => vietnamInstant('2026-12-15', 8, 0) });
    try {
      await queues.queue(TASK_REMINDER_QUEUE).add('digest', {}, { jobId: 'manual-run-1' });
      const row = await eventually(() => database.db.selectFrom('outbox').select(['id', 'dedup_key']).where('dedup_key', 'like', 'task-digest-%').executeTakeFirst());
      expect(row.dedup_key).toMatch(/-2026-12-15$/);
      await eventually(async () => (await outbound.getJob(outboundJobId(row.id))) !== undefined);
    } finally {
      await jobs.close();
    }
  });
});
