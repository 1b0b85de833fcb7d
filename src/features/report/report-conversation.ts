/**
 * The resident's report conversation: started by a keyword ("phản ánh", "bao cao qc", /baocao), the menu, or
 * simply a photo or a location; asks only for what is missing; ends with a summary and Gửi / Sửa / Hủy.
 */
import { detectIntent } from '../../domain/intents.js';
import type { Choice } from '../../domain/message-model.js';
import { extractPhoneNumbers } from '../../domain/phone-numbers.js';
import { foldText } from '../../domain/text-folding.js';
import { vi } from '../../messages/vi.js';
import { MAX_TEXT_LENGTH } from '../understood-echo.js';
import type { Feature, TurnContext } from '../turn-context.js';
import { draftWhere, emptyDraft, nextStep, type ReportDraft } from './report-draft.js';
import { submitReport } from './submit-report.js';

const DRAFT = 'report';

const CONFIRM_CHOICES: Choice[] = [
  { value: 'rp_send', label: vi.report.send },
  { value: 'rp_edit', label: vi.report.edit },
  { value: 'rp_cancel', label: vi.report.cancel },
];
const EDIT_CHOICES: Choice[] = [
  { value: 'rp_e_photo', label: vi.report.editPhoto },
  { value: 'rp_e_loc', label: vi.report.editLocation },
  { value: 'rp_e_desc', label: vi.report.editDescription },
];

export const reportConversation: Feature = async (ctx) => {
  const content = ctx.inbound.content;
  const inReport = ctx.conversation.state.startsWith('report:');
  const intent = content.kind === 'text' ? detectIntent(content.text) : null;
  // Inside a report, words like "quảng cáo" are content: only the menu or /baocao starts over.
  const asked =
    (content.kind === 'choice' && content.value === 'menu_report') ||
    (intent === 'report' && (!inReport || (content.kind === 'text' && content.text.trim().startsWith('/'))));
  const startsBySending = !inReport && (content.kind === 'photo' || content.kind === 'location');
  if (!inReport && !asked && !startsBySending) return false;

  if (inReport && intent === 'cancel') return cancel(ctx);
  if (!inReport || asked) {
    ctx.conversation.data[DRAFT] = emptyDraft();
    if (asked) ctx.reply({ text: vi.report.start });
  }
  const draft = ctx.conversation.data[DRAFT] as ReportDraft;
  if (asked) return prompt(ctx, draft);

  switch (content.kind) {
    case 'photo': {
      const result = await ctx.services.intakePhoto(ctx.inbound);
      if (!result.ok) {
        ctx.reply({ text: vi.report.photoRefused(result.reason) });
        return prompt(ctx, draft);
      }
      if (!draft.photos.includes(result.sha256)) draft.photos.push(result.sha256);
      if (content.caption) setDescription(ctx, draft, content.caption);
      if (result.gps && draft.lat === undefined && !draft.address) {
        if (await setGps(ctx, draft, result.gps.lat, result.gps.lng)) ctx.reply({ text: vi.report.gpsFromPhoto });
      }
      return prompt(ctx, draft);
    }
    case 'location':
      await setGps(ctx, draft, content.latitude, content.longitude);
      return prompt(ctx, draft);
    case 'choice':
      return onChoice(ctx, draft, content.value);
    case 'text':
      return onText(ctx, draft, content.text.trim());
    default:
      ctx.reply({ text: vi.unsupported(content.kind === 'unsupported' ? content.what : 'tin nhắn này') });
      return prompt(ctx, draft);
  }
};

async function onText(ctx: TurnContext, draft: ReportDraft, text: string): Promise<boolean> {
  if (!text) return prompt(ctx, draft);
  if (text.length > MAX_TEXT_LENGTH) {
    ctx.reply({ text: vi.tooLong(MAX_TEXT_LENGTH) });
    return prompt(ctx, draft);
  }
  const step = nextStep(draft);
  if (step === 'location') {
    draft.address = text;
    draft.wardCode = await wardForAddress(ctx, text);
  } else if (step === 'confirm') {
    // Out of order: the summary is waiting for a choice.
    return prompt(ctx, draft);
  } else {
    setDescription(ctx, draft, text);
  }
  return prompt(ctx, draft);
}

async function onChoice(ctx: TurnContext, draft: ReportDraft, value: string): Promise<boolean> {
  switch (value) {
    case 'rp_nophoto':
      draft.noPhoto = true;
      break;
    case 'rp_skipdesc':
      draft.description = null;
      break;
    case 'rp_cancel':
      return cancel(ctx);
    case 'rp_edit':
      ctx.reply({ text: vi.report.editWhat, choices: EDIT_CHOICES });
      return true;
    case 'rp_e_photo':
      draft.photos = [];
      draft.noPhoto = false;
      break;
    case 'rp_e_loc':
      delete draft.lat;
      delete draft.lng;
      delete draft.address;
      delete draft.wardCode;
      break;
    case 'rp_e_desc':
      delete draft.description;
      draft.phones = [];
      break;
    case 'rp_send': {
      if (nextStep(draft) !== 'confirm') break;
      const wardCode = draft.wardCode ?? (await wardForAddress(ctx, draft.address ?? ''));
      if (!wardCode) break;
      const result = await submitReport(ctx, draft, wardCode);
      if (result !== 'limit') {
        delete ctx.conversation.data[DRAFT];
        ctx.conversation.state = 'idle';
      }
      return true;
    }
    default:
      // A choice from an earlier message (out of order): say where we are.
      break;
  }
  return prompt(ctx, draft);
}

function setDescription(ctx: TurnContext, draft: ReportDraft, text: string) {
  draft.description = text;
  const found = extractPhoneNumbers(text).map((p) => ({ e164: p.e164, display: p.display, raw: p.raw }));
  for (const phone of found) if (!draft.phones.some((p) => p.e164 === phone.e164)) draft.phones.push(phone);
  if (found.length) ctx.reply({ text: vi.report.phonesFound(found.map((p) => p.display)) });
}

/** A GPS point is taken only inside a ward this installation serves; otherwise the person is told where it is. */
async function setGps(ctx: TurnContext, draft: ReportDraft, lat: number, lng: number): Promise<boolean> {
  const ward = await ctx.services.locateWard(lat, lng);
  const served = ward ? await ctx.trx.selectFrom('wards').select('code').where('code', '=', ward.code).executeTakeFirst() : undefined;
  if (!served) {
    ctx.reply({ text: vi.report.outsideWard(ward?.fullName ?? null) });
    return false;
  }
  draft.lat = lat;
  draft.lng = lng;
  draft.wardCode = served.code;
  delete draft.address;
  return true;
}

/** The ward of a typed address: the only ward served, or the one whose name the address mentions. */
async function wardForAddress(ctx: TurnContext, address: string): Promise<string | undefined> {
  const wards = await ctx.trx.selectFrom('wards').select(['code', 'name']).orderBy('code').execute();
  if (wards.length === 1) return wards[0].code;
  const folded = foldText(address);
  return wards.find((w) => folded.includes(foldText(w.name)))?.code ?? wards[0]?.code;
}

function prompt(ctx: TurnContext, draft: ReportDraft): boolean {
  const step = nextStep(draft);
  ctx.conversation.state = `report:${step}`;
  switch (step) {
    case 'photo':
      ctx.reply({ text: vi.report.askPhoto, choices: [{ value: 'rp_nophoto', label: vi.report.noPhoto }] });
      break;
    case 'location':
      ctx.reply({ text: draft.photos.length ? `${vi.report.photoSaved(draft.photos.length)} ${vi.report.askLocation}` : vi.report.askLocation });
      break;
    case 'description':
      ctx.reply({ text: vi.report.askDescription, choices: [{ value: 'rp_skipdesc', label: vi.report.skip }] });
      break;
    case 'confirm':
      ctx.reply({
        text: vi.report.summary({ photos: draft.photos.length, where: draftWhere(draft), description: draft.description ?? null, phones: draft.phones.map((p) => p.display) }),
        choices: CONFIRM_CHOICES,
      });
      break;
  }
  return true;
}

function cancel(ctx: TurnContext): boolean {
  const had = Boolean(ctx.conversation.data[DRAFT]);
  delete ctx.conversation.data[DRAFT];
  ctx.conversation.state = 'idle';
  ctx.reply({ text: had ? vi.report.cancelled : vi.report.nothingToCancel });
  return true;
}
