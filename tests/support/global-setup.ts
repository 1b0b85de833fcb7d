/**
 * Once per test run: find a PostgreSQL server (DATABASE_URL, or the embedded one in a temp dir), build a
 * migrated template database, and tell each test file where it is. Each file then clones the template, so files
 * run in parallel on their own databases (the Kysely example's "create, migrate once, truncate" pattern).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDatabase, migrate } from '../../db/database.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/runtime/embedded-postgres.js';
import { withDatabase } from './database-url.js';

declare module 'vitest' {
  export interface ProvidedContext {
    serverUrl: string;
    templateDatabase: string;
    redisUrl: string | undefined;
  }
}

let embedded: EmbeddedPostgres | undefined;
let cleanup: (() => Promise<void>) | undefined;
// One template per run, so test runs sharing a server never drop each other's template.
const TEMPLATE_DATABASE = `phuong_test_template_${process.pid}`;

export async function setup(project: TestProject) {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres(join(tmpdir(), 'phuong-test-data'), () => {});
    serverUrl = embedded.url;
    console.log('Tests use the embedded PostgreSQL (DATABASE_URL is unset).');
  }
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE_DATABASE} with (force)`);
  await admin.query(`create database ${TEMPLATE_DATABASE}`);
  await admin.end();
  const templateUrl = withDatabase(serverUrl, TEMPLATE_DATABASE);
  const db = createDatabase(templateUrl, { max: 2 });
  await migrate(db, templateUrl);
  await db.destroy();

  const redisUrl = process.env.REDIS_URL || undefined;
  if (!redisUrl) console.log('Redis-backend suite skipped: REDIS_URL is unset (the PostgreSQL queue backend runs).');
  cleanup = async () => {
    const client = new pg.Client({ connectionString: withDatabase(serverUrl!, 'postgres') });
    await client.connect();
    await client.query(`drop database if exists ${TEMPLATE_DATABASE} with (force)`);
    await client.end();
  };
  project.provide('serverUrl', serverUrl);
  project.provide('templateDatabase', TEMPLATE_DATABASE);
  project.provide('redisUrl', redisUrl);
}

export async function teardown() {
  await cleanup?.().catch(() => {});
  await embedded?.stop();
}
