import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('runs on embedded defaults with nothing set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, dataDir: './data', databaseUrl: undefined, redisUrl: undefined });
    expect(config.telegram).toBeUndefined();
    expect(config.zalo).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names each bad variable and why, one line each', () => {
    const lines = problems({ PORT: 'abc', DATABASE_URL: 'localhost:5432', TELEGRAM_BOT_TOKEN: 'nope' });
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.startsWith('PORT:'))).toBeDefined();
    expect(lines.find((l) => l.startsWith('DATABASE_URL:'))).toContain('URL');
    expect(lines.find((l) => l.startsWith('TELEGRAM_BOT_TOKEN:'))).toContain('BotFather');
  });

  it('asks for every missing Zalo variable once one is set', () => {
    const lines = problems({ ZALO_APP_ID: '123' });
    expect(lines.map((l) => l.split(':')[0]).sort()).toEqual(['ZALO_APP_SECRET', 'ZALO_OA_SECRET_KEY', 'ZALO_REFRESH_TOKEN']);
  });

  it('requires a webhook secret when Telegram runs by webhook', () => {
    const lines = problems({ TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ', PUBLIC_URL: 'https://phuong.example.vn' });
    expect(lines).toEqual([expect.stringMatching(/^TELEGRAM_WEBHOOK_SECRET: is required/)]);
  });

  it('turns a channel on only with its credentials', () => {
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ',
      ZALO_APP_ID: '1',
      ZALO_APP_SECRET: 's',
      ZALO_OA_SECRET_KEY: 'k',
      ZALO_REFRESH_TOKEN: 'r',
      ZALO_API_BASE: 'http://127.0.0.1:9999/',
    });
    expect(config.telegram?.apiRoot).toBe('https://api.telegram.org');
    expect(config.zalo?.apiBase).toBe('http://127.0.0.1:9999');
  });
});
