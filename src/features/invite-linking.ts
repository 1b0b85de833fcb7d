/** Staff link their chat account by sending the one-time code the admin printed with `invite`. */
import { redeemInvite } from '../../db/repositories/invites.js';
import { relinkIdentity } from '../../db/repositories/people.js';
import { parseInviteCode } from '../domain/intents.js';
import { roleLabels, vi } from '../messages/vi.js';
import type { Feature } from './turn-context.js';

export const inviteLinking: Feature = async (ctx) => {
  if (ctx.inbound.content.kind !== 'text') return false;
  const code = parseInviteCode(ctx.inbound.content.text);
  if (!code) return false;
  const result = await redeemInvite(ctx.trx, code, ctx.person.id, ctx.now);
  if (!result.ok) {
    ctx.reply({ text: vi.invite[result.reason] });
    return true;
  }
  if (result.personId !== ctx.person.id) {
    await relinkIdentity(ctx.trx, ctx.inbound.channel, ctx.inbound.userId, result.personId);
  }
  // Staff accept the data notice by taking the role; they are not asked again.
  await ctx.trx.updateTable('people').set({ consent_at: ctx.now }).where('id', '=', result.personId).execute();
  const unit = result.unitCode
    ? await ctx.trx.selectFrom('units').select('name').where('code', '=', result.unitCode).executeTakeFirst()
    : undefined;
  ctx.conversation.state = 'idle';
  ctx.reply({ text: vi.invite.linked(roleLabels[result.role] ?? result.role, unit?.name ?? null) });
  return true;
};
