/**
 * The product under test, in its own process: `startApp`, configured from the environment by the product's own
 * `loadConfig` (fake platforms reached through `TELEGRAM_API_ROOT` / `ZALO_API_BASE`, as in production).
 * `BENCH_ROLE` is `npm start -- --role` (default `all`); `BENCH_QUEUE_PREFIX` and `BENCH_CONCURRENCY` are the two
 * knobs `npm start` does not expose; `BENCH_COUNT_QUERIES` counts the SQL statements it sends.
 */
import { loadConfig } from '../src/config.js';
import { ROLES, startApp, type Role } from '../src/runtime/app.js';
import { createLogger } from '../src/runtime/logger.js';
import { reportStartFailure, serveParent } from './child-protocol.js';
import { countQueries } from './query-counter.js';

process.env.TZ = 'Asia/Ho_Chi_Minh';

try {
  const probe = process.env.BENCH_COUNT_QUERIES ? countQueries() : undefined;
  const config = loadConfig(process.env);
  const concurrency = process.env.BENCH_CONCURRENCY ? Number(process.env.BENCH_CONCURRENCY) : undefined;
  const role = (process.env.BENCH_ROLE || 'all') as Role;
  if (!ROLES.includes(role)) throw new Error(`BENCH_ROLE must be one of ${ROLES.join(', ')}`);
  const app = await startApp(config, {
    role,
    log: createLogger(config.logLevel),
    queuePrefix: process.env.BENCH_QUEUE_PREFIX || undefined,
    concurrency,
  });
  serveParent(app.url ?? '', () => app.stop(), probe);
} catch (error) {
  reportStartFailure(error);
}
