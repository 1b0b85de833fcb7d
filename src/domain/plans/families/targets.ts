/**
 * Family 3: numbered targets (chỉ tiêu) "(01) Chỉ số DTI hằng năm của thành phố top 5 …". Each is a task; its
 * lead is the one it names, else the unit whose heading it sits under, else none (the reviewer assigns it).
 * Targets count wherever they are, also under "Mục tiêu".
 */
import { readCoordinating, readOwnLead } from '../assignment.js';
import type { OutlineNode } from '../plan-outline.js';
import { isNumbered, refPath, sectionText } from '../plan-outline.js';
import type { TaskDraft } from '../task-draft.js';
import { readUnitHeading } from './unit-duties.js';

/** One task per "(01)" item of the outline, in plan order. */
export function targetDrafts(root: OutlineNode): TaskDraft[] {
  return targetNodes(root).map((node) => {
    const unit = enclosingUnit(node);
    return {
      ref: refPath(node),
      content: node.text,
      lead: readOwnLead(node.text) ?? unit?.names ?? [],
      leadWritten: unit?.written,
      coordinating: readCoordinating(node.text),
      section: sectionText(node.parent),
      family: 'target' as const,
      line: node.line,
    };
  });
}

function targetNodes(node: OutlineNode): OutlineNode[] {
  return node.children.flatMap((c) => (c.marker === 'target' ? [c] : targetNodes(c)));
}

function enclosingUnit(node: OutlineNode) {
  for (let n = node.parent; n && n.parent; n = n.parent) {
    const unit = isNumbered(n) ? readUnitHeading(n.text) : null;
    if (unit) return unit;
  }
  return null;
}
