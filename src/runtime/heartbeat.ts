/**
 * A worker's heartbeat for orchestrators: a liveness probe that only sees a running process cannot tell a worker
 * whose database connection or job loop died from a healthy one. Every `everyMs` the worker checks what it needs
 * (the database answers, its queue workers run) and, only when all is well, rewrites `file` with the time. A
 * probe (Kubernetes `exec`, see deploy/k8s/worker.yaml) fails when the file is older than a few beats.
 */
import { writeFile } from 'node:fs/promises';

/** Options for {@link startHeartbeat}. */
export interface HeartbeatOptions {
  /** The file rewritten on each healthy beat (`HEARTBEAT_FILE`). */
  file: string;
  /** True when the process can do its work; a beat is skipped (and the file ages) otherwise. */
  healthy: () => Promise<boolean>;
  /** Time between beats. Default 10,000 ms. */
  everyMs?: number;
  now?: () => Date;
}

/** Starts beating at once; returns the function that stops it. */
export function startHeartbeat(options: HeartbeatOptions): () => Promise<void> {
  const now = options.now ?? (() => new Date());
  let running: Promise<void> = Promise.resolve();
  const beat = async () => {
    const ok = await options.healthy().catch(() => false);
    if (ok) await writeFile(options.file, `${now().toISOString()}\n`).catch(() => {});
  };
  running = beat();
  const timer = setInterval(() => {
    running = beat();
  }, options.everyMs ?? 10_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
