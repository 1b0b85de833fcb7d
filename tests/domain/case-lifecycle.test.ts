import { describe, expect, it } from 'vitest';
import {
  CASE_ACTIONS,
  CASE_STATUSES,
  availableActions,
  isOpen,
  publicStatusLabel,
  transition,
  type CaseAction,
  type CaseActor,
  type CaseState,
  type CaseStatus,
} from '../../src/domain/case-lifecycle.js';

const WARD = '11383';
const REPORTER = 501;
const GROUP = 7;

const caseIn = (status: CaseStatus, groupId: number | null = GROUP): CaseState => ({
  status,
  groupId,
  wardCode: WARD,
  reporterPersonId: REPORTER,
});

const reporter: CaseActor = { personId: REPORTER, role: 'resident' };
const otherResident: CaseActor = { personId: 502, role: 'resident' };
const leader: CaseActor = { personId: 10, role: 'group_leader', groupId: GROUP, wardCode: WARD };
const deputy: CaseActor = { personId: 11, role: 'deputy_group_leader', groupId: GROUP, wardCode: WARD };
const otherLeader: CaseActor = { personId: 12, role: 'group_leader', groupId: 8, wardCode: WARD };
const officer: CaseActor = { personId: 20, role: 'ward_officer', wardCode: WARD };
const otherWardOfficer: CaseActor = { personId: 21, role: 'ward_officer', wardCode: '11311' };
const system: CaseActor = { personId: null, role: 'system' };

/** Full evidence, so only role, scope and state decide. */
const EVIDENCE = { hasAfterPhoto: true, afterPhotoRequired: true, hasPhotoOrComment: true };

/** The state machine as the brief states it, written out independently of the module. */
const ALLOWED: Record<CaseAction, [CaseStatus[], CaseStatus]> = {
  assign: [['received', 'escalated', 'reopened'], 'assigned'],
  mark_cleaned: [['assigned', 'reopened', 'escalated'], 'cleaned'],
  mark_not_found: [['assigned', 'reopened', 'escalated'], 'not_found'],
  escalate: [['assigned', 'reopened'], 'escalated'],
  close: [['cleaned', 'not_found'], 'closed'],
  reopen: [['cleaned', 'not_found', 'closed'], 'reopened'],
  mark_duplicate: [['received', 'assigned'], 'duplicate'],
  reject: [['received', 'assigned', 'escalated'], 'rejected'],
};

/** Who may take each action (on a case in their scope). */
const ROLES: Record<CaseAction, CaseActor[]> = {
  assign: [officer, system],
  mark_cleaned: [leader, deputy, officer],
  mark_not_found: [leader, deputy, officer],
  escalate: [leader, deputy, officer, system],
  close: [officer, system],
  reopen: [reporter],
  mark_duplicate: [officer],
  reject: [officer],
};
const EVERYONE = [reporter, leader, deputy, officer, system];

describe('transition: every allowed move', () => {
  const cases = CASE_ACTIONS.flatMap((action) =>
    ALLOWED[action][0].flatMap((from) =>
      ROLES[action].map((actor) => [action, from, actor.role, actor, ALLOWED[action][1]] as const),
    ),
  );

  it.each(cases)('%s from %s by %s', (action, from, _role, actor, to) => {
    expect(transition(caseIn(from), action, actor, EVIDENCE)).toEqual({ ok: true, to });
  });
});

describe('transition: refused moves', () => {
  it('refuses every action from a status it does not apply to', () => {
    for (const action of CASE_ACTIONS) {
      for (const from of CASE_STATUSES) {
        if (ALLOWED[action][0].includes(from)) continue;
        for (const actor of ROLES[action]) {
          expect(transition(caseIn(from), action, actor, EVIDENCE), `${action} from ${from} by ${actor.role}`).toEqual({
            ok: false,
            reason: 'invalid_from_state',
          });
        }
      }
    }
  });

  it('refuses roles that never take an action, whatever the state', () => {
    for (const action of CASE_ACTIONS) {
      for (const actor of EVERYONE.filter((a) => !ROLES[action].includes(a))) {
        for (const from of CASE_STATUSES) {
          expect(transition(caseIn(from), action, actor, EVIDENCE), `${action} by ${actor.role}`).toEqual({
            ok: false,
            reason: 'not_allowed_for_role',
          });
        }
      }
    }
  });

  it('lets a resident only reopen, never close, clean or assign', () => {
    expect(transition(caseIn('cleaned'), 'close', reporter, EVIDENCE)).toEqual({ ok: false, reason: 'not_allowed_for_role' });
    expect(transition(caseIn('assigned'), 'mark_cleaned', reporter, EVIDENCE)).toEqual({ ok: false, reason: 'not_allowed_for_role' });
  });

  it('refuses a resident reopening someone else’s case without saying whose it is', () => {
    expect(transition(caseIn('closed'), 'reopen', otherResident, EVIDENCE)).toEqual({ ok: false, reason: 'not_allowed_for_role' });
  });

  it('keeps ward officers from reopening (that is the reporter’s call)', () => {
    expect(transition(caseIn('closed'), 'reopen', officer, EVIDENCE)).toEqual({ ok: false, reason: 'not_allowed_for_role' });
  });

  it('refuses another group’s leader, and any leader before the case is assigned to a group', () => {
    for (const action of ['mark_cleaned', 'mark_not_found', 'escalate'] as const) {
      expect(transition(caseIn('assigned'), action, otherLeader, EVIDENCE)).toEqual({ ok: false, reason: 'not_your_group' });
      expect(transition(caseIn('assigned', null), action, leader, EVIDENCE)).toEqual({ ok: false, reason: 'not_your_group' });
    }
    const noGroup: CaseActor = { personId: 13, role: 'deputy_group_leader' };
    expect(transition(caseIn('assigned'), 'mark_cleaned', noGroup, EVIDENCE)).toEqual({ ok: false, reason: 'not_your_group' });
  });

  it('refuses an officer of another ward', () => {
    for (const action of ['assign', 'reject', 'close', 'mark_duplicate'] as const) {
      expect(transition(caseIn('received'), action, otherWardOfficer, EVIDENCE)).toEqual({
        ok: false,
        reason: 'not_your_group',
      });
    }
  });

  it('checks role and scope before state, so a refusal reveals nothing about the case', () => {
    expect(transition(caseIn('rejected'), 'mark_cleaned', otherLeader, EVIDENCE)).toEqual({ ok: false, reason: 'not_your_group' });
    expect(transition(caseIn('rejected'), 'reopen', otherResident, EVIDENCE)).toEqual({ ok: false, reason: 'not_allowed_for_role' });
  });

  it('never closes a case without an outcome', () => {
    for (const from of ['received', 'assigned', 'escalated', 'reopened'] as const) {
      expect(transition(caseIn(from), 'close', officer, EVIDENCE)).toEqual({ ok: false, reason: 'invalid_from_state' });
    }
  });

  it('treats duplicate and rejected as final', () => {
    for (const from of ['duplicate', 'rejected'] as const) {
      for (const actor of EVERYONE) expect(availableActions(caseIn(from), actor)).toEqual([]);
    }
  });
});

describe('transition: evidence', () => {
  it('requires an after-photo to mark cleaned when the ward says so', () => {
    for (const actor of [leader, deputy, officer]) {
      expect(transition(caseIn('assigned'), 'mark_cleaned', actor, { afterPhotoRequired: true })).toEqual({
        ok: false,
        reason: 'after_photo_required',
      });
      expect(
        transition(caseIn('assigned'), 'mark_cleaned', actor, { afterPhotoRequired: true, hasAfterPhoto: false }),
      ).toEqual({ ok: false, reason: 'after_photo_required' });
    }
  });

  it('accepts "đã xóa" without a photo where the ward does not require one', () => {
    expect(transition(caseIn('assigned'), 'mark_cleaned', leader, { afterPhotoRequired: false })).toEqual({
      ok: true,
      to: 'cleaned',
    });
  });

  it('does not ask for an after-photo for "not found" or escalation', () => {
    expect(transition(caseIn('assigned'), 'mark_not_found', leader, { afterPhotoRequired: true })).toEqual({
      ok: true,
      to: 'not_found',
    });
    expect(transition(caseIn('assigned'), 'escalate', leader, { afterPhotoRequired: true })).toEqual({
      ok: true,
      to: 'escalated',
    });
  });

  it('reports the state problem before the missing photo', () => {
    expect(transition(caseIn('cleaned'), 'mark_cleaned', leader, { afterPhotoRequired: true })).toEqual({
      ok: false,
      reason: 'invalid_from_state',
    });
  });

  it('requires a photo or a comment to reopen', () => {
    expect(transition(caseIn('cleaned'), 'reopen', reporter, { afterPhotoRequired: true })).toEqual({
      ok: false,
      reason: 'photo_or_comment_required',
    });
    expect(transition(caseIn('closed'), 'reopen', reporter, { afterPhotoRequired: false, hasPhotoOrComment: true })).toEqual({
      ok: true,
      to: 'reopened',
    });
  });
});

describe('availableActions', () => {
  it('offers a group leader what they can do on their assigned case', () => {
    expect(availableActions(caseIn('assigned'), leader)).toEqual(['mark_cleaned', 'mark_not_found', 'escalate']);
    expect(availableActions(caseIn('escalated'), leader)).toEqual(['mark_cleaned', 'mark_not_found']);
    expect(availableActions(caseIn('assigned'), otherLeader)).toEqual([]);
  });

  it('offers a ward officer the dispatcher’s choices on a new case', () => {
    expect(availableActions(caseIn('received', null), officer)).toEqual(['assign', 'mark_duplicate', 'reject']);
  });

  it('offers the reporter a reopen once the case is resolved', () => {
    expect(availableActions(caseIn('cleaned'), reporter)).toEqual(['reopen']);
    expect(availableActions(caseIn('assigned'), reporter)).toEqual([]);
  });
});

describe('isOpen and publicStatusLabel', () => {
  it('counts as open exactly the statuses where someone still has to act', () => {
    expect(CASE_STATUSES.filter(isOpen)).toEqual(['received', 'assigned', 'escalated', 'reopened']);
  });

  it('speaks iHanoi’s words to residents and hides internal steps', () => {
    expect(publicStatusLabel('received')).toBe('Chờ xử lý');
    for (const s of ['assigned', 'escalated', 'reopened'] as const) expect(publicStatusLabel(s)).toBe('Đang xử lý');
    expect(publicStatusLabel('cleaned')).toBe('Đã xử lý');
    expect(publicStatusLabel('closed')).toBe('Đã xử lý');
    expect(publicStatusLabel('rejected')).toBe('Đã từ chối');
    expect(publicStatusLabel('not_found')).toMatch(/không phát hiện/);
    expect(publicStatusLabel('duplicate')).toMatch(/trùng/);
  });

  it('has a label for every status', () => {
    for (const s of CASE_STATUSES) expect(publicStatusLabel(s)).toMatch(/\S/);
  });
});
