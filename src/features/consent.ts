/**
 * The personal-data notice on first contact (Luật Bảo vệ dữ liệu cá nhân 2025): nothing about a resident is
 * collected before they agree. Staff consent when they link their account.
 */
import { setConsent } from '../../db/repositories/people.js';
import { matchesAny } from '../domain/text-folding.js';
import { vi } from '../messages/vi.js';
import { showMenu } from './help-menu.js';
import type { Feature, TurnContext } from './turn-context.js';

export const CONSENT_CHOICES = [
  { value: 'consent_yes', label: vi.consent.agree },
  { value: 'consent_no', label: vi.consent.decline },
];

function answer(ctx: TurnContext): 'yes' | 'no' | null {
  const content = ctx.inbound.content;
  if (content.kind === 'choice') {
    if (content.value === 'consent_yes') return 'yes';
    if (content.value === 'consent_no') return 'no';
  }
  if (content.kind === 'text') {
    if (matchesAny(content.text, ['không đồng ý', 'ko dong y', 'tu choi'])) return 'no';
    if (matchesAny(content.text, ['đồng ý', 'dong y', 'ok', 'co', 'đồng ý ạ'])) return 'yes';
  }
  return null;
}

export const consentGate: Feature = async (ctx) => {
  if (ctx.person.consent_at) return false;
  const said = answer(ctx);
  if (said === 'yes') {
    await setConsent(ctx.trx, ctx.person.id, ctx.now);
    ctx.person.consent_at = ctx.now;
    ctx.conversation.state = 'idle';
    ctx.reply({ text: vi.consent.thanks });
    showMenu(ctx);
    return true;
  }
  if (said === 'no') {
    ctx.conversation.state = 'declined';
    ctx.reply({ text: vi.consent.declined });
    return true;
  }
  const alreadyAsked = ctx.conversation.state === 'awaiting_consent';
  ctx.conversation.state = 'awaiting_consent';
  ctx.reply({ text: alreadyAsked ? vi.consent.required : vi.consent.notice, choices: CONSENT_CHOICES });
  return true;
};
