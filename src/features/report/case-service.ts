/**
 * Applying a case action: check it with the domain's state machine, write the new status and the event row, and
 * tell the people concerned. Used by the chat features and by the deadline job alike.
 */
import type { Transaction } from 'kysely';
import type { Db } from '../../../db/database.js';
import type { Database } from '../../../db/schema.js';
import { addCaseEvent, caseEvents, casePhotos, groupLeaders, lockCase, setCaseStatus, wardOfficers } from '../../../db/repositories/cases.js';
import { transition, type CaseAction, type CaseActor, type CaseStatus, type TransitionRefusal } from '../../domain/case-lifecycle.js';
import type { Choice, Outbound } from '../../domain/message-model.js';
import { vi } from '../../messages/vi.js';

export type Notify = (personId: number, message: Outbound, options: { dedupKey: string; proactive?: boolean }) => Promise<void>;

export interface CaseRow {
  id: number;
  code: string;
  ward_code: string;
  group_id: number | null;
  status: string;
  reporter_person_id: number | null;
  address_text: string | null;
  lat: number | null;
  lng: number | null;
  description: string | null;
  due_on: string;
}

/** Where a case is, in words a person on a phone understands. */
export function caseWhere(c: Pick<CaseRow, 'address_text' | 'lat' | 'lng'>): string {
  if (c.address_text) return c.address_text;
  if (c.lat !== null && c.lng !== null) return `vị trí ${c.lat.toFixed(5)}, ${c.lng.toFixed(5)}`;
  return 'chưa rõ vị trí';
}

export function mapLink(c: Pick<CaseRow, 'lat' | 'lng'>): string | null {
  return c.lat !== null && c.lng !== null ? `https://maps.google.com/?q=${c.lat.toFixed(6)},${c.lng.toFixed(6)}` : null;
}

/** 2026-11-25 → 25/11/2026. */
export function vietnameseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}

/** The group leader's three answers to a case, with the case id in the short choice value. */
export function leaderChoices(caseId: number): Choice[] {
  return [
    { value: `cl_${caseId}`, label: vi.cases.cleaned },
    { value: `nf_${caseId}`, label: vi.cases.notFound },
    { value: `nh_${caseId}`, label: vi.cases.needHelp },
  ];
}

/** Send a case to its group's leaders (or, unrouted, to the ward's dispatchers with a group to pick). */
export async function announceCase(trx: Transaction<Database>, notify: Notify, c: CaseRow, reason: 'new' | 'reopened', note?: string | null) {
  const photos = (await casePhotos(trx, c.id)).map((p) => `media:${p.sha256}`);
  const due = vietnameseDate(c.due_on);
  // The number of events so far tells one announcement of this case from the next (a reopen, a reassignment).
  const round = (await caseEvents(trx, c.id)).length;
  if (c.group_id !== null) {
    const text =
      reason === 'new'
        ? vi.cases.newForGroup(c.code, caseWhere(c), c.description, due, mapLink(c))
        : vi.cases.reopenedForGroup(c.code, note ?? null);
    for (const leader of await groupLeaders(trx, c.group_id)) {
      await notify(leader.id, { text, photos, choices: leaderChoices(c.id) }, { dedupKey: `case-${c.id}-${reason}-${round}-p${leader.id}`, proactive: true });
    }
    return;
  }
  const groups = await trx
    .selectFrom('residential_groups')
    .select(['id', 'name'])
    .where('ward_code', '=', c.ward_code)
    .orderBy('id')
    .execute();
  const choices = groups.slice(0, 20).map((g) => ({ value: `as_${c.id}_${g.id}`, label: g.name }));
  for (const officer of await wardOfficers(trx, c.ward_code)) {
    await notify(officer.id, { text: vi.cases.unrouted(c.code, caseWhere(c)), photos, choices }, { dedupKey: `case-${c.id}-dispatch-${round}-p${officer.id}`, proactive: true });
  }
}

export type ApplyResult = { ok: true; from: CaseStatus; to: CaseStatus; case: CaseRow } | { ok: false; reason: TransitionRefusal | 'no_case'; case?: CaseRow };

/** Check and apply one action under the case's row lock; writes the status and the event. */
export async function applyCaseAction(
  trx: Transaction<Database>,
  caseId: number,
  action: CaseAction,
  actor: CaseActor,
  input: { afterPhotoRequired: boolean; hasAfterPhoto?: boolean; hasPhotoOrComment?: boolean; note?: string | null },
  now: Date,
): Promise<ApplyResult> {
  const c = await lockCase(trx, caseId);
  if (!c) return { ok: false, reason: 'no_case' };
  const result = transition(
    { status: c.status as CaseStatus, groupId: c.group_id, wardCode: c.ward_code, reporterPersonId: c.reporter_person_id ?? -1 },
    action,
    actor,
    input,
  );
  if (!result.ok) return { ok: false, reason: result.reason, case: c };
  await setCaseStatus(trx, c.id, result.to, now);
  await addCaseEvent(trx, { caseId: c.id, actorPersonId: actor.personId, actorRole: actor.role, action, from: c.status, to: result.to, note: input.note, at: now });
  return { ok: true, from: c.status as CaseStatus, to: result.to, case: { ...c, status: result.to } };
}

/** The ward setting, or the product default. */
export async function wardSettings(db: Db | Transaction<Database>, wardCode: string) {
  const ward = await db.selectFrom('wards').select('settings').where('code', '=', wardCode).executeTakeFirst();
  const s = (ward?.settings ?? {}) as Record<string, unknown>;
  return {
    caseDeadlineWorkingDays: typeof s.caseDeadlineWorkingDays === 'number' ? s.caseDeadlineWorkingDays : 2,
    afterPhotoRequired: typeof s.afterPhotoRequired === 'boolean' ? s.afterPhotoRequired : true,
    duplicateRadiusMeters: typeof s.duplicateRadiusMeters === 'number' ? s.duplicateRadiusMeters : 30,
    dailyReportLimit: typeof s.dailyReportLimit === 'number' ? s.dailyReportLimit : 10,
  };
}

export function caseActorOf(person: { id: number; role: string; group_id: number | null; ward_code: string | null }): CaseActor {
  const role = (['group_leader', 'deputy_group_leader', 'ward_officer'] as const).find((r) => r === person.role) ?? 'resident';
  return { personId: person.id, role, groupId: person.group_id, wardCode: person.ward_code };
}
