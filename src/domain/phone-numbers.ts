/**
 * Vietnamese phone numbers (số điện thoại) as they appear on illegal street ads and in chat messages.
 *
 * Why hand-written: the product only needs Vietnam's plan (mobile prefixes by carrier, the 2018 11→10-digit
 * change, 02x landlines, 1800/1900), and it needs it in a tolerant *extraction* mode that libphonenumber does
 * not offer for Vietnamese wall ads (dotted groups, letter O for zero, old 11-digit numbers, a number split
 * over two lines). The tables below are data: when the Ministry reassigns a prefix, edit the table.
 *
 * Every carrier shown from here is the *original* carrier of the prefix: numbers can be ported
 * (chuyển mạng giữ số), so say so wherever a carrier is shown ({@link CARRIER_PORTING_NOTE}).
 */

/** A mobile network operator (nhà mạng), named by its original prefixes. */
export type Carrier = 'viettel' | 'vinaphone' | 'mobifone' | 'vietnamobile' | 'gmobile' | 'itelecom' | 'reddi';

/**
 * What kind of number: di động (mobile), cố định (landline, 02x), miễn cước (1800 toll-free),
 * dịch vụ giá trị gia tăng / tính cước cao (1900 premium).
 */
export type PhoneKind = 'mobile' | 'landline' | 'tollfree' | 'premium';

/** One phone number found in (or typed as) text, in canonical form. */
export interface PhoneMatch {
  /** Exactly as written in the text (may contain dots, spaces, `(+84)`, a letter O for zero…). */
  raw: string;
  /** E.164, e.g. `+84982582971`; an old 11-digit number is given under its new 10-digit form. */
  e164: string;
  /** How Vietnamese people read it: `0982 582 971`, `0225 383 1234`, `024 3826 1234`, `1900 1234`. */
  display: string;
  kind: PhoneKind;
  /** Original carrier by prefix (mobiles only); `null` for landlines, 1800 and 1900. */
  carrier: Carrier | null;
  /** True when the text had an old 11-digit mobile (e.g. `0169…`) that was mapped to its new prefix (`039…`). */
  oldFormMapped: boolean;
}

/**
 * Why a typed number was refused, as a code so the caller can pick the Vietnamese message from the catalogue.
 * `too_short` / `too_long`: wrong number of digits for its prefix; `unknown_prefix`: no Vietnamese number
 * starts like that; `not_a_number`: letters or symbols that are not part of a phone number.
 */
export type PhoneRejection = 'too_short' | 'too_long' | 'unknown_prefix' | 'not_a_number';

/** Result of {@link normalizePhoneNumber}. */
export type NormalizedPhone = { ok: true; phone: PhoneMatch } | { ok: false; reason: PhoneRejection };

/**
 * Current mobile prefixes (the two digits after the trunk `0`) → original carrier. Three-digit keys
 * (`99x`) take precedence over two-digit ones. Source: the carrier table in `reference/vietnam.md`
 * (libphonenumber, July 2026). Itelecom `0998–0999` and Reddi `055` are single-source (⚠).
 */
export const MOBILE_PREFIXES: Readonly<Record<string, Carrier>> = Object.freeze({
  '86': 'viettel', '96': 'viettel', '97': 'viettel', '98': 'viettel',
  '32': 'viettel', '33': 'viettel', '34': 'viettel', '35': 'viettel',
  '36': 'viettel', '37': 'viettel', '38': 'viettel', '39': 'viettel',
  '88': 'vinaphone', '91': 'vinaphone', '94': 'vinaphone',
  '81': 'vinaphone', '82': 'vinaphone', '83': 'vinaphone', '84': 'vinaphone', '85': 'vinaphone',
  '89': 'mobifone', '90': 'mobifone', '93': 'mobifone', '70': 'mobifone',
  '76': 'mobifone', '77': 'mobifone', '78': 'mobifone', '79': 'mobifone',
  '92': 'vietnamobile', '52': 'vietnamobile', '56': 'vietnamobile', '58': 'vietnamobile',
  '993': 'gmobile', '994': 'gmobile', '995': 'gmobile', '996': 'gmobile', '997': 'gmobile', '59': 'gmobile',
  '87': 'itelecom', '998': 'itelecom', '999': 'itelecom',
  '55': 'reddi',
});

/**
 * The 2018–2019 change from 11 to 10 digits: old prefix (three digits after the `0`, e.g. `169` of `0169`) →
 * new prefix (two digits after the `0`, e.g. `39` of `039`). The last 7 digits were kept. Old numbers still
 * appear on ageing wall ads.
 */
export const OLD_MOBILE_PREFIXES: Readonly<Record<string, string>> = Object.freeze({
  '162': '32', '163': '33', '164': '34', '165': '35', '166': '36', '167': '37', '168': '38', '169': '39',
  '123': '83', '124': '84', '125': '85', '127': '81', '129': '82',
  '120': '70', '121': '79', '122': '77', '126': '76', '128': '78',
  '186': '56', '188': '58',
  '199': '59',
});

/**
 * Landline area codes (mã vùng) after the trunk `0`, since the 2017 change: `24` Hà Nội and `28`
 * TP Hồ Chí Minh (subscriber 8 digits), the others three digits (subscriber 7 digits), e.g. `225` Hải Phòng,
 * `220` Hải Dương (kept by the merged Hải Phòng). Always 10 digits after the `0`.
 * Source: libphonenumber's fixed-line pattern for VN.
 */
export const LANDLINE_AREA_CODES: readonly string[] = Object.freeze([
  '24', '28',
  '203', '204', '205', '206', '207', '208', '209',
  '210', '211', '212', '213', '214', '215', '216', '218', '219',
  '220', '221', '222', '225', '226', '227', '228', '229',
  '232', '233', '234', '235', '236', '237', '238', '239',
  '251', '252', '254', '255', '256', '257', '258', '259',
  '260', '261', '262', '263', '269',
  '270', '271', '272', '273', '274', '275', '276', '277',
  '290', '291', '292', '293', '294', '296', '297', '299',
]);

const AREA_CODES = new Set(LANDLINE_AREA_CODES);

const CARRIER_LABELS: Readonly<Record<Carrier, string>> = Object.freeze({
  viettel: 'Viettel',
  vinaphone: 'VinaPhone',
  mobifone: 'MobiFone',
  vietnamobile: 'Vietnamobile',
  gmobile: 'Gmobile',
  itelecom: 'Itelecom',
  reddi: 'Reddi',
});

/** The carrier's name as Vietnamese people write it (Viettel, VinaPhone, MobiFone…), for messages and exports. */
export function carrierLabel(carrier: Carrier): string {
  return CARRIER_LABELS[carrier];
}

/**
 * Shown next to every carrier: the prefix only names the original carrier, because subscribers can port
 * their number (chuyển mạng giữ số). Staff may correct the carrier.
 */
export const CARRIER_PORTING_NOTE =
  'Nhà mạng được xác định theo đầu số gốc; thuê bao có thể đã chuyển mạng giữ số, cán bộ có thể sửa lại.';

// ---------------------------------------------------------------------------------------------------------
// Classification of a digit string

interface Classified {
  /** National significant number (no trunk 0, no country code), after mapping an old 11-digit mobile. */
  nsn: string;
  kind: PhoneKind;
  carrier: Carrier | null;
  oldFormMapped: boolean;
}

type Classification = { ok: true; value: Classified } | { ok: false; reason: PhoneRejection };

const reject = (reason: PhoneRejection): Classification => ({ ok: false, reason });

function byLength(nsn: string, expected: number, value: Omit<Classified, 'nsn'> & { nsn?: string }): Classification {
  if (nsn.length < expected) return reject('too_short');
  if (nsn.length > expected) return reject('too_long');
  return { ok: true, value: { nsn: value.nsn ?? nsn, kind: value.kind, carrier: value.carrier, oldFormMapped: value.oldFormMapped } };
}

/** Classify a national significant number (what follows the trunk `0` or `+84`). */
function classifyNsn(nsn: string, international: boolean): Classification {
  if (!/^\d+$/.test(nsn)) return reject('not_a_number');
  const first = nsn[0];
  if (first === '1') {
    const service = nsn.slice(0, 4);
    if (service === '1800' || service === '1900') {
      // 1800/1900 numbers are domestic only; "+84 1900…" is not how anyone writes them.
      if (international) return reject('unknown_prefix');
      if (nsn.length < 8) return reject('too_short');
      if (nsn.length > 10) return reject('too_long');
      return {
        ok: true,
        value: { nsn, kind: service === '1800' ? 'tollfree' : 'premium', carrier: null, oldFormMapped: false },
      };
    }
    const mapped = OLD_MOBILE_PREFIXES[nsn.slice(0, 3)];
    if (mapped === undefined) return reject('unknown_prefix');
    const newNsn = mapped + nsn.slice(3);
    const carrier = MOBILE_PREFIXES[mapped] ?? null;
    return byLength(nsn, 10, { nsn: newNsn, kind: 'mobile', carrier, oldFormMapped: true });
  }
  if (first === '2') {
    const area = AREA_CODES.has(nsn.slice(0, 2)) ? nsn.slice(0, 2) : nsn.slice(0, 3);
    if (!AREA_CODES.has(area) || nsn.length < area.length) return reject('unknown_prefix');
    // Hà Nội and TP HCM subscribers start with 2–8 / 2–9 (libphonenumber: 24[2-8], 28[2-9]).
    const firstSubscriberDigit = nsn[area.length] ?? '';
    if (area === '24' && /[019]/.test(firstSubscriberDigit)) return reject('unknown_prefix');
    if (area === '28' && /[01]/.test(firstSubscriberDigit)) return reject('unknown_prefix');
    return byLength(nsn, 10, { kind: 'landline', carrier: null, oldFormMapped: false });
  }
  const carrier = MOBILE_PREFIXES[nsn.slice(0, 3)] ?? (nsn.slice(0, 2) === '99' ? undefined : MOBILE_PREFIXES[nsn.slice(0, 2)]);
  if (carrier === undefined) return reject(nsn.length < 2 ? 'too_short' : 'unknown_prefix');
  return byLength(nsn, 9, { kind: 'mobile', carrier, oldFormMapped: false });
}

interface ClassifyOptions {
  /** The digits were written after a `+` (e.g. `+84…`, `(+84)…`). */
  plus: boolean;
  /**
   * Accept `84` + trunk `0` (`840982…`). Staff typing a number get this leniency; free-text extraction does
   * not, because "84 0982…" in an ad is more likely a house number followed by a phone.
   */
  bare84WithTrunk: boolean;
}

/** Turn the digits of one written number into its national significant number and classify it. */
function classifyDigits(digits: string, options: ClassifyOptions): Classification {
  if (options.plus) {
    if (!digits.startsWith('84')) return reject('unknown_prefix');
    return classifyNsn(stripTrunk(digits.slice(2)), true);
  }
  if (digits.startsWith('0084')) return classifyNsn(stripTrunk(digits.slice(4)), true);
  if (digits.startsWith('00')) return reject('unknown_prefix');
  if (digits.startsWith('0')) return classifyNsn(digits.slice(1), false);
  if (digits.startsWith('1800') || digits.startsWith('1900')) return classifyNsn(digits, false);
  if (digits.startsWith('84') && digits.length >= 10) {
    const rest = digits.slice(2);
    if (rest.startsWith('0') && !options.bare84WithTrunk) return reject('unknown_prefix');
    return classifyNsn(stripTrunk(rest), true);
  }
  return reject('unknown_prefix');
}

/** A trunk `0` written after the country code (`+84 (0) 982…`, `+84 0982…`) is dropped. */
function stripTrunk(nsn: string): string {
  return nsn.startsWith('0') ? nsn.slice(1) : nsn;
}

function toMatch(raw: string, c: Classified): PhoneMatch {
  return {
    raw,
    e164: `+84${c.nsn}`,
    display: formatDisplay(c),
    kind: c.kind,
    carrier: c.carrier,
    oldFormMapped: c.oldFormMapped,
  };
}

function formatDisplay(c: Classified): string {
  const n = c.nsn;
  switch (c.kind) {
    case 'mobile':
      return `0${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;
    case 'landline':
      return n.startsWith('24') || n.startsWith('28')
        ? `0${n.slice(0, 2)} ${n.slice(2, 6)} ${n.slice(6)}`
        : `0${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;
    case 'tollfree':
    case 'premium':
      return `${n.slice(0, 4)} ${n.slice(4)}`;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Normalising a number typed by staff

/**
 * Check and canonicalise one number typed by staff (e.g. when adding a number from a photo by hand).
 * Lenient about separators, `+84`/`0084`/`84`, a trunk `0` after the country code and the letter O for
 * zero; strict about everything else, with a reason code for the Vietnamese message.
 */
export function normalizePhoneNumber(input: string): NormalizedPhone {
  const raw = input.trim();
  let body = raw.replace(/[\s.\-–—()]/g, '');
  let plus = false;
  if (body.startsWith('+')) {
    plus = true;
    body = body.slice(1);
  }
  // Letter O for zero, but only when the rest is digits ("O982582971"), never in a word.
  if (/^[0-9Oo]+$/.test(body) && /\d/.test(body)) body = body.replace(/[Oo]/g, '0');
  if (body === '' || !/^\d+$/.test(body)) return { ok: false, reason: 'not_a_number' };
  if (body.length < 8) return { ok: false, reason: 'too_short' };
  if (body.length > 13) return { ok: false, reason: 'too_long' };
  const result = classifyDigits(body, { plus, bare84WithTrunk: true });
  if (!result.ok) return result;
  return { ok: true, phone: toMatch(raw, result.value) };
}

// ---------------------------------------------------------------------------------------------------------
// Extracting numbers from free text

/** One run of digits in the (O-for-zero mapped) text. */
interface DigitGroup {
  start: number;
  end: number;
  digits: string;
  /** A `+` is written right before the digits (`+84`, `(+84)`). */
  plus: boolean;
}

/** Between two digit groups of the same written number: spaces, one `.`/`-`, a line break, `(`/`)`. */
const GROUP_SEPARATOR =
  /^(?:[ \t\u00a0]{1,3}|[ \t\u00a0]{0,2}[.\-–][ \t\u00a0]{0,2}|[ \t\u00a0]{0,2}\r?\n[ \t\u00a0]{0,2}|[ \t\u00a0]?\)[ \t\u00a0]{0,2}(?:[.\-–][ \t\u00a0]{0,2})?|[ \t\u00a0]{0,2}\()$/;

/** A separator that glues groups into one token (`0982.582.971`): what follows belongs to the same run. */
const TIGHT_SEPARATOR = /^[.\-–]$/;

/** After a number: a sum of money ("1800.000.000đ", "0 đồng"), so the digits are an amount, not a phone. */
const AMOUNT_SUFFIX = /^\s?(?:đ|d|vnđ|vnd|đồng|dong|k|tr|triệu|trieu|nghìn|nghin|ngàn|ngan|usd|%)(?![\p{L}\d])/iu;

/** Digits starting with a date written with dots or dashes (20.11.2026, 02-11-2026). */
const LEADING_DATE = /^(\d{1,2})[.\-–](\d{1,2})[.\-–](?:19|20)\d{2}(?!\d)/;

/**
 * Find every Vietnamese phone number in free text: an ad's text, a resident's message, an OCR result.
 * Returns each number once (first occurrence), in order of appearance.
 *
 * Accepts the written forms people use (`0982582971`, `0982.582.971`, `098.258.2971`, `0982-582-971`,
 * `+84982582971`, `(+84) 982 582 971`, `84982582971`, `0084982582971`, old `0169.xxx.xxxx`, landlines
 * `0225 383 1234`, `1800`/`1900` numbers, a letter O for zero inside a digit run, a number split over two
 * lines) and refuses what only looks like one: dates, sums of money, case codes (`QC-2611-0042`), house
 * numbers (`12/34`), 12-digit ID-card numbers, and digits glued inside a longer run.
 * Best effort: a person confirms every number before it is acted on.
 */
export function extractPhoneNumbers(text: string): PhoneMatch[] {
  const prepared = mapLetterOToZero(text);
  const groups = findDigitGroups(prepared);
  const found: PhoneMatch[] = [];
  const seen = new Set<string>();

  let chainStart = 0;
  for (let k = 1; k <= groups.length; k++) {
    const linked = k < groups.length && areLinked(prepared, groups[k - 1], groups[k]);
    if (linked) continue;
    for (const match of scanChain(text, prepared, groups.slice(chainStart, k))) {
      if (seen.has(match.e164)) continue;
      seen.add(match.e164);
      found.push(match);
    }
    chainStart = k;
  }
  return found;
}

/**
 * Replace a letter O/o by 0 where it sits inside a run of digits and O's that touches no other letter
 * ("O982.582.97O" → "0982.582.970"), keeping every offset. "Zalo0982…" keeps its o: it belongs to a word.
 */
function mapLetterOToZero(text: string): string {
  return text.replace(/(?<![\p{L}\d])[0-9Oo]*\d[0-9Oo]*(?![\p{L}\d])/gu, (run) =>
    /[Oo]/.test(run) && (run.match(/\d/g)?.length ?? 0) >= 2 ? run.replace(/[Oo]/g, '0') : run,
  );
}

function findDigitGroups(prepared: string): DigitGroup[] {
  const groups: DigitGroup[] = [];
  for (const m of prepared.matchAll(/\d+/g)) {
    const start = m.index ?? 0;
    groups.push({ start, end: start + m[0].length, digits: m[0], plus: prepared[start - 1] === '+' });
  }
  return groups;
}

function areLinked(prepared: string, a: DigitGroup, b: DigitGroup): boolean {
  if (b.plus) return false;
  return GROUP_SEPARATOR.test(prepared.slice(a.end, b.start));
}

function isTightLink(prepared: string, a: DigitGroup, b: DigitGroup): boolean {
  return TIGHT_SEPARATOR.test(prepared.slice(a.end, b.start));
}

/**
 * Within one chain of linked digit groups, take at each position the longest run of whole groups that is a
 * valid number. Groups are never split, so digits glued inside a longer run are never taken.
 */
function scanChain(text: string, prepared: string, chain: DigitGroup[]): PhoneMatch[] {
  const matches: PhoneMatch[] = [];
  let previousEndedPhone = false;
  let i = 0;
  while (i < chain.length) {
    const startGroup = chain[i];
    const continuesTightRun = i > 0 && isTightLink(prepared, chain[i - 1], startGroup) && !previousEndedPhone;
    const best = continuesTightRun || !canStartNumber(prepared, startGroup) ? null : longestNumberAt(text, prepared, chain, i);
    if (best === null) {
      previousEndedPhone = false;
      i++;
      continue;
    }
    matches.push(best.match);
    previousEndedPhone = true;
    i = best.lastGroup + 1;
  }
  return matches;
}

/**
 * Digits glued after a short number and a slash are dates, house numbers or document numbers (12/34,
 * 20/11/2026, 12/0225…); after a long one ("0982582971/0912345678") they are a second phone. Digits glued
 * after "3," or "3:" are decimals or times.
 */
function canStartNumber(prepared: string, group: DigitGroup): boolean {
  const before = prepared.slice(0, group.start);
  const slashed = /(\d*)[/\\]$/.exec(before);
  if (slashed !== null && slashed[1].length > 0 && slashed[1].length < 7) return false;
  return !/\d[,:]$/.test(before);
}

function longestNumberAt(
  text: string,
  prepared: string,
  chain: DigitGroup[],
  i: number,
): { match: PhoneMatch; lastGroup: number } | null {
  const first = chain[i];
  let digits = '';
  let best: { match: PhoneMatch; lastGroup: number } | null = null;
  for (let j = i; j < chain.length; j++) {
    digits += chain[j].digits;
    if (digits.length > 13) break;
    const result = classifyDigits(digits, { plus: first.plus, bare84WithTrunk: false });
    if (!result.ok) continue;
    if (!looksLikeServiceNumber(result.value, chain, i)) continue;
    if (!endsCleanly(prepared, chain, j)) continue;
    const start = rawStart(prepared, first);
    const end = chain[j].end;
    const raw = text.slice(start, end);
    if (LEADING_DATE.test(prepared.slice(first.start, end)) && isPlausibleDate(prepared.slice(first.start, end))) continue;
    best = { match: toMatch(raw, result.value), lastGroup: j };
  }
  return best;
}

/** 1800/1900 are written `1800 1234`, `1900.6750`, `18001234`: never `18.000.000` (a sum) or `1800.000.000`. */
function looksLikeServiceNumber(c: Classified, chain: DigitGroup[], i: number): boolean {
  if (c.kind !== 'tollfree' && c.kind !== 'premium') return true;
  const firstDigits = chain[i].digits;
  if (firstDigits.length !== 4 && firstDigits.length < 8) return false;
  return !/^0+$/.test(c.nsn.slice(4));
}

/** The number must not continue as a longer run (`.123` glued after it) nor be a sum of money. */
function endsCleanly(prepared: string, chain: DigitGroup[], j: number): boolean {
  const last = chain[j];
  const after = prepared.slice(last.end);
  // Letters glued right after the digits: "500k", "0982582971đ", "…971Zalo" — an amount or a code, too
  // ambiguous to take as a phone.
  if (/^\p{L}/u.test(after)) return false;
  if (AMOUNT_SUFFIX.test(after)) return false;
  const next = chain[j + 1];
  if (next !== undefined && isTightLink(prepared, last, next)) {
    // "0982.582.971.123": the run goes on; only accept if what follows is itself a number.
    const rest = chain.slice(j + 1);
    return rest.some((_, k) => {
      let d = '';
      for (let m = 0; m <= k; m++) d += rest[m].digits;
      return classifyDigits(d, { plus: rest[0].plus, bare84WithTrunk: false }).ok;
    });
  }
  return true;
}

function rawStart(prepared: string, first: DigitGroup): number {
  if (!first.plus) return prepared[first.start - 1] === '(' && /^\d+\)/.test(prepared.slice(first.start)) ? first.start - 1 : first.start;
  return prepared[first.start - 2] === '(' ? first.start - 2 : first.start - 1;
}

function isPlausibleDate(s: string): boolean {
  const m = LEADING_DATE.exec(s);
  if (m === null) return false;
  const day = Number(m[1]);
  const month = Number(m[2]);
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}
