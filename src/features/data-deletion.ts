/**
 * "xóa dữ liệu của tôi": the person's chat accounts are unlinked and their person row emptied; their reports
 * stay, anonymous, because they are the evidence the ward acts on — and the person is told so.
 */
import { sql } from 'kysely';
import { detectIntent } from '../domain/intents.js';
import { vi } from '../messages/vi.js';
import type { Feature } from './turn-context.js';

export const dataDeletion: Feature = async (ctx) => {
  const content = ctx.inbound.content;
  if (content.kind === 'text' && detectIntent(content.text) === 'delete_my_data') {
    ctx.conversation.state = 'deletion:confirm';
    ctx.reply({ text: vi.deletion.confirm, choices: [{ value: 'del_yes', label: vi.deletion.yes }, { value: 'del_no', label: vi.deletion.no }] });
    return true;
  }
  if (ctx.conversation.state !== 'deletion:confirm' || content.kind !== 'choice') return false;
  ctx.conversation.state = 'idle';
  if (content.value !== 'del_yes') {
    ctx.reply({ text: vi.deletion.kept });
    return true;
  }
  const personId = ctx.person.id;
  ctx.reply({ text: vi.deletion.done });
  await ctx.trx.updateTable('cases').set({ reporter_person_id: null }).where('reporter_person_id', '=', personId).execute();
  await ctx.trx.updateTable('sightings').set({ reporter_person_id: null }).where('reporter_person_id', '=', personId).execute();
  await ctx.trx.updateTable('case_events').set({ actor_person_id: null }).where('actor_person_id', '=', personId).execute();
  await ctx.trx.updateTable('case_photos').set({ added_by: null }).where('added_by', '=', personId).execute();
  await ctx.trx
    .updateTable('people')
    .set({ full_name: null, phone: null, consent_at: null, deleted_at: ctx.now })
    .where('id', '=', personId)
    .execute();
  // Every chat account of the person, not only this one: what they wrote anywhere is redacted (the stored
  // messages keep their ids, for dedup), what we echoed back is deleted, and the accounts are unlinked.
  const identities = await ctx.trx.selectFrom('channel_identities').select(['channel', 'external_id']).where('person_id', '=', personId).execute();
  for (const identity of identities) {
    await ctx.trx
      .updateTable('inbound_events')
      .set({ message: sql`jsonb_set(message, '{content}', '{"kind":"text","text":"[đã xóa theo yêu cầu]"}'::jsonb)` })
      .where('channel', '=', identity.channel)
      .where('external_user_id', '=', identity.external_id)
      .execute();
    await ctx.trx
      .deleteFrom('outbox')
      .where('channel', '=', identity.channel)
      .where('external_user_id', '=', identity.external_id)
      .where('status', 'in', ['sent', 'undeliverable', 'failed'])
      .execute();
    if (identity.channel !== ctx.inbound.channel || identity.external_id !== ctx.inbound.userId) {
      await ctx.trx.deleteFrom('conversations').where('channel', '=', identity.channel).where('external_id', '=', identity.external_id).execute();
    }
  }
  await ctx.trx.deleteFrom('channel_identities').where('person_id', '=', personId).execute();
  ctx.conversation.data = {};
  ctx.conversation.state = 'deleted';
  return true;
};
