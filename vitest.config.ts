import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    // Generous: CLI tests start real processes, and CI shares two cores with PostgreSQL and Redis.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // Two cores: a few files at once, each on its own database.
    maxWorkers: 3,
    env: { TZ: 'Asia/Ho_Chi_Minh' },
  },
});
