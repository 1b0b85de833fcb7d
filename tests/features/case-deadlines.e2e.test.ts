/**
 * Deadlines in working days, across Tết 2027: the tổ trưởng is reminded the working day before, the case is
 * escalated on the day, the officer gets the overdue digest, nothing is sent twice and nothing at night.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkingCalendar } from '../../db/repositories/holidays.js';
import { importOrganisation } from '../../db/repositories/org.js';
import { runCaseDeadlines } from '../../jobs/case-deadlines.js';
import { isQuietHour } from '../../src/domain/working-calendar.js';
import { parseOrgFile } from '../../src/org/org-file.js';
import { clockStartingAt } from '../support/clock.js';
import { queueBackends } from '../support/queue-backends.js';
import { eventually, startTestApp, type TestApp } from '../support/test-app.js';
import { startFakeTelegram, type FakeTelegram } from '../fakes/fake-telegram.js';
import { OUTBOUND_QUEUE } from '../../jobs/queue-names.js';
import { webChatClient, texts } from '../support/web-chat-client.js';

const [backend] = queueBackends();
// Thursday 4 February 2027, 09:00: the last working day before the Tết break (Fri 5 – Thu 11 February).
const clock = clockStartingAt('2027-02-04T09:00:00+07:00');
let app: TestApp;
let telegram: FakeTelegram;
const OFFICER_CHAT = '6161';
let caseId: number;

const at = (iso: string) => new Date(iso);

async function link(name: string, session: string, channel: 'web' | 'telegram' = 'web') {
  const person = await app.db.selectFrom('people').select('id').where('full_name', '=', name).executeTakeFirstOrThrow();
  await app.db.insertInto('channel_identities').values({ channel, external_id: session, person_id: person.id, last_inbound_at: clock.now() }).execute();
}

async function outboxFor(session: string) {
  return app.db.selectFrom('outbox').selectAll().where('external_user_id', '=', session).orderBy('id').execute();
}

beforeAll(async () => {
  telegram = await startFakeTelegram();
  app = await startTestApp({ backend, telegram, engine: { now: clock.now } });
  await importOrganisation(app.db, parseOrgFile(readFileSync('examples/le-chan.org.yaml', 'utf8')));
  await link('Trần Thị Hoa', 'leader-hoa-deadline-001');
  // The officer is on Telegram: a phone that would ring at night (the web chat is read when opened).
  await link('Nguyễn Văn Hùng', OFFICER_CHAT, 'telegram');
  const chat = webChatClient(app.url, app.db, 'resident-deadline-00001');
  await chat.say('xin chào');
  await chat.choose('consent_yes');
  await chat.say('phản ánh');
  await chat.choose('rp_nophoto');
  await chat.shareLocation(20.848, 106.678);
  await chat.say('quảng cáo dán tường');
  const created = texts(await chat.choose('rp_send'));
  // Two working days after Thu 4/2, skipping the whole Tết break: Fri 12/2, Mon 15/2.
  expect(created).toContain('dự kiến xong trước ngày 15/02/2027');
  caseId = (await app.db.selectFrom('cases').select('id').executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await app?.stop();
  await telegram?.close();
});

describe('case deadlines across Tết 2027', () => {
  it('does nothing on a holiday', async () => {
    const calendar = await loadWorkingCalendar(app.db);
    const run = await runCaseDeadlines(app.db, calendar, at('2027-02-11T08:00:00+07:00'));
    expect(run).toMatchObject({ reminded: 0, escalated: 0, digests: 0 });
  });

  it('reminds the tổ trưởng on the working day before the deadline, once', async () => {
    const calendar = await loadWorkingCalendar(app.db);
    const first = await runCaseDeadlines(app.db, calendar, at('2027-02-12T08:00:00+07:00'));
    const again = await runCaseDeadlines(app.db, calendar, at('2027-02-12T08:00:00+07:00'));
    expect(first.reminded).toBe(1);
    expect(again.outboxIds).toHaveLength(0);
    const toLeader = await outboxFor('leader-hoa-deadline-001');
    const reminders = toLeader.filter((r) => r.message.text.startsWith('Nhắc việc'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0].message.text).toContain('QC-2702-0001');
    expect(reminders[0].proactive).toBe(true);
  });

  it('escalates on the deadline day and tells the officer and the resident', async () => {
    const calendar = await loadWorkingCalendar(app.db);
    const run = await runCaseDeadlines(app.db, calendar, at('2027-02-15T08:00:00+07:00'));
    expect(run.escalated).toBe(1);
    const status = await app.db.selectFrom('cases').select('status').where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(status.status).toBe('escalated');
    const events = await app.db.selectFrom('case_events').select(['actor_role', 'action', 'to_status']).where('case_id', '=', caseId).orderBy('id').execute();
    expect(events[events.length - 1]).toEqual({ actor_role: 'system', action: 'escalate', to_status: 'escalated' });
    expect((await outboxFor(OFFICER_CHAT)).map((r) => r.message.text).join()).toContain('Đến hạn hôm nay mà chưa xử lý: QC-2702-0001');
    expect((await outboxFor('resident-deadline-00001')).map((r) => r.message.text).join()).toContain('chuyển lên cán bộ phường');
  });

  it('puts the overdue case in the officer\'s daily digest, one a day', async () => {
    const calendar = await loadWorkingCalendar(app.db);
    await runCaseDeadlines(app.db, calendar, at('2027-02-16T08:00:00+07:00'));
    await runCaseDeadlines(app.db, calendar, at('2027-02-16T15:00:00+07:00'));
    const digests = (await outboxFor(OFFICER_CHAT)).filter((r) => r.message.text.startsWith('Tổng hợp phản ánh quá hạn'));
    expect(digests).toHaveLength(1);
    expect(digests[0].message.text).toContain('QC-2702-0001');
  });

  it('holds a proactive message written at night until 06:00', async () => {
    // The job runs late (a restarted scheduler catching up): the digest it writes waits for the morning.
    const night = at('2027-02-17T23:30:00+07:00');
    expect(isQuietHour(night)).toBe(true);
    clock.jump(night.getTime() - clock.now().getTime());
    const calendar = await loadWorkingCalendar(app.db);
    const run = await runCaseDeadlines(app.db, calendar, night);
    expect(run.digests).toBe(1);
    const [id] = run.outboxIds;
    await app.queues.queue(OUTBOUND_QUEUE).add('send', { outboxId: id }, { jobId: `night-${id}` });
    const row = await eventually(async () => {
      const r = await app.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return r.status === 'deferred' && r;
    });
    expect(row.fate_reason).toBe('quiet_hours_22_06');
    expect(row.not_before.toISOString()).toBe('2027-02-17T23:00:00.000Z');
  });
});
