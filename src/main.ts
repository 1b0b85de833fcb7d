/**
 * `npm start [-- --role web|worker|scheduler|all]`: start the product on its embedded defaults or on the
 * configured PostgreSQL and Redis, and stop it cleanly on SIGINT / SIGTERM.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.js';
import { ROLES, startApp, type Role } from './runtime/app.js';
import { createLogger } from './runtime/logger.js';

process.env.TZ = 'Asia/Ho_Chi_Minh';

async function main() {
  const { values } = parseArgs({ options: { role: { type: 'string', default: 'all' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log('Usage: npm start [-- --role web|worker|scheduler|all]');
    return;
  }
  if (!ROLES.includes(values.role as Role)) {
    console.error(`--role must be one of ${ROLES.join(', ')} (got "${values.role}")`);
    process.exit(2);
  }
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  const app = await startApp(config, { role: values.role as Role, log });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: finishing current jobs and stopping…`);
    await app.stop();
    log.info('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  console.error(`Start-up failed: ${error instanceof Error ? error.message : String(error)}`);
  if (error && typeof error === 'object' && 'detail' in error && error.detail) console.error(String(error.detail));
  process.exit(1);
});
