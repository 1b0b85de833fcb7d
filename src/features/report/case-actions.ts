/**
 * What people do with a case after it is opened. Tổ trưởng / tổ phó: Đã xóa (with an after-photo), Không thấy,
 * Cần phường hỗ trợ, "việc của tôi". Ward officers: assign an unrouted case to a group. The reporter: a rating,
 * or Chưa xóa (reopen with a new photo or a few words).
 */
import { addCasePhoto, caseById, caseByCode, casePhotos, wardOfficers } from '../../../db/repositories/cases.js';
import { publicStatusLabel, transition, type CaseStatus } from '../../domain/case-lifecycle.js';
import { detectIntent, parseCaseCode } from '../../domain/intents.js';
import { vi } from '../../messages/vi.js';
import type { Feature, TurnContext } from '../turn-context.js';
import { announceCase, applyCaseAction, caseActorOf, caseWhere, leaderChoices, vietnameseDate, wardSettings, type CaseRow } from './case-service.js';

const CHOICE = /^(cl|nf|nh|rt|ro|as|pk)_(\d+)(?:_(\d+))?$/;
const STAFF = ['group_leader', 'deputy_group_leader', 'ward_officer'];

export const caseActions: Feature = async (ctx) => {
  const content = ctx.inbound.content;
  const state = ctx.conversation.state;
  // A step begun by mistake can be left: "hủy", "trợ giúp" or the menu end it without touching the case.
  if ((state === 'case:after_photo' || state === 'case:reopen') && content.kind === 'text') {
    const intent = detectIntent(content.text);
    if (intent === 'cancel' || intent === 'help') {
      ctx.conversation.state = 'idle';
      delete ctx.conversation.data.cleanedCase;
      delete ctx.conversation.data.reopenCase;
      ctx.reply({ text: vi.cases.stepCancelled });
      return intent === 'cancel';
    }
  }
  if (state === 'case:after_photo' && content.kind === 'photo') return afterPhoto(ctx);
  if (state === 'case:reopen' && (content.kind === 'photo' || content.kind === 'text')) return reopen(ctx);
  if (content.kind === 'choice') {
    const match = CHOICE.exec(content.value);
    if (!match) return false;
    const [, verb, id, extra] = match;
    return onCaseChoice(ctx, verb, Number(id), extra ? Number(extra) : undefined);
  }
  if (content.kind !== 'text' || !STAFF.includes(ctx.person.role)) return false;
  const intent = detectIntent(content.text);
  if (intent === 'my_tasks' && ctx.person.role !== 'ward_officer') return myCases(ctx);
  const selected = ctx.conversation.data.selectedCase as number | undefined;
  if (selected && (intent === 'cleaned' || intent === 'not_found' || intent === 'need_help')) {
    return onCaseChoice(ctx, intent === 'cleaned' ? 'cl' : intent === 'not_found' ? 'nf' : 'nh', selected);
  }
  const code = parseCaseCode(content.text);
  if (code) {
    const c = await caseByCode(ctx.trx, code);
    if (c && (c.group_id === ctx.person.group_id || ctx.person.role === 'ward_officer')) return pick(ctx, c);
  }
  return false;
};

async function onCaseChoice(ctx: TurnContext, verb: string, caseId: number, extra?: number): Promise<boolean> {
  const c = await caseById(ctx.trx, caseId);
  if (!c) {
    ctx.reply({ text: vi.cases.notFoundCode(String(caseId)) });
    return true;
  }
  switch (verb) {
    case 'pk':
      return pick(ctx, c);
    case 'cl':
      return startCleaned(ctx, c);
    case 'nf':
      return act(ctx, c, 'mark_not_found', vi.cases.closedNotFound(c.code));
    case 'nh':
      return act(ctx, c, 'escalate', vi.cases.escalated(c.code));
    case 'as':
      return assign(ctx, c, extra!);
    case 'rt':
      return rate(ctx, c, extra!);
    case 'ro':
      if (c.reporter_person_id !== ctx.person.id) return refuse(ctx);
      ctx.conversation.state = 'case:reopen';
      ctx.conversation.data.reopenCase = c.id;
      ctx.reply({ text: vi.cases.askReopen(c.code) });
      return true;
  }
  return false;
}

function refuse(ctx: TurnContext): boolean {
  ctx.reply({ text: vi.cases.notAllowed });
  return true;
}

async function startCleaned(ctx: TurnContext, c: CaseRow): Promise<boolean> {
  const settings = await wardSettings(ctx.trx, c.ward_code);
  if (!settings.afterPhotoRequired) return act(ctx, c, 'mark_cleaned', vi.cases.closedCleaned(c.code));
  // Check the person may act before asking for a photo they would send for nothing.
  const probe = dryRun(ctx, c, 'mark_cleaned');
  if (probe !== 'ok' && probe !== 'after_photo_required') return explain(ctx, c, probe);
  ctx.conversation.state = 'case:after_photo';
  ctx.conversation.data.cleanedCase = c.id;
  ctx.reply({ text: vi.cases.askAfterPhoto(c.code) });
  return true;
}

/** End the pending case step (after-photo, reopen) and return its case, whatever this message brings. */
async function endCaseStep(ctx: TurnContext, key: 'cleanedCase' | 'reopenCase') {
  const c = await caseById(ctx.trx, ctx.conversation.data[key] as number);
  ctx.conversation.state = 'idle';
  delete ctx.conversation.data[key];
  return c;
}

async function afterPhoto(ctx: TurnContext): Promise<boolean> {
  const c = await endCaseStep(ctx, 'cleanedCase');
  if (!c) return false;
  const photo = await ctx.services.intakePhoto(ctx.inbound);
  if (!photo.ok) {
    ctx.conversation.state = 'case:after_photo';
    ctx.conversation.data.cleanedCase = c.id;
    ctx.reply({ text: vi.report.photoRefused(photo.reason) });
    return true;
  }
  await addCasePhoto(ctx.trx, c.id, photo.sha256, 'after', ctx.person.id);
  return act(ctx, c, 'mark_cleaned', vi.cases.closedCleaned(c.code), { hasAfterPhoto: true });
}

type Probe = 'ok' | 'after_photo_required' | 'not_allowed' | 'wrong_state';

function dryRun(ctx: TurnContext, c: CaseRow, action: 'mark_cleaned'): Probe {
  const result = transition(
    { status: c.status as CaseStatus, groupId: c.group_id, wardCode: c.ward_code, reporterPersonId: c.reporter_person_id ?? -1 },
    action,
    caseActorOf(ctx.person),
    { afterPhotoRequired: true, hasAfterPhoto: false },
  );
  if (result.ok) return 'ok';
  if (result.reason === 'after_photo_required') return 'after_photo_required';
  return result.reason === 'invalid_from_state' ? 'wrong_state' : 'not_allowed';
}

function explain(ctx: TurnContext, c: CaseRow, why: Probe | string): boolean {
  if (why === 'invalid_from_state' || why === 'wrong_state') {
    ctx.reply({ text: vi.cases.wrongState(c.code, publicStatusLabel(c.status as CaseStatus)) });
  } else {
    refuse(ctx);
  }
  return true;
}

async function act(
  ctx: TurnContext,
  c: CaseRow,
  action: 'mark_cleaned' | 'mark_not_found' | 'escalate',
  done: string,
  input: { hasAfterPhoto?: boolean } = {},
): Promise<boolean> {
  const settings = await wardSettings(ctx.trx, c.ward_code);
  const result = await applyCaseAction(ctx.trx, c.id, action, caseActorOf(ctx.person), { afterPhotoRequired: settings.afterPhotoRequired, ...input }, ctx.now);
  if (!result.ok) return explain(ctx, c, result.reason);
  delete ctx.conversation.data.selectedCase;
  ctx.reply({ text: done });
  await tellReporter(ctx, result.case, action);
  if (action === 'escalate') {
    const group = c.group_id ? await ctx.trx.selectFrom('residential_groups').select('name').where('id', '=', c.group_id).executeTakeFirst() : undefined;
    for (const officer of await wardOfficers(ctx.trx, c.ward_code)) {
      await ctx.notify(officer.id, { text: vi.cases.escalatedToOfficer(c.code, group?.name ?? '?', caseWhere(c)) }, { dedupKey: `case-${c.id}-escalated-${ctx.inboundId}-p${officer.id}` });
    }
  }
  return true;
}

/** One message to the reporter per public change (promise: told, not flooded). */
async function tellReporter(ctx: TurnContext, c: CaseRow, action: string) {
  if (c.reporter_person_id === null) return;
  const key = `case-${c.id}-${action}-${ctx.inboundId}`;
  if (action === 'mark_cleaned') {
    const after = (await casePhotos(ctx.trx, c.id, 'after')).map((p) => `media:${p.sha256}`);
    const choices = [1, 2, 3, 4, 5].map((n) => ({ value: `rt_${c.id}_${n}`, label: `${n}★` }));
    choices.push({ value: `ro_${c.id}`, label: vi.cases.notCleaned });
    await ctx.notify(c.reporter_person_id, { text: vi.cases.residentCleaned(c.code), photos: after, choices }, { dedupKey: key });
  } else if (action === 'mark_not_found') {
    await ctx.notify(c.reporter_person_id, { text: vi.cases.residentNotFound(c.code), choices: [{ value: `ro_${c.id}`, label: vi.cases.notCleaned }] }, { dedupKey: key });
  } else if (action === 'escalate') {
    await ctx.notify(c.reporter_person_id, { text: vi.cases.residentEscalated(c.code) }, { dedupKey: key });
  }
}

async function assign(ctx: TurnContext, c: CaseRow, groupId: number): Promise<boolean> {
  if (ctx.person.role !== 'ward_officer' || ctx.person.ward_code !== c.ward_code) return refuse(ctx);
  const group = await ctx.trx.selectFrom('residential_groups').select(['id', 'name']).where('id', '=', groupId).where('ward_code', '=', c.ward_code).executeTakeFirst();
  if (!group) return refuse(ctx);
  await ctx.trx.updateTable('cases').set({ group_id: group.id, routed_by: 'dispatcher' }).where('id', '=', c.id).execute();
  const settings = await wardSettings(ctx.trx, c.ward_code);
  const result = await applyCaseAction(ctx.trx, c.id, 'assign', caseActorOf(ctx.person), { afterPhotoRequired: settings.afterPhotoRequired }, ctx.now);
  if (!result.ok) return explain(ctx, c, result.reason);
  ctx.reply({ text: vi.cases.assigned(c.code, group.name) });
  await announceCase(ctx.trx, ctx.notify, { ...result.case, group_id: group.id }, 'new');
  return true;
}

async function rate(ctx: TurnContext, c: CaseRow, stars: number): Promise<boolean> {
  if (c.reporter_person_id !== ctx.person.id || stars < 1 || stars > 5) return refuse(ctx);
  // An old ★ button tapped after a reopen must not rate a case that is open again.
  const closed = await applyCaseAction(ctx.trx, c.id, 'close', { personId: null, role: 'system' }, { afterPhotoRequired: false, note: `rating ${stars}` }, ctx.now);
  if (!closed.ok) return explain(ctx, c, closed.reason);
  await ctx.trx.updateTable('cases').set({ rating: stars }).where('id', '=', c.id).execute();
  ctx.reply({ text: vi.cases.rated(stars) });
  return true;
}

async function reopen(ctx: TurnContext): Promise<boolean> {
  const c = await endCaseStep(ctx, 'reopenCase');
  if (!c) return false;
  const content = ctx.inbound.content;
  let note: string | null = null;
  if (content.kind === 'photo') {
    const photo = await ctx.services.intakePhoto(ctx.inbound);
    if (photo.ok) await addCasePhoto(ctx.trx, c.id, photo.sha256, 'reopen', ctx.person.id);
    note = content.caption ?? null;
  } else if (content.kind === 'text') {
    note = content.text.slice(0, 500);
  }
  const result = await applyCaseAction(ctx.trx, c.id, 'reopen', caseActorOf(ctx.person), { afterPhotoRequired: false, hasPhotoOrComment: true, note }, ctx.now);
  if (!result.ok) return explain(ctx, c, result.reason);
  // A reopen counts against the cleanup: kept on the case for the statistics.
  await ctx.trx.updateTable('cases').set((eb) => ({ reopen_count: eb('reopen_count', '+', 1) })).where('id', '=', c.id).execute();
  ctx.reply({ text: vi.cases.reopened(c.code) });
  await announceCase(ctx.trx, ctx.notify, result.case, 'reopened', note);
  return true;
}

async function myCases(ctx: TurnContext): Promise<boolean> {
  if (!ctx.person.group_id) return refuse(ctx);
  const open = await ctx.trx
    .selectFrom('cases')
    .selectAll()
    .where('group_id', '=', ctx.person.group_id)
    .where('status', 'in', ['assigned', 'reopened', 'escalated'])
    .orderBy('received_at')
    .limit(10)
    .execute();
  if (open.length === 0) {
    ctx.reply({ text: vi.cases.myCasesEmpty });
    return true;
  }
  const lines = open.map((c) => vi.cases.caseCard(c.code, caseWhere(c), vietnameseDate(c.due_on)));
  ctx.reply({
    text: `${vi.cases.myCasesTitle(open.length)}\n${lines.join('\n')}`,
    choices: open.map((c) => ({ value: `pk_${c.id}`, label: c.code })),
  });
  return true;
}

/** Show one case to a leader, with its three answers. */
async function pick(ctx: TurnContext, c: CaseRow): Promise<boolean> {
  const mine = ctx.person.role === 'ward_officer' ? ctx.person.ward_code === c.ward_code : c.group_id === ctx.person.group_id;
  if (!mine) return refuse(ctx);
  ctx.conversation.data.selectedCase = c.id;
  const photos = (await casePhotos(ctx.trx, c.id, 'before')).map((p) => `media:${p.sha256}`);
  ctx.reply({ text: vi.cases.newForGroup(c.code, caseWhere(c), c.description, vietnameseDate(c.due_on), null), photos, choices: leaderChoices(c.id) });
  return true;
}
