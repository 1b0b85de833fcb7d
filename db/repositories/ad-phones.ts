/**
 * The phone-number registry: numbers from reports, their sightings (a case's own report plus every report
 * attached to it), figures, and enforcement steps under a row lock — two officers acting at once cannot
 * corrupt a number's history. Reporters never appear here.
 */
import { sql, type Transaction } from 'kysely';
import type { Db } from '../database.js';
import type { Database } from '../schema.js';
import { normalizePhoneNumber } from '../../src/domain/phone-numbers.js';
import { phoneTransition, type PhoneAction, type PhoneActionInput, type PhoneActorRole, type PhoneStatus } from '../../src/domain/phones/phone-enforcement.js';
import type { PhoneFigures } from '../../src/domain/phones/phone-rules.js';

type Executor = Db | Transaction<Database>;

/** Put a case's numbers in the registry (a number already known keeps its status and history). */
export async function registerAdPhones(db: Executor, e164s: string[], now: Date): Promise<void> {
  for (const e164 of e164s) {
    const parsed = normalizePhoneNumber(e164);
    if (!parsed.ok) continue;
    await db
      .insertInto('ad_phones')
      .values({ e164, kind: parsed.phone.kind, carrier: parsed.phone.carrier, status_changed_at: now })
      .onConflict((oc) => oc.column('e164').doNothing())
      .execute();
  }
}

/**
 * Every sighting of a number: the report that opened a case, and each later report attached to a case, each
 * with the numbers it carried. Places are cells of about 50 m.
 */
export const SIGHTINGS = sightingsOf(null);

/** {@link SIGHTINGS} of one number only, filtered inside both branches so the indexes serve a lookup. */
export function sightingsOf(e164: string | null) {
  const own = e164 === null ? sql`true` : sql`cp.e164 = ${e164}`;
  const attached = e164 === null ? sql`true` : sql`s.phones @> array[${e164}]::text[]`;
  return sql`
  select cp.e164, c.id as case_id, c.code, c.ward_code, c.lat, c.lng, c.address_text, c.received_at as seen_at
    from case_phones cp join cases c on c.id = cp.case_id
   where cp.sighting_id is null and ${own}
  union all
  select p.e164, c.id, c.code, c.ward_code, coalesce(s.lat, c.lat), coalesce(s.lng, c.lng), c.address_text, s.created_at
    from sightings s join cases c on c.id = s.case_id cross join lateral unnest(s.phones) as p(e164)
   where ${attached}`;
}

export const PLACE = sql`coalesce(round(lat * 2000)::text || ':' || round(lng * 2000)::text, 'case:' || case_id::text)`;

export interface PhoneCard {
  e164: string;
  kind: string;
  carrier: string | null;
  carrierCorrected: boolean;
  status: PhoneStatus;
  total: number;
  last30Days: number;
  places: number;
  firstSeen: Date | null;
  lastSeen: Date | null;
  caseCodes: string[];
  wards: string[];
}

export async function phoneCard(db: Executor, e164: string, now: Date): Promise<PhoneCard | undefined> {
  const phone = await db.selectFrom('ad_phones').selectAll().where('e164', '=', e164).executeTakeFirst();
  if (!phone) return undefined;
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const { rows } = await sql<{ total: string; recent: string; places: string; first_seen: Date | null; last_seen: Date | null; codes: string[] | null; wards: string[] | null }>`
    select count(*) as total,
           count(*) filter (where seen_at >= ${since}) as recent,
           count(distinct ${PLACE}) as places,
           min(seen_at) as first_seen, max(seen_at) as last_seen,
           array_agg(distinct code) as codes, array_agg(distinct ward_code) as wards
      from (${sightingsOf(e164)}) s where e164 = ${e164}`.execute(db);
  const r = rows[0];
  return {
    e164,
    kind: phone.kind,
    carrier: phone.carrier,
    carrierCorrected: phone.carrier_corrected,
    status: phone.status as PhoneStatus,
    total: Number(r.total),
    last30Days: Number(r.recent),
    places: Number(r.places),
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    caseCodes: r.codes ?? [],
    wards: r.wards ?? [],
  };
}

/** Figures for the rules: only numbers still in play and seen in the window, so the pass scales with activity. */
export async function phoneFiguresForRules(db: Executor, now: Date, windowDays: number): Promise<PhoneFigures[]> {
  const since = new Date(now.getTime() - windowDays * 86_400_000);
  const { rows } = await sql<{ e164: string; status: PhoneStatus; status_changed_at: Date; places: string; last_seen: Date }>`
    select p.e164, p.status, p.status_changed_at,
           count(distinct ${PLACE}) filter (where s.seen_at >= ${since}) as places,
           max(s.seen_at) as last_seen
      from ad_phones p join (${SIGHTINGS}) s on s.e164 = p.e164
     where p.status in ('detected', 'warned', 'committed')
       and p.e164 in (select e164 from (${SIGHTINGS}) recent where recent.seen_at >= ${since})
     group by p.e164, p.status, p.status_changed_at`.execute(db);
  return rows.map((r) => ({ e164: r.e164, status: r.status, statusChangedAt: r.status_changed_at, placesInWindow: Number(r.places), lastSeen: r.last_seen }));
}

export type PhoneActionResult = { ok: true; from: PhoneStatus; to: PhoneStatus } | { ok: false; reason: string };

export async function applyPhoneAction(
  trx: Transaction<Database>,
  e164: string,
  action: PhoneAction,
  actor: { personId: number | null; role: PhoneActorRole },
  input: PhoneActionInput,
  now: Date,
): Promise<PhoneActionResult> {
  const phone = await trx.selectFrom('ad_phones').selectAll().where('e164', '=', e164).forUpdate().executeTakeFirst();
  if (!phone) return { ok: false, reason: 'unknown_number' };
  const result = phoneTransition(phone.status as PhoneStatus, action, actor.role, input);
  if (!result.ok) return result;
  await trx.updateTable('ad_phones').set({ status: result.to, status_changed_at: now }).where('e164', '=', e164).execute();
  await trx
    .insertInto('ad_phone_events')
    .values({
      e164,
      actor_person_id: actor.personId,
      action,
      from_status: phone.status,
      to_status: result.to,
      note: input.note ?? null,
      letter_no: input.letterNo ?? null,
      letter_date: input.letterDate ?? null,
      operator: input.operator ?? null,
      at: now,
    })
    .execute();
  return { ok: true, from: phone.status as PhoneStatus, to: result.to };
}

export async function phoneEvents(db: Executor, e164: string) {
  return db.selectFrom('ad_phone_events').selectAll().where('e164', '=', e164).orderBy('id').execute();
}

/** Evidence photos of a number's cases (before-photos), newest first. */
export async function phonePhotos(db: Executor, e164: string, limit = 3): Promise<string[]> {
  const rows = await db
    .selectFrom('case_photos')
    .innerJoin('case_phones', 'case_phones.case_id', 'case_photos.case_id')
    .select('case_photos.sha256')
    .where('case_phones.e164', '=', e164)
    .where('case_photos.kind', '=', 'before')
    .orderBy('case_photos.created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.sha256);
}
