/** "tra cứu" or a case code: a resident sees their cases' status and timeline — never another resident's. */
import { caseByCode, caseEvents } from '../../../db/repositories/cases.js';
import { publicStatusLabel, type CaseStatus } from '../../domain/case-lifecycle.js';
import { detectIntent, parseCaseCode } from '../../domain/intents.js';
import { vi } from '../../messages/vi.js';
import { vietnamDate } from '../../domain/working-calendar.js';
import type { Feature } from '../turn-context.js';
import { vietnameseDate } from './case-service.js';

export const caseLookup: Feature = async (ctx) => {
  const content = ctx.inbound.content;
  const asked =
    (content.kind === 'choice' && content.value === 'menu_lookup') ||
    (content.kind === 'text' && detectIntent(content.text) === 'lookup');
  const code = content.kind === 'text' ? parseCaseCode(content.text) : null;
  if (code) {
    const c = await caseByCode(ctx.trx, code);
    // The same answer for "no such case" and "someone else's case": codes reveal nothing.
    if (!c || c.reporter_person_id !== ctx.person.id) {
      ctx.reply({ text: vi.cases.notFoundCode(code) });
      return true;
    }
    const events = await caseEvents(ctx.trx, c.id);
    const lines = events.map((e) => `${vietnameseDate(vietnamDate(e.at))}: ${publicStatusLabel(e.to_status as CaseStatus)}`);
    ctx.reply({ text: vi.lookup.detail(c.code, publicStatusLabel(c.status as CaseStatus), lines) });
    return true;
  }
  if (!asked) return false;
  const mine = await ctx.trx
    .selectFrom('cases')
    .select(['code', 'status', 'received_at'])
    .where('reporter_person_id', '=', ctx.person.id)
    .orderBy('received_at', 'desc')
    .limit(10)
    .execute();
  if (mine.length === 0) {
    ctx.reply({ text: vi.lookup.none });
    return true;
  }
  ctx.reply({ text: vi.lookup.list(mine.map((c) => `${c.code}: ${publicStatusLabel(c.status as CaseStatus)}`)) });
  return true;
};
