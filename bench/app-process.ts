/**
 * The product under test, in its own process: `startApp` with role `all`, configured from the environment by
 * the product's own `loadConfig` (fake platforms reached through `TELEGRAM_API_ROOT` / `ZALO_API_BASE`, as in
 * production). `BENCH_QUEUE_PREFIX` and `BENCH_CONCURRENCY` are the two knobs `npm start` does not expose.
 */
import { loadConfig } from '../src/config.js';
import { startApp } from '../src/runtime/app.js';
import { createLogger } from '../src/runtime/logger.js';
import { reportStartFailure, serveParent } from './child-protocol.js';

process.env.TZ = 'Asia/Ho_Chi_Minh';

try {
  const config = loadConfig(process.env);
  const concurrency = process.env.BENCH_CONCURRENCY ? Number(process.env.BENCH_CONCURRENCY) : undefined;
  const app = await startApp(config, {
    role: 'all',
    log: createLogger(config.logLevel),
    queuePrefix: process.env.BENCH_QUEUE_PREFIX || undefined,
    concurrency,
  });
  serveParent(app.url!, () => app.stop());
} catch (error) {
  reportStartFailure(error);
}
