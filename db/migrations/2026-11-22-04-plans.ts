/**
 * Plans become tasks: plans (kế hoạch), their tasks (nhiệm vụ), one occurrence per period of a recurring task,
 * progress updates (báo cáo tiến độ), extension requests (gia hạn) with their decisions, the unit names admins
 * mapped once, and the reminder log that makes every reminder fire once.
 *
 * The reminder job's cost follows the reminders due, not the number of tasks: each open occurrence carries the
 * date of its next reminder (`next_remind_on`), and a partial index serves "what is due today".
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plans')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('plan_key', 'text', (c) => c.notNull().unique())
    .addColumn('number', 'text')
    .addColumn('title', 'text')
    .addColumn('issuer', 'text')
    .addColumn('issued_on', 'date')
    .addColumn('source_file', 'text', (c) => c.notNull())
    .addColumn('source_hash', 'text', (c) => c.notNull())
    .addColumn('leader_person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('reminder_policy', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('plans_by_number').on('plans').column('number').execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('lead_unit_name', 'text')
    .addColumn('lead_unit_code', 'text', (c) => c.references('units.code'))
    .addColumn('coordinating_unit_names', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('coordinating_unit_codes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('timeframe', 'text')
    .addColumn('start_on', 'date')
    .addColumn('due_on', 'date')
    .addColumn('recurrence', 'text', (c) => c.notNull())
    .addColumn('section', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('family', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('tasks_plan_ref', ['plan_id', 'ref'])
    .execute();
  await db.schema.createIndex('tasks_by_lead_unit').on('tasks').columns(['lead_unit_code', 'status']).execute();

  await db.schema
    .createTable('task_occurrences')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('start_on', 'date')
    .addColumn('due_on', 'date')
    .addColumn('original_due_on', 'date')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('completed_on', 'date')
    .addColumn('completed_at', 'timestamptz')
    .addColumn('completed_by', 'integer', (c) => c.references('people.id'))
    .addColumn('head_snoozed_until', 'date')
    .addColumn('leader_snoozed_until', 'date')
    .addColumn('next_remind_on', 'date')
    .addUniqueConstraint('task_occurrences_period', ['task_id', 'period_key'])
    .execute();
  await sql`create index task_occurrences_remind on task_occurrences (next_remind_on) where status = 'open' and next_remind_on is not null`.execute(db);
  await sql`create index task_occurrences_open_by_due on task_occurrences (task_id, due_on) where status = 'open'`.execute(db);

  await db.schema
    .createTable('task_progress')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('occurrence_id', 'integer', (c) => c.references('task_occurrences.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('percent', 'integer', (c) => c.check(sql`percent between 0 and 100`))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('attachment_sha256', 'text', (c) => c.references('media.sha256'))
    .execute();
  await db.schema.createIndex('task_progress_by_task').on('task_progress').columns(['task_id', 'at']).execute();

  await db.schema
    .createTable('task_extensions')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('occurrence_id', 'integer', (c) => c.notNull().references('task_occurrences.id').onDelete('cascade'))
    .addColumn('requested_by', 'integer', (c) => c.references('people.id'))
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('previous_due_on', 'date')
    .addColumn('requested_due_on', 'date', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('decided_by', 'integer', (c) => c.references('people.id'))
    .addColumn('decided_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('task_extensions_by_occurrence').on('task_extensions').columns(['occurrence_id', 'id']).execute();

  await db.schema
    .createTable('unit_name_mappings')
    .addColumn('name_key', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull().references('units.code'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('task_reminders')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('occurrence_id', 'integer', (c) => c.notNull().references('task_occurrences.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('on_date', 'date', (c) => c.notNull())
    .addColumn('person_ids', sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('task_reminders_once', ['occurrence_id', 'kind', 'on_date'])
    .execute();
  await db.schema.createIndex('task_reminders_by_date').on('task_reminders').column('on_date').execute();
  await sql`create index task_reminders_by_person on task_reminders using gin (person_ids)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'task_reminders',
    'unit_name_mappings',
    'task_extensions',
    'task_progress',
    'task_occurrences',
    'tasks',
    'plans',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
