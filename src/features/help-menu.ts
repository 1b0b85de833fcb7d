/** The help menu, shown on follow / start, on "trợ giúp", and after consent. */
import { detectIntent } from '../domain/intents.js';
import { roleLabels, vi } from '../messages/vi.js';
import type { Feature, TurnContext } from './turn-context.js';

export const MENU_CHOICES = [
  { value: 'menu_report', label: vi.help.report },
  { value: 'menu_lookup', label: vi.help.lookup },
  { value: 'menu_guide', label: vi.help.guide },
];

export function showMenu(ctx: TurnContext): void {
  const role = ctx.person.role;
  const commands = vi.help.staffCommands[role];
  const staff = role !== 'resident' ? `${vi.help.staffTitle(roleLabels[role] ?? role)}${commands ? `\n${commands}` : ''}\n` : '';
  ctx.reply({ text: `${staff}${vi.help.menuTitle}`, choices: MENU_CHOICES });
}

export const helpMenu: Feature = async (ctx) => {
  const content = ctx.inbound.content;
  if (content.kind === 'choice' && content.value === 'menu_guide') {
    ctx.reply({ text: vi.help.guideText });
    return true;
  }
  const asked =
    content.kind === 'follow' ||
    (content.kind === 'text' && detectIntent(content.text) === 'help');
  if (!asked) return false;
  showMenu(ctx);
  return true;
};
