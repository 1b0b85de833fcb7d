/**
 * A resident reports an illegal ad and the tổ trưởng cleans it up: transcripts through the real server, queues
 * and database, in the web chat (residents) and Telegram (a tổ trưởng), with Vietnamese typed every way.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPhotoGps } from '../../src/domain/photo-gps.js';
import { jpegWithGps } from '../support/exif-jpeg.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOrganisation } from '../../db/repositories/org.js';
import { closeAbandonedDrafts } from '../../jobs/abandoned-drafts.js';
import { applyRetention, FINISHED_CASE_STATUSES } from '../../jobs/retention.js';
import { parseOrgFile } from '../../src/org/org-file.js';
import { startFakeTelegram, telegramCallbackUpdate, telegramPhotoUpdate, type FakeTelegram } from '../fakes/fake-telegram.js';
import { clockStartingAt } from '../support/clock.js';
import { jpeg } from '../support/images.js';
import { queueBackends } from '../support/queue-backends.js';
import { eventually, postJson, startTestApp, TELEGRAM_SECRET, type TestApp } from '../support/test-app.js';
import { texts, webChatClient } from '../support/web-chat-client.js';

const [backend] = queueBackends();
// Tuesday 24/11/2026, 09:00 in Hải Phòng.
const clock = clockStartingAt('2026-11-24T09:00:00+07:00');
const LEADER_CHAT = 9001;
let telegram: FakeTelegram;
let app: TestApp;

const IN_GROUP_1 = { lat: 20.848, lng: 106.678 };
const NEAR_GROUP_1 = { lat: 20.84805, lng: 106.67805 }; // about 7 m away
const IN_GROUP_2 = { lat: 20.8382, lng: 106.6852 }; // within 200 m of its centre
const THANH_DONG = { lat: 20.964713, lng: 106.330985 };

async function personId(name: string) {
  return (await app.db.selectFrom('people').select('id').where('full_name', '=', name).executeTakeFirstOrThrow()).id;
}
async function link(name: string, channel: 'web' | 'telegram', externalId: string) {
  const id = await personId(name);
  await app.db.insertInto('channel_identities').values({ channel, external_id: externalId, person_id: id, last_inbound_at: clock.now() }).execute();
  await app.db.updateTable('people').set({ consent_at: clock.now() }).where('id', '=', id).execute();
}

async function resident(session: string) {
  const chat = webChatClient(app.url, app.db, session);
  await chat.say('xin chào');
  await chat.choose('consent_yes');
  return chat;
}

async function leaderMessages(from: number) {
  await eventually(async () => {
    const pending = await app.db.selectFrom('inbound_events').select('id').where('status', '=', 'pending').execute();
    const unsent = await app.db.selectFrom('outbox').select('id').where('status', 'in', ['pending', 'sending', 'deferred']).execute();
    return pending.length === 0 && unsent.length === 0;
  });
  return telegram.sent.slice(from).filter((m) => String(m.chatId) === String(LEADER_CHAT));
}

async function leaderTaps(data: string) {
  await postJson(`${app.url}/webhooks/telegram`, telegramCallbackUpdate(LEADER_CHAT, data), { 'x-telegram-bot-api-secret-token': TELEGRAM_SECRET });
}

beforeAll(async () => {
  telegram = await startFakeTelegram();
  app = await startTestApp({ backend, telegram, engine: { now: clock.now } });
  await importOrganisation(app.db, parseOrgFile(readFileSync('examples/le-chan.org.yaml', 'utf8')));
  await link('Trần Thị Hoa', 'telegram', String(LEADER_CHAT));
  await link('Lê Văn Nam', 'web', 'leader-nam-session-0001');
  await link('Nguyễn Văn Hùng', 'web', 'officer-hung-session-01');
});
afterAll(async () => {
  await app?.stop();
  await telegram?.close();
});

describe('the happy path: report, cleanup with an after-photo, rating', () => {
  let caseCode = '';

  it('takes a report typed without diacritics, asks only for what is missing, and opens a case', async () => {
    const chat = await resident('resident-an-session-001');
    const started = await chat.say('bao cao quang cao');
    expect(texts(started)).toContain('Bạn gửi ảnh quảng cáo');
    const afterPhoto = await chat.sendPhoto(jpeg(3000, 1));
    expect(texts(afterPhoto)).toContain('Đã nhận 1 ảnh');
    const afterLocation = await chat.shareLocation(IN_GROUP_1.lat, IN_GROUP_1.lng);
    expect(texts(afterLocation)).toContain('mô tả ngắn');
    const summary = await chat.say('to roi dan cot dien, sdt 0912.345.678');
    expect(texts(summary)).toContain('0912 345 678');
    const last = summary[summary.length - 1];
    expect(last.text).toContain('Bạn kiểm tra lại phản ánh');
    expect(last.choices?.map((c) => c.label)).toEqual(['Gửi', 'Sửa', 'Hủy']);

    const before = telegram.sent.length;
    const done = await chat.say('gui');
    const created = texts(done);
    caseCode = /QC-2611-\d{4}/.exec(created)?.[0] ?? '';
    expect(caseCode).toBe('QC-2611-0001');
    expect(created).toContain('Tổ dân phố số 1 sẽ xử lý, dự kiến xong trước ngày 26/11/2026');

    const toLeader = await leaderMessages(before);
    expect(toLeader.map((m) => m.method)).toEqual(['sendPhoto', 'sendMessage']);
    expect(toLeader[1].text).toContain(`Phản ánh mới ${caseCode}`);
    expect(toLeader[1].text).toContain('maps.google.com');
    const buttons = (toLeader[1].replyMarkup as { inline_keyboard: { text: string }[][] }).inline_keyboard.flat().map((b) => b.text);
    expect(buttons).toEqual(['Đã xóa', 'Không thấy quảng cáo', 'Cần phường hỗ trợ']);
  });

  it('lets the tổ trưởng close it only with an after-photo, and tells the resident with that photo', async () => {
    const c = await app.db.selectFrom('cases').selectAll().where('code', '=', caseCode).executeTakeFirstOrThrow();
    let before = telegram.sent.length;
    await leaderTaps(`cl_${c.id}`);
    expect((await leaderMessages(before)).map((m) => m.text).join()).toContain('ảnh sau khi xóa');

    before = telegram.sent.length;
    telegram.files.set('after-photo-1', jpeg(4000, 2));
    await postJson(`${app.url}/webhooks/telegram`, telegramPhotoUpdate(LEADER_CHAT, 'after-photo-1'), { 'x-telegram-bot-api-secret-token': TELEGRAM_SECRET });
    expect((await leaderMessages(before)).map((m) => m.text).join()).toContain(`Đã ghi nhận ${caseCode}: đã xóa`);

    const row = await app.db.selectFrom('cases').select('status').where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('cleaned');
    const photos = await app.db.selectFrom('case_photos').select('kind').where('case_id', '=', c.id).execute();
    expect(photos.map((p) => p.kind).sort()).toEqual(['after', 'before']);

    const chat = webChatClient(app.url, app.db, 'resident-an-session-001');
    const told = await chat.inbox();
    const notice = told.find((m) => m.text.includes('đã được xử lý'))!;
    expect(notice.photos?.[0]).toMatch(/^\/media\/[0-9a-f]{64}\?exp=\d+&sig=/);
    const photo = await fetch(`${app.url}${notice.photos![0]}`);
    expect(photo.status).toBe(200);
    expect(notice.choices?.map((ch) => ch.label)).toEqual(['1★', '2★', '3★', '4★', '5★', 'Chưa xóa']);

    const rated = await chat.choose(`rt_${c.id}_5`);
    expect(texts(rated)).toContain('5/5');
    const closed = await app.db.selectFrom('cases').select(['status', 'rating']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(closed).toEqual({ status: 'closed', rating: 5 });
  });

  it('shows the resident their case and its timeline, by "tra cứu" or by its code typed loosely', async () => {
    const chat = webChatClient(app.url, app.db, 'resident-an-session-001');
    expect(texts(await chat.say('tra cuu'))).toContain(`${caseCode}: Đã xử lý`);
    const detail = texts(await chat.say(caseCode.toLowerCase().replace(/-/g, ' ')));
    expect(detail).toContain('Chờ xử lý');
    expect(detail).toContain('Đang xử lý');
    expect(detail).toContain('Đã xử lý');
    const other = webChatClient(app.url, app.db, 'resident-binh-session-1');
    await other.say('xin chào');
    await other.choose('consent_yes');
    expect(texts(await other.say(caseCode))).toContain(`Không tìm thấy phản ánh ${caseCode}`);
  });
});

describe('starting and routing', () => {
  it('starts from a photo alone, routes by centre point, and reopens when the resident says it is not cleaned', async () => {
    const chat = await resident('resident-chi-session-01');
    const started = await chat.sendPhoto(jpeg(2500, 3));
    expect(texts(started)).toContain('Quảng cáo ở đâu?');
    await chat.shareLocation(IN_GROUP_2.lat, IN_GROUP_2.lng);
    await chat.choose('rp_skipdesc');
    const created = texts(await chat.say('1'));
    expect(created).toContain('Tổ dân phố số 2 sẽ xử lý');
    const code = /QC-2611-\d{4}/.exec(created)![0];
    const c = await app.db.selectFrom('cases').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
    expect(c.routed_by).toBe('centre');

    const nam = webChatClient(app.url, app.db, 'leader-nam-session-0001');
    const card = (await nam.inbox()).find((m) => m.text.includes(code))!;
    expect(card.choices?.map((x) => x.value)).toEqual([`cl_${c.id}`, `nf_${c.id}`, `nh_${c.id}`]);
    expect(texts(await nam.say('khong thay'))).not.toContain('Đã ghi nhận');
    expect(texts(await nam.choose(`nf_${c.id}`))).toContain('không thấy quảng cáo');

    const told = (await chat.inbox()).find((m) => m.text.includes('không thấy quảng cáo'))!;
    expect(told.choices?.[0].value).toBe(`ro_${c.id}`);
    expect(texts(await chat.choose(`ro_${c.id}`))).toContain('vẫn còn');
    expect(texts(await chat.say('van con nguyen tren cot dien'))).toContain(`Đã mở lại phản ánh ${code}`);
    const reopened = await app.db.selectFrom('cases').select(['status', 'reopen_count']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(reopened).toEqual({ status: 'reopened', reopen_count: 1 });
    expect(texts(await nam.inbox())).toContain('chưa được xóa: van con nguyen tren cot dien');
  });

  it('routes a typed address by street name, and an unknown one to the dispatcher who assigns it', async () => {
    const chat = await resident('resident-dung-session-1');
    await chat.say('phan anh');
    await chat.choose('rp_nophoto');
    await chat.say('số 45 Tô Hiệu');
    await chat.say('băng rôn treo sai chỗ');
    expect(texts(await chat.choose('rp_send'))).toContain('Tổ dân phố số 3 sẽ xử lý');

    await chat.say('/baocao');
    await chat.choose('rp_nophoto');
    await chat.say('ngõ 99 phố không tên');
    await chat.choose('rp_skipdesc');
    const created = texts(await chat.choose('rp_send'));
    expect(created).toContain('Cán bộ phường sẽ xử lý');
    const code = /QC-2611-\d{4}/.exec(created)![0];
    const c = await app.db.selectFrom('cases').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
    expect(c).toMatchObject({ status: 'received', group_id: null, routed_by: 'dispatcher', has_photo: false });

    const hung = webChatClient(app.url, app.db, 'officer-hung-session-01');
    const dispatch = (await hung.inbox()).find((m) => m.text.includes(code))!;
    const group4 = dispatch.choices!.find((x) => x.label === 'Tổ dân phố số 4')!;
    expect(texts(await hung.choose(group4.value))).toContain(`Đã giao ${code} cho Tổ dân phố số 4`);
    const assigned = await app.db.selectFrom('cases').select(['status', 'group_id']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(assigned.status).toBe('assigned');
  });

  it('attaches a report 7 m from an open case as a sighting, and one with the same phone number too', async () => {
    const first = await resident('resident-em-session-001');
    await first.say('phản ánh');
    await first.choose('rp_nophoto');
    await first.shareLocation(20.8465, 106.6795);
    await first.say('quảng cáo khoan cắt bê tông 0988 111 222');
    const created = texts(await first.choose('rp_send'));
    const code = /QC-2611-\d{4}/.exec(created)![0];

    const near = await resident('resident-gia-session-01');
    await near.say('phản ánh');
    await near.choose('rp_nophoto');
    await near.shareLocation(20.84655, 106.67955);
    await near.choose('rp_skipdesc');
    expect(texts(await near.choose('rp_send'))).toContain(`đã có người phản ánh (mã ${code})`);

    const samePhone = await resident('resident-hai-session-01');
    await samePhone.say('phản ánh');
    await samePhone.choose('rp_nophoto');
    await samePhone.say('số 7 Hàng Kênh');
    await samePhone.say('khoan cat be tong LH 0988.111.222');
    expect(texts(await samePhone.choose('rp_send'))).toContain(`mã ${code}`);

    const c = await app.db.selectFrom('cases').select('id').where('code', '=', code).executeTakeFirstOrThrow();
    const sightings = await app.db.selectFrom('sightings').select('reason').where('case_id', '=', c.id).orderBy('id').execute();
    expect(sightings.map((s) => s.reason)).toEqual(['nearby', 'same_phone']);
    void NEAR_GROUP_1;
  });

  it('says which ward a location outside this ward belongs to', async () => {
    const chat = await resident('resident-khoa-session-1');
    await chat.say('phản ánh');
    await chat.choose('rp_nophoto');
    expect(texts(await chat.shareLocation(THANH_DONG.lat, THANH_DONG.lng))).toContain('thuộc Phường Thành Đông');
  });
});

describe('a tổ trưởng typing without diacritics or with telex leftovers', () => {
  it('picks a case from "viec cua toi" and closes it with "ddax xoas" and an after-photo', async () => {
    const chat = await resident('resident-minh-session-1');
    await chat.say('phản ánh');
    await chat.choose('rp_nophoto');
    await chat.shareLocation(IN_GROUP_2.lat + 0.0005, IN_GROUP_2.lng);
    await chat.choose('rp_skipdesc');
    const code = /QC-2611-\d{4}/.exec(texts(await chat.choose('rp_send')))![0];
    const nam = webChatClient(app.url, app.db, 'leader-nam-session-0001');
    await nam.inbox();
    const list = await nam.say('viec cua toi');
    expect(texts(list)).toContain(code);
    await nam.say(code.toLowerCase());
    expect(texts(await nam.say('ddax xoas'))).toContain(`ảnh sau khi xóa cho ${code}`);
    expect(texts(await nam.sendPhoto(jpeg(3000, 9)))).toContain(`Đã ghi nhận ${code}: đã xóa`);
  });
});

describe('an abandoned report', () => {
  it('is closed politely after 24 hours, keeping what was sent', async () => {
    const chat = await resident('resident-oanh-session-1');
    await chat.say('phản ánh');
    await chat.say('tờ rơi 0977 000 111');
    expect(await closeAbandonedDrafts(app.db, new Date(clock.now().getTime() + 23 * 3_600_000))).toHaveLength(0);
    const ids = await closeAbandonedDrafts(app.db, new Date(clock.now().getTime() + 25 * 3_600_000));
    const told = await app.db.selectFrom('outbox').select(['id', 'message']).where('external_user_id', '=', 'resident-oanh-session-1').where('id', 'in', ids).execute();
    expect(told.map((r) => r.message.text)).toEqual([expect.stringContaining('tạm đóng sau 24 giờ')]);
    const conversation = await app.db.selectFrom('conversations').selectAll().where('external_id', '=', 'resident-oanh-session-1').executeTakeFirstOrThrow();
    expect(conversation.state).toBe('idle');
    expect((conversation.data.abandonedReport as { description: string }).description).toBe('tờ rơi 0977 000 111');
  });
});

describe('location first, and the daily limit', () => {
  it('starts from a shared location, then refuses a report past the ward\'s daily limit', async () => {
    await app.db.updateTable('wards').set({ settings: JSON.stringify({ dailyReportLimit: 1 }) }).where('code', '=', '11383').execute();
    try {
      const chat = await resident('resident-phuc-session-1');
      expect(texts(await chat.shareLocation(20.8495, 106.6805))).toContain('Bạn gửi ảnh quảng cáo');
      await chat.choose('rp_nophoto');
      await chat.choose('rp_skipdesc');
      expect(texts(await chat.choose('rp_send'))).toMatch(/mã QC-2611-\d{4}/);
      await chat.shareLocation(20.8451, 106.6751);
      await chat.choose('rp_nophoto');
      await chat.choose('rp_skipdesc');
      expect(texts(await chat.choose('rp_send'))).toContain('đủ số phản ánh trong ngày');
    } finally {
      await app.db.updateTable('wards').set({ settings: JSON.stringify({ caseDeadlineWorkingDays: 2, afterPhotoRequired: true, duplicateRadiusMeters: 30, dailyReportLimit: 10 }) }).where('code', '=', '11383').execute();
    }
  });
});

describe('a step begun by mistake', () => {
  it('"Chưa xóa" tapped by mistake is left with "hủy", and the case stays as it was', async () => {
    const chat = webChatClient(app.url, app.db, 'resident-chi-session-01');
    const person = await app.db.selectFrom('channel_identities').select('person_id').where('external_id', '=', 'resident-chi-session-01').executeTakeFirstOrThrow();
    const c = await app.db.selectFrom('cases').select(['id', 'status', 'reopen_count']).where('reporter_person_id', '=', person.person_id).executeTakeFirstOrThrow();
    expect(texts(await chat.choose(`ro_${c.id}`))).toContain('vẫn còn');
    expect(texts(await chat.say('hủy'))).toContain('Đã dừng bước này');
    const after = await app.db.selectFrom('cases').select(['status', 'reopen_count']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ status: c.status, reopen_count: c.reopen_count });
  });
});

describe('a photo that still carries its GPS', () => {
  it('gives the report its location, and the stored photo keeps no metadata', async () => {
    const chat = await resident('resident-quang-session1');
    const reply = texts(await chat.sendPhoto(jpegWithGps({ lat: 20.8501, lng: 106.6791 })));
    expect(reply).toContain('Mình lấy vị trí từ ảnh');
    expect(reply).toContain('mô tả ngắn');
    const stored = await app.db.selectFrom('media').select('sha256').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    const file = readFileSync(join(app.config.dataDir, 'media', stored.sha256.slice(0, 2), stored.sha256.slice(2, 4), stored.sha256));
    expect(await readPhotoGps(file)).toBeNull();
  });
});

describe('who may act', () => {
  it('refuses a tổ trưởng of another group, politely, and changes nothing', async () => {
    const c = await app.db.selectFrom('cases').selectAll().where('group_id', 'is not', null).where('status', '=', 'assigned').orderBy('id').executeTakeFirstOrThrow();
    const nam = webChatClient(app.url, app.db, 'leader-nam-session-0001');
    const groupOfNam = (await app.db.selectFrom('people').select('group_id').where('full_name', '=', 'Lê Văn Nam').executeTakeFirstOrThrow()).group_id;
    expect(c.group_id).not.toBe(groupOfNam);
    expect(texts(await nam.choose(`cl_${c.id}`))).toContain('không có quyền');
    const after = await app.db.selectFrom('cases').select('status').where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(after.status).toBe('assigned');
  });

  it('refuses a resident tapping a leader button', async () => {
    const c = await app.db.selectFrom('cases').selectAll().where('status', '=', 'assigned').orderBy('id').executeTakeFirstOrThrow();
    const chat = webChatClient(app.url, app.db, 'resident-binh-session-1');
    expect(texts(await chat.choose(`cl_${c.id}`))).toContain('không có quyền');
  });
});

describe('bad input', () => {
  it('answers non-images, markup and out-of-order choices politely and keeps the draft', async () => {
    const chat = await resident('resident-lan-session-01');
    await chat.say('phản ánh');
    const notImage = await fetch(`${app.url}/api/chat/photos?session=resident-lan-session-01`, { method: 'POST', headers: { 'content-type': 'image/jpeg' }, body: Buffer.from('not an image at all') });
    expect(notImage.status).toBe(415);
    expect(texts(await chat.choose('rp_send'))).toContain('Bạn gửi ảnh quảng cáo');
    await chat.choose('rp_nophoto');
    await chat.say("<script>alert(1)</script>'; drop table cases; --");
    const summary = texts(await chat.choose('rp_skipdesc'));
    expect(summary).toContain('Vị trí: <script>');
    expect(texts(await chat.say('huy'))).toContain('Đã hủy');
    expect(texts(await chat.say('/xoaso'))).toContain('Mình chưa biết lệnh /xoaso');
    expect(texts(await chat.say(''.padEnd(2500, 'a')))).toContain('dài quá');
    const cases = await app.db.selectFrom('cases').select('id').execute();
    expect(cases.length).toBeGreaterThan(0);
  });
});

describe('personal data', () => {

  it('deletes a resident\'s data on request and keeps their reports anonymous', async () => {
    const chat = webChatClient(app.url, app.db, 'resident-an-session-001');
    expect(texts(await chat.say('xoa du lieu cua toi'))).toContain('xóa dữ liệu cá nhân');
    expect(texts(await chat.choose('del_yes'))).toContain('ẩn danh');
    const c = await app.db.selectFrom('cases').select('reporter_person_id').where('code', '=', 'QC-2611-0001').executeTakeFirstOrThrow();
    expect(c.reporter_person_id).toBeNull();
    const identity = await app.db.selectFrom('channel_identities').select('person_id').where('external_id', '=', 'resident-an-session-001').execute();
    expect(identity).toHaveLength(0);
    expect(texts(await chat.say('xin chào'))).toContain('dữ liệu cá nhân');
  });
});

describe('retention', () => {
  it('is deleted or anonymised after the 24 months the notice states, and not before', async () => {
    const before = await applyRetention(app.db, new Date(clock.now().getTime() + 365 * 86_400_000));
    expect(before).toEqual({ inboundDeleted: 0, outboxDeleted: 0, casesAnonymised: 0 });
    const finished = () =>
      app.db.selectFrom('cases').select('id').where('status', 'in', FINISHED_CASE_STATUSES).where('reporter_person_id', 'is not', null).execute();
    const closed = await finished();
    expect(closed.length).toBeGreaterThan(0);
    const after = await applyRetention(app.db, new Date(clock.now().getTime() + 25 * 31 * 86_400_000));
    expect(after.inboundDeleted).toBeGreaterThan(0);
    expect(after.outboxDeleted).toBeGreaterThan(0);
    expect(after.casesAnonymised).toBe(closed.length);
    expect(await finished()).toHaveLength(0);
  });
});
