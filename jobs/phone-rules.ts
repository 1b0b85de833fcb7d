/**
 * The daily rules pass over the phone-number registry: propose next steps (never take them), and send each ward
 * officer one digest of the open proposals for numbers seen in their ward, with Đồng ý / Bỏ qua for each.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { phoneFiguresForRules } from '../db/repositories/ad-phones.js';
import { addToOutbox } from '../db/repositories/outbox.js';
import { identitiesOf } from '../db/repositories/people.js';
import type { NewOutbox } from '../db/schema.js';
import { normalizePhoneNumber } from '../src/domain/phone-numbers.js';
import { DEFAULT_PHONE_POLICY, proposeNextSteps, type PhoneRulePolicy } from '../src/domain/phones/phone-rules.js';
import { vietnamDate } from '../src/domain/working-calendar.js';
import { vi } from '../src/messages/vi.js';

export const PHONE_RULES_JOB = 'phone-rules';

/** Most proposals in one digest: the rest wait for the next day (a phone screen, not a report). */
const DIGEST_SIZE = 8;

export async function runPhoneRules(db: Db, now: Date, policy: PhoneRulePolicy = DEFAULT_PHONE_POLICY) {
  const proposals = proposeNextSteps(await phoneFiguresForRules(db, now, policy.windowDays), policy);
  for (const p of proposals) {
    await sql`insert into ad_phone_proposals (e164, action, reason, created_at)
              values (${p.e164}, ${p.action}, ${p.reason}, ${now})
              on conflict (e164, action) where decided_at is null do nothing`.execute(db);
  }
  const today = vietnamDate(now);
  const open = await sql<{ id: number; e164: string; action: string; reason: string; ward_code: string }>`
    select distinct p.id, p.e164, p.action, p.reason, c.ward_code
      from ad_phone_proposals p
      join case_phones cp on cp.e164 = p.e164
      join cases c on c.id = cp.case_id
     where p.decided_at is null
     order by p.id`.execute(db);
  const byWard = new Map<string, typeof open.rows>();
  for (const row of open.rows) byWard.set(row.ward_code, [...(byWard.get(row.ward_code) ?? []), row]);
  const rows: NewOutbox[] = [];
  for (const [wardCode, list] of byWard) {
    const shown = list.slice(0, DIGEST_SIZE);
    const lines = shown.map((p, i) => `${i + 1}. ${display(p.e164)} – ${vi.phones.actionLabels[p.action]}: ${p.reason}`);
    const choices = shown.flatMap((p, i) => [
      { value: `pa_${p.id}`, label: vi.phones.accept(i + 1) },
      { value: `pd_${p.id}`, label: vi.phones.reject(i + 1) },
    ]);
    const officers = await db.selectFrom('people').select('id').where('ward_code', '=', wardCode).where('role', '=', 'ward_officer').where('deleted_at', 'is', null).execute();
    for (const officer of officers) {
      const [identity] = await identitiesOf(db, officer.id);
      if (!identity) continue;
      rows.push({
        dedup_key: `phones-digest-p${officer.id}-${today}`,
        channel: identity.channel,
        external_user_id: identity.external_id,
        person_id: officer.id,
        message: JSON.stringify({ text: vi.phones.digest(lines), choices }),
        proactive: true,
        not_before: now,
      });
    }
  }
  return { proposed: proposals.length, outboxIds: await addToOutbox(db, rows) };
}

function display(e164: string): string {
  const parsed = normalizePhoneNumber(e164);
  return parsed.ok ? parsed.phone.display : e164;
}
