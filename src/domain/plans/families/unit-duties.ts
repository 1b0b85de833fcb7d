/**
 * Family 2: sections listing each unit with its duties (typically "Tổ chức thực hiện").
 *
 *   1. Phòng Kinh tế, Hạ tầng và Đô thị:            4. Văn phòng HĐND- UBND: chủ trì, phối hợp với … đẩy mạnh …
 *   - Chủ trì và triển khai Kế hoạch …              8. Đề nghị Công ty TNHH MTV Môi trường đô thị Hải Phòng
 *   - Chủ trì, phối hợp với các cơ quan … ;            chỉ đạo các Xí nghiệp … :
 *                                                   - Phối hợp với lực lượng chức năng của phường, …
 *
 * Every duty under a unit's heading is a task led by that unit ("chủ trì, phối hợp với X" adds X as
 * coordinating). Outside unit headings, an item becomes a task only when it names its own lead ("Giao Văn phòng
 * Sở theo dõi…"); items naming nobody are counted and reported, not proposed.
 */
import { readCoordinating, readOwnLead } from '../assignment.js';
import type { OutlineNode } from '../plan-outline.js';
import { isNarrativeSection, isNumbered, refPath, sectionText, spanOf } from '../plan-outline.js';
import type { FieldConfidence } from '../plan-types.js';
import type { TaskDraft } from '../task-draft.js';
import { cleanUnitName, splitUnitNames, startsWithDutyVerb, startsWithUnitName, unitListEnd } from '../unit-names.js';
import { isNotATask } from './item-filters.js';

/** A heading or item that names a unit: "1. Phòng Kinh tế, Hạ tầng và Đô thị:", "4. Văn phòng HĐND- UBND: …". */
export interface UnitHeading {
  /** The unit part as written ("Công ty TNHH MTV Môi trường đô thị Hải Phòng"). */
  written: string;
  names: string[];
  /** Text after the name that introduces the duties below ("chỉ đạo các Công ty công ích thực hiện:"). */
  intro: string | null;
  /** Text after the name that is itself a duty ("chủ trì, phối hợp với … đẩy mạnh tuyên truyền …"). */
  duty: string | null;
  /** The plan line that names the unit, quoted as evidence for the duties it covers. */
  line?: number;
  /** How the unit was found, for the confidence of the duties' lead. */
  source?: FieldConfidence;
}

/**
 * Longer than this, a "name" is a sentence ("Các doanh nghiệp viễn thông trên địa bàn căn cứ …"). A list of
 * collective units can be long: "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ và Ủy ban nhân dân các
 * tỉnh, thành phố trực thuộc trung ương" has 24 words.
 */
const MAX_NAME_WORDS = 26;

const FROM_HEADING: FieldConfidence = { level: 'high', reason: "lead unit from the section's heading" };
const FROM_COLON: FieldConfidence = { level: 'high', reason: 'lead unit named before the colon ("Unit: duty")' };
const FROM_OWN: FieldConfidence = { level: 'high', reason: 'the item names its own lead (… chủ trì / Giao … / … tham mưu)' };
const FROM_ABOVE: FieldConfidence = {
  level: 'medium',
  reason: 'lead unit from the paragraph above ("Unit: duty"), which this one continues',
};

/** What the duty walk found. */
export interface UnitDutyResult {
  drafts: TaskDraft[];
  /** Items that name no unit, by section: reported, not proposed. */
  unassigned: Map<string, number>;
}

interface Context {
  unit: UnitHeading | null;
  /** Coordinating units from an intro ("Chủ trì, phối hợp với Trung tâm …:") for the items under it. */
  coordinating: string[];
  heading: OutlineNode;
  counter: { n: number };
  /** False at the top of the plan, where paragraphs naming no unit are its preamble, not unassigned duties. */
  countUnassigned: boolean;
}

/** Walks the outline for unit duties and self-assigned items (numbered targets are left to their family). */
export function unitDutyDrafts(root: OutlineNode): UnitDutyResult {
  const result: UnitDutyResult = { drafts: [], unassigned: new Map() };
  const top: Context = { unit: null, coordinating: [], heading: root, counter: { n: 0 }, countUnassigned: false };
  walk(root.children, top, result);
  return result;
}

/**
 * Reads a unit heading. "Đề nghị", "Kính mời", "Giao" are dropped; the name ends at ":" or at the first
 * lower-case verb ("… Hải Phòng chỉ đạo …"). Bullets must use the "Unit: duty" form to count.
 */
export function readUnitHeading(text: string, requireColon = false): UnitHeading | null {
  const t = text.replace(/^(?:đề nghị|kính đề nghị|kính mời|giao)\s+/iu, '');
  const colon = t.indexOf(':');
  if (requireColon && colon < 0) return null;
  const namePart = colon >= 0 ? t.slice(0, colon) : t;
  const end = unitListEnd(namePart);
  const written = cleanUnitName(namePart.slice(0, end));
  if (!startsWithUnitName(written) || written.split(/\s+/).length > MAX_NAME_WORDS) return null;
  const afterName = namePart.slice(end).replace(/^[.\s]+/, '');
  const afterColon = colon >= 0 ? t.slice(colon + 1).trim() : '';
  const rest = [afterName, afterColon].filter((s) => s !== '').join(' ');
  const introduces = rest === '' || /:\s*$/.test(text);
  // "Văn phòng HĐND- UBND: chủ trì, …" → the duty is what follows the colon; "Giao Văn phòng Sở theo dõi …"
  // has no colon, and the duty is the whole sentence as written.
  const duty = afterColon !== '' && afterName === '' ? afterColon : text.trim();
  return {
    written,
    names: splitUnitNames(written),
    intro: introduces ? rest || null : null,
    duty: introduces ? null : duty,
  };
}

/**
 * Walks sibling nodes. A paragraph "Unit: duty" also gives its unit to the paragraphs right after it that go on
 * with a duty verb and name no unit ("Ủy ban MTTQ xã: Chủ trì …" / "Huy động và phân công …").
 */
function walk(nodes: readonly OutlineNode[], ctx: Context, result: UnitDutyResult): void {
  let running: UnitHeading | null = null;
  for (const node of nodes) {
    const paragraph = node.marker === null && node.children.length === 0;
    if (!paragraph) running = null;
    if (node.marker === 'target') continue;
    if (isNumbered(node) && isNarrativeSection(node)) continue;
    if (isNumbered(node) && node.children.length > 0) walkHeading(node, ctx, result);
    else if (node.children.length > 0) walkIntro(node, ctx, result);
    else if (isNotATask(node.text)) running = null;
    else if (paragraph && running && ctx.unit === null && continuesDuties(node.text)) {
      emit(node, node.text, running, ctx, placeOf(node, ctx), result);
    } else running = readItem(node, ctx, result);
  }
}

/** A paragraph that goes on with the duties above: it opens with a duty verb and names no unit of its own. */
function continuesDuties(text: string): boolean {
  return startsWithDutyVerb(text) && readOwnLead(text) === null && readUnitHeading(text, true) === null;
}

function walkHeading(node: OutlineNode, ctx: Context, result: UnitDutyResult): void {
  const found = readUnitHeading(node.text);
  const only = node.children.length === 1 ? node.children[0]! : null;
  // "1. Xây dựng cơ sở dữ liệu đất đai" / "Sở Nông nghiệp và Môi trường chủ trì, …": the heading is the duty,
  // the paragraph under it says who does it.
  const headsDuty = !found && only !== null && only.marker === null && only.children.length === 0;
  const own = headsDuty ? readOwnLead(only.text) : null;
  if (own && only) {
    const unit = namedBy(own, only);
    result.drafts.push({
      ref: `${refPath(node)}-1`,
      section: sectionText(node),
      content: `${node.text.replace(/[:.]\s*$/, '')}: ${only.text}`,
      lead: unit.names,
      leadWritten: unit.written,
      coordinating: [...ctx.coordinating, ...readCoordinating(only.text)],
      family: 'assigned-item',
      line: only.line,
      sourceLines: [...spanOf(node), ...spanOf(only)],
      leadSource: { level: 'high', reason: 'lead unit from the line under the duty (… chủ trì …)' },
    });
    return;
  }
  const unit = found && { ...found, line: node.line, source: FROM_HEADING };
  const inner: Context = { unit: unit ?? ctx.unit, coordinating: [], heading: node, counter: { n: 0 }, countUnassigned: true };
  if (unit?.duty) emit(node, unit.duty, unit, inner, placeUnder(inner), result);
  if (unit?.intro) inner.coordinating = readCoordinating(unit.intro);
  walk(node.children, inner, result);
}

/** A bullet introducing sub-bullets: the sub-bullets are the duties, with the intro's coordinating units. */
function walkIntro(node: OutlineNode, ctx: Context, result: UnitDutyResult): void {
  const own = readOwnLead(node.text);
  const unit = own ? namedBy(own, node) : ctx.unit;
  walk(node.children, { ...ctx, unit, coordinating: [...ctx.coordinating, ...readCoordinating(node.text)] }, result);
}

/** Reads one item; returns the unit it names in the "Unit: duty" form, for the paragraphs that continue it. */
function readItem(node: OutlineNode, ctx: Context, result: UnitDutyResult): UnitHeading | null {
  const found = readUnitHeading(node.text, !isNumbered(node));
  if (found) {
    const named = { ...found, line: node.line, source: isNumbered(node) && !node.text.includes(':') ? FROM_OWN : FROM_COLON };
    if (named.duty) emit(node, named.duty, named, ctx, placeOf(node, ctx), result);
    return named.duty && node.text.includes(':') ? named : null;
  }
  const own = readOwnLead(node.text);
  if (own) {
    emit(node, node.text, namedBy(own, node), ctx, placeOf(node, ctx), result, 'assigned-item');
    return null;
  }
  if (ctx.unit) {
    emit(node, node.text, ctx.unit, ctx, placeOf(node, ctx), result);
    return null;
  }
  if (ctx.countUnassigned) {
    const section = sectionText(ctx.heading);
    result.unassigned.set(section, (result.unassigned.get(section) ?? 0) + 1);
  }
  return null;
}

/** The lead an item names for itself ("Giao Văn phòng Sở …"), as a unit for the items it covers. */
function namedBy(names: string[], node: OutlineNode): UnitHeading {
  return { written: names.join(', '), names, intro: null, duty: null, line: node.line, source: FROM_OWN };
}

/** A numbered item is its own ref ("III.4"); bullets and paragraphs are counted under their heading ("III.1-3"). */
function placeOf(node: OutlineNode, ctx: Context): { ref: string; section: string } {
  return isNumbered(node) ? { ref: refPath(node), section: sectionText(node.parent) } : placeUnder(ctx);
}

function placeUnder(ctx: Context): { ref: string; section: string } {
  return { ref: `${refPath(ctx.heading)}-${++ctx.counter.n}`, section: sectionText(ctx.heading) };
}

function emit(
  node: OutlineNode,
  content: string,
  unit: UnitHeading,
  ctx: Context,
  place: { ref: string; section: string },
  result: UnitDutyResult,
  family: 'unit-duties' | 'assigned-item' = 'unit-duties',
): void {
  result.drafts.push({
    ...place,
    content,
    lead: unit.names,
    leadWritten: unit.written,
    coordinating: [...ctx.coordinating, ...readCoordinating(content)],
    family,
    line: node.line,
    sourceLines: [...(unit.line === undefined ? [] : [unit.line]), ...spanOf(node)],
    leadSource: unit.line === node.line || unit === ctx.unit ? unit.source : FROM_ABOVE,
  });
}
