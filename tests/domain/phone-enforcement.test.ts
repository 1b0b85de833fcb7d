import { describe, expect, it } from 'vitest';
import { phoneTransition, PHONE_STATUSES, type PhoneAction, type PhoneStatus } from '../../src/domain/phones/phone-enforcement.js';
import { proposeNextSteps } from '../../src/domain/phones/phone-rules.js';

const letter = { letterNo: '123/SKHCN-HTS', letterDate: '2026-12-01', operator: 'Viettel' };

describe('the enforcement state machine', () => {
  const allowed: [PhoneStatus, PhoneAction, PhoneStatus][] = [
    ['detected', 'warn', 'warned'],
    ['warned', 'warn', 'warned'],
    ['restored', 'warn', 'warned'],
    ['warned', 'commit', 'committed'],
    ['detected', 'commit', 'committed'],
    ['detected', 'propose_suspension', 'suspension_proposed'],
    ['warned', 'propose_suspension', 'suspension_proposed'],
    ['committed', 'propose_suspension', 'suspension_proposed'],
    ['restored', 'propose_suspension', 'suspension_proposed'],
    ['suspension_proposed', 'request_suspension', 'suspension_requested'],
    ['suspension_requested', 'confirm_suspended', 'suspended'],
    ['suspended', 'restore', 'restored'],
    ['detected', 'dismiss', 'dismissed'],
    ['warned', 'dismiss', 'dismissed'],
    ['committed', 'dismiss', 'dismissed'],
    ['restored', 'dismiss', 'dismissed'],
    ['suspension_proposed', 'dismiss', 'dismissed'],
    ['dismissed', 'undismiss', 'detected'],
  ];
  it.each(allowed)('%s --%s--> %s', (from, action, to) => {
    expect(phoneTransition(from, action, 'ward_officer', { note: 'lý do', ...letter })).toEqual({ ok: true, to });
  });

  it('refuses every other step from every state', () => {
    const actions: PhoneAction[] = ['warn', 'commit', 'propose_suspension', 'request_suspension', 'confirm_suspended', 'restore', 'dismiss', 'undismiss'];
    let refused = 0;
    for (const from of PHONE_STATUSES) {
      for (const action of actions) {
        if (allowed.some(([f, a]) => f === from && a === action)) continue;
        expect(phoneTransition(from, action, 'ward_officer', { note: 'x', ...letter })).toEqual({ ok: false, reason: 'invalid_from_state' });
        refused += 1;
      }
    }
    expect(refused).toBe(PHONE_STATUSES.length * actions.length - allowed.length);
  });

  it('needs a reason to dismiss and a letter to request a suspension', () => {
    expect(phoneTransition('detected', 'dismiss', 'ward_officer', { note: '  ' })).toEqual({ ok: false, reason: 'reason_required' });
    expect(phoneTransition('suspension_proposed', 'request_suspension', 'leader', { letterNo: '1', operator: 'Viettel' })).toEqual({ ok: false, reason: 'letter_required' });
  });

  it('never lets the system act alone', () => {
    expect(phoneTransition('detected', 'warn', 'system')).toEqual({ ok: false, reason: 'not_allowed_for_role' });
  });
});

describe('the rules', () => {
  const day = (d: number) => new Date(Date.UTC(2026, 10, d, 3));
  it('proposes a warning at 3 places within the window, not at 2', () => {
    const numbers = [
      { e164: '+84912345678', status: 'detected' as const, statusChangedAt: day(1), placesInWindow: 3, lastSeen: day(20) },
      { e164: '+84912345679', status: 'detected' as const, statusChangedAt: day(1), placesInWindow: 2, lastSeen: day(20) },
    ];
    expect(proposeNextSteps(numbers)).toEqual([{ e164: '+84912345678', action: 'warn', reason: '3 nơi trong 30 ngày' }]);
  });

  it('proposes suspension when seen again 7 days or more after a warning or a commitment', () => {
    const numbers = [
      { e164: '+84900000001', status: 'warned' as const, statusChangedAt: day(1), placesInWindow: 1, lastSeen: day(8) },
      { e164: '+84900000002', status: 'committed' as const, statusChangedAt: day(1), placesInWindow: 1, lastSeen: day(7) },
      { e164: '+84900000003', status: 'suspension_requested' as const, statusChangedAt: day(1), placesInWindow: 9, lastSeen: day(20) },
    ];
    expect(proposeNextSteps(numbers).map((p) => [p.e164, p.action])).toEqual([['+84900000001', 'propose_suspension']]);
  });

  it('follows a ward\'s own thresholds', () => {
    const numbers = [{ e164: '+84912345678', status: 'detected' as const, statusChangedAt: day(1), placesInWindow: 2, lastSeen: day(3) }];
    expect(proposeNextSteps(numbers, { warnAtPlaces: 2, windowDays: 14, reoffendAfterDays: 3 })).toHaveLength(1);
  });
});
