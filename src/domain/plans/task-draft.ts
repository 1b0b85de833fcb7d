/**
 * A task as a structure reader found it, before dates are read and unit names matched: every family
 * (labelled blocks, unit duties, targets, appendix rows) produces these, and one builder finishes them.
 */
import type { FieldConfidence, TaskFamily, TimeframeReading } from './plan-types.js';

export interface TaskDraft {
  /** Ref from the plan's numbering; made unique by the builder. */
  ref: string;
  content: string;
  /** Lead names as written; the first is the lead, others co-leads. May hold generic names. */
  lead: string[];
  /** Where the lead came from when it is a heading ("Các phòng, đơn vị"), for the warning when it is generic. */
  leadWritten?: string;
  /** Coordinating names as written. May hold generic names. */
  coordinating: string[];
  /**
   * The time expression as written (a "Thời gian thực hiện" value). When undefined the builder looks for
   * time phrases in the content instead.
   */
  timeframe?: string | null;
  /** Already read dates (appendix rows read Bắt đầu / Hoàn thành themselves). */
  reading?: TimeframeReading;
  section: string;
  family: TaskFamily;
  /** Line of the plan where the task starts, to keep plan order. */
  line: number;
  /** Plan lines (1-based) to quote as evidence: the item's own, and the heading or row that gave its lead. */
  sourceLines?: number[];
  /** Evidence quoted as is when there are no plan lines to point at (a table row, as its cells). */
  evidenceText?: string[];
  /** Where the lead came from and how much to trust it; the builder lowers it when the lead is missing. */
  leadSource?: FieldConfidence;
  /** Where the timeframe came from ("the 'Thời gian' label", "the table column"); default: the task's text. */
  timeSource?: string;
}
