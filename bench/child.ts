/** The parent's side of {@link serveParent}: fork a TypeScript module under tsx and drive it. */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, ChildStats, ParentMessage } from './child-protocol.js';

/** A process under test, listening at `url`. */
export interface Child {
  url: string;
  pid: number;
  /** Start measuring CPU and event-loop delay from now. */
  reset(): void;
  stats(): Promise<ChildStats>;
  /** Ask it to stop cleanly; killed after `timeoutMs` (default 30 s) if it has not exited. */
  stop(timeoutMs?: number): Promise<void>;
}

/** Raised when a child exits or reports failure before it is ready. */
export class ChildStartError extends Error {
  readonly code = 'ERR_BENCH_CHILD_START';
  constructor(readonly module: string, reason: string) {
    super(`${module} did not start: ${reason}`);
    this.name = 'ChildStartError';
  }
}

/** Fork `module` (relative to bench/); `profileDir` writes a V8 CPU profile of the child there on exit. */
export async function startChild(
  module: string,
  env: Record<string, string>,
  options: { profileDir?: string; startTimeoutMs?: number } = {},
): Promise<Child> {
  const startTimeoutMs = options.startTimeoutMs ?? 120_000;
  const path = fileURLToPath(new URL(module, import.meta.url));
  const child = fork(path, [], {
    execArgv: ['--import', 'tsx', ...(options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [])],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(`no answer within ${startTimeoutMs} ms`), startTimeoutMs);
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new ChildStartError(module, reason));
    };
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve(message.url);
      } else if (message.type === 'failed') {
        fail(message.message);
      }
    });
    child.once('exit', (code) => fail(`exited with code ${code}`));
  });
  const post = (message: ParentMessage) => {
    if (child.connected) child.send(message);
  };
  return {
    url,
    pid: child.pid!,
    reset: () => post({ type: 'reset' }),
    stats: () => nextStats(child, post),
    async stop(timeoutMs = 30_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      post({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

function nextStats(child: ChildProcess, post: (message: ParentMessage) => void): Promise<ChildStats> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      reject(new Error('child did not answer a stats request within 5 s'));
    }, 5000);
    const onMessage = (message: ChildMessage) => {
      if (message.type !== 'stats') return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message.stats);
    };
    child.on('message', onMessage);
    post({ type: 'stats' });
  });
}
