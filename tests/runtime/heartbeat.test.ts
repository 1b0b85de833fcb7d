/**
 * The worker's heartbeat (HEARTBEAT_FILE), which an orchestrator's liveness probe reads: written while the
 * worker can work, no longer once it has stopped.
 */
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startApp } from '../../src/runtime/app.js';
import { startHeartbeat } from '../../src/runtime/heartbeat.js';
import { createLogger } from '../../src/runtime/logger.js';
import { queueBackends } from '../support/queue-backends.js';
import { eventually, testConfig } from '../support/test-app.js';
import { createTestDatabase } from '../support/test-database.js';

const [backend] = queueBackends();

describe('worker heartbeat', () => {
  it('is rewritten by a running worker and goes stale once it stops', async () => {
    const database = await createTestDatabase();
    const dir = await mkdtemp(join(tmpdir(), 'phuong-beat-'));
    const file = join(dir, 'worker.heartbeat');
    const config = Object.freeze({ ...testConfig(database.url, { backend }, dir), heartbeatFile: file });
    const app = await startApp(config, { role: 'worker', log: createLogger('warn'), queuePrefix: `${backend.prefix}${randomBytes(3).toString('hex')}` });
    try {
      const written = await eventually(async () => (await readFile(file, 'utf8').catch(() => '')).trim());
      expect(Math.abs(Date.parse(written) - Date.now())).toBeLessThan(15_000);
    } finally {
      await app.stop();
      await database.drop();
    }
    const after = (await stat(file)).mtimeMs;
    await new Promise((r) => setTimeout(r, 300));
    expect((await stat(file)).mtimeMs).toBe(after);
  });

  it('skips a beat while the worker cannot work, so the probe sees the file age', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'phuong-beat-'));
    const file = join(dir, 'worker.heartbeat');
    let databaseUp = false;
    const stop = startHeartbeat({ file, everyMs: 20, healthy: async () => databaseUp });
    await new Promise((r) => setTimeout(r, 100));
    await expect(stat(file)).rejects.toThrow();
    databaseUp = true;
    await eventually(async () => (await stat(file).catch(() => null)) !== null, 2_000);
    await stop();
  });
});
