/**
 * Folding Vietnamese text to a comparison key, so that "Đã xóa", "da xoa", "đã xoá" and the telex leftover
 * "ddax xoas" all compare equal. People type without diacritics or with the input method off; every keyword
 * match in the product goes through {@link foldText}.
 */

const TELEX_TONE = /([a-z])([sfrxj])(?=[^a-z]|$)/g;

/**
 * NFC → NFD, drop combining marks, map đ → d (it has no decomposition). Case is kept.
 * Tone placement differences (hoà / hòa) vanish with the marks. The look-alike eth (Ð/ð, U+00D0/U+00F0),
 * which some legacy keyboards and copied documents use for Đ/đ, is mapped to d as well.
 */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đð]/g, 'd')
    .replace(/[ĐÐ]/g, 'D')
    .normalize('NFC');
}

/** The comparison key for free text: no diacritics, lower case, single spaces, trimmed. */
export function foldText(text: string): string {
  return stripDiacritics(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Undo telex leftovers typed with the input method off ("baos caso" → "bao cao", "ddax xoas" → "da xoa"):
 * `dd` → d, doubled vowels and `w` modifiers dropped, a trailing tone letter (s f r x j) dropped.
 * Applied to folded text only, and only as a second chance when the plain folded text matched nothing,
 * because it can mangle real words ("cas" is not a word, but "bus" is).
 */
export function foldTelex(folded: string): string {
  return folded
    .split(' ')
    .map((word) =>
      word
        .replace(/dd/g, 'd')
        .replace(/aa/g, 'a')
        .replace(/ee/g, 'e')
        .replace(/oo/g, 'o')
        .replace(/([aou])w/g, '$1')
        .replace(/^w/, 'u')
        .replace(TELEX_TONE, '$1')
        // a tone letter typed in the middle of a word: "caso" → "cao"
        .replace(/([aeiouy])[sfrxj]([aeiouy])/g, '$1$2')
        // …or before the final consonant: "casch" → "cach", "vieejt" → "viet"
        .replace(/([aeiouy])[sfrxj](c|ch|m|n|ng|nh|p|t)$/, '$1$2'),
    )
    .join(' ');
}

const ABBREVIATIONS: Record<string, string> = {
  ko: 'khong',
  k: 'khong',
  hk: 'khong',
  khum: 'khong',
  dc: 'duoc',
  sdt: 'so dien thoai',
  dt: 'so dien thoai',
  tdp: 'to dan pho',
  qc: 'quang cao',
  qcrv: 'quang cao rao vat',
  r: 'roi',
  j: 'gi',
};

/** Expand the chat abbreviations people use (ko, dc, sdt, tdp, qc…) on folded text. */
export function expandAbbreviations(folded: string): string {
  return folded
    .split(' ')
    .map((word) => ABBREVIATIONS[word] ?? word)
    .join(' ');
}

/**
 * The key used to match what a person typed against keywords: folded, punctuation dropped, abbreviations
 * expanded.
 */
export function matchKey(text: string): string {
  const folded = foldText(text).replace(/[^a-z0-9\s/]/g, ' ').replace(/\s+/g, ' ').trim();
  return expandAbbreviations(folded);
}

/** True when `text` matches one of `keywords` as a whole phrase, with or without diacritics or telex. */
export function matchesAny(text: string, keywords: readonly string[]): boolean {
  const key = matchKey(text);
  const telexKey = expandAbbreviations(foldTelex(key));
  return keywords.some((keyword) => {
    const k = matchKey(keyword);
    return containsPhrase(key, k) || containsPhrase(telexKey, k);
  });
}

function containsPhrase(haystack: string, phrase: string): boolean {
  return ` ${haystack} `.includes(` ${phrase} `);
}
