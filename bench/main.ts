/**
 * `npm run bench`: synthetic inbound messages (half Telegram, half Zalo) fired open-loop at the real product —
 * its own process, real PostgreSQL, each queue backend — with the platforms faked on loopback; then the same
 * traffic, all Telegram, at a minimal grammY bot that replies inside its webhook (the no-queue baseline).
 * Prints throughput, ack latency (to the HTTP 200) and end-to-end latency (webhook in → reply at the fake).
 *
 *   npm run bench -- [--rate 200] [--seconds 30] [--backends postgres,redis] [--users 500] [--warmup 3]
 *                    [--concurrency N] [--roles all|split] [--cases pipeline,tasks,phones] [--skip-baseline] [--profile <dir>] [--count-queries]
 *                    [--quick]
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { formatPhonesBench, runPhonesBench } from './phones-bench.js';
import { formatTasksBench, runTasksBench } from './tasks-bench.js';
import { Redis } from 'ioredis';
import { startFakeTelegram, type FakeTelegram } from '../tests/fakes/fake-telegram.js';
import { startFakeZalo, type FakeZalo } from '../tests/fakes/fake-zalo.js';
import type { ChildStats } from './child-protocol.js';
import { startChild, type Child } from './child.js';
import { cpuBetween, snapshotCpu } from './cpu.js';
import { openDatabaseServer, type DatabaseServer } from './database-server.js';
import { checkDatabase, type DbCheck } from './db-check.js';
import { Ledger, onReply } from './ledger.js';
import { closeConnections, fireOpenLoop } from './load.js';
import { formatTable, percentiles, type Percentiles, type RunResult } from './stats.js';
import { BENCH_TELEGRAM_SECRET, BENCH_ZALO_OA_SECRET, buildTraffic } from './traffic.js';

/** The targets, checked for the product's rows. */
const TARGETS = { ackP99Ms: 50, e2eP95Ms: 300 };

interface Settings {
  rate: number;
  seconds: number;
  users: number;
  warmupSeconds: number;
  backends: ('postgres' | 'redis')[];
  concurrency?: number;
  baseline: boolean;
  /** Write V8 CPU profiles of the processes under test here. */
  profileDir?: string;
  /** Count the product's SQL statements per message. */
  countQueries: boolean;
  /** `split` (default): a `web` process and a `worker` process, as deployed; `all`: one process (`npm start`). */
  roles: 'all' | 'split';
  cases: BenchCase[];
}

/** Everything measured about one system, for the table and the notes under it. */
interface Measured {
  result: RunResult;
  drainMs: number;
  /** Replies per second received while the messages were being fired. */
  repliesPerSecondWhileFiring: number;
  /** One per process under test, the web (or only) process first. */
  children: ChildStats[];
  cpu: ReturnType<typeof cpuBetween>;
  db?: DbCheck;
}

const log = (line: string) => console.error(line);

function usage(): string {
  return [
    'Usage: npm run bench -- [options]',
    '  --rate <n>          messages per second, fired on schedule (open loop)        default 200',
    '  --seconds <n>       length of the measured window                             default 30',
    '  --backends <list>   queue backends: postgres,redis (redis needs REDIS_URL)    default postgres,redis',
    '  --users <n>         size of the user pool, half Telegram, half Zalo           default 500',
    '  --warmup <n>        seconds of warm-up traffic (other users, not measured)    default 3',
    '  --concurrency <n>   BullMQ worker concurrency of the product                  default: the product default (16)',
    '  --roles all|split   the product as one process (npm start), or a web and a worker process  default split',
    '  --cases <list>      pipeline,tasks,phones (100k tasks; 100k phone sightings)   default all three',
    '  --skip-baseline     do not run the grammY baseline',
    '  --profile <dir>     write a V8 CPU profile (.cpuprofile) of each process under test to <dir>',
    '  --count-queries     count the SQL statements the product sends per message, and list the top ones',
    '  --quick             smoke run: 50 msg/s for 5 s, 1 s warm-up',
    'DATABASE_URL: the PostgreSQL server to create the bench databases on (unset: embedded). REDIS_URL: Redis.',
  ].join('\n');
}

function parseSettings(): Settings | undefined {
  const { values } = parseArgs({
    options: {
      rate: { type: 'string' },
      seconds: { type: 'string' },
      backends: { type: 'string', default: 'postgres,redis' },
      users: { type: 'string', default: '500' },
      warmup: { type: 'string' },
      concurrency: { type: 'string' },
      'skip-baseline': { type: 'boolean', default: false },
      profile: { type: 'string' },
      'count-queries': { type: 'boolean', default: false },
      roles: { type: 'string', default: 'split' },
      cases: { type: 'string', default: 'pipeline,tasks,phones' },
      quick: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage());
    return undefined;
  }
  const number = (name: string, raw: string | undefined, fallback: number, min: number, max: number) => {
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(value) || value < min || value > max) throw new UsageError(`--${name} must be a number from ${min} to ${max} (got "${raw}")`);
    return value;
  };
  const backends = values.backends.split(',').map((b) => b.trim()).filter(Boolean);
  for (const backend of backends) {
    if (backend !== 'postgres' && backend !== 'redis') throw new UsageError(`--backends takes postgres and/or redis (got "${backend}")`);
  }
  const users = number('users', values.users, 500, 2, 100_000);
  if (values.roles !== 'all' && values.roles !== 'split') throw new UsageError(`--roles takes all or split (got "${values.roles}")`);
  return {
    rate: number('rate', values.rate, values.quick ? 50 : 200, 1, 5000),
    seconds: number('seconds', values.seconds, values.quick ? 5 : 30, 1, 600),
    users: users - (users % 2),
    warmupSeconds: number('warmup', values.warmup, values.quick ? 1 : 3, 0, 60),
    backends: backends as Settings['backends'],
    concurrency: values.concurrency === undefined ? undefined : number('concurrency', values.concurrency, 8, 1, 256),
    baseline: !values['skip-baseline'],
    profileDir: values.profile,
    countQueries: values['count-queries'],
    roles: values.roles,
    cases: parseCases(values.cases),
  };
}

/** Which benchmarks run: the pipeline (issue backbone), 100k tasks' reminders, 100k sightings' registry. */
const CASES = ['pipeline', 'tasks', 'phones'] as const;
type BenchCase = (typeof CASES)[number];

function parseCases(raw: string): BenchCase[] {
  const cases = raw.split(',').map((c) => c.trim()).filter(Boolean);
  for (const c of cases) {
    if (!CASES.includes(c as BenchCase)) throw new UsageError(`--cases takes ${CASES.join(', ')} (got "${c}")`);
  }
  return cases as BenchCase[];
}

/** Bad flags: one line, exit code 2. */
class UsageError extends Error {
  readonly code = 'ERR_BENCH_USAGE';
}

async function main(): Promise<number> {
  const settings = parseSettings();
  if (!settings) return 0;
  if (!settings.cases.includes('pipeline')) return runDataCases(settings.cases);
  const redisUrl = process.env.REDIS_URL || undefined;
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}`;
  console.log(
    `Benchmark: ${settings.rate} msg/s for ${settings.seconds} s (${Math.round(settings.rate * settings.seconds)} messages), ` +
      `${settings.users} users, ${settings.warmupSeconds} s warm-up; roles ${settings.roles}; worker concurrency ${settings.concurrency ?? 'default'}; ${machine}`,
  );
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`Load average before the run: ${load} (other work on the machine skews every figure: see "other" below)`);
  const server = await openDatabaseServer(process.env.DATABASE_URL || undefined, log);
  console.log(`Storage: ${server.description}; Redis: ${redisUrl ? new URL(redisUrl).host : 'unset'}`);
  const measured: Measured[] = [];
  try {
    for (const backend of settings.backends) {
      if (backend === 'redis' && !redisUrl) {
        console.log('Redis backend skipped: REDIS_URL is unset.');
        continue;
      }
      measured.push(await benchProduct(server, backend, backend === 'redis' ? redisUrl : undefined, settings));
    }
    if (settings.baseline) measured.push(await benchBaseline(settings));
  } finally {
    closeConnections();
    await server.stop();
  }
  console.log('');
  console.log(formatTable(measured.map((m) => m.result)));
  console.log('(latencies in ms; msg/s = replies per second from the first message sent to the last reply received)');
  console.log('');
  for (const m of measured) console.log(notes(m));
  console.log('');
  for (const m of measured.filter((x) => x.db)) {
    const verdict = checkTargets(m, settings);
    console.log(`${m.result.name}: ${verdict.met ? 'targets met' : 'targets MISSED'} — ${verdict.lines.join('; ')}`);
  }
  return runDataCases(settings.cases);
}

/** The data-volume cases: how reminders and the phone registry grow from 10,000 to 100,000 rows. */
async function runDataCases(cases: readonly BenchCase[]): Promise<number> {
  if (cases.includes('tasks')) {
    console.log('\nTasks: 10,000 → 100,000 tasks with due dates over a year');
    console.log(formatTasksBench(await runTasksBench({ log })));
  }
  if (cases.includes('phones')) {
    console.log('\nPhone registry: 10,000 → 100,000 sightings');
    console.log(formatPhonesBench(await runPhonesBench({ log })));
  }
  return 0;
}

/** The product on one queue backend, on a fresh database, with fresh fakes. */
async function benchProduct(server: DatabaseServer, backend: 'postgres' | 'redis', redisUrl: string | undefined, settings: Settings): Promise<Measured> {
  const name = `product, ${backend} queue${settings.roles === 'split' ? ' (web + worker)' : ''}`;
  log(`▶ ${name}`);
  const database = await server.create();
  const dataDir = await mkdtemp(join(tmpdir(), 'phuong-bench-app-'));
  const prefix = `bench${randomBytes(4).toString('hex')}`;
  let telegram: FakeTelegram | undefined;
  let zalo: FakeZalo | undefined;
  const children: Child[] = [];
  try {
    telegram = await startFakeTelegram(); // No `limits`: the fake answers every call, as in the tests.
    zalo = await startFakeZalo();
    const env = {
      TZ: 'Asia/Ho_Chi_Minh',
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl ?? '',
      PORT: '0',
      PUBLIC_URL: 'http://127.0.0.1:9', // Telegram in webhook mode (setWebhook lands at the fake), as in production.
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_WEBHOOK_SECRET: BENCH_TELEGRAM_SECRET,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      ZALO_APP_ID: zalo.appId,
      ZALO_APP_SECRET: zalo.appSecret,
      ZALO_OA_SECRET_KEY: BENCH_ZALO_OA_SECRET,
      ZALO_ACCESS_TOKEN: zalo.accessToken,
      ZALO_REFRESH_TOKEN: zalo.refreshToken,
      ZALO_API_BASE: zalo.apiBase,
      ZALO_OAUTH_BASE: zalo.oauthBase,
      BENCH_QUEUE_PREFIX: prefix,
      BENCH_CONCURRENCY: settings.concurrency === undefined ? '' : String(settings.concurrency),
      BENCH_COUNT_QUERIES: settings.countQueries ? '1' : '',
    };
    // The web process (the one the traffic goes to) comes first.
    for (const role of settings.roles === 'split' ? ['web', 'worker'] : ['all']) {
      children.push(await startChild('./app-process.ts', { ...env, BENCH_ROLE: role }, { profileDir: settings.profileDir }));
    }
    const since = new Date();
    const run = await measure(name, children, { telegram, zalo }, 'mixed', settings, () => since.setTime(Date.now()), await server.postmasterPid());
    run.db = await checkDatabase(database.url, since);
    return run;
  } finally {
    for (const child of children) await child.stop();
    await telegram?.close();
    await zalo?.close();
    await database.drop().catch((e: unknown) => log(`could not drop ${database.name}: ${String(e)}`));
    await rm(dataDir, { recursive: true, force: true });
    if (redisUrl) await deleteRedisKeys(redisUrl, prefix);
  }
}

/** The minimal grammY bot, fed the same schedule with every message on Telegram. */
async function benchBaseline(settings: Settings): Promise<Measured> {
  const name = 'baseline: grammY, reply in webhook';
  log(`▶ ${name}`);
  const telegram = await startFakeTelegram();
  let child: Child | undefined;
  try {
    child = await startChild('./baseline-bot.ts', {
      BASELINE_TOKEN: telegram.token,
      BASELINE_API_ROOT: telegram.apiRoot,
      BASELINE_SECRET: BENCH_TELEGRAM_SECRET,
    }, { profileDir: settings.profileDir });
    return await measure(name, [child], { telegram }, 'telegram', settings);
  } finally {
    await child?.stop();
    await telegram.close();
  }
}

/**
 * Warm up (other users, not counted), then fire the measured window and wait for every reply. `onMeasureStart`
 * runs right before the measured window (the product's database check counts events from then on).
 */
async function measure(
  name: string,
  children: Child[],
  fakes: { telegram?: FakeTelegram; zalo?: FakeZalo },
  channels: 'mixed' | 'telegram',
  settings: Settings,
  onMeasureStart?: () => void,
  postmaster?: number,
): Promise<Measured> {
  const url = children[0].url;
  const warm = new Ledger();
  const main = new Ledger();
  onReply(fakes, (chat) => {
    const at = performance.now();
    if (main.owns(chat)) main.recordReply(chat, at);
    else if (warm.owns(chat)) warm.recordReply(chat, at);
  });

  const warmCount = Math.round(settings.rate * settings.warmupSeconds);
  if (warmCount > 0) {
    const build = buildTraffic({ users: settings.users, pool: 1, channels });
    await fireOpenLoop({
      baseUrl: url,
      count: warmCount,
      rate: settings.rate,
      build,
      onSend: (shot, at) => warm.recordSend(shot.chat, at),
      onAck: () => {},
    });
    await drain(warm, 30_000, 60_000);
    log(`  warm-up: ${warm.sentCount} sent, ${warm.replyCount} replies`);
  }

  onMeasureStart?.();
  for (const child of children) child.reset();
  const cpuBefore = snapshotCpu();
  const count = Math.round(settings.rate * settings.seconds);
  const acks: number[] = [];
  let errors = 0;
  log(`  firing ${count} messages at ${settings.rate}/s…`);
  const report = await fireOpenLoop({
    baseUrl: url,
    count,
    rate: settings.rate,
    build: buildTraffic({ users: settings.users, pool: 2, channels }),
    onSend: (shot, at) => main.recordSend(shot.chat, at),
    onAck: (_shot, ack) => {
      if (ack.status === 200) acks.push(ack.ms);
      else errors += 1;
    },
  });
  // CPU over the firing window: the sustained-load regime (the tail, if any, is a backlog draining).
  const cpuAfter = snapshotCpu();
  const repliesWhileFiring = main.replyCount;
  await drain(main, 20_000, settings.seconds * 1000 + 120_000);
  const childStats = await Promise.all(children.map((child) => child.stats()));
  // Give a late duplicate every chance to show up before counting.
  await sleep(1000);
  const { lost, duplicated } = main.balance();
  log(`  done: ${main.replyCount} replies, ${lost} lost, ${duplicated} duplicated`);
  const result: RunResult = {
    name,
    sent: main.sentCount,
    acked: acks.length,
    errors,
    replies: main.replyCount,
    lost,
    duplicated,
    throughput: main.replyCount / Math.max(0.001, (main.lastReplyAt - report.firstSendAt) / 1000),
    ack: percentiles(acks),
    e2e: percentiles(main.endToEnd()),
    lateP99: percentiles(report.late).p99,
  };
  const pids = new Set(children.map((child) => child.pid));
  const cpu = cpuBetween(cpuBefore, cpuAfter, {
    'system under test': (pid) => pids.has(pid),
    'bench (load + fakes)': (pid) => pid === process.pid,
    // Our PostgreSQL server's processes when we know its postmaster (local server), else any `postgres`.
    postgres: (pid, parent, command) => (postmaster ? pid === postmaster || parent === postmaster : command.startsWith('postgres')),
    redis: (_pid, _parent, command) => command.startsWith('redis'),
  });
  const firingSeconds = (report.lastSendAt - report.firstSendAt) / 1000;
  return {
    result,
    drainMs: main.lastReplyAt - report.lastSendAt,
    repliesPerSecondWhileFiring: repliesWhileFiring / Math.max(0.001, firingSeconds),
    children: childStats,
    cpu,
  };
}

/** Wait until the ledger has as many replies as messages, or no reply came for `stallMs`, or `capMs` passed. */
async function drain(ledger: Ledger, stallMs: number, capMs: number): Promise<void> {
  const deadline = Date.now() + capMs;
  let seen = -1;
  let lastProgress = Date.now();
  while (ledger.replyCount < ledger.sentCount && Date.now() < deadline) {
    if (ledger.replyCount !== seen) {
      seen = ledger.replyCount;
      lastProgress = Date.now();
    } else if (Date.now() - lastProgress > stallMs) {
      log(`  no reply for ${stallMs / 1000} s: giving up waiting (${ledger.sentCount - ledger.replyCount} missing)`);
      return;
    }
    await sleep(50);
  }
}

/** The lines under the table: errors, drain, the database check, where the time and the CPU went. */
function notes(m: Measured): string {
  const r = m.result;
  const lines = [`${r.name}:`];
  lines.push(
    `  non-200 or failed posts: ${r.errors}; generator lateness p99 ${r.lateP99.toFixed(1)} ms; last reply ${Math.round(m.drainMs)} ms after the last post; ` +
      `ack max ${fmt(r.ack.max)} ms, e2e max ${fmt(r.e2e.max)} ms; replies while firing ${m.repliesPerSecondWhileFiring.toFixed(1)}/s`,
  );
  if (m.db) {
    const d = m.db;
    const outbox = Object.entries(d.outbox).map(([s, n]) => `${s} ${n}`).join(', ');
    lines.push(
      `  database: ${d.events} inbound events, ${d.done} done, ${d.unanswered} without a sent reply, ${d.multiple} with more than one; ` +
        `outbox: ${outbox}; deadlocks detected: ${d.deadlocks}`,
    );
    const late = (d.outbox.pending ?? 0) + (d.outbox.deferred ?? 0) + (d.outbox.sending ?? 0);
    if (r.lost > 0 && late > 0) {
      lines.push(`  (lost = no reply by the end of the wait; ${late} of them are still queued in the outbox: late, not dropped)`);
    }
    lines.push(
      `  stages p50/p95/p99 ms: stored → processed ${pct(d.inbound)}; committed → claimed by sender ${pct(d.outboundWait)}; claimed → sent ${pct(d.send)}`,
    );
    const bunched = Object.entries(d.bunched).map(([channel, n]) => `${channel} ${n}`).join(', ');
    lines.push(`  replies sent < 1.5 s after the previous one to the same chat (where pacing starts): ${bunched || 'none'}`);
  }
  const cpuShares = Object.entries(m.cpu.byGroup)
    .filter(([, seconds]) => seconds > 0)
    .map(([group, seconds]) => `${group} ${(seconds / m.cpu.seconds).toFixed(2)}`)
    .join(', ');
  const roles = m.children.length > 1 ? ['web', 'worker'] : ['its'];
  const loops = m.children
    .map((c, i) => `${roles[i]} event-loop delay p50/p99/max ${c.loopDelay.p50.toFixed(1)}/${c.loopDelay.p99.toFixed(1)}/${c.loopDelay.max.toFixed(0)} ms`)
    .join(', ');
  lines.push(
    `  CPU while firing (cores, over ${m.cpu.seconds.toFixed(1)} s): ${cpuShares || 'n/a'}` +
      (m.cpu.machineBusy !== undefined ? `; machine ${(m.cpu.machineBusy * 100).toFixed(0)}% busy` : '') +
      `; ${loops}`,
  );
  // The processes' own counters run until every reply is in: the whole cost of the run's messages.
  const perMessage = (seconds: number) => ((seconds * 1000) / Math.max(1, r.sent)).toFixed(2);
  const user = m.children.reduce((sum, c) => sum + c.cpuUser, 0);
  const system = m.children.reduce((sum, c) => sum + c.cpuSystem, 0);
  lines.push(
    `  CPU per message: system under test ${perMessage(user + system)} ms (user ${perMessage(user)}, kernel ${perMessage(system)})` +
      (m.cpu.byGroup.postgres ? `; while firing, PostgreSQL ${perMessage(m.cpu.byGroup.postgres)} ms` : '') +
      (m.cpu.byGroup.redis ? `, Redis ${perMessage(m.cpu.byGroup.redis)} ms` : ''),
  );
  const total = m.children.reduce((sum, c) => sum + (c.queries?.total ?? 0), 0);
  if (m.children.some((c) => c.queries)) {
    const byText = new Map<string, number>();
    for (const c of m.children) for (const [text, n] of c.queries?.top ?? []) byText.set(text, (byText.get(text) ?? 0) + n);
    lines.push(`  SQL statements: ${total} (${(total / Math.max(1, r.sent)).toFixed(1)} per message); most frequent, per message:`);
    for (const [text, n] of [...byText].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
      lines.push(`    ${(n / Math.max(1, r.sent)).toFixed(2).padStart(6)}  ${text}`);
    }
  }
  return lines.join('\n');
}

function checkTargets(m: Measured, settings: Settings): { met: boolean; lines: string[] } {
  const r = m.result;
  const checks: [boolean, string][] = [
    [r.ack.p99 <= TARGETS.ackP99Ms, `ack p99 ${fmt(r.ack.p99)} ms (≤ ${TARGETS.ackP99Ms})`],
    [r.e2e.p95 <= TARGETS.e2eP95Ms, `e2e p95 ${fmt(r.e2e.p95)} ms (≤ ${TARGETS.e2eP95Ms})`],
    [r.lost === 0 && r.errors === 0 && (m.db?.unanswered ?? 0) === 0, `lost ${r.lost + r.errors} (db: ${m.db?.unanswered ?? '?'})`],
    [r.duplicated === 0 && (m.db?.multiple ?? 0) === 0, `duplicated ${r.duplicated} (db: ${m.db?.multiple ?? '?'})`],
    [r.throughput >= settings.rate * 0.95 && m.drainMs <= 2000, `kept up: ${r.throughput.toFixed(1)} msg/s of ${settings.rate}`],
  ];
  return { met: checks.every(([ok]) => ok), lines: checks.map(([ok, text]) => `${ok ? '✓' : '✗'} ${text}`) };
}

/** Remove this run's queue keys (only ours: `<prefix>:*`). */
async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } catch (error) {
    log(`could not clean Redis keys ${prefix}:*: ${String(error)}`);
  } finally {
    redis.disconnect();
  }
}

function pct(p: Percentiles): string {
  return `${fmt(p.p50)}/${fmt(p.p95)}/${fmt(p.p99)}`;
}

function fmt(value: number): string {
  return Number.isNaN(value) ? '–' : value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(error.message);
      console.error(usage());
      process.exit(2);
    }
    console.error(`Benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
