/**
 * Who does a task: the lead unit (chủ trì) and the coordinating units (phối hợp), read from the ways plans
 * say it: a field ("Đơn vị thực hiện: Phòng X chủ trì, phối hợp với Công an phường"), an item that names its
 * own lead ("Giao Văn phòng Sở theo dõi…", "Sở Thông tin và Truyền thông chủ trì, …"), and "phối hợp với X"
 * anywhere in a duty. Names come back as written; generic ones are sorted out by the caller.
 */
import { foldSameLength } from './same-length-fold.js';
import { splitUnitNames, startsWithUnitName, unitListEnd } from './unit-names.js';

/** Lead and coordinating unit names as written (the first lead is the lead, any others are co-leads). */
export interface Assignment {
  lead: string[];
  coordinating: string[];
}

/**
 * Reads an assignment field: "Phòng KT, HT&ĐT chủ trì; Công an phường phối hợp", "Chủ trì: Phòng X; Phối hợp:
 * Phòng Y", "Phòng Văn hóa - Xã hội chủ trì, phối hợp với …", or just a list of names (all leads).
 */
export function readAssignmentField(text: string): Assignment {
  const result: Assignment = { lead: [], coordinating: [] };
  for (const clause of text.normalize('NFC').split(';')) {
    const folded = foldSameLength(clause);
    const lead = folded.search(/chu tri/);
    const joint = folded.search(/phoi hop/);
    if (lead >= 0) result.lead.push(...leadNames(clause, folded, lead, joint));
    if (joint >= 0) result.coordinating.push(...jointNames(clause, folded, joint, lead));
    if (lead < 0 && joint < 0) result.lead.push(...splitUnitNames(clause));
  }
  return result;
}

/** "X chủ trì…" → X; "Chủ trì: X, phối hợp: Y" → X. */
function leadNames(clause: string, folded: string, lead: number, joint: number): string[] {
  const after = /^chu tri\s*:/.exec(folded.slice(lead));
  if (!after) return splitUnitNames(clause.slice(0, lead));
  const from = lead + after[0].length;
  const to = joint > lead ? joint : clause.length;
  return splitUnitNames(clause.slice(from, to).replace(/[,\s]+$/, ''));
}

/** "… phối hợp với Y" → Y; "Y phối hợp" → Y (after any "X chủ trì"). */
function jointNames(clause: string, folded: string, joint: number, lead: number): string[] {
  const keyword = /^phoi hop(?:\s+(?:voi|cung))?\s*:?\s*/.exec(folded.slice(joint))!;
  const after = clause.slice(joint + keyword[0].length);
  if (startsWithUnitName(after)) return splitUnitNames(after.slice(0, unitListEnd(after)));
  const from = lead >= 0 && lead < joint ? lead + 'chu tri'.length : 0;
  return splitUnitNames(clause.slice(from, joint).replace(/^[,\s]+/, ''));
}

/**
 * The lead an item names for itself at its start: "Giao Văn phòng Sở theo dõi…", "Giao các Phó Giám đốc Sở:
 * …", "Sở Thông tin và Truyền thông chủ trì, phối hợp…", "Công an thành phố có nhiệm vụ chủ trì …", "Sở Y tế
 * tham mưu …". A short opening clause is skipped ("Cụ thể, UBND Thành phố giao Văn phòng …", "Bên cạnh đó,
 * Công an …", "Theo Kế hoạch, Bộ Tư lệnh Thủ đô sẽ chủ trì …"). Null when it names none.
 */
export function readOwnLead(text: string): string[] | null {
  const opening = /^((?:[^,;:.]{2,40},\s+)?)(?:[^,;:.]{0,40}?\s)?giao\s+/.exec(foldSameLength(text));
  // "Giao …" opening the item names its lead whatever it is ("Giao các Phó Giám đốc Sở: …"); later in the
  // sentence ("UBND Thành phố giao …") only a recognised unit counts.
  if (opening && (opening.index + opening[0].length === 5 || startsWithUnitName(text.slice(opening[0].length)))) {
    const rest = text.slice(opening[0].length);
    const colon = rest.indexOf(':');
    const end = Math.min(unitListEnd(rest), colon >= 0 ? colon : rest.length);
    return plausibleNames(rest.slice(0, end));
  }
  const clause = /^[^,;:.]{2,30},\s+/.exec(text);
  const body = clause && startsWithUnitName(text.slice(clause[0].length)) ? text.slice(clause[0].length) : text;
  const folded = foldSameLength(body);
  const m = /^(.{2,160}?)\s+(?:(?:se|da|co nhiem vu|co trach nhiem|la co quan thuong truc,?)\s+)?(?:chu tri|chiu trach nhiem chinh|tham muu(?! cho)|co trach nhiem(?! thi hanh))(?![a-z])/.exec(folded);
  if (!m) return null;
  const subject = body.slice(0, m[1]!.length);
  if (!startsWithUnitName(subject) || unitListEnd(subject) < subject.length) return null;
  return plausibleNames(subject);
}

function plausibleNames(text: string): string[] | null {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.split(/\s+/).length > 16) return null;
  const names = splitUnitNames(trimmed);
  return names.length > 0 ? names : null;
}

/** After "phối hợp với", "phối hợp chặt chẽ với", "phối hợp, tham gia ý kiến với", "chủ trì cùng". */
const JOINT_PATTERNS: readonly RegExp[] = [
  /phoi hop(?:[\s,]+[a-z ]{0,24}?)?\s(?:voi|cung)\s+/g,
  /phoi hop\s+(?!voi\b|cung\b|chat\b)/g,
  /chu tri,?\s+(?:va\s+)?cung\s+/g,
];

/** Every unit named after "phối hợp (với)" or "chủ trì cùng" in a duty's text, as written, in order, once. */
export function readCoordinating(text: string): string[] {
  const nfc = text.normalize('NFC');
  const folded = foldSameLength(nfc);
  const found: { at: number; names: string[] }[] = [];
  for (const pattern of JOINT_PATTERNS) {
    for (const m of folded.matchAll(pattern)) {
      const at = (m.index ?? 0) + m[0].length;
      if (found.some((f) => f.at === at)) continue;
      const rest = nfc.slice(at);
      if (startsWithUnitName(rest)) found.push({ at, names: splitUnitNames(rest.slice(0, unitListEnd(rest))) });
    }
  }
  const names = found.sort((a, b) => a.at - b.at).flatMap((f) => f.names);
  return names.filter((n, i) => names.findIndex((o) => foldSameLength(o) === foldSameLength(n)) === i);
}
