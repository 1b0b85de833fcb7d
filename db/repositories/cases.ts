/** Cases and what hangs on them: photos, phone numbers, sightings, events. Plain functions over `db | trx`. */
import { sql, type Transaction } from 'kysely';
import type { Db } from '../database.js';
import type { Database } from '../schema.js';
import { caseSequenceMonth, formatCaseCode } from '../../src/domain/case-code.js';
import { distanceMeters } from '../../src/domain/geo.js';

type Executor = Db | Transaction<Database>;

/** The next readable code of the month (QC-2611-0042); the row lock makes it unique under concurrency. */
export async function nextCaseCode(db: Executor, receivedAt: Date): Promise<string> {
  const month = caseSequenceMonth(receivedAt);
  const { rows } = await sql<{ last: number }>`
    insert into case_sequences (month, last) values (${month}, 1)
    on conflict (month) do update set last = case_sequences.last + 1
    returning last`.execute(db);
  return formatCaseCode(receivedAt, rows[0].last);
}

export async function caseById(db: Executor, id: number) {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function caseByCode(db: Executor, code: string) {
  return db.selectFrom('cases').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function lockCase(db: Executor, id: number) {
  return db.selectFrom('cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function addCaseEvent(
  db: Executor,
  event: { caseId: number; actorPersonId: number | null; actorRole: string; action: string; from: string | null; to: string; note?: string | null; at: Date },
) {
  await db
    .insertInto('case_events')
    .values({
      case_id: event.caseId,
      actor_person_id: event.actorPersonId,
      actor_role: event.actorRole,
      action: event.action,
      from_status: event.from,
      to_status: event.to,
      note: event.note ?? null,
      at: event.at,
    })
    .execute();
}

export async function setCaseStatus(db: Executor, id: number, status: string, at: Date) {
  await db.updateTable('cases').set({ status, updated_at: at }).where('id', '=', id).execute();
}

export async function caseEvents(db: Executor, caseId: number) {
  return db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

export async function casePhotos(db: Executor, caseId: number, kind?: 'before' | 'after' | 'reopen') {
  let query = db.selectFrom('case_photos').select(['sha256', 'kind']).where('case_id', '=', caseId);
  if (kind) query = query.where('kind', '=', kind);
  return query.orderBy('created_at').execute();
}

export async function addCasePhoto(db: Executor, caseId: number, sha256: string, kind: 'before' | 'after' | 'reopen', by: number | null) {
  await db
    .insertInto('case_photos')
    .values({ case_id: caseId, sha256, kind, added_by: by })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

const OPEN_STATUSES = ['received', 'assigned', 'escalated', 'reopened'];

/**
 * An open case in the ward that this report repeats: within `radiusMeters` of the point, or sharing one of the
 * phone numbers. Distance is filtered by a bounding box in SQL, then exactly in code.
 */
export async function findDuplicateCase(
  db: Executor,
  wardCode: string,
  point: { lat: number; lng: number } | null,
  radiusMeters: number,
  phones: string[],
) {
  if (phones.length) {
    const byPhone = await db
      .selectFrom('cases')
      .innerJoin('case_phones', 'case_phones.case_id', 'cases.id')
      .select(['cases.id', 'cases.code'])
      .where('cases.ward_code', '=', wardCode)
      .where('cases.status', 'in', OPEN_STATUSES)
      .where('case_phones.e164', 'in', phones)
      .orderBy('cases.id')
      .executeTakeFirst();
    if (byPhone) return { ...byPhone, reason: 'same_phone' as const };
  }
  if (!point) return undefined;
  const dLat = radiusMeters / 111_320;
  const dLng = radiusMeters / (111_320 * Math.cos((point.lat * Math.PI) / 180));
  const near = await db
    .selectFrom('cases')
    .select(['id', 'code', 'lat', 'lng'])
    .where('ward_code', '=', wardCode)
    .where('status', 'in', OPEN_STATUSES)
    .where('lat', '>=', point.lat - dLat)
    .where('lat', '<=', point.lat + dLat)
    .where('lng', '>=', point.lng - dLng)
    .where('lng', '<=', point.lng + dLng)
    .orderBy('id')
    .execute();
  const hit = near.find((c) => c.lat !== null && c.lng !== null && distanceMeters(point, { lat: c.lat, lng: c.lng }) <= radiusMeters);
  return hit ? { id: hit.id, code: hit.code, reason: 'nearby' as const } : undefined;
}

/** The leaders (tổ trưởng, tổ phó) of a tổ dân phố. */
export async function groupLeaders(db: Executor, groupId: number) {
  return db
    .selectFrom('people')
    .select(['id', 'full_name', 'role'])
    .where('group_id', '=', groupId)
    .where('role', 'in', ['group_leader', 'deputy_group_leader'])
    .where('deleted_at', 'is', null)
    .execute();
}

/** The ward officers (cán bộ phường) who dispatch and handle escalations. */
export async function wardOfficers(db: Executor, wardCode: string) {
  return db
    .selectFrom('people')
    .select(['id', 'full_name'])
    .where('ward_code', '=', wardCode)
    .where('role', '=', 'ward_officer')
    .where('deleted_at', 'is', null)
    .execute();
}

/** Reports a person filed since `since` (the daily limit). */
export async function reportsSince(db: Executor, personId: number, since: Date): Promise<number> {
  const row = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('reporter_person_id', '=', personId)
    .where('received_at', '>=', since)
    .executeTakeFirstOrThrow();
  const sightings = await db
    .selectFrom('sightings')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('reporter_person_id', '=', personId)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n) + Number(sightings.n);
}
