/**
 * A per-person limit on messages (promise 6): past it, one polite "slow down" and the messages are set aside
 * unanswered (still stored), so a flood cannot crowd out other people's reports.
 */
import { vi } from '../messages/vi.js';
import type { Feature } from './turn-context.js';

/** Messages one person may send in a minute before the guard steps in. */
export const MESSAGES_PER_MINUTE = 20;

export const floodGuard: Feature = async (ctx) => {
  // Counted up to this message, so the first messages of a burst are answered whatever follows them, and only
  // the first message over the limit gets the "slow down".
  if (ctx.recentMessages <= MESSAGES_PER_MINUTE) return false;
  if (ctx.recentMessages === MESSAGES_PER_MINUTE + 1) ctx.reply({ text: vi.tooFast });
  return true;
};
