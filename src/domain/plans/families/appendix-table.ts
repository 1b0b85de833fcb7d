/**
 * Family 4: the appendix table (phụ lục), flattened to one cell per line with "|" lines between cells:
 *
 *   TT | Nội dung nhiệm vụ | Thời gian | Nguồn vốn | Phân công trách nhiệm | Bắt đầu | Hoàn thành | Cơ quan chủ trì
 *   | Cơ quan phối hợp | I | Đẩy mạnh chỉnh trang, … | | | | | | 1 | Phê duyệt Điều chỉnh … | | Trong năm 2023 | …
 *
 * The header may be two rows flattened into one run ("Thời gian" over "Bắt đầu / Hoàn thành", "Phân công
 * trách nhiệm" over "Chủ trì / Phối hợp"); the data columns are worked out from the labels. Rows numbered
 * I, II… are parts, rows with only a text are sub-parts, numbered rows are tasks.
 */
import type { TaskDraft } from '../task-draft.js';
import type { TimeContext } from '../time-expressions.js';
import { parseTimeRange, parseTimeframe } from '../time-expressions.js';
import { isLayoutLine } from '../plan-text.js';
import { foldSameLength } from '../same-length-fold.js';
import { splitUnitNames } from '../unit-names.js';

type Column = 'tt' | 'content' | 'start' | 'end' | 'timeframe' | 'funding' | 'lead' | 'joint' | 'other';
type HeaderKind = Column | 'timeGroup' | 'assignGroup';

const HEADER_LABELS: readonly { kind: HeaderKind; pattern: RegExp }[] = [
  { kind: 'tt', pattern: /^s?tt$/ },
  { kind: 'content', pattern: /^(?:noi dung|ten nhiem vu|nhiem vu)/ },
  { kind: 'start', pattern: /^(?:bat dau|thoi gian bat dau|tu ngay)/ },
  { kind: 'end', pattern: /^(?:hoan thanh|ket thuc|thoi gian hoan thanh|thoi han|den ngay|han hoan thanh)/ },
  { kind: 'timeGroup', pattern: /^thoi gian$/ },
  { kind: 'timeframe', pattern: /^(?:thoi gian thuc hien|tien do)/ },
  { kind: 'funding', pattern: /^(?:nguon von|kinh phi|du kien kinh phi)/ },
  { kind: 'assignGroup', pattern: /^phan cong/ },
  { kind: 'lead', pattern: /^(?:(?:co quan|don vi)(?: ?\/ ?(?:co quan|don vi))? )?(?:chu tri|thuc hien)/ },
  { kind: 'joint', pattern: /^(?:(?:co quan|don vi)(?: ?\/ ?(?:co quan|don vi))? )?phoi hop/ },
  { kind: 'other', pattern: /^(?:san pham|ket qua|ghi chu)/ },
];

/** One flattened table: its title, the lines it spanned, and its cells in order. */
export interface FlatTable {
  title: string;
  cells: string[];
  firstLine: number;
  /**
   * For a table written one row per line (markdown pipes, tabs): how many header cells it has (every one is a
   * column, unknown labels too) and the plan line of each data row.
   */
  rowForm?: { headerCells: number; rowLines: number[] };
}

/**
 * Finds flattened task tables ("TT" then "|" then "Nội dung…") and takes them out of the lines, which are
 * returned with the table lines blanked (so line numbers still match the plan).
 */
export function extractTables(lines: readonly string[]): { tables: FlatTable[]; rest: string[] } {
  const rest = [...lines];
  const tables: FlatTable[] = [];
  for (let i = 0; i < rest.length; i++) {
    const rows = rowTable(rest, i);
    if (rows) {
      tables.push({ ...rows.table, title: tableTitle(rest, i) });
      for (let j = i; j < rows.end; j++) rest[j] = '';
      i = rows.end - 1;
      continue;
    }
    if (!isTableStart(rest, i)) continue;
    let end = i;
    while (end < rest.length && !/^(?:phu luc|noi nhan)\b/.test(foldSameLength(rest[end]!.trim()))) end++;
    tables.push({ title: tableTitle(rest, i), cells: toCells(rest.slice(i, end)), firstLine: i + 1 });
    for (let j = i; j < end; j++) rest[j] = '';
    i = end - 1;
  }
  return { tables, rest };
}

/**
 * The cells of a row written on one line: "| 1 | Tuyên truyền … | Công an phường | Quý II/2026 |" (markdown),
 * or cells separated by tabs (a spreadsheet pasted as text). Null for other lines.
 */
function rowCells(line: string): string[] | null {
  const sep = line.includes('|') ? '|' : line.includes('\t') ? '\t' : null;
  if (sep === null) return null;
  const cells = line.trim().replace(/^\|/, '').replace(/\|$/, '').split(sep).map((c) => c.trim());
  return cells.length >= 3 ? cells : null;
}

/** "|---|:---:|": the rule under a markdown header. */
function isRuleRow(line: string): boolean {
  return /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(line);
}

/**
 * A table written one row per line, from its header row (with "TT" and "Nội dung…" among its cells) to the
 * last row line; group rows (I, II …) and numbered rows alike. Each row gets as many cells as the header.
 */
function rowTable(lines: readonly string[], at: number): { table: Omit<FlatTable, 'title'>; end: number } | null {
  const header = rowCells(lines[at]!);
  if (!header) return null;
  const folded = header.map((c) => foldSameLength(c).replace(/\s+/g, ' ').trim());
  if (!folded.some((c) => /^s?tt$/.test(c)) || !folded.some((c) => /^(?:noi dung|ten nhiem vu|nhiem vu)/.test(c))) return null;
  const cells = [...header];
  const rowLines: number[] = [];
  let end = at + 1;
  for (; end < lines.length; end++) {
    const line = lines[end]!;
    if (isRuleRow(line)) continue;
    const row = rowCells(line);
    if (!row) break;
    cells.push(...header.map((_, k) => row[k] ?? ''));
    rowLines.push(end + 1);
  }
  return { table: { cells, firstLine: at + 1, rowForm: { headerCells: header.length, rowLines } }, end };
}

function isTableStart(lines: readonly string[], i: number): boolean {
  if (!/^s?tt$/.test(foldSameLength(lines[i]!.trim()))) return false;
  const next = lines.slice(i + 1, i + 6).map((l) => l.trim()).filter((l) => l !== '');
  return next[0] === '|' && /^(?:noi dung|ten nhiem vu|nhiem vu)/.test(foldSameLength(next[1] ?? ''));
}

/** "PHỤ LỤC" (or whatever the table is called) within a few lines above the header. */
function tableTitle(lines: readonly string[], at: number): string {
  const above = lines.slice(Math.max(0, at - 8), at).map((l) => l.trim());
  return above.find((l) => /^phu luc\b/.test(foldSameLength(l))) ?? above.filter((l) => l !== '').pop() ?? '';
}

/** Lines between "|" lines are one cell; a line starting with "- " starts a new line inside the cell. */
function toCells(lines: readonly string[]): string[] {
  const cells: string[] = [];
  let current: string[] = [];
  const flush = () => {
    cells.push(current.join(' ').replace(/ ?\n ?/g, '\n').replace(/[ ]+/g, ' ').trim());
    current = [];
  };
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '|') flush();
    else if (line !== '' && !isLayoutLine(line)) {
      current.push(current.length > 0 && /^[-–•+]\s/.test(line) ? `\n${line}` : line);
    }
  }
  flush();
  return cells;
}

/** Task drafts from a table's rows; rows whose layout cannot be trusted are reported and skipped. */
export function tableDrafts(table: FlatTable, context: TimeContext, warnings: string[]): TaskDraft[] {
  const header = readHeader(table.cells, table.rowForm?.headerCells);
  if (!header) {
    warnings.push(`table "${table.title}": header not understood, its rows were not read`);
    return [];
  }
  const drafts: TaskDraft[] = [];
  let part = '';
  let partRef = '';
  let subPart = '';
  const rows = chunk(table.cells.slice(header.length), header.columns.length);
  for (const [index, row] of rows.entries()) {
    const get = (c: Column) => row[header.columns.indexOf(c)] ?? '';
    const [tt, content] = [get('tt'), get('content')];
    if (/^[IVX]+$/.test(tt)) {
      [part, partRef, subPart] = [`${tt}. ${content}`, tt, ''];
    } else if (tt === '' && content !== '' && row.every((c, i) => c === '' || header.columns[i] === 'content')) {
      subPart = content;
    } else if (/^\d+$/.test(tt) && content !== '') {
      const line = table.rowForm?.rowLines[index] ?? table.firstLine + index;
      drafts.push(rowDraft(table, header, get, [part, subPart], partRef, context, line));
    } else if (row.some((c) => c !== '')) {
      warnings.push(`table "${table.title}": row ${index + 1} ("${tt}") does not fit the columns; rest not read`);
      break;
    }
  }
  return drafts;
}

interface Header {
  /** Data columns in order. */
  columns: Column[];
  /** Header cells as written, by column, to quote them in the timeframe ("Bắt đầu: Quý I/2023"). */
  labels: Partial<Record<Column, string>>;
  /** Number of header cells to skip before the data. */
  length: number;
}

/**
 * Reads the header cells (until the first cell that is no label) and works out the data columns. A header
 * row of known width (one row per line) keeps every cell as a column, an unknown label as "other".
 */
function readHeader(cells: readonly string[], width?: number): Header | null {
  const kinds: { kind: HeaderKind; label: string }[] = [];
  for (const cell of width === undefined ? cells : cells.slice(0, width)) {
    const folded = foldSameLength(cell).replace(/\s+/g, ' ').trim();
    const found = HEADER_LABELS.find((h) => h.pattern.test(folded));
    if (!found && width === undefined) break;
    kinds.push({ kind: found?.kind ?? 'other', label: cell.replace(/\s+/g, ' ') });
  }
  const has = (k: HeaderKind) => kinds.some((x) => x.kind === k);
  const grouped: Record<string, HeaderKind[]> = {
    timeGroup: has('start') || has('end') ? ['start', 'end'] : ['timeframe'],
    assignGroup: ['lead', 'joint'],
  };
  const inGroup = (k: HeaderKind) =>
    (has('timeGroup') && grouped.timeGroup!.includes(k)) || (has('assignGroup') && grouped.assignGroup!.includes(k));
  const columns: Column[] = [];
  for (const { kind } of kinds) {
    if (kind === 'timeGroup' || kind === 'assignGroup') {
      columns.push(...(grouped[kind]!.filter((k) => has(k) || k === 'timeframe') as Column[]));
    } else if (!inGroup(kind)) columns.push(kind);
  }
  if (!columns.includes('tt') || !columns.includes('content')) return null;
  const labels = Object.fromEntries(kinds.map((k) => [k.kind, k.label])) as Partial<Record<Column, string>>;
  return { columns, labels, length: kinds.length };
}

function chunk(cells: readonly string[], size: number): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < cells.length; i += size) rows.push(cells.slice(i, i + size));
  return rows;
}

function rowDraft(
  table: FlatTable,
  header: Header,
  get: (c: Column) => string,
  parts: string[],
  partRef: string,
  context: TimeContext,
  line: number,
): TaskDraft {
  // "Thời gian hoàn thành" / "Thời hạn" without a "Bắt đầu" column is the whole timeframe.
  const [start, end] = [get('start'), get('end')];
  const timeframe = get('timeframe') || (header.columns.includes('start') ? '' : end);
  const ranged = header.columns.includes('start');
  const reading = ranged ? parseTimeRange(start, end, context) : parseTimeframe(timeframe, context);
  const written = ranged
    ? [start && `${header.labels.start}: ${start}`, end && `${header.labels.end}: ${end}`].filter(Boolean).join('; ')
    : timeframe;
  const cells = header.columns.map((c) => get(c).replace(/\s+/g, ' ')).filter((c) => c !== '');
  return {
    // a row on one line is quoted as written; a row flattened to one cell per line, as its cells
    ...(table.rowForm ? { sourceLines: [line] } : { evidenceText: [cells.join(' | ')] }),
    leadSource: { level: 'high', reason: 'lead unit from the table column' },
    ref: ['PL', partRef, get('tt')].filter(Boolean).join('.'),
    content: get('content'),
    lead: splitUnitNames(get('lead')),
    coordinating: splitUnitNames(get('joint')),
    timeframe: written || null,
    reading,
    section: [table.title, ...parts].filter(Boolean).join(' > '),
    family: 'appendix-table',
    line,
  };
}
