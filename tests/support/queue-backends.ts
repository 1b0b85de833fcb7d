/**
 * The queue backends the queue-dependent suites run on: PostgreSQL always, Redis when REDIS_URL is set.
 * Use with `describe.each(queueBackends())`.
 */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';

export interface QueueBackendCase {
  name: 'postgres' | 'redis';
  redisUrl?: string;
  /** A Redis key prefix of its own, so suites sharing one Redis never see each other's jobs. */
  prefix: string;
}

export function queueBackends(): QueueBackendCase[] {
  const prefix = `t${randomBytes(4).toString('hex')}`;
  const cases: QueueBackendCase[] = [{ name: 'postgres', prefix }];
  const redisUrl = inject('redisUrl');
  if (redisUrl) cases.push({ name: 'redis', redisUrl, prefix });
  return cases;
}
