/**
 * Ward officers work the phone-number list in chat: "sdt 0982 582 971" shows a number's history and photos;
 * "canh bao …", "cam ket …", "de xuat cat …", "bo qua … <lý do>" record a step; buttons do the same.
 */
import { applyPhoneAction, phoneCard, phoneEvents, phonePhotos } from '../../../db/repositories/ad-phones.js';
import { carrierLabel, normalizePhoneNumber, type Carrier } from '../../domain/phone-numbers.js';
import type { PhoneAction, PhoneActorRole } from '../../domain/phones/phone-enforcement.js';
import { foldText } from '../../domain/text-folding.js';
import { vi } from '../../messages/vi.js';
import type { Feature, TurnContext } from '../turn-context.js';
import { vietnameseDate } from '../report/case-service.js';
import { vietnamDate } from '../../domain/working-calendar.js';

/** Folded command words → what they do. Longest first, so "so dien thoai" wins over "so". */
const COMMANDS: [RegExp, PhoneAction | 'lookup'][] = [
  [/^(?:tra )?(?:sdt|so dien thoai|so dt|dt)\s+(.+)$/, 'lookup'],
  [/^(?:canh bao|nhac nho|da goi|da nhac)\s+(.+)$/, 'warn'],
  [/^(?:cam ket|da cam ket)\s+(.+)$/, 'commit'],
  [/^(?:de xuat cat|de xuat tam ngung|de xuat khoa)\s+(.+)$/, 'propose_suspension'],
  [/^(?:bo qua|loai|khong phai qc|khong phai quang cao)\s+(.+)$/, 'dismiss'],
];

const BUTTON = /^p(w|c|s)_(\d{9,12})$/;
const PROPOSAL = /^p(a|d)_(\d+)$/;
const BUTTON_ACTIONS: Record<string, PhoneAction> = { w: 'warn', c: 'commit', s: 'propose_suspension' };
const OFFICERS = ['ward_officer', 'leader', 'admin'];

export const phoneCommands: Feature = async (ctx) => {
  const content = ctx.inbound.content;
  if (content.kind === 'choice') {
    const proposal = PROPOSAL.exec(content.value);
    if (proposal) return OFFICERS.includes(ctx.person.role) ? decide(ctx, Number(proposal[2]), proposal[1] === 'a') : refuse(ctx);
    const match = BUTTON.exec(content.value);
    if (!match) return false;
    if (!OFFICERS.includes(ctx.person.role)) return refuse(ctx);
    return act(ctx, `+${match[2]}`, BUTTON_ACTIONS[match[1]], 'qua nút trong chat');
  }
  if (content.kind !== 'text') return false;
  const folded = foldText(content.text);
  if (/^(xuat|xuat danh sach|danh sach de xuat|xuat danh sach so)( so)?$/.test(folded)) {
    if (!OFFICERS.includes(ctx.person.role)) return false;
    const { fileRef, count } = await ctx.services.exportPhones(ctx.person.role === 'ward_officer' ? ctx.person.ward_code : null, ctx.now);
    ctx.reply({ text: vi.phones.exportReady(count), document: { ref: fileRef, filename: vi.phones.exportFilename } });
    return true;
  }
  for (const [pattern, what] of COMMANDS) {
    const match = pattern.exec(folded);
    if (!match) continue;
    if (!OFFICERS.includes(ctx.person.role)) {
      // "sdt …" from a resident is just text (maybe a report); only staff get the registry.
      return false;
    }
    const { numberText, rest } = splitNumber(content.text);
    const parsed = normalizePhoneNumber(numberText);
    if (!parsed.ok) {
      ctx.reply({ text: vi.phones.invalid(parsed.reason) });
      return true;
    }
    return what === 'lookup' ? lookup(ctx, parsed.phone.e164, parsed.phone.display) : act(ctx, parsed.phone.e164, what, rest || null);
  }
  return false;
};

/** "bỏ qua 0982 582 971 số của người dân" → the number and the words after it (kept as typed). */
function splitNumber(text: string): { numberText: string; rest: string } {
  const match = /[+(]?\d[\d\s.()-]*\d/.exec(text);
  if (!match) return { numberText: text.replace(/^\S+\s*/, ''), rest: '' };
  return { numberText: match[0], rest: text.slice(match.index + match[0].length).trim() };
}

function refuse(ctx: TurnContext): boolean {
  ctx.reply({ text: vi.phones.notAllowed });
  return true;
}

function display(e164: string): string {
  const parsed = normalizePhoneNumber(e164);
  return parsed.ok ? parsed.phone.display : e164;
}

function statusLabel(status: string): string {
  return vi.phones.statusLabels[status] ?? status;
}

async function lookup(ctx: TurnContext, e164: string, shown: string): Promise<boolean> {
  const card = await phoneCard(ctx.trx, e164, ctx.now);
  if (!card) {
    ctx.reply({ text: vi.phones.unknown(shown) });
    return true;
  }
  const carrier = card.carrier ? `${carrierLabel(card.carrier as Carrier)} – ${vi.phones.carrierNote}` : vi.phones.carrierNote;
  const day = (d: Date | null) => (d ? vietnameseDate(vietnamDate(d)) : '—');
  const events = await phoneEvents(ctx.trx, e164);
  const history = events.map((e) => `${vietnameseDate(vietnamDate(e.at))}: ${vi.phones.actionLabels[e.action] ?? e.action}${e.note ? ` (${e.note})` : ''}`);
  const digits = e164.slice(1);
  ctx.reply({
    text: `${vi.phones.card({ display: shown, carrier, status: statusLabel(card.status), total: card.total, recent: card.last30Days, places: card.places, first: day(card.firstSeen), last: day(card.lastSeen), codes: card.caseCodes })}\n${vi.phones.history(history)}`,
    photos: (await phonePhotos(ctx.trx, e164)).map((sha) => `media:${sha}`),
    choices: [
      { value: `pw_${digits}`, label: vi.phones.warnButton },
      { value: `pc_${digits}`, label: vi.phones.commitButton },
      { value: `ps_${digits}`, label: vi.phones.proposeButton },
    ],
  });
  return true;
}

async function act(ctx: TurnContext, e164: string, action: PhoneAction, note: string | null): Promise<boolean> {
  const role = ctx.person.role as PhoneActorRole;
  const result = await applyPhoneAction(ctx.trx, e164, action, { personId: ctx.person.id, role }, { note }, ctx.now);
  const shown = display(e164);
  if (result.ok) {
    ctx.reply({ text: vi.phones.done(shown, vi.phones.actionLabels[action], statusLabel(result.to)) });
    return true;
  }
  if (result.reason === 'unknown_number') ctx.reply({ text: vi.phones.unknown(shown) });
  else if (result.reason === 'reason_required') ctx.reply({ text: vi.phones.reasonRequired });
  else if (result.reason === 'not_allowed_for_role') refuse(ctx);
  else {
    const card = await phoneCard(ctx.trx, e164, ctx.now);
    ctx.reply({ text: vi.phones.refused(shown, statusLabel(card?.status ?? '')) });
  }
  return true;
}

/** Accept (the step is taken, by this officer) or dismiss one of the rules' proposals. */
async function decide(ctx: TurnContext, proposalId: number, accept: boolean): Promise<boolean> {
  const proposal = await ctx.trx.selectFrom('ad_phone_proposals').selectAll().where('id', '=', proposalId).forUpdate().executeTakeFirst();
  if (!proposal || proposal.decided_at) {
    ctx.reply({ text: vi.phones.proposalGone });
    return true;
  }
  const shown = display(proposal.e164);
  if (accept) {
    const role = ctx.person.role as PhoneActorRole;
    const result = await applyPhoneAction(ctx.trx, proposal.e164, proposal.action as PhoneAction, { personId: ctx.person.id, role }, { note: `đồng ý đề xuất: ${proposal.reason}` }, ctx.now);
    if (!result.ok) {
      const card = await phoneCard(ctx.trx, proposal.e164, ctx.now);
      ctx.reply({ text: vi.phones.refused(shown, statusLabel(card?.status ?? '')) });
      return true;
    }
    ctx.reply({ text: vi.phones.proposalAccepted(shown, statusLabel(result.to)) });
  } else {
    ctx.reply({ text: vi.phones.proposalDismissed(shown) });
  }
  await ctx.trx
    .updateTable('ad_phone_proposals')
    .set({ decided_at: ctx.now, decision: accept ? 'accepted' : 'dismissed', decided_by: ctx.person.id })
    .where('id', '=', proposalId)
    .execute();
  return true;
}
