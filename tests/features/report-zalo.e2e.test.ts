/** The same report conversation on Zalo OA: numbered choices answered by typing, photos from Zalo's CDN only. */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOrganisation } from '../../db/repositories/org.js';
import { parseOrgFile } from '../../src/org/org-file.js';
import { signZaloEvent, startFakeZalo, zaloImageEvent, zaloLocationEvent, zaloTextEvent, type FakeZalo } from '../fakes/fake-zalo.js';
import { clockStartingAt } from '../support/clock.js';
import { jpeg } from '../support/images.js';
import { queueBackends } from '../support/queue-backends.js';
import { eventually, postJson, startTestApp, ZALO_OA_SECRET, type TestApp } from '../support/test-app.js';

const [backend] = queueBackends();
const clock = clockStartingAt('2026-11-25T10:00:00+07:00');
const USER = '8301999000000000001';
let zalo: FakeZalo;
let app: TestApp;
let cdn: Server;
let cdnUrl = '';

async function say(event: object): Promise<string> {
  const before = zalo.sent.filter((m) => m.userId === USER).length;
  const signed = signZaloEvent(event, { appId: zalo.appId, oaSecretKey: ZALO_OA_SECRET });
  expect((await postJson(`${app.url}/webhooks/zalo`, signed.body, signed.headers)).status).toBe(200);
  await eventually(async () => {
    const pending = await app.db.selectFrom('inbound_events').select('id').where('external_user_id', '=', USER).where('status', '=', 'pending').execute();
    const unsent = await app.db.selectFrom('outbox').select('id').where('external_user_id', '=', USER).where('status', 'in', ['pending', 'sending', 'deferred']).execute();
    return pending.length === 0 && unsent.length === 0;
  });
  return zalo.sent.filter((m) => m.userId === USER).slice(before).map((m) => m.text ?? '[ảnh]').join('\n---\n');
}

beforeAll(async () => {
  cdn = createServer((_req, res) => res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg(5000, 7)));
  await new Promise<void>((resolve) => cdn.listen(0, '127.0.0.1', resolve));
  cdnUrl = `http://127.0.0.1:${(cdn.address() as { port: number }).port}/anh-quang-cao.jpg`;
  zalo = await startFakeZalo();
  app = await startTestApp({ backend, zalo, engine: { now: clock.now }, allowLoopbackPhotos: true });
  await importOrganisation(app.db, parseOrgFile(readFileSync('examples/le-chan.org.yaml', 'utf8')));
});
afterAll(async () => {
  await app?.stop();
  await zalo?.close();
  await new Promise((resolve) => cdn?.close(resolve));
});

describe('reporting on Zalo', () => {
  it('goes from consent to a case with typed numbers, a Zalo photo and a shared location', async () => {
    expect(await say(zaloTextEvent(USER, 'chào phường'))).toMatch(/1\. Đồng ý\n2\. Không đồng ý/);
    expect(await say(zaloTextEvent(USER, '1'))).toContain('Bạn cần gì?');
    expect(await say(zaloTextEvent(USER, '1'))).toContain('Bạn gửi ảnh quảng cáo');
    expect(await say(zaloImageEvent(USER, 'http://evil.example/x.jpg'))).toContain('chưa tải được ảnh');
    expect(await say(zaloImageEvent(USER, cdnUrl))).toContain('Đã nhận 1 ảnh');
    expect(await say(zaloLocationEvent(USER, 20.848, 106.678))).toContain('mô tả ngắn');
    const summary = await say(zaloTextEvent(USER, 'to roi khoan cat be tong 0169.123.4567'));
    expect(summary).toContain('0391 234 567');
    expect(summary).toMatch(/1\. Gửi\n2\. Sửa\n3\. Hủy/);
    const created = await say(zaloTextEvent(USER, 'gửi'));
    expect(created).toMatch(/mã QC-2611-\d{4}/);
    const c = await app.db.selectFrom('cases').selectAll().executeTakeFirstOrThrow();
    expect(c).toMatchObject({ has_photo: true, routed_by: 'polygon', status: 'assigned' });
    const phones = await app.db.selectFrom('case_phones').select(['e164', 'raw']).where('case_id', '=', c.id).execute();
    expect(phones).toEqual([{ e164: '+84391234567', raw: '0169.123.4567' }]);
  });

  it('refuses a sticker politely and keeps the conversation where it was', async () => {
    await say(zaloTextEvent(USER, 'phản ánh'));
    const sticker = { ...zaloTextEvent(USER, ''), event_name: 'user_send_sticker', message: { msg_id: 'st-1', attachments: [{ type: 'sticker', payload: { id: 'x', url: 'https://zalo.me/s.png' } }] } };
    expect(await say(sticker)).toContain('chưa đọc được');
    expect(await say(zaloTextEvent(USER, 'hủy'))).toContain('Đã hủy');
  });
});
