/**
 * `phones set`: the department's letter steps and the carrier correction, run as a separate process against a
 * real database — through the registry's state machine, with every refusal naming the problem.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { phoneEvents } from '../../db/repositories/ad-phones.js';
import { CliError } from '../../src/cli/cli-context.js';
import { phonesSet } from '../../src/cli/phones-status.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { seedCase, seedPeople, seedWards, step } from './phone-report-seed.js';

const PROPOSED = '+84982582971';
const WARNED = '+84912345678';

let database: TestDatabase;

const cli = (args: string[]) => runCli(database.url, ['phones', 'set', ...args]);

async function phone(e164: string) {
  return database.db.selectFrom('ad_phones').selectAll().where('e164', '=', e164).executeTakeFirstOrThrow();
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await seedWards(db);
  const { officerId } = await seedPeople(db);
  await seedCase(db, { code: 'QC-2611-0001', ward: '11383', at: '2026-11-02T09:00:00+07:00', lat: 20.85, lng: 106.68, phones: [PROPOSED, WARNED] });
  await step(db, PROPOSED, 'propose_suspension', '2026-11-10T09:00:00+07:00', officerId);
  await step(db, WARNED, 'warn', '2026-11-10T09:00:00+07:00', officerId);
});

afterAll(async () => {
  await database?.drop();
});

describe('npm run cli -- phones set', () => {
  it('records the letter, the confirmation and the restoration, each as an event', async () => {
    const request = await cli(['0982 582 971', 'request_suspension', '--letter-no', '125/SKHCN-HTS', '--letter-date', '2026-11-20', '--operator', 'Viettel', '--note', 'theo đề xuất của phường']);
    expect(request.stderr).toBe('');
    expect(request.stdout.trim()).toBe('0982 582 971: suspension_proposed → suspension_requested (letter 125/SKHCN-HTS of 2026-11-20 to Viettel)');
    expect((await cli(['0982582971', 'confirm_suspended'])).stdout.trim()).toBe('0982 582 971: suspension_requested → suspended');
    expect((await cli(['+84 982 582 971', 'restore', '--note', 'chủ thuê bao đã cam kết'])).stdout.trim()).toBe('0982 582 971: suspended → restored');
    expect((await phone(PROPOSED)).status).toBe('restored');
    const events = await phoneEvents(database.db, PROPOSED);
    expect(events.slice(-3).map((e) => [e.action, e.from_status, e.to_status, e.actor_person_id, e.letter_no, e.letter_date, e.operator, e.note])).toEqual([
      ['request_suspension', 'suspension_proposed', 'suspension_requested', null, '125/SKHCN-HTS', '2026-11-20', 'Viettel', 'theo đề xuất của phường'],
      ['confirm_suspended', 'suspension_requested', 'suspended', null, null, null, null, null],
      ['restore', 'suspended', 'restored', null, null, null, null, 'chủ thuê bao đã cam kết'],
    ]);
  }, 90_000);

  it('corrects a carrier (a ported number), alone or with a step', async () => {
    const result = await cli(['0912 345 678', '--carrier', 'MobiFone']);
    expect(result.stdout.trim()).toBe('0912 345 678: carrier VinaPhone → MobiFone (marked as corrected by staff)');
    expect(await phone(WARNED)).toMatchObject({ carrier: 'mobifone', carrier_corrected: true, status: 'warned' });
    const events = await phoneEvents(database.db, WARNED);
    expect(events).toHaveLength(1); // the correction is not an enforcement step
  }, 60_000);

  it('refuses a step the number is not ready for, naming its status and what the step needs; nothing changes', async () => {
    const result = await cli(['0912 345 678', 'request_suspension', '--letter-no', '1/X', '--letter-date', '2026-11-20', '--operator', 'VinaPhone', '--carrier', 'viettel']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('Error: cannot request_suspension 0912 345 678: its status is warned; request_suspension needs suspension_proposed');
    expect(await phone(WARNED)).toMatchObject({ status: 'warned', carrier: 'mobifone' }); // the carrier change rolled back too
  }, 60_000);

  it('names the problem with the typed number, the action or an option', async () => {
    const cases: [string[], string][] = [
      [['0982 58', 'restore'], '<number>: "0982 58" is not a valid phone number: too few digits (a Vietnamese mobile number has 10, e.g. 0982 582 971) (too_short)'],
      [['0612 345 678', 'restore'], '<number>: "0612 345 678" is not a valid phone number: no Vietnamese mobile or landline number starts like that (unknown_prefix)'],
      [['20.11.2026', 'restore'], '<number>: "20.11.2026" is not a valid phone number'],
      [['sdt-abc', 'restore'], '(not_a_number)'],
      [['0982582971', 'warn'], '<action> must be one of request_suspension, confirm_suspended, restore (got "warn")'],
      [['0982582971', 'request_suspension', '--letter-no', '1/X'], 'request_suspension needs --letter-no, --letter-date and --operator'],
      [['0982582971', 'request_suspension', '--letter-no', '1/X', '--letter-date', '20/11/2026', '--operator', 'Viettel'], '--letter-date must be a date written YYYY-MM-DD (got "20/11/2026")'],
      [['0982582971', 'restore', '--operator', 'Viettel'], '--operator only goes with request_suspension'],
      [['0982582971', '--carrier', 'fpt'], '--carrier: unknown carrier "fpt"; valid: viettel, vinaphone, mobifone, vietnamobile, gmobile, itelecom, reddi, other'],
      [['0982582971'], 'give an <action> or --carrier'],
    ];
    // Checked in-process (they fail before the database is opened); one as a real process, for the exit code.
    for (const [args, message] of cases) {
      await expect(phonesSet(args), args.join(' ')).rejects.toSatisfy((e: unknown) => e instanceof CliError && e.message.includes(message));
    }
    const [unknown, invalid] = await Promise.all([cli(['0983 000 000', 'restore']), cli(['0982 58', 'restore'])]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('<number>: 0983 000 000 is not in the registry');
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('Error: <number>: "0982 58" is not a valid phone number');
    expect(invalid.stderr).not.toContain('    at ');
  }, 60_000);
});
