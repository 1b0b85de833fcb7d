/**
 * What every CLI verb needs: the configuration and a migrated database (the configured server, or the embedded
 * one — shared with a running product when it is up), released when the verb ends.
 */
import { createDatabase, migrate, type Db } from '../../db/database.js';
import { loadConfig, type Config } from '../config.js';
import { startEmbeddedPostgres } from '../runtime/embedded-postgres.js';

/** A CLI problem the person can fix: printed without a stack trace, exit code 2. */
export class CliError extends Error {
  readonly code = 'ERR_CLI';
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

export async function withDatabase<T>(run: (db: Db, config: Readonly<Config>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  let url = config.databaseUrl;
  let stopEmbedded = async () => {};
  if (!url) {
    const embedded = await startEmbeddedPostgres(config.dataDir, () => {});
    url = embedded.url;
    stopEmbedded = () => embedded.stop();
  }
  const db = createDatabase(url, { max: 2 });
  try {
    await migrate(db, url, { queueSchema: !config.redisUrl });
    return await run(db, config);
  } finally {
    await db.destroy();
    await stopEmbedded();
  }
}
