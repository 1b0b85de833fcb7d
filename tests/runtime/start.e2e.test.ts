/**
 * `npm start` as a newcomer runs it: embedded PostgreSQL in DATA_DIR, the start-up lines, a clean stop on
 * SIGTERM, and data that survives a restart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually, postJson } from '../support/test-app.js';

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

function start(dataDir: string): Promise<{ child: ChildProcess; output: () => string; url: string }> {
  const env = { ...process.env, DATA_DIR: dataDir, PORT: '0' } as NodeJS.ProcessEnv;
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'TELEGRAM_BOT_TOKEN', 'ZALO_APP_ID']) delete env[name];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return eventually(() => {
    const url = /web: +(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    return url && /channels:/.test(output) ? { child: child as ChildProcess, output: () => output, url } : undefined;
  }, 60_000).catch((error) => {
    throw new Error(`npm start did not come up: ${String(error)}\n${output}`);
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('npm start on embedded defaults', () => {
  it('starts, says what it runs on, stops cleanly, and keeps its data', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'phuong-start-'));
    const first = await start(dataDir);
    const lines = first.output();
    expect(lines).toContain(`storage:  embedded PostgreSQL in ${dataDir}`);
    expect(lines).toContain('queue:    BullMQ on PostgreSQL (set REDIS_URL for Redis)');
    expect(lines).toContain('Telegram off (set TELEGRAM_BOT_TOKEN)');
    expect(lines).toContain('Zalo OA off (set ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OA_SECRET_KEY, ZALO_REFRESH_TOKEN)');
    expect(lines).not.toMatch(/postgres:\/\/[^ ]*:[^*@ ]+@/);

    const health = await (await fetch(`${first.url}/healthz`)).json();
    expect(health).toEqual({ status: 'ok', database: 'ok', queue: { backend: 'postgres', status: 'ok' } });
    await postJson(`${first.url}/api/chat/messages`, { session: 'restart-session-000001', text: 'xin chào' });
    await eventually(async () => {
      const r = await (await fetch(`${first.url}/api/chat/messages?session=restart-session-000001`)).json();
      return r.messages.length === 1;
    });

    expect(await stop(first.child)).toBe(0);
    expect(first.output()).toContain('Stopped.');
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    const second = await start(dataDir);
    const again = await (await fetch(`${second.url}/api/chat/messages?session=restart-session-000001`)).json();
    expect(again.messages[0].text).toContain('dữ liệu cá nhân');
    expect(await stop(second.child)).toBe(0);
  }, 120_000);

  it('refuses bad configuration with one line per variable', async () => {
    const env = { ...process.env, PORT: 'abc', DATABASE_URL: 'nope' };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stderr!.on('data', (chunk) => (output += chunk));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(output).toMatch(/^ {2}DATABASE_URL: must be a postgres:\/\/ URL$/m);
    expect(output).toMatch(/^ {2}PORT: /m);
  });
});
