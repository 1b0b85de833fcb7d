/**
 * Tasks in chat: a unit head lists their unit's tasks, picks one, posts progress, completes, asks for an
 * extension that the leader approves or refuses; a leader reads the summary; snooze after a digest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkingCalendar } from '../../db/repositories/holidays.js';
import { runTaskDigests } from '../../jobs/task-reminders.js';
import { vietnamInstant } from '../../src/domain/working-calendar.js';
import { defaultFeatures } from '../../src/features/default-features.js';
import { createEngine } from '../../src/features/engine.js';
import { floodGuard } from '../../src/features/flood-guard.js';
import { reportConversation } from '../../src/features/report/report-conversation.js';
import { taskConversation } from '../../src/features/tasks/task-conversation.js';
import { createServices } from '../../src/features/services.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { chatPerson, linkWebChat, loadDemoOrganisation, occurrenceOf, savePlanOf, task } from './support.js';

let database: TestDatabase;
let now = vietnamInstant('2026-12-10', 9, 0);
let head: ReturnType<typeof chatPerson>;
let leader: ReturnType<typeof chatPerson>;
let stranger: ReturnType<typeof chatPerson>;
let headId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  const people = await loadDemoOrganisation(database.db);
  headId = people.headId;
  await linkWebChat(database.db, people.headId, 'head-chat-0000000001');
  await linkWebChat(database.db, people.leaderId, 'leader-chat-00000001');
  const other = await database.db.insertInto('people').values({ role: 'unit_head', unit_code: 'CAP', consent_at: new Date() }).returning('id').executeTakeFirstOrThrow();
  await linkWebChat(database.db, other.id, 'cap-head-chat-000001');
  await savePlanOf(
    database.db,
    '12/KH-UBND',
    [
      task('T1', 'Kiểm tra, xóa quảng cáo rao vặt trên cột điện tuyến Tô Hiệu', 'KTHTDT', '2026-12-18'),
      task('T2', 'Tổng hợp danh sách số điện thoại in trên tờ rơi', 'KTHTDT', '2026-12-31'),
      task('T3', 'Báo cáo sơ kết 6 tháng', 'KTHTDT', '2026-12-04'),
      task('T4', 'Duy trì tuyên truyền thường xuyên', 'KTHTDT', null, 'continuous'),
      task('T5', 'Lập danh sách thuê bao vi phạm', 'CAP', '2026-12-15'),
    ],
    '2026-12-01',
  );
  // The flood guard counts real seconds; this suite sends more than 20 messages a minute on purpose.
  const features = defaultFeatures.filter((f) => f !== floodGuard);
  const engine = createEngine(database.db, { now: () => now, services: createServices(database.db), features });
  head = chatPerson(database.db, engine, 'head-chat-0000000001', () => now);
  leader = chatPerson(database.db, engine, 'leader-chat-00000001', () => now);
  stranger = chatPerson(database.db, engine, 'cap-head-chat-000001', () => now);
});
afterAll(async () => {
  await database?.drop();
});

describe('a unit head', () => {
  it('sees their unit\'s open tasks by due date, undated last, and picks one by typing its number', async () => {
    const [list] = await head.say('nhiệm vụ');
    expect(list.text).toContain('Đơn vị có 4 nhiệm vụ đang mở');
    expect(list.choices!.map((c) => c.label)).toEqual([
      'Báo cáo sơ kết 6 tháng – hạn 04/12/2026',
      'Kiểm tra, xóa quảng cáo rao vặt trên cột điện tuyến Tô Hiệu – hạn 18/12/2026',
      'Tổng hợp danh sách số điện thoại in trên tờ rơi – hạn 31/12/2026',
      'Duy trì tuyên truyền thường xuyên – hạn không có hạn',
    ]);
    const [card] = await head.say('2');
    expect(card.text).toContain('Kiểm tra, xóa quảng cáo rao vặt trên cột điện tuyến Tô Hiệu');
    expect(card.text).toContain('Kế hoạch: 12/KH-UBND');
    expect(card.text).toContain('Hạn: 18/12/2026 (Chưa hoàn thành, trong hạn)');
    expect(card.choices!.map((c) => c.label)).toEqual(['Cập nhật tiến độ', 'Hoàn thành', 'Xin gia hạn']);
  });

  it('posts progress with a percentage, typed', async () => {
    const [ask] = await head.say('cập nhật tiến độ');
    expect(ask.text).toContain('Bạn gõ tiến độ');
    const [saved] = await head.say('Đã kiểm tra 12/20 tuyến, đạt 60%');
    expect(saved.text).toBe('Đã ghi nhận tiến độ (60%). Cảm ơn bạn!');
    const row = await database.db.selectFrom('task_progress').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ person_id: headId, percent: 60, text: 'Đã kiểm tra 12/20 tuyến, đạt 60%' });
    const [card] = await head.choose(`tk_${await occurrenceOf(database.db, 'T1')}`);
    expect(card.text).toContain('Tiến độ gần nhất: 60% – Đã kiểm tra 12/20 tuyến, đạt 60% (10/12/2026)');
  });

  it('"hủy" leaves the progress step without saving', async () => {
    await head.choose(`tu_${await occurrenceOf(database.db, 'T1')}`);
    const [cancelled] = await head.say('hủy');
    expect(cancelled.text).toContain('Đã thôi');
    expect(await database.db.selectFrom('task_progress').select('id').execute()).toHaveLength(1);
  });

  it('completes an overdue task (late) and its reminders stop', async () => {
    await head.say('/nhiemvu');
    await head.say('1');
    const [done] = await head.say('Hoàn thành');
    expect(done.text).toContain('Hoàn thành quá hạn');
    const occ = await database.db.selectFrom('task_occurrences').select(['status', 'completed_on', 'next_remind_on']).where('id', '=', await occurrenceOf(database.db, 'T3')).executeTakeFirstOrThrow();
    expect(occ).toEqual({ status: 'done', completed_on: '2026-12-10', next_remind_on: null });
    const [list] = await head.say('nhiệm vụ');
    expect(list.choices).toHaveLength(3);
  });

  it('cannot touch another unit\'s task', async () => {
    const [answer] = await stranger.choose(`td_${await occurrenceOf(database.db, 'T1')}`);
    expect(answer.text).toBe('Nhiệm vụ này không thuộc đơn vị của bạn.');
    const occ = await database.db.selectFrom('task_occurrences').select('status').where('id', '=', await occurrenceOf(database.db, 'T1')).executeTakeFirstOrThrow();
    expect(occ.status).toBe('open');
  });
});

describe('extensions', () => {
  it('the unit head asks with a typed date and a reason; the leader approves with a tap; the head is told', async () => {
    const t2 = await occurrenceOf(database.db, 'T2');
    await head.choose(`tk_${t2}`);
    const [askDate] = await head.say('xin gia hạn');
    expect(askDate.text).toContain('Hạn hiện tại: 31/12/2026');
    expect((await head.say('31/2/2027'))[0].text).toContain('chưa đọc được ngày');
    expect((await head.say('20/12/2026'))[0].text).toContain('phải sau hạn hiện tại (31/12/2026)');
    expect((await head.say('31/01/2027'))[0].text).toBe('Bạn cho biết lý do xin gia hạn nhé.');
    const [sent] = await head.say('Chờ Công an phường cung cấp dữ liệu thuê bao');
    expect(sent.text).toContain('đến ngày 31/01/2027');

    const [request] = await leader.inbox();
    expect(request.text).toContain('xin gia hạn nhiệm vụ');
    expect(request.text).toContain('31/12/2026 → đề nghị: 31/01/2027');
    expect(request.text).toContain('Lý do: Chờ Công an phường cung cấp dữ liệu thuê bao');
    const approve = request.choices!.find((c) => c.label === 'Đồng ý gia hạn')!;
    const [approved] = await leader.choose(approve.value);
    expect(approved.text).toContain('Đã đồng ý gia hạn đến 31/01/2027');
    const [told] = await head.inbox();
    expect(told.text).toContain('đã đồng ý gia hạn');

    const occ = await database.db.selectFrom('task_occurrences').select(['due_on', 'original_due_on', 'next_remind_on']).where('id', '=', t2).executeTakeFirstOrThrow();
    // 31/01/2027 is a Sunday: due Monday 01/02, so 7 working days before is Thursday 21/01.
    expect(occ).toEqual({ due_on: '2027-01-31', original_due_on: '2026-12-31', next_remind_on: '2027-01-21' });
    const history = await database.db.selectFrom('task_extensions').selectAll().where('occurrence_id', '=', t2).execute();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ status: 'approved', previous_due_on: '2026-12-31', requested_due_on: '2027-01-31' });
    // A second tap changes nothing.
    expect((await leader.choose(approve.value))[0].text).toContain('đã được xử lý');
  });

  it('the leader refuses by typing "không đồng ý"; the due date stays', async () => {
    const t1 = await occurrenceOf(database.db, 'T1');
    await head.choose(`te_${t1}`);
    await head.say('15/01/2027');
    await head.say('Thiếu nhân lực');
    await leader.inbox();
    const [refused] = await leader.say('không đồng ý');
    expect(refused.text).toContain('không đồng ý gia hạn');
    const [told] = await head.inbox();
    expect(told.text).toContain('Hạn vẫn là 18/12/2026');
    const occ = await database.db.selectFrom('task_occurrences').select('due_on').where('id', '=', t1).executeTakeFirstOrThrow();
    expect(occ.due_on).toBe('2026-12-18');
  });

  it('only the leader decides', async () => {
    const ext = await database.db.selectFrom('task_extensions').select('id').orderBy('id').executeTakeFirstOrThrow();
    expect((await head.choose(`ea_${ext.id}`))[0].text).toContain('Chỉ lãnh đạo');
  });
});

describe('a leader', () => {
  it('reads per-unit bucket counts and the overdue list, short enough for a phone', async () => {
    now = vietnamInstant('2026-12-22', 9, 0);
    const [summary] = await leader.say('tổng hợp');
    const lines = summary.text.split('\n');
    expect(lines[0]).toBe('Tổng hợp nhiệm vụ ngày 22/12/2026:');
    expect(summary.text).toContain('• Công an phường: 0 xong đúng hạn, 0 xong quá hạn, 0 trong hạn, 1 quá hạn');
    expect(summary.text).toContain('• Phòng Kinh tế, Hạ tầng và Đô thị: 0 xong đúng hạn, 1 xong quá hạn, 2 trong hạn, 1 quá hạn');
    expect(summary.text).toContain('Quá hạn (2):');
    expect(summary.text).toContain('• Công an phường: Lập danh sách thuê bao vi phạm – hạn 15/12/2026 (quá 5 ngày làm việc)');
    expect(summary.text).toContain('• Phòng Kinh tế, Hạ tầng và Đô thị: Kiểm tra, xóa quảng cáo rao vặt trên cột điện tuyến Tô Hiệu – hạn 18/12/2026 (quá 2 ngày làm việc)');
    expect(summary.text.length).toBeLessThan(1000);
  });
});

describe('snooze', () => {
  it('"nhắc lại sau 2 ngày" after a digest silences those tasks for the head until then', async () => {
    now = vietnamInstant('2026-12-23', 8, 0);
    const calendar = await loadWorkingCalendar(database.db);
    const run = await runTaskDigests(database.db, { now, calendar });
    expect(run.outboxIds.length).toBeGreaterThan(0);
    const [digest] = await head.inbox();
    expect(digest.text).toContain('Kiểm tra, xóa quảng cáo rao vặt');
    // December's progress request, missed on 01/12 (no run that day), is caught up.
    expect(digest.text).toContain('Duy trì tuyên truyền thường xuyên');
    now = vietnamInstant('2026-12-23', 9, 30);
    const [snoozed] = await head.say('nhắc lại sau 2 ngày nhé');
    expect(snoozed.text).toBe('Đã hoãn nhắc 2 nhiệm vụ; mình sẽ nhắc lại ngày 25/12/2026.');
    const t1 = await database.db.selectFrom('task_occurrences').select(['head_snoozed_until', 'next_remind_on']).where('id', '=', await occurrenceOf(database.db, 'T1')).executeTakeFirstOrThrow();
    // The head's snooze does not silence the escalation to the leader (3 working days overdue): tomorrow.
    expect(t1).toEqual({ head_snoozed_until: '2026-12-25', next_remind_on: '2026-12-24' });
    await runTaskDigests(database.db, { now: vietnamInstant('2026-12-24', 8, 0), calendar });
    expect(await head.inbox()).toEqual([]);
    const escalations = await leader.inbox();
    expect(escalations.at(-1)!.text).toContain('Quá hạn, đề nghị lãnh đạo đôn đốc:');
    await runTaskDigests(database.db, { now: vietnamInstant('2026-12-25', 8, 0), calendar });
    const [again] = await head.inbox();
    expect(again.text).toContain('Kiểm tra, xóa quảng cáo rao vặt');
  });

  it('a resident typing "nhiệm vụ" is not shown tasks', async () => {
    const resident = chatPerson(database.db, createEngine(database.db, { now: () => now }), 'resident-chat-000001', () => now);
    const replies = await resident.say('nhiệm vụ');
    expect(replies.map((r) => r.text).join('\n')).not.toContain('nhiệm vụ đang mở');
  });
});

describe('progress notes that read like a resident\'s report ("Đã báo cáo …")', () => {
  it('are kept as progress when taskConversation runs before reportConversation (the order the lead should use)', async () => {
    const order = defaultFeatures.filter((f) => f !== floodGuard && f !== taskConversation);
    order.splice(order.indexOf(reportConversation), 0, taskConversation);
    const engine = createEngine(database.db, { now: () => now, services: createServices(database.db), features: order });
    const person = chatPerson(database.db, engine, 'head-chat-0000000001', () => now);
    await person.inbox();
    await person.choose(`tu_${await occurrenceOf(database.db, 'T2')}`);
    const [saved] = await person.say('Đã báo cáo UBND phường, đạt 80%');
    expect(saved.text).toBe('Đã ghi nhận tiến độ (80%). Cảm ơn bạn!');
  });
});
