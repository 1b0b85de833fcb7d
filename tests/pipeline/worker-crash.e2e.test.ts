/**
 * Promise 1 and 2 under a crash: a worker process killed with SIGKILL in the middle of a stream of messages;
 * a second worker process takes over. Every message is answered, once, in the order each person sent them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/runtime/app.js';
import { createLogger } from '../../src/runtime/logger.js';
import { queueBackends } from '../support/queue-backends.js';
import { eventually, postJson, testConfig } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const SESSIONS = 6;
const ECHOES = 8;

function startWorkerProcess(config: object, options: object): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/worker-process.ts'], {
    env: { ...process.env, TEST_APP_CONFIG: JSON.stringify(config), TEST_APP_OPTIONS: JSON.stringify(options) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
  });
}

describe.each(queueBackends())('a worker killed mid-stream on the $name backend', (backend) => {
  let database: TestDatabase;
  const apps: RunningApp[] = [];
  const children: ChildProcess[] = [];

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    for (const app of apps) await app.stop();
    await database?.drop();
  });

  it('loses nothing and duplicates nothing', async () => {
    database = await createTestDatabase();
    const dataDir = await mkdtemp(join(tmpdir(), 'phuong-crash-'));
    const config = testConfig(database.url, { backend }, dataDir);
    const options = { queuePrefix: `${backend.prefix}${randomBytes(3).toString('hex')}`, sweepAfterMs: 1500, sweepEveryMs: 1000 };
    const log = createLogger('warn');
    const web = await startApp(Object.freeze(config), { ...options, role: 'web', log });
    apps.push(web, await startApp(Object.freeze(config), { ...options, role: 'scheduler', log }));

    const first = await startWorkerProcess(config, options);
    children.push(first);

    const sessions = Array.from({ length: SESSIONS }, (_, i) => `crash-session-${i}-${randomBytes(6).toString('hex')}`);
    const send = (session: string, text: string, n: number) =>
      postJson(`${web.url}/api/chat/messages`, { session, clientMessageId: `m${n}`, text });
    // Each person: greeting, consent, then numbered messages, sent one after another as a person types.
    const typing = sessions.map(async (session) => {
      await send(session, 'xin chào', 0);
      await send(session, 'đồng ý', 1);
      for (let k = 1; k <= ECHOES; k += 1) await send(session, `tin nhắn số ${k}`, k + 1);
    });

    // Kill the first worker as soon as it is visibly in the middle of the work.
    await eventually(async () => {
      const sent = await database.db.selectFrom('outbox').select('id').where('status', '=', 'sent').execute();
      return sent.length >= 8;
    });
    first.kill('SIGKILL');
    await Promise.all(typing);
    children.push(await startWorkerProcess(config, options));

    const total = SESSIONS * (ECHOES + 2);
    await eventually(async () => {
      const done = await database.db.selectFrom('inbound_events').select('id').where('status', '=', 'done').execute();
      const unsent = await database.db.selectFrom('outbox').select('id').where('status', '!=', 'sent').execute();
      return done.length === total && unsent.length === 0;
    }, 60_000);

    for (const session of sessions) {
      const response = await fetch(`${web.url}/api/chat/messages?session=${session}`);
      const { messages } = (await response.json()) as { messages: { text: string }[] };
      const texts = messages.map((m) => m.text);
      expect(texts[0]).toContain('dữ liệu cá nhân');
      expect(texts[1]).toContain('Cảm ơn');
      expect(texts[2]).toContain('Bạn cần gì');
      expect(texts.slice(3)).toEqual(Array.from({ length: ECHOES }, (_, i) => expect.stringContaining(`"tin nhắn số ${i + 1}"`)));
      expect(texts).toHaveLength(ECHOES + 3);
    }
  }, 120_000);
});
