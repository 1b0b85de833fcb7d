/**
 * A diagnostic for `--count-queries`: counts every statement the product sends through `pg` (our Kysely pool
 * and BullMQ's PostgreSQL backend share the one `pg` module), grouped by statement text, to show how many round
 * trips one message costs and which ones dominate. Installed only in the benchmark's child process.
 */
import pg from 'pg';
import type { Probe } from './child-protocol.js';

export function countQueries(): Probe {
  const counts = new Map<string, number>();
  let total = 0;
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const query = prototype.query;
  prototype.query = function counted(this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string } | undefined;
    const text = typeof first === 'string' ? first : (first?.text ?? '(submittable)');
    const key = text.replace(/\s+/g, ' ').trim().slice(0, 110);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    total += 1;
    return query.apply(this, args);
  };
  return {
    reset() {
      counts.clear();
      total = 0;
    },
    read() {
      return { queries: { total, top: [...counts].sort((a, b) => b[1] - a[1]).slice(0, 40) } };
    },
  };
}
