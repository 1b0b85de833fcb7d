/**
 * The plan's header: số ký hiệu ("Số: 40/KH-UBND"), place and date ("Hải Phòng, ngày 13 tháng 02 năm 2023"),
 * the title under "KẾ HOẠCH", and the issuer ("Sở Khoa học và Công nghệ xây dựng Kế hoạch…").
 * Drafts leave the number and the day blank; those come back null with a warning, never guessed.
 */
import type { PlanHeader } from './plan-types.js';
import { isAllCaps, isLayoutLine, toBlocks } from './plan-text.js';
import { foldSameLength } from './same-length-fold.js';
import { startsWithUnitName } from './unit-names.js';
import { isoDate } from './plan-dates.js';

/** The header, the plan's year and date to read time expressions against, and what is missing. */
export interface PlanMetadata {
  header: PlanHeader;
  /** Year of the plan, also when the day is blank. */
  planYear: number | undefined;
  /** Issue date, or the first of its month when the day is blank. */
  referenceDate: string | undefined;
  warnings: string[];
}

/** How far into the plan the header is looked for. */
const HEADER_LINES = 60;

/** Reads the header from the plan's normalised lines. */
export function readPlanMetadata(lines: readonly string[]): PlanMetadata {
  const warnings: string[] = [];
  const head = lines.slice(0, HEADER_LINES).map((l) => l.trim());
  const number = readNumber(head, warnings);
  const date = readDate(head, warnings);
  const titleAt = head.findIndex((l) => /^ke hoach\b/.test(foldSameLength(l)));
  const title = titleAt >= 0 ? readTitle(head, titleAt) : null;
  if (title === null) warnings.push('no title found under "KẾ HOẠCH"');
  const issuer = readIssuer(lines, titleAt) ?? headerIssuer(head);
  if (issuer === null) warnings.push('issuer not found');
  return {
    header: { number, title, issuer, issuedOn: date.issuedOn },
    planYear: date.year,
    referenceDate: date.reference,
    warnings,
  };
}

/**
 * "Số: 40/KH-UBND", also when a flattened header table puts the date in the same row ("Số: 130/KH-UBND |
 * Ninh Bình, ngày …") or the number on the next line ("Số:" / "24/KH-UBND").
 */
function readNumber(head: readonly string[], warnings: string[]): string | null {
  const at = head.findIndex((l) => /^số\s*:/iu.test(l) || /^so\s*:/i.test(l));
  if (at < 0) {
    warnings.push('plan number ("Số: …") not found');
    return null;
  }
  let value = head[at]!.replace(/^s[ốo]\s*:\s*/iu, '').split('|')[0]!.trim();
  const next = head.slice(at + 1).find((l) => l !== '');
  if (value === '' && next !== undefined && /^\d+\/[\p{L}\d/.-]+$/u.test(next)) value = next;
  value = value.split(/\s+/)[0] ?? '';
  if (!/^\d/.test(value)) {
    warnings.push(`plan number is blank ("Số: ${value}"): a draft?`);
    return null;
  }
  return value;
}

function readDate(
  head: readonly string[],
  warnings: string[],
): { issuedOn: string | null; year: number | undefined; reference: string | undefined } {
  const joined = foldSameLength(head.join(' '));
  const m = /ngay\s*(\d{1,2})?\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})/.exec(joined);
  if (!m) {
    warnings.push('issue date ("ngày … tháng … năm …") not found');
    return { issuedOn: null, year: undefined, reference: undefined };
  }
  const [year, month] = [Number(m[3]), Number(m[2])];
  const full = m[1] ? isoDate(year, month, Number(m[1])) : null;
  if (!full) warnings.push(`issue date has no day ("tháng ${m[2]} năm ${m[3]}")`);
  return { issuedOn: full, year, reference: full ?? isoDate(year, month, 1) ?? undefined };
}

/**
 * The trích yếu: the line after "KẾ HOẠCH", or, when the title is set in capitals across several lines
 * ("KẾ HOẠCH HÀNH ĐỘNG / THỰC / HIỆN CHỦ ĐỀ …"), the whole run of capital lines.
 */
function readTitle(head: readonly string[], at: number): string | null {
  const line = head[at]!;
  const rest = line.replace(/^k[ếe]\s*ho[ạa]ch\s*/iu, '');
  const next = head.slice(at + 1).filter((l) => l !== '' && !isLayoutLine(l));
  if (rest !== '') {
    const caps = [line];
    for (const l of next) if (isAllCaps(l)) caps.push(l);
    else break;
    return caps.join(' ').replace(/\s+/g, ' ');
  }
  const first = next[0];
  if (first === undefined) return null;
  if (!isAllCaps(first)) return first;
  const caps: string[] = [];
  for (const l of next) if (isAllCaps(l)) caps.push(l);
  else break;
  return caps.join(' ');
}

/** "<issuer> xây dựng / ban hành Kế hoạch …", the issuer after the last comma. */
const ISSUES_PLAN =
  /(?:^|[,.;:]\s*)([^,.;:]{3,90}?)\s+(?:xây dựng|ban hành|xay dung|ban hanh)\s+(?:kế hoạch|chương trình|ke hoach)/iu;

/** "…, Sở Khoa học và Công nghệ xây dựng Kế hoạch…", "Ủy ban nhân dân thành phố ban hành Kế hoạch…". */
function readIssuer(lines: readonly string[], titleAt: number): string | null {
  const blocks = toBlocks(lines.slice(Math.max(0, titleAt), HEADER_LINES * 2));
  for (const block of blocks) {
    const m = ISSUES_PLAN.exec(block.text);
    if (m && startsWithUnitName(m[1]!)) return m[1]!.trim();
  }
  return null;
}

/** The agency lines above "Số:" in capitals ("ỦY BAN NHÂN DÂN / THÀNH PHỐ HẢI PHÒNG"), national motto excluded. */
function headerIssuer(head: readonly string[]): string | null {
  const numberAt = head.findIndex((l) => /^s[ốo]\s*:/iu.test(l));
  const above = head.slice(0, numberAt >= 0 ? numberAt : 0);
  const agency: string[] = [];
  for (const l of above) {
    if (l === '' || isLayoutLine(l) || /^-+$/.test(l)) continue;
    if (/^(cộng hòa|cộng hoà|độc lập|chủ nghĩa)/iu.test(l)) break;
    if (isAllCaps(l)) agency.push(l);
  }
  return agency.length > 0 ? agency.join(' ') : null;
}
