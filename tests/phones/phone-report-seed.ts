/**
 * Realistic registry data for the export and summary suites, written through the real tables: wards, a
 * resident who reports (with a name, a phone and a chat account that must never leak), cases with their
 * numbers and photos, sightings attached to cases, and enforcement steps through the registry's own functions.
 */
import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import type { Db } from '../../db/database.js';
import { applyPhoneAction, registerAdPhones } from '../../db/repositories/ad-phones.js';
import type { PhoneAction, PhoneActionInput } from '../../src/domain/phones/phone-enforcement.js';

/** The resident's identity: none of it may appear in an export. */
export const RESIDENT = { id: 987_654, name: 'Nguyễn Thị Riêng Tư', phone: '0977 111 222', zaloId: 'zalo-resident-5550001' };

/** A media id (SHA-256) for a named test photo. */
export function sha(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}

export async function seedWards(db: Db): Promise<void> {
  await db
    .insertInto('wards')
    .values([
      { code: '11383', name: 'Lê Chân', full_name: 'Phường Lê Chân', settings: JSON.stringify({}) },
      { code: '11311', name: 'Ngô Quyền', full_name: 'Phường Ngô Quyền', settings: JSON.stringify({}) },
    ])
    .execute();
}

/** The reporting resident (fixed id) and a ward officer; returns the officer's id. */
export async function seedPeople(db: Db): Promise<{ residentId: number; officerId: number }> {
  await db
    .insertInto('people')
    .values({ id: RESIDENT.id, full_name: RESIDENT.name, role: 'resident', ward_code: '11383', phone: RESIDENT.phone, consent_at: new Date() })
    .execute();
  await db.insertInto('channel_identities').values({ channel: 'zalo', external_id: RESIDENT.zaloId, person_id: RESIDENT.id, display_name: RESIDENT.name }).execute();
  const officer = await db
    .insertInto('people')
    .values({ full_name: 'Phạm Văn Cán Bộ', role: 'ward_officer', ward_code: '11383' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { residentId: RESIDENT.id, officerId: officer.id };
}

export interface CaseSeed {
  code: string;
  ward: string;
  at: string;
  phones: string[];
  lat?: number | null;
  lng?: number | null;
  address?: string | null;
  /** Before-photos: name and when added. */
  photos?: { name: string; at: string }[];
}

/** A case reported by the resident, its numbers (registered) and before-photos; returns its id. */
export async function seedCase(db: Db, c: CaseSeed): Promise<number> {
  const row = await db
    .insertInto('cases')
    .values({
      code: c.code,
      ward_code: c.ward,
      status: 'new',
      reporter_person_id: RESIDENT.id,
      lat: c.lat ?? null,
      lng: c.lng ?? null,
      address_text: c.address ?? null,
      description: `Tờ rơi khoan cắt bê tông, người báo: ${RESIDENT.name}, sđt ${RESIDENT.phone}`,
      has_photo: (c.photos ?? []).length > 0,
      routed_by: 'gps',
      received_at: new Date(c.at),
      due_on: c.at.slice(0, 10),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const e164 of c.phones) await db.insertInto('case_phones').values({ case_id: row.id, e164, raw: e164, created_at: new Date(c.at) }).execute();
  await registerAdPhones(db, c.phones, new Date(c.at));
  for (const p of c.photos ?? []) {
    await media(db, p.name);
    await db.insertInto('case_photos').values({ case_id: row.id, sha256: sha(p.name), kind: 'before', added_by: RESIDENT.id, created_at: new Date(p.at) }).execute();
  }
  return row.id;
}

/**
 * Another report attached to a case (same place or same number), by the resident, as the report flow writes
 * it: the sighting with the numbers it carried, its photo among the case's before-photos, and each new number
 * in the case's numbers (marked as coming from this sighting).
 */
export async function seedSighting(db: Db, s: { caseId: number; at: string; phones: string[]; lat?: number; lng?: number; photo?: string }): Promise<void> {
  if (s.photo) await media(db, s.photo);
  const sighting = await db
    .insertInto('sightings')
    .values({
      case_id: s.caseId,
      reporter_person_id: RESIDENT.id,
      lat: s.lat ?? null,
      lng: s.lng ?? null,
      description: `Lại thấy, ${RESIDENT.name} báo`,
      photo_sha256: s.photo ? sha(s.photo) : null,
      reason: s.phones.length ? 'same_phone' : 'same_place',
      phones: s.phones,
      created_at: new Date(s.at),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (s.photo) {
    await db.insertInto('case_photos').values({ case_id: s.caseId, sha256: sha(s.photo), kind: 'before', added_by: RESIDENT.id, created_at: new Date(s.at) }).execute();
  }
  await registerAdPhones(db, s.phones, new Date(s.at));
  for (const e164 of s.phones) {
    await db
      .insertInto('case_phones')
      .values({ case_id: s.caseId, e164, raw: e164, sighting_id: sighting.id, created_at: new Date(s.at) })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

async function media(db: Db, name: string): Promise<void> {
  await db
    .insertInto('media')
    .values({ sha256: sha(name), mime: 'image/jpeg', bytes: 1234, width: 800, height: 600 })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

/** One enforcement step through the registry (row lock, state machine, event row). */
export async function step(db: Db, e164: string, action: PhoneAction, at: string, actorId: number | null, input: PhoneActionInput = {}): Promise<void> {
  const role = actorId === null ? 'admin' : 'ward_officer';
  const result = await db.transaction().execute((trx) => applyPhoneAction(trx, e164, action, { personId: actorId, role }, input, new Date(at)));
  if (!result.ok) throw new Error(`${action} ${e164}: ${result.reason}`);
}

/** Every row of the tables an export or summary could touch, to prove they did not. */
export async function snapshot(db: Db): Promise<Record<string, unknown[]>> {
  const tables = ['ad_phones', 'ad_phone_events', 'ad_phone_proposals', 'cases', 'case_phones', 'case_photos', 'sightings', 'media', 'people', 'app_secrets'] as const;
  const out: Record<string, unknown[]> = {};
  for (const t of tables) out[t] = await db.selectFrom(t).selectAll().execute().then((rows) => rows.map((r) => JSON.stringify(r)).sort());
  return out;
}

/** The text of every entry of a zip file (an .xlsx): cells, shared strings, properties, everything. */
export function zipTexts(bytes: Buffer): string {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip archive');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const texts: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const offset = bytes.readUInt32LE(at + 42);
    const data = offset + 30 + bytes.readUInt16LE(offset + 26) + bytes.readUInt16LE(offset + 28);
    const raw = bytes.subarray(data, data + size);
    texts.push((method === 0 ? raw : inflateRawSync(raw)).toString('utf8'));
    at += 46 + nameLength + skip;
  }
  return texts.join('\n');
}
