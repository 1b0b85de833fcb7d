/**
 * The little IPC protocol between the benchmark and the processes it measures (the product, the baseline bot).
 * Each runs in a process of its own, as in production, so the load generator and the fake platforms never share
 * an event loop with the system under test.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** Sent by a child once it listens. */
export interface ReadyMessage {
  type: 'ready';
  url: string;
}

/** Sent by a child whose start-up failed. */
export interface FailedMessage {
  type: 'failed';
  message: string;
}

/** What a child measured about itself since the last `reset`. */
export interface ChildStats {
  /** CPU seconds used in user space and in the kernel (loopback TCP to PostgreSQL, Redis and the fakes). */
  cpuUser: number;
  cpuSystem: number;
  /** Event-loop delay, ms: how long a ready callback (e.g. an HTTP request) waited for the loop. */
  loopDelay: { p50: number; p99: number; max: number };
  /** SQL statements issued (only with `--count-queries`), by statement text with its values left out. */
  queries?: { total: number; top: [string, number][] };
}

/** Something else the child measures about itself, reset and read with the rest. */
export interface Probe {
  reset(): void;
  read(): Pick<ChildStats, 'queries'>;
}

export interface StatsMessage {
  type: 'stats';
  stats: ChildStats;
}

export type ChildMessage = ReadyMessage | FailedMessage | StatsMessage;
export type ParentMessage = { type: 'reset' } | { type: 'stats' } | { type: 'stop' };

/**
 * The child's side: answers `reset` / `stats`, and on `stop` (or when the parent goes away) runs `stop` and
 * exits. Call once the child listens; it sends `ready` itself.
 */
export function serveParent(url: string, stop: () => Promise<void>, probe?: Probe): void {
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  let cpuBase = process.cpuUsage();
  let stopping = false;
  const send = (message: ChildMessage) => process.send?.(message);
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    loop.disable();
    await stop().catch((error: unknown) => console.error(`[bench child] stop failed: ${String(error)}`));
    process.exit(0);
  };
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'reset') {
      loop.reset();
      cpuBase = process.cpuUsage();
      probe?.reset();
    } else if (message.type === 'stats') {
      const cpu = process.cpuUsage(cpuBase);
      send({
        type: 'stats',
        stats: {
          cpuUser: cpu.user / 1e6,
          cpuSystem: cpu.system / 1e6,
          loopDelay: { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
          ...probe?.read(),
        },
      });
    } else if (message.type === 'stop') {
      void shutdown();
    }
  });
  process.on('disconnect', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
  send({ type: 'ready', url });
}

/** The child's side when start-up fails: tell the parent why, then exit non-zero. */
export function reportStartFailure(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  process.send?.({ type: 'failed', message } satisfies FailedMessage);
  console.error(`[bench child] start-up failed: ${message}`);
  process.exit(1);
}
