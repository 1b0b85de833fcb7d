/**
 * Choices answered by typing. Zalo's `/message/cs` may not show buttons (UNCONFIRMED), web chat and Telegram
 * users type anyway, so every choice the bot offers is also printed as a numbered line ("1. Gửi") and the person
 * may answer with the number or the label, with or without diacritics. Pure functions, channel-agnostic.
 */
import type { Choice } from './message-model.js';
import { expandAbbreviations, foldTelex, matchKey } from './text-folding.js';

/**
 * Appends the choices to `text` as numbered lines, one per choice, after a blank line.
 * Without choices the text is returned unchanged; the numbering starts at 1 because people count from 1.
 */
export function renderChoicesAsText(text: string, choices: readonly Choice[]): string {
  if (choices.length === 0) return text;
  const lines = choices.map((choice, index) => `${index + 1}. ${choice.label}`).join('\n');
  return text.length > 0 ? `${text}\n\n${lines}` : lines;
}

/**
 * "1", "1.", "(1)", "số 1", "#1" → 1 — folded text in, what people type for a numbered line.
 * Two digits at most: nobody is offered a hundred choices, and a phone number must not read as a choice.
 */
const NUMBER_ANSWER = /^(?:so\s*)?[#(]?\s*(\d{1,2})\s*[.):]?$/;

/**
 * Maps what a person typed to the value of one of `choices`, or `undefined` when it is none of them (the
 * caller then treats it as free text). Accepts the line number, the label (case, diacritics, telex leftovers
 * and chat abbreviations ignored — "gui", "Gửi", "guwir"), or the choice's value itself. A label typed that
 * matches two choices is ambiguous and yields `undefined` rather than a guess.
 */
export function parseTypedChoice(text: string, choices: readonly Choice[]): string | undefined {
  if (choices.length === 0) return undefined;
  const key = matchKey(text);
  if (key.length === 0) return undefined;

  const number = NUMBER_ANSWER.exec(key);
  if (number) {
    const index = Number(number[1]) - 1;
    return choices[index]?.value;
  }

  const byLabel = uniqueMatch(choices, (choice) => matchKey(choice.label) === key);
  if (byLabel !== undefined) return byLabel;

  const telexKey = expandAbbreviations(foldTelex(key));
  if (telexKey !== key) {
    const byTelex = uniqueMatch(choices, (choice) => matchKey(choice.label) === telexKey);
    if (byTelex !== undefined) return byTelex;
  }

  const trimmed = text.trim();
  return uniqueMatch(choices, (choice) => choice.value === trimmed);
}

function uniqueMatch(choices: readonly Choice[], matches: (choice: Choice) => boolean): string | undefined {
  const found = choices.filter(matches);
  return found.length === 1 ? found[0].value : undefined;
}
