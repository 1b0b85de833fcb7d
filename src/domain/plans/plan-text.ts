/**
 * Plan text → logical blocks (one heading, bullet or paragraph each).
 *
 * Plans reach us in two shapes: one paragraph per line with blank lines between (.docx, .md exports), and
 * hard-wrapped at ~80 characters with no blank lines at all (PDF/HTML copies, seed 004). Both become the same
 * blocks here, so the structure readers never see line wrapping, markdown decoration or page breaks.
 */

/** The numbering that opens a block, which gives it its place in the outline. */
export type MarkerType =
  | 'roman' // I.  II.  III.
  | 'number' // 1.  2)
  | 'subnumber' // 1.1.  2.3
  | 'letter' // a)  b)
  | 'target' // (01)  (1)
  | 'dash' // -  –  •
  | 'plus' // +
  | 'star'; // *

/** One logical line of the plan. */
export interface Block {
  marker: MarkerType | null;
  /** The marker as written ("II.", "a)", "(01)", "-"); empty for paragraphs. */
  markerText: string;
  /** The text after the marker, wrapped lines joined. */
  text: string;
  /** 1-based line of the plan where the block starts (for ordering and messages). */
  line: number;
  /** 1-based line where it ends (wrapped blocks span several), for quoting the source. */
  endLine?: number;
}

const MARKERS: readonly { type: MarkerType; pattern: RegExp }[] = [
  { type: 'roman', pattern: /^((?=[IVX])X{0,3}(?:IX|IV|V?I{0,3}))\.\s+/ },
  { type: 'subnumber', pattern: /^(\d{1,2}(?:\.\d{1,2})+)\.?\s+/ },
  { type: 'number', pattern: /^(\d{1,2})[.)]\s+/ },
  { type: 'letter', pattern: /^([a-zđ])\)\s+/ },
  { type: 'target', pattern: /^(\(\d{1,2}\))\s+/ },
  { type: 'dash', pattern: /^([-–—•])\s*(?=\S)/ },
  { type: 'plus', pattern: /^(\+)\s+/ },
  { type: 'star', pattern: /^(\*)\s+/ },
];

/** NFC, unix newlines, no BOM or tabs, markdown decoration removed: what every reader starts from. */
export function normalizePlanLines(raw: string): string[] {
  return raw
    .normalize('NFC')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    // cells of a table pasted from a spreadsheet (two tab gaps or more) become "|" cells; other tabs are spaces
    .map((line) => (/\S\t+\S.*\t+\S/.test(line) ? line.trim().replace(/\t+/g, ' | ') : line))
    .map((line) => line.replace(/[\t\u00A0\u202F]/g, ' '))
    .map(stripMarkdown);
}

/** "## **2. Văn phòng Sở**" → "2. Văn phòng Sở"; "“*văn hóa giao thông*”" → "“văn hóa giao thông”". */
export function stripMarkdown(line: string): string {
  return line
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/(?<![\p{L}\p{N}*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\p{L}\p{N}*])/gu, '$1')
    .trimEnd();
}

/** The marker that opens `line`, if any. */
export function readMarker(line: string): { type: MarkerType; text: string; rest: string } | null {
  for (const { type, pattern } of MARKERS) {
    const m = pattern.exec(line);
    if (m && m[0].length > 0) return { type, text: m[0].trim(), rest: line.slice(m[0].length) };
  }
  return null;
}

/** Lines that only draw a table or a rule ("|", "-------"): layout, not text. */
export function isLayoutLine(line: string): boolean {
  return /^\s*(\||-{3,}|_{3,})\s*$/.test(line);
}

/**
 * Joins physical lines into blocks. A block ends at a blank line (unless the next line starts in lower case:
 * a paragraph broken by a page), before a marker line, or after a line ending a sentence when the next starts
 * with a capital. A short heading line ("3.12. Sở Văn hóa và Thể thao") also ends its block when the next line
 * starts with a capital and is not the rest of the heading (which ends with ":").
 */
export function toBlocks(lines: readonly string[], firstLine = 1): Block[] {
  const blocks: Block[] = [];
  let current: { block: Block; lastLine: string } | null = null;
  let afterBlank = true;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || isLayoutLine(line)) {
      afterBlank = true;
      return;
    }
    if (current && continues(current, line, afterBlank)) {
      current.block.text = `${current.block.text} ${line}`;
      current.block.endLine = firstLine + i;
      current.lastLine = line;
    } else {
      const marker = readMarker(line);
      const block: Block = {
        marker: marker?.type ?? null,
        markerText: marker?.text ?? '',
        text: (marker?.rest ?? line).trim(),
        line: firstLine + i,
        endLine: firstLine + i,
      };
      blocks.push(block);
      current = { block, lastLine: line };
    }
    afterBlank = false;
  });
  for (const b of blocks) b.text = b.text.replace(/\s+/g, ' ').trim();
  return blocks;
}

function continues(current: { block: Block; lastLine: string }, next: string, afterBlank: boolean): boolean {
  if (readMarker(next)) return false;
  const startsLower = /^[\p{Ll}]/u.test(next);
  if (afterBlank || startsLower) return startsLower;
  if (/[.!?:]["”’)]*$/.test(current.lastLine)) return false;
  if (current.block.text.startsWith('(') && current.lastLine.endsWith(')')) return false;
  const isHeading = current.block.marker !== null && !['dash', 'plus', 'star'].includes(current.block.marker);
  if (isHeading && current.lastLine.length < 45 && !/:\s*$/.test(next) && !isAllCaps(next)) return false;
  return true;
}

/** True for "MỤC ĐÍCH, YÊU CẦU" and other all-capital lines (titles, section names). */
export function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length > 1 && letters === letters.toUpperCase();
}
