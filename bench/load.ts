/**
 * The open-loop load generator: fires message `i` at `start + i / rate` whether or not earlier ones were
 * answered (a platform does not wait for us), over keep-alive HTTP/1.1 connections to 127.0.0.1 only.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

/** One inbound message as the platform would POST it. */
export interface Shot {
  /** Whose chat the reply will land in: `telegram:<chat id>` or `zalo:<user id>`. */
  chat: string;
  path: string;
  body: string;
  headers: Record<string, string>;
}

/** How one POST went. */
export interface Ack {
  status: number;
  /** From writing the request to the end of the response, ms. */
  ms: number;
}

export interface OpenLoopOptions {
  baseUrl: string;
  count: number;
  /** Messages per second. */
  rate: number;
  build(index: number): Shot;
  /** Called just before the request is written; `at` is `performance.now()`. */
  onSend(shot: Shot, at: number): void;
  onAck(shot: Shot, ack: Ack): void;
  /** Per-request timeout, ms. Default 10,000 (Telegram's own webhook patience is about that). */
  timeoutMs?: number;
}

/** Lateness of the generator itself: how far behind schedule each message was fired, ms. */
export interface OpenLoopReport {
  late: number[];
  /** `performance.now()` of the first and the last send. */
  firstSendAt: number;
  lastSendAt: number;
}

const agent = new Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 256 });

/** Fire `count` messages on schedule; resolves once every one is answered or has failed. */
export async function fireOpenLoop(options: OpenLoopOptions): Promise<OpenLoopReport> {
  const base = new URL(options.baseUrl);
  if (base.hostname !== '127.0.0.1') throw new Error(`the benchmark only targets 127.0.0.1 (got ${base.hostname})`);
  const interval = 1000 / options.rate;
  const late: number[] = [];
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  let firstSendAt = 0;
  let lastSendAt = 0;
  for (let next = 0; next < options.count; ) {
    const now = performance.now();
    while (next < options.count && start + next * interval <= now) {
      const shot = options.build(next);
      const sentAt = performance.now();
      if (next === 0) firstSendAt = sentAt;
      lastSendAt = sentAt;
      late.push(sentAt - (start + next * interval));
      options.onSend(shot, sentAt);
      inFlight.push(post(base, shot, options.timeoutMs ?? 10_000).then((ack) => options.onAck(shot, ack)));
      next += 1;
    }
    if (next < options.count) await sleep(Math.max(0, start + next * interval - performance.now()));
  }
  await Promise.all(inFlight);
  return { late, firstSendAt, lastSendAt };
}

/** Drop idle keep-alive sockets, so nothing keeps the process alive. */
export function closeConnections(): void {
  agent.destroy();
}

function post(base: URL, shot: Shot, timeoutMs: number): Promise<Ack> {
  return new Promise((resolve) => {
    const startedAt = performance.now();
    const done = (status: number) => resolve({ status, ms: performance.now() - startedAt });
    const req = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: 'POST',
        path: shot.path,
        headers: { ...shot.headers, 'content-length': Buffer.byteLength(shot.body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode ?? 0));
        res.on('error', () => done(0));
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', () => done(0));
    req.end(shot.body);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
