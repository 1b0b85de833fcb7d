/**
 * The enforcement life of a number printed on illegal ads (the practice Hà Nội has run since 2010): detected →
 * warned (called or summoned) → committed (promised to remove) → suspension proposed → suspension requested
 * (a letter to the operator) → suspended → restored; or dismissed (not an ad number) with a reason.
 * The product documents; suspending is the authority's decision.
 */

export type PhoneStatus =
  | 'detected'
  | 'warned'
  | 'committed'
  | 'suspension_proposed'
  | 'suspension_requested'
  | 'suspended'
  | 'restored'
  | 'dismissed';

export type PhoneAction =
  | 'warn'
  | 'commit'
  | 'propose_suspension'
  | 'request_suspension'
  | 'confirm_suspended'
  | 'restore'
  | 'dismiss'
  | 'undismiss';

/** Who may act: ward officers work the list; leaders and admins (the department) too. */
export type PhoneActorRole = 'ward_officer' | 'leader' | 'admin' | 'system';

const RULES: Record<PhoneAction, { from: PhoneStatus[]; to: PhoneStatus }> = {
  warn: { from: ['detected', 'warned', 'restored'], to: 'warned' },
  commit: { from: ['warned', 'detected'], to: 'committed' },
  propose_suspension: { from: ['detected', 'warned', 'committed', 'restored'], to: 'suspension_proposed' },
  request_suspension: { from: ['suspension_proposed'], to: 'suspension_requested' },
  confirm_suspended: { from: ['suspension_requested'], to: 'suspended' },
  restore: { from: ['suspended'], to: 'restored' },
  dismiss: { from: ['detected', 'warned', 'committed', 'suspension_proposed', 'restored'], to: 'dismissed' },
  undismiss: { from: ['dismissed'], to: 'detected' },
};

export interface PhoneActionInput {
  note?: string | null;
  /** request_suspension: the letter to the operator. */
  letterNo?: string | null;
  letterDate?: string | null;
  operator?: string | null;
}

export type PhoneTransition =
  | { ok: true; to: PhoneStatus }
  | { ok: false; reason: 'not_allowed_for_role' | 'invalid_from_state' | 'reason_required' | 'letter_required' };

export function phoneTransition(from: PhoneStatus, action: PhoneAction, role: PhoneActorRole, input: PhoneActionInput = {}): PhoneTransition {
  if (role === 'system') return { ok: false, reason: 'not_allowed_for_role' };
  const rule = RULES[action];
  if (!rule.from.includes(from)) return { ok: false, reason: 'invalid_from_state' };
  if (action === 'dismiss' && !input.note?.trim()) return { ok: false, reason: 'reason_required' };
  if (action === 'request_suspension' && (!input.letterNo?.trim() || !input.letterDate || !input.operator?.trim())) {
    return { ok: false, reason: 'letter_required' };
  }
  return { ok: true, to: rule.to };
}

export const PHONE_STATUSES: readonly PhoneStatus[] = [
  'detected',
  'warned',
  'committed',
  'suspension_proposed',
  'suspension_requested',
  'suspended',
  'restored',
  'dismissed',
];
