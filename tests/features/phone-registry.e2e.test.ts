/**
 * Numbers printed on ads, from reports to the registry: the same number across places and wards, a resident's
 * own number kept out, the officer's chat commands, the rules' digest, and history kept straight under
 * concurrent officers.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPhoneAction, phoneCard } from '../../db/repositories/ad-phones.js';
import { importOrganisation } from '../../db/repositories/org.js';
import { runPhoneRules } from '../../jobs/phone-rules.js';
import { sendPhoneSummary } from '../../jobs/phone-summary.js';
import { parseOrgFile } from '../../src/org/org-file.js';
import { clockStartingAt } from '../support/clock.js';
import { queueBackends } from '../support/queue-backends.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { texts, webChatClient } from '../support/web-chat-client.js';

const [backend] = queueBackends();
const clock = clockStartingAt('2026-11-24T09:00:00+07:00');
let app: TestApp;

const ORG = `
wards:
  - code: "11383"
    name: Lê Chân
    residentialGroups:
      - name: Tổ dân phố số 1
        centre: { lat: 20.848, lng: 106.678 }
        radiusMeters: 2000
  - code: "10507"
    name: Thành Đông
    fullName: Phường Thành Đông
people:
  - name: Nguyễn Văn Hùng
    role: ward_officer
    ward: "11383"
  - name: Phạm Minh Đức
    role: ward_officer
    ward: "11383"
  - name: Vũ Thị Mai
    role: leader
    ward: "11383"
`;

async function link(name: string, session: string) {
  const person = await app.db.selectFrom('people').select('id').where('full_name', '=', name).executeTakeFirstOrThrow();
  await app.db.insertInto('channel_identities').values({ channel: 'web', external_id: session, person_id: person.id, last_inbound_at: clock.now() }).execute();
  await app.db.updateTable('people').set({ consent_at: clock.now() }).where('id', '=', person.id).execute();
}

let residents = 0;
async function report(at: { lat: number; lng: number }, description: string) {
  residents += 1;
  const chat = webChatClient(app.url, app.db, `phone-resident-${String(residents).padStart(8, '0')}`);
  await chat.say('xin chào');
  await chat.choose('consent_yes');
  await chat.say('phản ánh');
  await chat.choose('rp_nophoto');
  await chat.shareLocation(at.lat, at.lng);
  await chat.say(description);
  return texts(await chat.choose('rp_send'));
}

beforeAll(async () => {
  app = await startTestApp({ backend, engine: { now: clock.now } });
  await importOrganisation(app.db, parseOrgFile(ORG));
  await link('Nguyễn Văn Hùng', 'officer-hung-phones-001');
  await link('Phạm Minh Đức', 'officer-duc-phones-0001');
  await link('Vũ Thị Mai', 'leader-mai-phones-00001');
  await report({ lat: 20.848, lng: 106.678 }, 'khoan cắt bê tông 0982.582.971');
  await report({ lat: 20.8455, lng: 106.6752 }, 'KHOAN CAT BE TONG LH 0982 582 971');
  await report({ lat: 20.8405, lng: 106.6855 }, 'khoan cắt bê tông +84 982 582 971, hút bể phốt 0169.123.4567');
  await report({ lat: 20.964713, lng: 106.330985 }, 'khoan cat be tong 0982582971');
});
afterAll(async () => {
  await app?.stop();
});

describe('the registry across reports', () => {
  it('counts one number in three places of one ward (one case and its sightings) and in another ward', async () => {
    const card = await phoneCard(app.db, '+84982582971', clock.now());
    expect(card).toMatchObject({ status: 'detected', carrier: 'viettel', total: 4, last30Days: 4, places: 4 });
    expect(card!.wards.sort()).toEqual(['10507', '11383']);
    expect(card!.caseCodes).toHaveLength(2);
    const old = await phoneCard(app.db, '+84391234567', clock.now());
    expect(old).toMatchObject({ carrier: 'viettel', total: 1 });
  });

  it('never takes the number a resident gives as their own contact', async () => {
    const chat = webChatClient(app.url, app.db, 'phone-resident-contact-1');
    await chat.say('xin chào');
    await chat.choose('consent_yes');
    await chat.say('số của tôi là 0977 123 456, cần thì gọi');
    const numbers = (await app.db.selectFrom('ad_phones').select('e164').execute()).map((r) => r.e164).sort();
    expect(numbers).toEqual(['+84391234567', '+84982582971']);
  });
});

describe('the officer in chat', () => {
  it('looks a number up in any written form and sees its history and buttons', async () => {
    const hung = webChatClient(app.url, app.db, 'officer-hung-phones-001');
    const [card] = await hung.say('sdt 0982 582 971');
    expect(card.text).toContain('Số 0982 582 971 (Viettel – nhà mạng gốc theo đầu số');
    expect(card.text).toContain('Phát hiện 4 lần (30 ngày qua: 4), ở 4 nơi');
    expect(card.choices?.map((c) => c.value)).toEqual(['pw_84982582971', 'pc_84982582971', 'ps_84982582971']);
  });

  it('explains a bad number and asks for a reason before dismissing', async () => {
    const hung = webChatClient(app.url, app.db, 'officer-hung-phones-001');
    expect(texts(await hung.say('sdt 12345'))).toContain('ngắn quá');
    expect(texts(await hung.say('sdt 0112 345 678'))).toContain('Đầu số này không phải');
    expect(texts(await hung.say('bỏ qua 0391 234 567'))).toContain('ghi lý do');
    expect(texts(await hung.say('bỏ qua 0391 234 567 số của người dân gửi nhầm'))).toContain('đã loại');
  });

  it('refuses a resident who types an officer command', async () => {
    const resident = webChatClient(app.url, app.db, 'phone-resident-00000001');
    expect(texts(await resident.say('canh bao 0982 582 971'))).not.toContain('Đã ghi');
    expect((await phoneCard(app.db, '+84982582971', clock.now()))!.status).toBe('detected');
  });
});

describe('the rules and the daily digest', () => {
  it('proposes a warning once, sends each officer one digest, and takes the officer\'s "Đồng ý"', async () => {
    const first = await runPhoneRules(app.db, clock.now());
    const again = await runPhoneRules(app.db, clock.now());
    expect(first.proposed).toBe(1);
    expect(first.outboxIds).toHaveLength(2);
    expect(again.outboxIds).toHaveLength(0);
    const [digest] = await app.db.selectFrom('outbox').select('message').where('id', '=', first.outboxIds[0]).execute();
    expect(digest.message.text).toContain('0982 582 971 – nhắc nhở: 4 nơi trong 30 ngày');
    const accept = digest.message.choices!.find((c) => c.label === 'Đồng ý 1')!;

    const hung = webChatClient(app.url, app.db, 'officer-hung-phones-001');
    expect(texts(await hung.choose(accept.value))).toContain('Trạng thái: đã nhắc nhở');
    const duc = webChatClient(app.url, app.db, 'officer-duc-phones-0001');
    expect(texts(await duc.choose(accept.value))).toContain('đã được xử lý rồi');
  });

  it('keeps a straight history when two officers act on one number at once', async () => {
    const people = await app.db.selectFrom('people').select(['id', 'full_name']).where('role', '=', 'ward_officer').execute();
    const act = (personId: number, action: 'commit' | 'propose_suspension') =>
      app.db.transaction().execute((trx) => applyPhoneAction(trx, '+84982582971', action, { personId, role: 'ward_officer' }, { note: 'đồng thời' }, clock.now()));
    const results = await Promise.all([act(people[0].id, 'commit'), act(people[1].id, 'propose_suspension')]);
    // Whichever goes second sees the first one's result: both succeed, or the second is refused cleanly.
    expect(results.filter((r) => r.ok).length).toBeGreaterThanOrEqual(1);
    for (const r of results) if (!r.ok) expect(r.reason).toBe('invalid_from_state');
    const events = await app.db.selectFrom('ad_phone_events').select(['from_status', 'to_status']).where('e164', '=', '+84982582971').orderBy('id').execute();
    for (let i = 1; i < events.length; i += 1) expect(events[i].from_status).toBe(events[i - 1].to_status);
    const final = await phoneCard(app.db, '+84982582971', clock.now());
    expect(final!.status).toBe(events[events.length - 1].to_status);
  });
});

describe('the operators\' list on request in chat', () => {
  it('sends the officer the xlsx of numbers proposed for suspension, behind a signed link', async () => {
    const officer = await app.db.selectFrom('people').select('id').where('full_name', '=', 'Nguyễn Văn Hùng').executeTakeFirstOrThrow();
    const card = await phoneCard(app.db, '+84982582971', clock.now());
    if (card!.status !== 'suspension_proposed') {
      await app.db.transaction().execute((trx) => applyPhoneAction(trx, '+84982582971', 'propose_suspension', { personId: officer.id, role: 'ward_officer' }, {}, clock.now()));
    }
    const hung = webChatClient(app.url, app.db, 'officer-hung-phones-001');
    const [reply] = await hung.say('xuất danh sách');
    expect(reply.text).toContain('(1 số)');
    const doc = (reply as unknown as { document: { url: string; filename: string } }).document;
    expect(doc.filename).toBe('danh-sach-so-de-xuat-tam-ngung.xlsx');
    const response = await fetch(`${app.url}${doc.url}`);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const viettel = workbook.worksheets.find((w) => w.name === 'Viettel')!;
    const cells = viettel.getRow(2).values as unknown[];
    expect(cells).toContain('0982 582 971');
    const tampered = await fetch(`${app.url}${doc.url.replace(/sig=[^&]+/, 'sig=AAAA')}`);
    expect(tampered.status).toBe(403);
  });
});

describe('the monthly summary for the department', () => {
  it('reaches each leader once on the 1st, with last month\'s figures by ward', async () => {
    const first = await sendPhoneSummary(app.db, new Date('2026-12-01T08:00:00+07:00'));
    const again = await sendPhoneSummary(app.db, new Date('2026-12-01T08:00:00+07:00'));
    expect(first).toHaveLength(1);
    expect(again).toHaveLength(0);
    const [row] = await app.db.selectFrom('outbox').select(['external_user_id', 'message']).where('id', '=', first[0]).execute();
    expect(row.external_user_id).toBe('leader-mai-phones-00001');
    expect(row.message.text).toContain('tháng 11/2026');
    expect(row.message.text).toMatch(/Phát hiện [1-9]/);
    expect(row.message.text).toContain('• Lê Chân: phát hiện');
  });
});
