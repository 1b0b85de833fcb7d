/**
 * Turning a finished draft into a case: the daily limit, the duplicate check (same place or same phone number),
 * the readable code, the deadline in working days, routing to a tổ dân phố, and the announcement.
 */
import type { TurnContext } from '../turn-context.js';
import { registerAdPhones } from '../../../db/repositories/ad-phones.js';
import { addCaseEvent, addCasePhoto, findDuplicateCase, nextCaseCode, reportsSince } from '../../../db/repositories/cases.js';
import { caseDueDate } from '../../domain/case-deadlines.js';
import { routeToGroup, type RoutableGroup } from '../../domain/residential-group-routing.js';
import { vietnamDate, vietnamInstant } from '../../domain/working-calendar.js';
import { vi } from '../../messages/vi.js';
import { announceCase, vietnameseDate, wardSettings, type CaseRow } from './case-service.js';
import type { ReportDraft } from './report-draft.js';

export type SubmitResult = 'created' | 'duplicate' | 'limit';

export async function submitReport(ctx: TurnContext, draft: ReportDraft, wardCode: string): Promise<SubmitResult> {
  const { trx, now } = ctx;
  const settings = await wardSettings(trx, wardCode);
  const startOfDay = vietnamInstant(vietnamDate(now), 0, 0);
  if ((await reportsSince(trx, ctx.person.id, startOfDay)) >= settings.dailyReportLimit) {
    ctx.reply({ text: vi.report.dailyLimit(settings.dailyReportLimit) });
    return 'limit';
  }
  const point = draft.lat !== undefined && draft.lng !== undefined ? { lat: draft.lat, lng: draft.lng } : null;
  const phones = draft.phones.map((p) => p.e164);
  const duplicate = await findDuplicateCase(trx, wardCode, point, settings.duplicateRadiusMeters, phones);
  if (duplicate) {
    const sighting = await trx
      .insertInto('sightings')
      .values({
        case_id: duplicate.id,
        reporter_person_id: ctx.person.id,
        lat: point?.lat ?? null,
        lng: point?.lng ?? null,
        description: draft.description ?? null,
        photo_sha256: draft.photos[0] ?? null,
        reason: duplicate.reason,
        phones,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const sha of draft.photos) await addCasePhoto(trx, duplicate.id, sha, 'before', ctx.person.id);
    await addPhones(ctx, duplicate.id, draft, sighting.id);
    ctx.reply({ text: vi.report.duplicate(duplicate.code) });
    return 'duplicate';
  }

  const groups = await wardGroups(ctx, wardCode);
  const route = routeToGroup(groups, { lat: point?.lat, lng: point?.lng, addressText: draft.address });
  const calendar = await ctx.services.calendar();
  const dueOn = caseDueDate(now, settings.caseDeadlineWorkingDays, calendar);
  const code = await nextCaseCode(trx, now);
  const created = await trx
    .insertInto('cases')
    .values({
      code,
      ward_code: wardCode,
      group_id: route.groupId,
      status: route.groupId === null ? 'received' : 'assigned',
      reporter_person_id: ctx.person.id,
      lat: point?.lat ?? null,
      lng: point?.lng ?? null,
      address_text: draft.address ?? null,
      description: draft.description ?? null,
      has_photo: draft.photos.length > 0,
      routed_by: route.by,
      received_at: now,
      due_on: dueOn,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const sha of draft.photos) await addCasePhoto(trx, created.id, sha, 'before', ctx.person.id);
  await addPhones(ctx, created.id, draft);
  await addCaseEvent(trx, { caseId: created.id, actorPersonId: ctx.person.id, actorRole: 'resident', action: 'report', from: null, to: 'received', note: draft.photos.length ? null : 'không có ảnh', at: now });
  if (route.groupId !== null) {
    await addCaseEvent(trx, { caseId: created.id, actorPersonId: null, actorRole: 'system', action: 'assign', from: 'received', to: 'assigned', note: `routed by ${route.by}`, at: now });
  }
  await announceCase(trx, ctx.notify, created as CaseRow, 'new');
  const who = route.groupId === null ? vi.report.dispatcher : (groups.find((g) => g.id === route.groupId)?.name ?? vi.report.dispatcher);
  ctx.reply({ text: vi.report.created(code, who, vietnameseDate(dueOn)) });
  return 'created';
}

async function addPhones(ctx: TurnContext, caseId: number, draft: ReportDraft, sightingId: number | null = null) {
  await registerAdPhones(ctx.trx, draft.phones.map((p) => p.e164), ctx.now);
  for (const phone of draft.phones) {
    await ctx.trx
      .insertInto('case_phones')
      .values({ case_id: caseId, e164: phone.e164, raw: phone.raw, sighting_id: sightingId })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

async function wardGroups(ctx: TurnContext, wardCode: string): Promise<RoutableGroup[]> {
  const rows = await ctx.trx.selectFrom('residential_groups').selectAll().where('ward_code', '=', wardCode).orderBy('id').execute();
  return rows.map((g) => ({
    id: g.id,
    name: g.name,
    polygon: (g.polygon as number[][][] | null) ?? null,
    centreLat: g.centre_lat,
    centreLng: g.centre_lng,
    radiusM: g.radius_m,
    streets: g.streets,
  }));
}
