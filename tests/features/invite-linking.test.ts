/** A staff member links their chat account with a one-time code; codes are single-use and expire. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvite } from '../../db/repositories/invites.js';
import { importOrganisation } from '../../db/repositories/org.js';
import { parseOrgFile } from '../../src/org/org-file.js';
import { queueBackends } from '../support/queue-backends.js';
import { eventually, postJson, startTestApp, type TestApp } from '../support/test-app.js';
import { readFileSync } from 'node:fs';

const [backend] = queueBackends();
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ backend });
  await importOrganisation(app.db, parseOrgFile(readFileSync('examples/le-chan.org.yaml', 'utf8')));
});
afterAll(async () => {
  await app?.stop();
});

let counter = 0;
async function say(session: string, text: string): Promise<string> {
  counter += 1;
  const before = await transcript(session);
  await postJson(`${app.url}/api/chat/messages`, { session, clientMessageId: `c${counter}`, text });
  return eventually(async () => {
    const now = await transcript(session);
    return now.length > before.length && now[now.length - 1];
  });
}
async function transcript(session: string): Promise<string[]> {
  const response = await fetch(`${app.url}/api/chat/messages?session=${session}`);
  return ((await response.json()) as { messages: { text: string }[] }).messages.map((m) => m.text);
}

describe('invite codes in chat', () => {
  it('link the account to the role, typed in any case, once only', async () => {
    const { code } = await createInvite(app.db, { role: 'ward_officer', unitCode: 'KTHTDT', wardCode: '11383', validForHours: 72 });
    const typed = code.toLowerCase().replace('-', ' ');
    const reply = await say('officer-session-0000001', typed);
    expect(reply).toContain('cán bộ phường – Phòng Kinh tế, Hạ tầng và Đô thị');
    const again = await say('someone-else-000000002', code);
    expect(again).toContain('đã được dùng');
    const person = await app.db
      .selectFrom('channel_identities')
      .innerJoin('people', 'people.id', 'channel_identities.person_id')
      .select(['people.role', 'people.unit_code'])
      .where('external_id', '=', 'someone-else-000000002')
      .executeTakeFirstOrThrow();
    expect(person.role).toBe('resident');
  });

  it('refuse an expired code and an unknown one', async () => {
    const past = new Date(Date.now() - 100 * 3_600_000);
    const { code } = await createInvite(app.db, { role: 'leader', validForHours: 1 }, past);
    expect(await say('late-session-000000003', code)).toContain('hết hạn');
    expect(await say('late-session-000000003', 'MOI-ZZZZZZ')).toContain('không đúng');
  });
});

describe('a flood of messages', () => {
  it('gets one polite "slow down" and no answer to each message past the limit', async () => {
    const session = 'flood-session-00000004';
    for (let i = 0; i < 26; i += 1) {
      await postJson(`${app.url}/api/chat/messages`, { session, clientMessageId: `f${i}`, text: `tin ${i}` });
    }
    const messages = await eventually(async () => {
      const t = await transcript(session);
      const pending = await app.db.selectFrom('inbound_events').select('id').where('external_user_id', '=', session).where('status', '=', 'pending').execute();
      return pending.length === 0 && t.length >= 21 && t;
    });
    expect(messages.filter((m) => m.includes('gửi nhanh quá'))).toHaveLength(1);
    expect(messages).toHaveLength(21);
  });
});
