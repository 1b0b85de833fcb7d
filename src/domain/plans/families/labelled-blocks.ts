/**
 * Family 1: items whose parts are labelled.
 *
 *   2. Chủ trì, phối hợp … kiểm tra, xử lý chủ thuê bao …          1. Tuyên truyền, vận động Nhân dân
 *   * Nhiệm vụ:                                                    a) Nội dung: Tuyên truyền trên …
 *   - Xây dựng Quy trình xử lý …                                   b) Cơ quan thực hiện: Phòng … chủ trì, …
 *   - Phối hợp Sở Văn hóa, Thể thao và Du lịch, … thống kê …       c) Thời gian: Quý II/2026.
 *   * Đơn vị thực hiện: Phòng Hạ tầng số và Quản lý chuyên ngành.
 *   * Thời gian thực hiện: năm 2026 và các năm tiếp theo.
 *
 * Each bullet (or the inline text) of the content label is a task; they share the unit and time labels.
 * When a plan is written this way, its labelled items are its task list.
 */
import { readAssignmentField, readCoordinating } from '../assignment.js';
import type { OutlineNode } from '../plan-outline.js';
import { leaves, refPath, sectionText } from '../plan-outline.js';
import { foldSameLength } from '../same-length-fold.js';
import type { TaskDraft } from '../task-draft.js';
import { splitUnitNames } from '../unit-names.js';
import { isNotATask } from './item-filters.js';

type LabelKind = 'content' | 'lead' | 'joint' | 'time';

const LABELS: readonly { kind: LabelKind; pattern: RegExp }[] = [
  { kind: 'content', pattern: /^(?:nhiem vu|noi dung(?: cong viec| thuc hien| nhiem vu)?)\s*:/ },
  { kind: 'lead', pattern: /^(?:(?:don vi|co quan) (?:thuc hien|chu tri)|chu tri)\s*:/ },
  { kind: 'joint', pattern: /^(?:(?:don vi|co quan) )?phoi hop\s*:/ },
  {
    kind: 'time',
    pattern: /^(?:thoi gian(?: thuc hien| hoan thanh)?|thoi han(?: hoan thanh)?|tien do(?: thuc hien)?)\s*:/,
  },
];

interface Label {
  kind: LabelKind;
  node: OutlineNode;
  /** Text after the colon, as written. */
  value: string;
}

function readLabel(node: OutlineNode): Label | null {
  const folded = foldSameLength(node.text);
  for (const { kind, pattern } of LABELS) {
    const m = pattern.exec(folded);
    if (m) return { kind, node, value: node.text.slice(m[0].length).trim() };
  }
  return null;
}

/** Tasks from every labelled item of the outline, in plan order. */
export function labelledBlockDrafts(root: OutlineNode): TaskDraft[] {
  return findBlocks(root).flatMap(readBlock);
}

/** Nodes with a content label and a unit or time label among their children. */
function findBlocks(node: OutlineNode): OutlineNode[] {
  const kinds = new Set(node.children.map(readLabel).map((l) => l?.kind));
  if (kinds.has('content') && (kinds.has('lead') || kinds.has('time'))) return [node];
  return node.children.flatMap(findBlocks);
}

function readBlock(block: OutlineNode): TaskDraft[] {
  const labels = block.children.map(readLabel);
  const valuesOf = (kind: LabelKind) =>
    labels
      .filter((l): l is Label => l?.kind === kind)
      .map((l) => [l.value, ...l.node.children.map((c) => c.text)].filter((v) => v !== '').join('; '));
  const assignment = readAssignmentField(valuesOf('lead').join('; '));
  const joint = valuesOf('joint').flatMap(splitUnitNames);
  const timeframe = valuesOf('time').join('; ').replace(/[.;\s]+$/, '') || null;
  const ref = refPath(block);
  const section = sectionText(block);
  return contentItems(block, labels).map((item, i) => ({
    ref: `${ref}-${i + 1}`,
    content: item.text,
    lead: assignment.lead,
    coordinating: [...assignment.coordinating, ...joint, ...readCoordinating(item.text)],
    timeframe,
    section,
    family: 'labelled-block' as const,
    line: item.line,
  }));
}

/**
 * What the content label holds: its bullets or paragraphs (also when they follow it as siblings, if the
 * label was a plain line), or else its inline text.
 */
function contentItems(block: OutlineNode, labels: readonly (Label | null)[]): { text: string; line: number }[] {
  const items: { text: string; line: number }[] = [];
  labels.forEach((label, i) => {
    if (label?.kind !== 'content') return;
    const following: OutlineNode[] = [];
    for (let j = i + 1; j < labels.length && labels[j] === null; j++) following.push(block.children[j]!);
    const below = leaves([...label.node.children, ...following]).filter((n) => !isNotATask(n.text));
    if (below.length > 0) items.push(...below.map((n) => ({ text: n.text, line: n.line })));
    else if (label.value !== '') items.push({ text: label.value, line: label.node.line });
  });
  return items;
}
