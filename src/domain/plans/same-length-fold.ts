/**
 * Folding that keeps positions: the plan parser searches folded text ("quy iv/2025", "phoi hop voi") and then
 * quotes the original ("Quý IV/2025", "phối hợp với") from the same indices.
 */
import { stripDiacritics } from '../text-folding.js';

/**
 * Lower case without diacritics, one output character per input character (đ → d, ệ → e), so an index in the
 * result points at the same character of `text`. Expects NFC text: a lone combining mark is kept as is.
 */
export function foldSameLength(text: string): string {
  let out = '';
  for (const ch of text) {
    const folded = stripDiacritics(ch).toLowerCase();
    out += folded.length === ch.length ? folded : ch;
  }
  return out;
}
