/**
 * The Kysely instance over a `pg` pool, and the start-up migration of both our schema and BullMQ's.
 */
import { Kysely, PostgresDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { runMigrations as runQueueMigrations } from 'bullmq';
import type { Database } from './schema.js';
import { migrations } from './migrations/index.js';

// bigint ids and counts come back as strings by default; counts fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => value);
// Calendar dates stay 'YYYY-MM-DD' strings: a JS Date would shift them with the process time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export type Db = Kysely<Database>;

/** Options for {@link createDatabase}. */
export interface DatabaseOptions {
  /** Pool size. Default 10. */
  max?: number;
}

/** Create the Kysely instance; the caller owns it and must `destroy()` it. */
export function createDatabase(url: string, options: DatabaseOptions = {}): Db {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** Raised when a migration fails; start-up stops with its name. */
export class MigrationError extends Error {
  readonly code = 'ERR_MIGRATION';
  constructor(readonly migration: string | undefined, cause: unknown) {
    super(`Database migration ${migration ?? '(unknown)'} failed: ${String(cause)}`);
    this.name = 'MigrationError';
  }
}

/**
 * Bring our schema and BullMQ's PostgreSQL schema up to date. Both take a lock, so several processes starting
 * at once are safe: one migrates, the others wait and find nothing to do.
 */
export async function migrate(db: Db, url: string, options: { queueSchema?: boolean } = {}): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new MigrationError(failed?.migrationName, error);
  }
  if (options.queueSchema ?? true) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await runQueueMigrations(client);
    } finally {
      await client.end();
    }
  }
}
