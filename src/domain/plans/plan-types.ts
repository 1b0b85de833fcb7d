/**
 * What the plan importer proposes from a plan (kế hoạch): the plan's identity and its tasks (nhiệm vụ).
 *
 * Everything here is a *proposal*: people confirm it before anything is committed. Names are kept as the plan
 * writes them (so the admin recognises them); the matching unit codes sit next to them, null when unknown.
 * Dates are ISO `YYYY-MM-DD` calendar dates (Asia/Ho_Chi_Minh), or null when the plan does not give one.
 * This is also the shape printed by `plan import <file> --json`.
 */

/**
 * How often a task comes due.
 * - `none`: once, on `dueOn`.
 * - `monthly` / `quarterly` / `half_yearly` / `yearly`: `dueOn` is the first occurrence and the task repeats
 *   every period after it ("năm 2026 và các năm tiếp theo", "hằng quý"). For a multi-year window
 *   ("giai đoạn 2026–2030") `dueOn` is the end of the window and `yearly` asks for yearly checkpoints from
 *   `startOn` up to it.
 * - `continuous` ("thường xuyên"): no due date (unless the plan also names one, which is then the first
 *   check); progress is checked in periodically (monthly by default, a reminder-policy decision, not the
 *   parser's).
 */
export type Recurrence = 'none' | 'monthly' | 'quarterly' | 'half_yearly' | 'yearly' | 'continuous';

/** All {@link Recurrence} values, for validation and tests. */
export const RECURRENCES: readonly Recurrence[] = [
  'none',
  'monthly',
  'quarterly',
  'half_yearly',
  'yearly',
  'continuous',
];

/** The dates read from a time expression ("Quý IV/2025; tiếp tục thực hiện hằng năm"). */
export interface TimeframeReading {
  /** Start of the window the expression names (first day of the quarter, month, year…), or null. */
  startOn: string | null;
  /** Proposed due date (hạn), or null when the expression gives none. See {@link Recurrence}. */
  dueOn: string | null;
  recurrence: Recurrence;
  /** Why a date is missing or was assumed (English, for the admin reviewing the import). */
  warnings: string[];
}

/**
 * Which structure of the plan a task was read from, so the reviewer knows how much to trust it.
 * - `labelled-block`: items with `Nhiệm vụ:` / `Đơn vị thực hiện:` / `Thời gian thực hiện:` labels, or
 *   `a) Nội dung / b) Cơ quan thực hiện / c) Thời gian` blocks.
 * - `unit-duties`: a heading naming a unit, its duties as bullets or paragraphs (Tổ chức thực hiện).
 * - `assigned-item`: an item or paragraph that names its own lead ("Giao Văn phòng Sở theo dõi…", "Sở X chủ
 *   trì…", "UBND Thành phố giao X tham mưu…"), or a numbered duty whose unit is named on the line under it.
 * - `target`: a numbered target (chỉ tiêu) `(01)`, `(02)`…
 * - `appendix-table`: a row of a task table (TT, Nội dung, Bắt đầu, Hoàn thành / Thời hạn, Chủ trì, Phối hợp…).
 */
export type TaskFamily = 'labelled-block' | 'unit-duties' | 'assigned-item' | 'target' | 'appendix-table';

/** How sure the importer is of one reading: the reviewer looks at `low` first. */
export type ConfidenceLevel = 'high' | 'medium' | 'low';

/** All {@link ConfidenceLevel} values. */
export const CONFIDENCE_LEVELS: readonly ConfidenceLevel[] = ['high', 'medium', 'low'];

/** One field's confidence and why ("lead unit from the table column", "due date from the section heading"). */
export interface FieldConfidence {
  level: ConfidenceLevel;
  /** Why (English, for the reviewer), naming where in the plan the value came from. */
  reason: string;
}

/** The confidence of a task and of each field the reviewer checks. */
export interface TaskConfidence {
  /** That this is a task at all (and not a purpose, a heading or a closing formula). */
  task: FieldConfidence;
  leadUnit: FieldConfidence;
  coordinatingUnits: FieldConfidence;
  dueOn: FieldConfidence;
  recurrence: FieldConfidence;
}

/** One proposed task (nhiệm vụ). */
export interface TaskProposal {
  /**
   * Where the task sits in the plan, built from the numbering of its headings ("II.2-3" = third task under
   * II.2; "PL.III.4" = row 4 of part III of the appendix). Unique within one proposal.
   */
  ref: string;
  /** The task as written (markdown emphasis removed, wrapped lines joined; sub-bullets kept on new lines). */
  content: string;
  /** Lead unit (đơn vị chủ trì) as written in the plan, or null when the plan names none. */
  leadUnit: string | null;
  /** The organisation's code for {@link TaskProposal.leadUnit}, or null when no matcher knows it. */
  leadUnitCode: string | null;
  /** Coordinating units (đơn vị phối hợp) as written; generic ones ("các đơn vị liên quan") are left out. */
  coordinatingUnits: string[];
  /** Codes parallel to {@link TaskProposal.coordinatingUnits}: `coordinatingUnitCodes[i]` is null when unknown. */
  coordinatingUnitCodes: (string | null)[];
  /** Thời gian thực hiện as written in the plan (or the phrase found in the task's text), or null. */
  timeframe: string | null;
  startOn: string | null;
  dueOn: string | null;
  recurrence: Recurrence;
  /** The headings above the task, as written, joined with " > ". */
  section: string;
  family: TaskFamily;
  /**
   * Collective units the plan names for the task, as written ("Các sở, ban, ngành", "UBND các xã, phường"):
   * not one unit, so not the lead, but the organisation can expand each to its members. Absent on proposals
   * read back from a corrected spreadsheet (`plan import-xlsx`), like the next two fields.
   */
  collectiveUnits?: string[];
  /** How sure the importer is of the task and each field, and why. */
  confidence?: TaskConfidence;
  /** The lines of the plan the task was read from (its own, and the heading or row that gave its lead). */
  evidence?: string[];
}

/** The plan's identity as read from its header. */
export interface PlanHeader {
  /** Số ký hiệu, e.g. "40/KH-UBND"; null when blank (drafts have "Số: /KH-UBND"). */
  number: string | null;
  /** Trích yếu: what the plan is about. */
  title: string | null;
  /** Cơ quan ban hành, e.g. "Ủy ban nhân dân phường Lê Chân". */
  issuer: string | null;
  /** Ngày ban hành; null when the day is left blank, as drafts do ("ngày   tháng 5 năm 2026"). */
  issuedOn: string | null;
}

/** Everything `plan import` proposes from one plan. */
export interface PlanProposal {
  plan: PlanHeader;
  tasks: TaskProposal[];
  /** Distinct unit names (as first written) that no unit code was found for: the admin maps them once. */
  unresolvedUnits: string[];
  /** Things the reviewer must look at (English): missing dates, missing leads, skipped items… */
  warnings: string[];
}

/** Resolves a unit name as written in a plan to the organisation's unit code. */
export interface UnitMatcher {
  match(name: string): { code: string } | null;
}
