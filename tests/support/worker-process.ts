/**
 * A worker in its own process, for crash tests: started with the config the test gives it, killed with SIGKILL
 * mid-work. Prints "ready" once its workers run.
 */
import type { Config } from '../../src/config.js';
import { startApp, type Role } from '../../src/runtime/app.js';
import { createLogger } from '../../src/runtime/logger.js';

const config = JSON.parse(process.env.TEST_APP_CONFIG ?? '{}') as Config;
const options = JSON.parse(process.env.TEST_APP_OPTIONS ?? '{}') as {
  role?: Role;
  queuePrefix?: string;
  sweepAfterMs?: number;
  sweepEveryMs?: number;
};

const app = await startApp(Object.freeze(config), { ...options, role: options.role ?? 'worker', log: createLogger('warn') });
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void app.stop().then(() => process.exit(0));
});
