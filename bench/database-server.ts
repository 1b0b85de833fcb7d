/**
 * The PostgreSQL server the benchmark runs on: `DATABASE_URL`'s server, or the embedded one started in a temp
 * directory. Each system under test gets a fresh database on it (`phuong_bench_<random>`), dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/runtime/embedded-postgres.js';
import { createDatabase, migrate, type Db } from '../db/database.js';

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export interface DatabaseServer {
  /** Where it is, for the printout (no password). */
  description: string;
  create(): Promise<BenchDatabase>;
  /** The server's main process, when it runs on this machine (for the CPU breakdown); else undefined. */
  postmasterPid(): Promise<number | undefined>;
  stop(): Promise<void>;
}

export async function openDatabaseServer(databaseUrl: string | undefined, log: (line: string) => void): Promise<DatabaseServer> {
  let serverUrl = databaseUrl;
  let description = `PostgreSQL at ${new URL(databaseUrl ?? 'postgres://x').host}`;
  let stopServer = async () => {};
  if (!serverUrl) {
    // The server runs as the `postgres` user when we are root: its directory must be reachable by that user.
    const dir = await mkdtemp(join(tmpdir(), 'phuong-bench-'));
    await chmod(dir, 0o755);
    const embedded = await startEmbeddedPostgres(dir, log);
    serverUrl = embedded.url;
    description = 'embedded PostgreSQL (DATABASE_URL unset)';
    stopServer = async () => {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  const admin = withDatabase(serverUrl, 'postgres');
  return {
    description,
    async create() {
      const name = `phuong_bench_${randomBytes(5).toString('hex')}`;
      await adminQuery(admin, `create database ${name}`);
      return {
        name,
        url: withDatabase(serverUrl, name),
        drop: () => adminQuery(admin, `drop database if exists ${name} with (force)`),
      };
    },
    async postmasterPid() {
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      try {
        const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
        // A backend's parent is the postmaster; /proc only has it when the server is local.
        const stat = await readFile(`/proc/${rows[0].pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) || undefined;
      } catch {
        return undefined;
      } finally {
        await client.end();
      }
    },
    stop: stopServer,
  };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * Run `measure` once per size, each on a fresh migrated database of `server` (or of a server opened from
 * `databaseUrl` and closed after), dropping each database after.
 */
export async function measureOnFreshDatabases<R>(
  options: { server?: DatabaseServer; databaseUrl?: string; sizes: readonly number[]; log: (line: string) => void },
  measure: (db: Db, size: number) => Promise<R>,
): Promise<R[]> {
  const server = options.server ?? (await openDatabaseServer(options.databaseUrl ?? process.env.DATABASE_URL, options.log));
  const results: R[] = [];
  try {
    for (const size of options.sizes) {
      const database = await server.create();
      const db = createDatabase(database.url, { max: 4 });
      try {
        await migrate(db, database.url, { queueSchema: false });
        results.push(await measure(db, size));
      } finally {
        await db.destroy();
        await database.drop();
      }
    }
  } finally {
    if (!options.server) await server.stop();
  }
  return results;
}
