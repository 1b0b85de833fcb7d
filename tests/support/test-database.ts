/**
 * A fresh database per test file, cloned from the migrated template: real PostgreSQL, isolated, fast.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDatabase, type Db } from '../../db/database.js';
import { withDatabase } from './database-url.js';

export interface TestDatabase {
  url: string;
  db: Db;
  /** Empty every table (between tests). */
  truncate(): Promise<void>;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject('serverUrl');
  const name = `phuong_t_${randomBytes(5).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name} template ${inject('templateDatabase')}`);
  const url = withDatabase(serverUrl, name);
  const db = createDatabase(url, { max: 10 });
  return {
    url,
    db,
    async truncate() {
      const tables = await db
        .selectFrom('pg_tables' as never)
        .select('tablename' as never)
        .where('schemaname' as never, '=', 'public' as never)
        .execute();
      const names = (tables as { tablename: string }[])
        .map((t) => t.tablename)
        .filter((t) => !t.startsWith('kysely_'));
      if (names.length) await pg_truncate(url, names);
    },
    async drop() {
      await db.destroy();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function pg_truncate(url: string, tables: string[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`truncate ${tables.map((t) => `"${t}"`).join(', ')} restart identity cascade`);
  } finally {
    await client.end();
  }
}

async function adminQuery(serverUrl: string, text: string) {
  // CREATE DATABASE … TEMPLATE fails if another session is copying the template at that instant: retry.
  for (let attempt = 0; ; attempt += 1) {
    const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
    await client.connect();
    try {
      await client.query(text);
      return;
    } catch (error) {
      if (attempt >= 10 || !String(error).includes('is being accessed by other users')) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    } finally {
      await client.end();
    }
  }
}
