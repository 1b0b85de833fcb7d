/** The admin's CLI, run as a newcomer would: a separate process, real database, real files. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase;

const cli = (args: string[]) => runCli(database.url, args);

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

describe('org import', () => {
  it('loads the demo organisation of Phường Lê Chân, and a second import duplicates nothing', async () => {
    const first = await cli(['org', 'import', 'examples/le-chan.org.yaml']);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('Imported 1 ward(s), 4 tổ dân phố, 6 unit(s), 6 staff.');
    await cli(['org', 'import', 'examples/le-chan.org.yaml']);
    const groups = await database.db.selectFrom('residential_groups').selectAll().orderBy('id').execute();
    expect(groups.map((g) => g.name)).toEqual(['Tổ dân phố số 1', 'Tổ dân phố số 2', 'Tổ dân phố số 3', 'Tổ dân phố số 4']);
    expect(groups[2].streets).toEqual(['to hieu', 'hang kenh']);
    const people = await database.db.selectFrom('people').select(['full_name', 'role', 'group_id']).execute();
    expect(people).toHaveLength(6);
    expect(people.find((p) => p.full_name === 'Trần Thị Hoa')).toMatchObject({ role: 'group_leader', group_id: groups[0].id });
  });

  it('names the line and field of each problem and exits non-zero, without a stack trace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'org-'));
    const file = join(dir, 'bad.yaml');
    await writeFile(
      file,
      ['wards:', '  - code: "1138"', '    name: Lê Chân', 'people:', '  - name: An', '    role: chief', ''].join('\n'),
    );
    const result = await cli(['org', 'import', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('line 2, wards.0.code: must be the 5-digit official code');
    expect(result.stderr).toMatch(/line 6, people\.0\.role:/);
    expect(result.stderr).not.toContain('    at ');
  });

  it('says which file it cannot read', async () => {
    const result = await cli(['org', 'import', 'no-such-file.yaml']);
    expect(result).toMatchObject({ code: 2 });
    expect(result.stderr).toContain('cannot read no-such-file.yaml');
  });
});

describe('invite', () => {
  it('prints a single-use code for a unit, valid 72 hours', async () => {
    const result = await cli(['invite', 'ward_officer', '--unit', 'KTHTDT']);
    expect(result.code).toBe(0);
    const code = /MOI-[2-9A-HJKMNP-Z]{6}/.exec(result.stdout)?.[0];
    expect(code).toBeDefined();
    expect(result.stdout).toContain('Phòng Kinh tế, Hạ tầng và Đô thị');
    const row = await database.db.selectFrom('invites').selectAll().where('code', '=', code!).executeTakeFirstOrThrow();
    expect(row.role).toBe('ward_officer');
    const hours = (row.expires_at.getTime() - row.created_at.getTime()) / 3_600_000;
    expect(Math.round(hours)).toBe(72);
  });

  it('refuses an unknown role, unit or group with the field at fault', async () => {
    expect((await cli(['invite', 'mayor'])).stderr).toContain('<role> must be one of');
    expect((await cli(['invite', 'ward_officer', '--unit', 'NOPE'])).stderr).toContain('--unit: no unit with code "NOPE"');
    const group = await cli(['invite', 'group_leader', '--group', 'Tổ dân phố số 99']);
    expect(group.code).toBe(2);
    expect(group.stderr).toContain('--group: no tổ dân phố "Tổ dân phố số 99"');
  });

  it('has --help for each verb', async () => {
    const help = await cli(['invite', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: npm run cli -- invite <role>');
  });
});

describe('outbox undelivered', () => {
  it('lists a message that reached no one with its reason, and says when it went out on another channel', async () => {
    const [original] = await database.db
      .insertInto('outbox')
      .values({ dedup_key: 'cli-undelivered-1', channel: 'zalo', external_user_id: 'z1', person_id: null, message: JSON.stringify({ text: 'x' }), status: 'undeliverable', fate_reason: 'outside_7_day_window (-230)', not_before: new Date() })
      .returning('id')
      .execute();
    await database.db
      .insertInto('outbox')
      .values({ dedup_key: 'cli-undelivered-1-fb', channel: 'telegram', external_user_id: 't1', person_id: null, message: JSON.stringify({ text: 'x' }), status: 'sent', fallback_of: original.id, not_before: new Date() })
      .execute();
    const result = await cli(['outbox', 'undelivered']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`#${original.id}  zalo  person -  undeliverable`);
    expect(result.stdout).toContain('outside_7_day_window (-230)  (sent again on another channel)');
  });
});
