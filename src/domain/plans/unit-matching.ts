/**
 * Matching unit names as plans write them to the organisation's unit codes.
 *
 * Plans abbreviate freely and inconsistently: "Phòng KT, HT&ĐT", "VP HĐND-UBND", "Văn phòng HĐND- UBND",
 * "Phòng Văn hoá và Xã hội" / "Phòng Văn hóa - Xã hội", "Công an phường Lê Chân" / "Công an phường". Names are
 * compared syllable by syllable after folding; an abbreviation (a token without vowels: KT, HT, ĐT, KHCN…)
 * stands for as many syllables as it has letters, by their initials. Nothing fuzzy: a wrong unit is worse than
 * an unresolved one, which the admin maps once (the mapping is then remembered and passed back in).
 */
import { foldText } from '../text-folding.js';
import type { UnitMatcher } from './plan-types.js';

export { splitUnitNames, isGenericUnitName } from './unit-names.js';

/** A unit of the organisation, as loaded by `org import`. */
export interface OrgUnit {
  code: string;
  name: string;
  /** Other names the unit goes by ("Phòng KT-HT-ĐT", "Phòng Kinh tế"). */
  aliases?: string[];
}

/** Institutional abbreviations expanded before comparing (folded). */
const EXPANSIONS: Record<string, string> = {
  ubnd: 'uy ban nhan dan',
  hdnd: 'hoi dong nhan dan',
  ubmttq: 'uy ban mat tran to quoc',
  mttq: 'mat tran to quoc',
  tdp: 'to dan pho',
  vp: 'van phong',
  bql: 'ban quan ly',
  bcd: 'ban chi dao',
  tp: 'thanh pho',
  ub: 'uy ban',
  ca: 'cong an',
};

/** Words that carry no identity: "và", "các", "của". */
const NOISE = new Set(['va', 'cac', 'cua']);

/**
 * The key a remembered mapping is stored under, so that "Phòng KT, HT&ĐT" and "phong kt ht dt" are the same
 * entry. Use it when saving what the admin chose.
 */
export function unitMappingKey(name: string): string {
  return syllables(name).join(' ');
}

/**
 * Builds a matcher over the organisation's units and the mappings admins already made
 * (`{ "Phòng KT, HT&ĐT": "KTHTDT" }`, keys as written or as {@link unitMappingKey}).
 * `match` answers null when no unit, or more than one, fits.
 */
export function createUnitMatcher(
  units: readonly OrgUnit[],
  rememberedMappings: Readonly<Record<string, string>> = {},
): UnitMatcher {
  const remembered = new Map(Object.entries(rememberedMappings).map(([name, code]) => [unitMappingKey(name), code]));
  const known = units.flatMap((unit) =>
    [unit.name, ...(unit.aliases ?? [])].flatMap((name) => nameVariants(name).map((s) => ({ code: unit.code, s }))),
  );
  return {
    match(name: string) {
      const variants = nameVariants(name);
      const mapped = variants.map((v) => remembered.get(v.join(' '))).find((c) => c !== undefined);
      if (mapped !== undefined) return { code: mapped };
      const exact = distinctCodes(known.filter((k) => variants.some((v) => v.join(' ') === k.s.join(' '))));
      if (exact.length === 1) return { code: exact[0]! };
      if (exact.length > 1) return null;
      const abbreviated = distinctCodes(known.filter((k) => variants.some((v) => sameName(v, k.s))));
      return abbreviated.length === 1 ? { code: abbreviated[0]! } : null;
    },
  };
}

/** "… phường Lê Chân": the kind of place is kept, its capitalised name dropped. */
const PLACE_NAME =
  /\s+((?:phường|xã|đặc khu|thành phố|quận|huyện|phuong|xa|dac khu|thanh pho|quan|huyen))(?:\s+\p{Lu}[\p{L}]*)+$/u;

function distinctCodes(found: readonly { code: string }[]): string[] {
  return [...new Set(found.map((f) => f.code))];
}

/**
 * The name, plus the name without the place after "phường/xã…" ("Công an phường Lê Chân" → "Công an phường"),
 * without a "– thuộc Sở Xây dựng" tail and without "Việt Nam" ("Ủy ban MTTQ Việt Nam"), as folded syllables.
 */
function nameVariants(name: string): string[][] {
  const written = name.normalize('NFC').trim();
  const forms = new Set([written]);
  for (const form of [...forms]) forms.add(form.replace(PLACE_NAME, ' $1'));
  for (const form of [...forms]) forms.add(form.replace(/\s*[-–—,(]?\s*(?:trực\s+)?thuộc\s+.*$/iu, ''));
  for (const form of [...forms]) forms.add(form.replace(/\s+Việt Nam\b/u, ''));
  return [...forms].map(syllables).filter((s) => s.length > 0);
}

/** Folded syllables with abbreviations expanded and noise words dropped. */
function syllables(name: string): string[] {
  return foldText(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '')
    .flatMap((w, i) => (w === 'ca' && i > 0 ? [w] : (EXPANSIONS[w] ?? w).split(' ')))
    .filter((w) => !NOISE.has(w));
}

/** Same name when every token matches a syllable, or an abbreviation matches the initials of the next ones. */
function sameName(a: readonly string[], b: readonly string[]): boolean {
  return covers(a, b) || covers(b, a);
}

function covers(short: readonly string[], full: readonly string[]): boolean {
  let i = 0;
  for (const token of short) {
    if (isAbbreviation(token)) {
      const span = full.slice(i, i + token.length);
      if (span.length !== token.length || span.some((s, k) => s[0] !== token[k])) return false;
      i += token.length;
    } else {
      if (full[i] !== token) return false;
      i += 1;
    }
  }
  return i === full.length;
}

/** Vietnamese syllables all have a vowel; a token without one ("kt", "khcn", "vhttdl") is an abbreviation. */
function isAbbreviation(token: string): boolean {
  return token.length >= 2 && !/[aeiouy0-9]/.test(token);
}
