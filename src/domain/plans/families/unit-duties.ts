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
import { isNarrativeSection, isNumbered, refPath, sectionText } from '../plan-outline.js';
import type { TaskDraft } from '../task-draft.js';
import { cleanUnitName, splitUnitNames, startsWithUnitName, unitListEnd } from '../unit-names.js';
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
}

/** Longer than this, a "name" is a sentence ("Các doanh nghiệp viễn thông trên địa bàn căn cứ …"). */
const MAX_NAME_WORDS = 20;

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
}

/** Walks the outline for unit duties and self-assigned items (numbered targets are left to their family). */
export function unitDutyDrafts(root: OutlineNode): UnitDutyResult {
  const result: UnitDutyResult = { drafts: [], unassigned: new Map() };
  walk(root.children.filter(isNumbered), { unit: null, coordinating: [], heading: root, counter: { n: 0 } }, result);
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

function walk(nodes: readonly OutlineNode[], ctx: Context, result: UnitDutyResult): void {
  for (const node of nodes) {
    if (node.marker === 'target') continue;
    if (isNumbered(node) && isNarrativeSection(node)) continue;
    if (isNumbered(node) && node.children.length > 0) walkHeading(node, ctx, result);
    else if (node.children.length > 0) walkIntro(node, ctx, result);
    else if (!isNotATask(node.text)) readItem(node, ctx, result);
  }
}

function walkHeading(node: OutlineNode, ctx: Context, result: UnitDutyResult): void {
  const unit = readUnitHeading(node.text);
  const inner: Context = { unit: unit ?? ctx.unit, coordinating: [], heading: node, counter: { n: 0 } };
  if (unit?.duty) emit(node, unit.duty, unit, inner, placeUnder(inner), result);
  if (unit?.intro) inner.coordinating = readCoordinating(unit.intro);
  walk(node.children, inner, result);
}

/** A bullet introducing sub-bullets: the sub-bullets are the duties, with the intro's coordinating units. */
function walkIntro(node: OutlineNode, ctx: Context, result: UnitDutyResult): void {
  const own = readOwnLead(node.text);
  const unit = own ? namedBy(own) : ctx.unit;
  walk(node.children, { ...ctx, unit, coordinating: [...ctx.coordinating, ...readCoordinating(node.text)] }, result);
}

function readItem(node: OutlineNode, ctx: Context, result: UnitDutyResult): void {
  const named = readUnitHeading(node.text, !isNumbered(node));
  if (named) {
    if (named.duty) emit(node, named.duty, named, ctx, placeOf(node, ctx), result);
    return;
  }
  const own = readOwnLead(node.text);
  if (own) return emit(node, node.text, namedBy(own), ctx, placeOf(node, ctx), result, 'assigned-item');
  if (ctx.unit) return emit(node, node.text, ctx.unit, ctx, placeOf(node, ctx), result);
  const section = sectionText(ctx.heading);
  result.unassigned.set(section, (result.unassigned.get(section) ?? 0) + 1);
}

/** The lead an item names for itself ("Giao Văn phòng Sở …"), as a unit for the items it covers. */
function namedBy(names: string[]): UnitHeading {
  return { written: names.join(', '), names, intro: null, duty: null };
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
  });
}
