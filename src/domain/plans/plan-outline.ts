/**
 * Blocks → an outline tree, from the numbering alone. Heading levels in exported markdown cannot be trusted
 * (seed 003 puts "2. Văn phòng Sở" under `##` and "3. Phòng Quản lý Công nghệ" under `###`), but numbering
 * can: a marker of a kind already open closes everything below it and becomes its sibling; a new kind nests.
 */
import type { Block, MarkerType } from './plan-text.js';
import { isNotATask } from './families/item-filters.js';
import { foldSameLength } from './same-length-fold.js';

/** A node of the outline: a numbered heading, a bullet, a label line or a paragraph, with what it contains. */
export interface OutlineNode extends Block {
  children: OutlineNode[];
  parent: OutlineNode | null;
}

/** Bullets hold text; a paragraph after them belongs to the heading above, not to the last bullet. */
const BULLETS: readonly MarkerType[] = ['dash', 'plus'];

/**
 * Builds the tree. Everything from "Nơi nhận:" (distribution list, signature) up to a "PHỤ LỤC" is left out:
 * it is never a task. A "PHỤ LỤC" starts again from the top: what follows is not part of the last section.
 * Paragraphs that are never tasks (notes in parentheses, closing formulas, signatures) are dropped too, so
 * that they do not turn the item above them into a heading.
 */
export function buildOutline(blocks: readonly Block[]): OutlineNode {
  const root: OutlineNode = { marker: null, markerText: '', text: '', line: 0, children: [], parent: null };
  let stack: OutlineNode[] = [root];
  let inDistribution = false;
  for (const block of blocks) {
    const folded = foldSameLength(block.text);
    const isAppendix = block.marker === null && /^phu luc\b/.test(folded);
    if (block.marker === null && /^noi nhan\b/.test(folded)) inDistribution = true;
    if (isAppendix) [inDistribution, stack] = [false, [root]];
    if (inDistribution) continue;
    if (block.marker === null && isNotATask(block.text)) continue;
    const node: OutlineNode = { ...block, children: [], parent: null };
    if (block.marker === null) {
      attach(deepestHolder(stack), node);
      continue;
    }
    const sameKind = stack.findIndex((n) => n.marker === block.marker);
    if (sameKind > 0) stack = stack.slice(0, sameKind);
    // Numbered items never sit under a bullet: "1. MỤC TIÊU" after a stray "- …" line is not its child.
    if (!BULLETS.includes(block.marker)) {
      while (stack.length > 1 && BULLETS.includes(stack[stack.length - 1]!.marker!)) stack.pop();
    }
    attach(stack[stack.length - 1]!, node);
    stack.push(node);
  }
  return root;
}

function deepestHolder(stack: readonly OutlineNode[]): OutlineNode {
  for (let i = stack.length - 1; i > 0; i--) {
    const node = stack[i]!;
    if (!BULLETS.includes(node.marker as MarkerType)) return node;
  }
  return stack[0]!;
}

function attach(parent: OutlineNode, child: OutlineNode): void {
  child.parent = parent;
  parent.children.push(child);
}

/** True for numbered headings (I., 1., 1.1., a)), which name sections; bullets and paragraphs hold text. */
export function isNumbered(node: OutlineNode): boolean {
  return node.marker === 'roman' || node.marker === 'number' || node.marker === 'subnumber' || node.marker === 'letter';
}

/** The heading as written, without a trailing colon: "III. TỔ CHỨC THỰC HIỆN". */
export function headingText(node: OutlineNode): string {
  const text = node.text.replace(/\s*:\s*$/, '');
  return node.markerText ? `${node.markerText} ${text}` : text;
}

/** Headings from the top down to `node` included, as written. */
export function headingPath(node: OutlineNode | null): OutlineNode[] {
  const path: OutlineNode[] = [];
  for (let n = node; n && n.parent; n = n.parent) path.unshift(n);
  return path;
}

/** The numbering of a heading for task refs: "II.", "1.1", "a)", "(01)" → "II", "1.1", "a", "(01)". */
export function refPart(node: OutlineNode): string {
  return node.marker === 'target' ? node.markerText : node.markerText.replace(/[.)]+$/, '');
}

/** Sections whose content is never a task: purposes, requirements, principles, targets groups, funding, legal bases. */
export function isNarrativeSection(node: OutlineNode): boolean {
  return /^(muc dich|muc tieu|yeu cau|quan diem|kinh phi|can cu|doi tuong|nguyen tac|pham vi)/.test(foldSameLength(node.text));
}

/** The ref of a heading from its numbering: "II.1.a", "III.3", "II.1.(01)". */
export function refPath(node: OutlineNode | null): string {
  const parts: string[] = [];
  for (const n of headingPath(node)) {
    if (n.markerText === '') continue;
    const part = refPart(n);
    // "1.1" under "1" already says where it is: III > 1 > 1.1 → "III.1.1", not "III.1.1.1".
    if (parts.length > 0 && part.startsWith(`${parts[parts.length - 1]}.`)) parts.pop();
    parts.push(part);
  }
  return parts.join('.');
}

/** The section a task sits in: the headings down to `node`, as written, joined with " > ". */
export function sectionText(node: OutlineNode | null): string {
  return headingPath(node)
    .filter((n) => n.marker !== null && n.marker !== 'dash' && n.marker !== 'plus' && n.marker !== 'star')
    .map(headingText)
    .join(' > ');
}

/** The plan lines (1-based) a node spans: a wrapped paragraph spans several. */
export function spanOf(node: OutlineNode): number[] {
  const lines: number[] = [];
  for (let n = node.line; n <= (node.endLine ?? node.line); n++) lines.push(n);
  return lines;
}

/** The node's own text and the items below it that hold no further items (depth first). */
export function leaves(nodes: readonly OutlineNode[]): OutlineNode[] {
  return nodes.flatMap((n) => (n.children.length > 0 ? leaves(n.children) : [n]));
}
