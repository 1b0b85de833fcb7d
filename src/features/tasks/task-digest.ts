/**
 * The daily digest a person gets: all their reminders of the day in one message (not one per task), grouped
 * by urgency — escalations, overdue, due today, coming up, snoozes that ended, monthly progress requests —
 * short enough for a phone, with the answers they are likely to give as choices.
 */
import type { Outbound } from '../../domain/message-model.js';
import type { ReminderKind } from '../../domain/tasks/reminder-policy.js';
import { vi } from '../../messages/vi.js';

/** One line of a digest. */
export interface DigestItem {
  kind: ReminderKind;
  /** The lead unit, shown to leaders (a unit head knows their own unit). */
  unit: string | null;
  content: string;
  dueOn: string | null;
  workingDays: number;
}

/** Most task lines in one digest; the rest is counted ("… và 12 nhiệm vụ khác"). Default 15. */
export const DIGEST_MAX_LINES = 15;

const ORDER: readonly ReminderKind[] = ['escalation', 'overdue', 'due', 'before', 'again', 'progress'];

/** The digest for `day` (ISO). `forLeader` switches the footer and choices to the leader's. */
export function composeDigest(day: string, items: readonly DigestItem[], forLeader: boolean, maxLines = DIGEST_MAX_LINES): Outbound {
  const lines: string[] = [vi.tasks.digestTitle(vi.tasks.date(day), items.length)];
  let shown = 0;
  for (const kind of ORDER) {
    const mine = items.filter((i) => i.kind === kind);
    if (mine.length === 0 || shown >= maxLines) continue;
    lines.push(vi.tasks.digestSections[kind]);
    for (const item of mine.slice(0, maxLines - shown)) {
      lines.push(vi.tasks.digestLine(kind, item.unit, shorten(item.content, 90), vi.tasks.date(item.dueOn), item.workingDays));
      shown += 1;
    }
  }
  if (items.length > shown) lines.push(vi.tasks.more(items.length - shown));
  lines.push(forLeader ? vi.tasks.digestFooterLeader : vi.tasks.digestFooter);
  const choices = forLeader
    ? [{ value: 'tk_summary', label: vi.tasks.digestSummary }]
    : [
        { value: 'tk_list', label: vi.tasks.digestOpen },
        { value: 'tk_snooze2', label: vi.tasks.digestSnooze },
      ];
  return { text: lines.join('\n'), choices };
}

/** `text` cut at a word boundary to at most `max` characters, with "…". */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
