/**
 * The rules that propose a number's next step for a ward officer to accept — never acting alone. Pure: the
 * caller supplies each number's figures and today.
 */
import type { PhoneStatus } from './phone-enforcement.js';

/** Thresholds a ward can change. */
export interface PhoneRulePolicy {
  /** Distinct places within `windowDays` that make a number worth a warning. Default 3. */
  warnAtPlaces: number;
  /** The window for counting places. Default 30 days. */
  windowDays: number;
  /** Seen again this many days after a warning or a commitment → propose suspension. Default 7. */
  reoffendAfterDays: number;
}

export const DEFAULT_PHONE_POLICY: PhoneRulePolicy = { warnAtPlaces: 3, windowDays: 30, reoffendAfterDays: 7 };

/** What the registry knows of a number, as the rules need it. */
export interface PhoneFigures {
  e164: string;
  status: PhoneStatus;
  statusChangedAt: Date;
  placesInWindow: number;
  lastSeen: Date;
}

export interface PhoneProposal {
  e164: string;
  action: 'warn' | 'propose_suspension';
  reason: string;
}

export function proposeNextSteps(numbers: readonly PhoneFigures[], policy: PhoneRulePolicy = DEFAULT_PHONE_POLICY): PhoneProposal[] {
  const proposals: PhoneProposal[] = [];
  for (const n of numbers) {
    if (n.status === 'detected' && n.placesInWindow >= policy.warnAtPlaces) {
      proposals.push({ e164: n.e164, action: 'warn', reason: `${n.placesInWindow} nơi trong ${policy.windowDays} ngày` });
    } else if ((n.status === 'warned' || n.status === 'committed') && daysBetween(n.statusChangedAt, n.lastSeen) >= policy.reoffendAfterDays) {
      proposals.push({
        e164: n.e164,
        action: 'propose_suspension',
        reason: `vẫn xuất hiện ${Math.floor(daysBetween(n.statusChangedAt, n.lastSeen))} ngày sau khi ${n.status === 'warned' ? 'nhắc nhở' : 'cam kết'}`,
      });
    }
  }
  return proposals;
}

function daysBetween(a: Date, b: Date): number {
  return (b.getTime() - a.getTime()) / 86_400_000;
}
