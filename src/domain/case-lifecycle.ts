/**
 * The life of a case (vụ việc): a resident's report of an illegal ad (quảng cáo rao vặt trái quy định) from
 * receipt to closure, and who may move it. One pure function, {@link transition}, answers every "may this
 * person do this now?"; services call it before writing, and the chat shows only what it allows.
 *
 * | action           | from                              | to          | who (besides a ward officer)          |
 * |------------------|-----------------------------------|-------------|---------------------------------------|
 * | `assign`         | received, escalated, reopened     | assigned    | system (routing)                      |
 * | `mark_cleaned`   | assigned, reopened, escalated     | cleaned     | the group's tổ trưởng / tổ phó        |
 * | `mark_not_found` | assigned, reopened, escalated     | not_found   | the group's tổ trưởng / tổ phó        |
 * | `escalate`       | assigned, reopened                | escalated   | the group's leaders; system (overdue) |
 * | `close`          | cleaned, not_found                | closed      | system (after rating / timeout)       |
 * | `reopen`         | cleaned, not_found, closed        | reopened    | only the reporter (not ward officers) |
 * | `mark_duplicate` | received, assigned                | duplicate   | —                                     |
 * | `reject`         | received, assigned, escalated     | rejected    | —                                     |
 *
 * Modelled on FixMyStreet's states and iHanoi's public labels (see `reference/civic-systems.md`).
 */

/**
 * Where a case is:
 * - `received` — tiếp nhận: stored, not yet routed to a tổ dân phố (waits for the dispatcher);
 * - `assigned` — giao cho tổ: the tổ trưởng / tổ phó of the group must act;
 * - `cleaned` — đã xóa: the group says the ad is gone (with an after-photo); waits for the reporter's rating;
 * - `not_found` — không thấy: nothing at the reported place;
 * - `escalated` — chuyển phường: the group asked for help, or the deadline came; a ward officer acts;
 * - `closed` — đóng: finished (rated, or no answer within the waiting time);
 * - `reopened` — mở lại: the reporter says it is not really gone (TP.HCM 1022's "chưa xử lý dứt điểm");
 * - `duplicate` — trùng: the same ad as another case, which the reporter can follow instead;
 * - `rejected` — từ chối: not an illegal ad, or spam.
 */
export type CaseStatus =
  | 'received'
  | 'assigned'
  | 'cleaned'
  | 'not_found'
  | 'escalated'
  | 'closed'
  | 'reopened'
  | 'duplicate'
  | 'rejected';

/** Every status, for exhaustive tables (labels, filters, tests). */
export const CASE_STATUSES: readonly CaseStatus[] = Object.freeze([
  'received', 'assigned', 'cleaned', 'not_found', 'escalated', 'closed', 'reopened', 'duplicate', 'rejected',
] as const);

/** What someone does to a case; each moves it to exactly one status (see {@link transition}). */
export type CaseAction =
  | 'assign'
  | 'mark_cleaned'
  | 'mark_not_found'
  | 'escalate'
  | 'close'
  | 'reopen'
  | 'mark_duplicate'
  | 'reject';

/** Every action, for exhaustive tables and for {@link availableActions}. */
export const CASE_ACTIONS: readonly CaseAction[] = Object.freeze([
  'assign', 'mark_cleaned', 'mark_not_found', 'escalate', 'close', 'reopen', 'mark_duplicate', 'reject',
] as const);

/**
 * Who acts: `resident` (người dân; only as the case's reporter), `group_leader` / `deputy_group_leader`
 * (tổ trưởng / tổ phó; only for their own group's cases), `ward_officer` (cán bộ phường; only for their own
 * ward's cases), `system` (routing at intake, the deadline scheduler, closure after rating or timeout).
 * Other staff roles (unit heads, leaders, admins) act on plan tasks, not on cases.
 */
export type CaseActorRole = 'resident' | 'group_leader' | 'deputy_group_leader' | 'ward_officer' | 'system';

/** The parts of a case that decide what may happen to it. */
export interface CaseState {
  readonly status: CaseStatus;
  /** The tổ dân phố it is assigned to, or `null` before routing. */
  readonly groupId: number | null;
  readonly wardCode: string;
  /** The resident who reported it: the only resident who may reopen it. */
  readonly reporterPersonId: number;
}

/** The person (or the system) attempting an action, with the scope their role applies to. */
export interface CaseActor {
  /** `null` for the system. */
  readonly personId: number | null;
  readonly role: CaseActorRole;
  /** For group leaders: their tổ dân phố. */
  readonly groupId?: number | null;
  /** For ward officers: their ward. */
  readonly wardCode?: string | null;
}

/** The evidence an action comes with, and the ward's rule about it. */
export interface CaseActionInput {
  /** `mark_cleaned`: an after-photo (ảnh sau khi xử lý) is attached. */
  readonly hasAfterPhoto?: boolean;
  /** The ward's setting `afterPhotoRequired`: without it, "đã xóa" alone is accepted. */
  readonly afterPhotoRequired: boolean;
  /** `reopen`: the reporter sent a photo or a comment saying what is still there. */
  readonly hasPhotoOrComment?: boolean;
}

/**
 * Why an action was refused, most fundamental first (the first that applies is given):
 * - `not_allowed_for_role` — this role never does this action (a resident who is not the reporter gets this
 *   too, so a refusal never tells anyone whose case it is);
 * - `not_your_group` — right role, but another group's case (group leaders) or another ward's (ward officers);
 * - `invalid_from_state` — the action does not apply to the case's current status;
 * - `after_photo_required` — `mark_cleaned` without an after-photo where the ward requires one;
 * - `photo_or_comment_required` — `reopen` without a photo or a comment saying what is still there.
 */
export type TransitionRefusal =
  | 'not_allowed_for_role'
  | 'not_your_group'
  | 'invalid_from_state'
  | 'after_photo_required'
  | 'photo_or_comment_required';

/** The answer of {@link transition}: the status to write, or why not (a code the chat turns into a sentence). */
export type TransitionResult =
  | { readonly ok: true; readonly to: CaseStatus }
  | { readonly ok: false; readonly reason: TransitionRefusal };

interface ActionRule {
  readonly from: readonly CaseStatus[];
  readonly to: CaseStatus;
}

/**
 * The state machine. Decisions beyond the obvious:
 * - `close` only from `cleaned` / `not_found`: a case never closes without an outcome. A ward officer who wants
 *   to end a case early says which outcome (mark_cleaned, mark_not_found, mark_duplicate or reject), so every
 *   closed case has a recorded result and the statistics stay honest.
 * - `escalated` cases can be cleaned or declared not found directly (the ward team, or the group after help
 *   arrived), re-assigned, or rejected.
 * - `reopen` counts against the cleanup: statistics treat a reopen event as a cleanup that did not hold.
 * - `duplicate` and `rejected` are final; `closed` is final except for the reporter's reopen.
 */
const RULES: Readonly<Record<CaseAction, ActionRule>> = Object.freeze({
  assign: { from: ['received', 'escalated', 'reopened'], to: 'assigned' },
  mark_cleaned: { from: ['assigned', 'reopened', 'escalated'], to: 'cleaned' },
  mark_not_found: { from: ['assigned', 'reopened', 'escalated'], to: 'not_found' },
  escalate: { from: ['assigned', 'reopened'], to: 'escalated' },
  close: { from: ['cleaned', 'not_found'], to: 'closed' },
  reopen: { from: ['cleaned', 'not_found', 'closed'], to: 'reopened' },
  mark_duplicate: { from: ['received', 'assigned'], to: 'duplicate' },
  reject: { from: ['received', 'assigned', 'escalated'], to: 'rejected' },
});

/**
 * Which actions each role may take at all. The system escalates too: the deadline scheduler escalates an
 * overdue case on its due date (see `case-deadlines.ts`), which is how a tổ that ignores a case reaches the ward.
 */
const ROLE_ACTIONS: Readonly<Record<CaseActorRole, ReadonlySet<CaseAction>>> = Object.freeze({
  resident: new Set<CaseAction>(['reopen']),
  group_leader: new Set<CaseAction>(['mark_cleaned', 'mark_not_found', 'escalate']),
  deputy_group_leader: new Set<CaseAction>(['mark_cleaned', 'mark_not_found', 'escalate']),
  ward_officer: new Set<CaseAction>(CASE_ACTIONS.filter((action) => action !== 'reopen')),
  system: new Set<CaseAction>(['assign', 'escalate', 'close']),
});

/** Scope check for a role that may take the action: the reporter, the assigned group, or the case's ward. */
function scopeRefusal(caseState: CaseState, actor: CaseActor): TransitionRefusal | null {
  switch (actor.role) {
    case 'resident':
      // Only the reporter acts on a case; any other resident has no role on it.
      return actor.personId !== null && actor.personId === caseState.reporterPersonId ? null : 'not_allowed_for_role';
    case 'group_leader':
    case 'deputy_group_leader':
      return caseState.groupId !== null && actor.groupId === caseState.groupId ? null : 'not_your_group';
    case 'ward_officer':
      return actor.wardCode === caseState.wardCode ? null : 'not_your_group';
    case 'system':
      return null;
  }
}

/**
 * May `actor` take `action` on the case, and to which status does it move? Checks, in order: the role may take
 * the action at all, the case is within the actor's scope (their report, their group, their ward), the action
 * applies from the current status, and the evidence is there (an after-photo for `mark_cleaned` when the ward
 * requires one; a photo or comment for `reopen`). Pure: the caller writes the new status and the event.
 */
export function transition(
  caseState: CaseState,
  action: CaseAction,
  actor: CaseActor,
  input: CaseActionInput,
): TransitionResult {
  const rule = RULES[action];
  if (rule === undefined || !ROLE_ACTIONS[actor.role]?.has(action)) return { ok: false, reason: 'not_allowed_for_role' };
  const scope = scopeRefusal(caseState, actor);
  if (scope !== null) return { ok: false, reason: scope };
  if (!rule.from.includes(caseState.status)) return { ok: false, reason: 'invalid_from_state' };
  if (action === 'mark_cleaned' && input.afterPhotoRequired && input.hasAfterPhoto !== true) {
    return { ok: false, reason: 'after_photo_required' };
  }
  if (action === 'reopen' && input.hasPhotoOrComment !== true) {
    return { ok: false, reason: 'photo_or_comment_required' };
  }
  return { ok: true, to: rule.to };
}

/**
 * The actions `actor` could take on the case now, evidence aside (the chat asks for the photo when the person
 * picks the action): what to offer as buttons or typed choices, in {@link CASE_ACTIONS} order.
 */
export function availableActions(caseState: CaseState, actor: CaseActor): CaseAction[] {
  return CASE_ACTIONS.filter(
    (action) =>
      transition(caseState, action, actor, { afterPhotoRequired: false, hasPhotoOrComment: true }).ok,
  );
}

/**
 * Statuses where someone still has to act (the case counts against the group's or the ward's deadline):
 * received, assigned, escalated, reopened. `cleaned` and `not_found` are resolved and only wait for the
 * reporter (rating, reopen, or the timeout that closes them); the last four are done.
 */
export function isOpen(status: CaseStatus): boolean {
  return status === 'received' || status === 'assigned' || status === 'escalated' || status === 'reopened';
}

/**
 * What a resident sees, in iHanoi's four words (chờ xử lý / đang xử lý / đã xử lý / đã từ chối), with two
 * refinements that matter to a reporter: "not found" is not "handled", and a duplicate is not a refusal.
 * Internal steps are hidden: an escalated or reopened case is simply "being handled".
 */
export const PUBLIC_STATUS_LABELS: Readonly<Record<CaseStatus, string>> = Object.freeze({
  received: 'Chờ xử lý',
  assigned: 'Đang xử lý',
  escalated: 'Đang xử lý',
  reopened: 'Đang xử lý',
  cleaned: 'Đã xử lý',
  closed: 'Đã xử lý',
  not_found: 'Đã kiểm tra, không phát hiện quảng cáo',
  duplicate: 'Đã gộp với phản ánh trùng',
  rejected: 'Đã từ chối',
});

/** The status as residents read it ({@link PUBLIC_STATUS_LABELS}), for lookups and status-change messages. */
export function publicStatusLabel(status: CaseStatus): string {
  return PUBLIC_STATUS_LABELS[status];
}
