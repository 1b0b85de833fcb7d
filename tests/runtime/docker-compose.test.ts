/** docker-compose.yml cannot run here (no Docker engine): check that it matches the config schema instead. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_VARIABLES } from '../../src/config.js';

const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true });
const envExample = readFileSync('.env.example', 'utf8');

describe('docker-compose.yml', () => {
  it('has the app, a worker, PostgreSQL 16 and Redis 7', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'postgres', 'redis', 'scheduler', 'worker']);
    expect(compose.services.postgres.image).toBe('postgres:16');
    expect(compose.services.redis.image).toBe('redis:7');
    expect(compose.services.app.command).toEqual(['npm', 'start', '--', '--role', 'web']);
    expect(compose.services.worker.command).toEqual(['npm', 'start', '--', '--role', 'worker']);
  });

  it('runs Redis with AOF and noeviction, as BullMQ needs', () => {
    const command: string[] = compose.services.redis.command;
    expect(command.join(' ')).toContain('--appendonly yes');
    expect(command.join(' ')).toContain('--maxmemory-policy noeviction');
  });

  it('gives every service a health check or waits on healthy ones, and keeps data in volumes', () => {
    for (const name of ['app', 'postgres', 'redis']) expect(compose.services[name].healthcheck).toBeDefined();
    expect(compose.services.worker.depends_on.postgres.condition).toBe('service_healthy');
    expect(Object.keys(compose.volumes).sort()).toEqual(['media', 'postgres', 'redis']);
  });

  it('passes exactly the variables the config schema knows', () => {
    for (const name of ['app', 'worker', 'scheduler']) {
      expect(Object.keys(compose.services[name].environment).sort()).toEqual([...CONFIG_VARIABLES].sort());
    }
  });

  it('documents every variable in .env.example', () => {
    for (const variable of CONFIG_VARIABLES) expect(envExample).toMatch(new RegExp(`^${variable}=`, 'm'));
  });
});
