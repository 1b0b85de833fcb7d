/**
 * What a person means by a short typed message: the keyword intents of the chat, plus the two codes people
 * type (invite codes and case codes).
 *
 * Why keywords and not only buttons: choices must always work as typed answers (Zalo has few buttons, people
 * type), and people type without diacritics, with the input method off (telex leftovers) and with chat
 * abbreviations. Everything goes through the folded match key of `text-folding.ts`.
 *
 * An intent is a context-free hint: the conversation engine decides what it means in the current state
 * (e.g. `need_help` outside a case is treated like `help`; `send` outside a draft is ignored).
 */

import { extractPhoneNumbers } from './phone-numbers.js';
import { expandAbbreviations, foldTelex, matchKey, matchesAny, stripDiacritics } from './text-folding.js';

/**
 * The keyword intents:
 * - `report` — phản ánh / báo cáo a street ad (quảng cáo rao vặt);
 * - `help` — trợ giúp, hướng dẫn, menu, /start;
 * - `lookup` — tra cứu a case's status (also "đã xóa chưa?");
 * - `cancel` — hủy the current step;
 * - `my_tasks` — việc của tôi / nhiệm vụ (a unit's plan tasks or a group leader's cases);
 * - `summary` — tổng hợp, thống kê (for leaders);
 * - `delete_my_data` — xóa dữ liệu của tôi (personal-data deletion request);
 * - `cleaned` — đã xóa / đã gỡ / đã bóc: a group leader confirms the ad is gone;
 * - `not_found` — không thấy: the ad is not at the reported place;
 * - `need_help` — cần hỗ trợ: the group leader cannot handle it alone;
 * - `send` — gửi: confirm sending a draft;
 * - `edit` — sửa: change a draft;
 * - `snooze` — nhắc lại sau: postpone a reminder;
 * - `phone_lookup` — sđt 09…: look a phone number up in the ad-phone list.
 */
export type Intent =
  | 'report'
  | 'help'
  | 'lookup'
  | 'cancel'
  | 'my_tasks'
  | 'summary'
  | 'delete_my_data'
  | 'cleaned'
  | 'not_found'
  | 'need_help'
  | 'send'
  | 'edit'
  | 'snooze'
  | 'phone_lookup';

/** Every intent, for exhaustive tables (help text, tests). */
export const INTENTS: readonly Intent[] = Object.freeze([
  'report', 'help', 'lookup', 'cancel', 'my_tasks', 'summary', 'delete_my_data',
  'cleaned', 'not_found', 'need_help', 'send', 'edit', 'snooze', 'phone_lookup',
] as const);

/** Slash commands (Telegram menus, typed anywhere): the first word decides, "/help@MyBot" included. */
const COMMANDS: Readonly<Record<string, Intent>> = Object.freeze({
  '/start': 'help',
  '/help': 'help',
  '/menu': 'help',
  '/trogiup': 'help',
  '/huongdan': 'help',
  '/baocao': 'report',
  '/phananh': 'report',
  '/tracuu': 'lookup',
  '/huy': 'cancel',
  '/cancel': 'cancel',
  '/nhiemvu': 'my_tasks',
  '/viec': 'my_tasks',
  '/tonghop': 'summary',
  '/thongke': 'summary',
  '/xoadulieu': 'delete_my_data',
  '/sdt': 'phone_lookup',
  '/tracuusdt': 'phone_lookup',
  '/daxoa': 'cleaned',
  '/khongthay': 'not_found',
  '/canhotro': 'need_help',
  '/gui': 'send',
  '/sua': 'edit',
  '/nhacsau': 'snooze',
});

// Keyword lists are written with diacritics for readability; matching folds them.
const DELETE_MY_DATA = [
  'xóa dữ liệu của tôi', 'xóa dữ liệu', 'xóa thông tin của tôi', 'xóa thông tin cá nhân', 'xóa tài khoản',
];
const CANCEL_PHRASES = [
  'hủy bỏ', 'muốn hủy', 'xin hủy', 'thôi hủy', 'hủy phản ánh', 'hủy báo cáo', 'hủy yêu cầu', 'hủy thao tác',
  'không gửi nữa',
];
const CANCEL_WHOLE = ['hủy', 'thôi', 'cancel', 'hủy đi', 'thôi không gửi'];
const CLEANED = [
  'đã xóa', 'xóa rồi', 'xóa xong', 'xóa hết', 'đã gỡ', 'gỡ rồi', 'gỡ xong', 'đã bóc', 'bóc rồi', 'bóc xong',
  'đã cạo', 'cạo rồi', 'đã sơn', 'sơn lại rồi', 'sơn đè rồi', 'đã làm sạch', 'làm sạch rồi', 'đã xử lý',
  'xử lý rồi', 'xử lý xong', 'đã dọn', 'dọn rồi', 'đã tháo dỡ', 'tháo dỡ rồi',
];
const NOT_FOUND = [
  'không thấy', 'không tìm thấy', 'không còn nữa', 'không còn thấy', 'không còn quảng cáo', 'không có quảng cáo',
  'không tồn tại', 'không có ở đây', 'sai địa chỉ', 'sai vị trí',
];
const NEED_HELP = [
  'cần hỗ trợ', 'cần trợ giúp', 'cần giúp', 'cần giúp đỡ', 'nhờ hỗ trợ', 'xin hỗ trợ', 'cần người hỗ trợ',
  'không xóa được', 'không tự xóa được', 'không xử lý được', 'không gỡ được', 'vượt quá khả năng',
];
const SNOOZE = ['nhắc lại sau', 'nhắc sau', 'nhắc tôi sau', 'nhắc lại', 'để sau', 'báo lại sau', 'hoãn nhắc'];
const SUMMARY = ['tổng hợp', 'thống kê', 'báo cáo tổng hợp', 'số liệu', 'tình hình chung'];
const MY_TASKS = [
  'việc của tôi', 'nhiệm vụ', 'công việc của tôi', 'việc cần làm', 'danh sách việc', 'vụ việc của tôi',
  'việc của tổ',
];
const PHONE_LOOKUP = [
  'tra cứu số điện thoại', 'tra số điện thoại', 'kiểm tra số điện thoại', 'check số điện thoại',
  'tra thuê bao', 'tra cứu thuê bao',
];
/** Lookup verbs that mean phone_lookup when the message holds a phone number ("tra cứu 0982 582 971"). */
const LOOKUP_VERBS = ['tra cứu', 'tra', 'tra số', 'kiểm tra', 'check', 'xem số'];
const LOOKUP = [
  'tra cứu', 'tình trạng', 'trạng thái', 'đến đâu rồi', 'thế nào rồi', 'kiểm tra hồ sơ', 'xem hồ sơ',
  'xem phản ánh', 'kết quả xử lý', 'kiểm tra phản ánh',
];
const EDIT_WHOLE = [
  'sửa', 'sửa lại', 'chỉnh sửa', 'thay đổi', 'sửa nội dung', 'sửa mô tả', 'sửa vị trí', 'sửa địa chỉ',
  'sửa ảnh', 'sửa thông tin', 'đổi vị trí', 'đổi ảnh',
];
const EDIT_LEADING = ['sửa lại', 'chỉnh sửa', 'sửa phản ánh', 'sửa báo cáo'];
const SEND_WHOLE = [
  'gửi', 'gửi đi', 'gửi luôn', 'gửi ngay', 'gửi báo cáo', 'gửi phản ánh', 'xác nhận gửi', 'đồng ý gửi', 'ok gửi',
];
const HELP_ANYWHERE = ['trợ giúp', 'hướng dẫn', 'menu', 'cách dùng', 'cách sử dụng', 'dùng thế nào'];
const HELP_WHOLE = ['giúp', 'giúp với', 'giúp đỡ', 'help', 'start', 'bắt đầu', 'giúp tôi', 'giúp em'];
const REPORT = [
  'phản ánh', 'báo cáo', 'quảng cáo', 'rao vặt', 'tờ rơi', 'tố cáo', 'bao cao qc', 'dán trái phép',
  'quảng cáo trái phép', 'khoan cắt bê tông',
];

/** Words that open a polite sentence and carry no meaning for the intent: "em", "dạ", "cho tôi", "vui lòng". */
const LEADING_FILLERS = new Set(['em', 'toi', 'anh', 'chi', 'minh', 'bac', 'chu', 'xin', 'cho', 'muon', 'ok', 'oke', 'okay', 'vang', 'da', 'u', 'vui', 'long', 'hay', 'thi']);
/** Particles that close a sentence: "ạ", "nhé", "nha", "đi", "với", "luôn", "giúp". */
const TRAILING_PARTICLES = new Set(['a', 'nhe', 'nha', 'di', 'voi', 'luon', 'ngay', 'roi', 'giup', 'ha', 'nhi', 'oi', 'nghe', 'vay', 'the', 'nhen']);
const NEGATIONS = new Set(['chua', 'khong', 'chang', 'cha', 'dung', 'he']);

/**
 * The intent of a short typed message, or `null` when it is none of them (free text such as an ad's
 * description, a name, an address). Ambiguous messages are resolved by a fixed priority, most specific first:
 * slash command › delete_my_data › cancel › cleaned › not_found › need_help › snooze › summary › my_tasks ›
 * phone_lookup › lookup › edit › send › help › a case code (lookup) › report. So "bao cao" is `report`,
 * "đã xóa" is `cleaned`, "xóa dữ liệu của tôi" is `delete_my_data`, "đã xóa chưa?" is `lookup`, and
 * "chưa xóa xong" is not `cleaned`. Call {@link parseInviteCode} first: "/start MOI-…" is an invite, not help.
 */
export function detectIntent(text: string): Intent | null {
  const keys = matchKeys(text);
  if (keys[0] === '') return null;

  const command = slashCommand(keys[0]);
  if (command !== null) return command;

  if (matchesAny(text, DELETE_MY_DATA)) return 'delete_my_data';
  if (isCancel(text, keys)) return 'cancel';

  const cleaned = findCleaned(keys);
  if (cleaned) return isQuestion(text, keys) ? 'lookup' : 'cleaned';

  if (matchesAny(text, NOT_FOUND)) return 'not_found';
  if (matchesAny(text, NEED_HELP)) return 'need_help';
  if (matchesAny(text, SNOOZE)) return 'snooze';
  if (matchesAny(text, SUMMARY)) return 'summary';
  if (matchesAny(text, MY_TASKS)) return 'my_tasks';
  if (isPhoneLookup(text, keys)) return 'phone_lookup';
  if (matchesAny(text, LOOKUP)) return 'lookup';
  if (wholeIs(keys, EDIT_WHOLE) || leadsWith(keys, EDIT_LEADING)) return 'edit';
  if (wholeIs(keys, SEND_WHOLE)) return 'send';
  if (matchesAny(text, HELP_ANYWHERE) || wholeIs(keys, HELP_WHOLE)) return 'help';
  // A case code means "what about this case?" — before report, since "qc" alone folds to "quảng cáo".
  if (parseCaseCode(text) !== null) return 'lookup';
  if (matchesAny(text, REPORT)) return 'report';
  return null;
}

/** The plain match key and, when different, the telex-repaired one ("ddax xoas" → "da xoa"). */
function matchKeys(text: string): string[] {
  const key = matchKey(text);
  const telex = expandAbbreviations(foldTelex(key));
  return telex === key ? [key] : [key, telex];
}

function slashCommand(key: string): Intent | null {
  if (!key.startsWith('/')) return null;
  const first = key.split(' ')[0];
  return COMMANDS[first] ?? null;
}

/** The message without polite openers and closing particles: "dạ em gửi luôn nhé ạ" → "gui". */
function core(key: string): string {
  const words = key.split(' ');
  while (words.length > 1 && LEADING_FILLERS.has(words[0])) words.shift();
  while (words.length > 1 && TRAILING_PARTICLES.has(words[words.length - 1])) words.pop();
  return words.join(' ');
}

function wholeIs(keys: readonly string[], phrases: readonly string[]): boolean {
  const folded = phrases.map(matchKey);
  return keys.some((k) => {
    const c = core(k);
    return folded.includes(c) || folded.includes(k);
  });
}

function leadsWith(keys: readonly string[], phrases: readonly string[]): boolean {
  const folded = phrases.map(matchKey);
  return keys.some((k) => {
    const c = core(k);
    return folded.some((p) => c === p || c.startsWith(`${p} `));
  });
}

/**
 * "hủy" with its diacritics is always the verb; without them it may be the name Huy ("anh Huy tổ 5 đã xóa"),
 * so bare "huy" counts only as the whole message or in a phrase ("hủy bỏ", "muốn hủy").
 */
function isCancel(text: string, keys: readonly string[]): boolean {
  if (matchesAny(text, CANCEL_PHRASES) || wholeIs(keys, CANCEL_WHOLE)) return true;
  const written = /(?<![\p{L}])h(?:ủy|uỷ)(?![\p{L}])/iu.exec(text.normalize('NFC'));
  if (written === null) return false;
  const before = stripDiacritics(text.normalize('NFC').slice(0, written.index)).toLowerCase().trim().split(/\s+/);
  return !NEGATIONS.has(before[before.length - 1] ?? '');
}

/** A "cleaned" phrase not preceded by a negation ("chưa xóa xong", "không gỡ được" are not cleaned). */
function findCleaned(keys: readonly string[]): boolean {
  const phrases = CLEANED.map(matchKey);
  return keys.some((key) => {
    const padded = ` ${key} `;
    return phrases.some((p) => {
      let from = 0;
      for (;;) {
        const at = padded.indexOf(` ${p} `, from);
        if (at < 0) return false;
        const before = padded.slice(0, at).trim().split(' ');
        if (!NEGATIONS.has(before[before.length - 1] ?? '')) return true;
        from = at + 1;
      }
    });
  });
}

/** "đã xóa chưa?", "xử lý chưa", "đã gỡ không ạ": asking about the status, not confirming. */
function isQuestion(text: string, keys: readonly string[]): boolean {
  if (/\?\s*$/.test(text)) return true;
  return keys.some((k) => /(?:^| )(?:chua|khong|chang)(?: (?:a|vay|the|nhi|ha|nhe|nha))*$/.test(k));
}

/**
 * "sđt 0982 582 971", "sdt: 0982…", "/sdt", "tra cứu sđt …", "tra cứu 0982 582 971": look a number up.
 * A sentence that merely mentions a number ("số điện thoại trên tờ rơi là 09…") is not a lookup.
 */
function isPhoneLookup(text: string, keys: readonly string[]): boolean {
  if (matchesAny(text, PHONE_LOOKUP)) return true;
  const asks = keys.some((k) => {
    const c = core(k);
    return c === 'so dien thoai' || /^so dien thoai(?: la)?(?: [0-9o][0-9o ]*)$/.test(c);
  });
  if (asks) return true;
  return matchesAny(text, LOOKUP_VERBS) && parseCaseCode(text) === null && extractPhoneNumbers(text).length > 0;
}

// ---------------------------------------------------------------------------------------------------------
// Codes

/**
 * Invite codes (mã mời) leave out 0/O and 1/I/L, which people misread when copying from paper or a
 * screen. The generator must draw from this alphabet.
 */
export const INVITE_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** Invite codes are written `MOI-` + this many characters, e.g. `MOI-7K3Q9D`. */
export const INVITE_CODE_LENGTH = 6;
/** The prefix of invite codes ("mời"). */
export const INVITE_CODE_PREFIX = 'MOI';

const INVITE_BODY = new RegExp(`^[${INVITE_CODE_ALPHABET}]{${INVITE_CODE_LENGTH}}$`);
const INVITE_IN_TEXT = new RegExp(
  `(?<![A-Z0-9])${INVITE_CODE_PREFIX}([\\s\\-_.:]*)([A-Z0-9]{${INVITE_CODE_LENGTH}})(?![A-Z0-9])`,
  'g',
);

/**
 * The invite code in a message, canonical (`MOI-7K3Q9D`), or `null`. Accepts any case, spaces, a dash or
 * an underscore after the prefix, "mời" with diacritics, a Telegram deep link ("/start MOI_7K3Q9D"), and a
 * bare code sent alone when it mixes letters and digits ("7k3q9d"). A code containing 0, O, 1, I or L is
 * not one of ours: `null`, so the caller says the code is wrong instead of guessing. A code of letters only
 * must be glued to the prefix or joined by a dash ("MOI-KHPQRT"): after a space it reads as words.
 */
export function parseInviteCode(text: string): string | null {
  const upper = stripDiacritics(text.normalize('NFC')).toUpperCase();
  for (const m of upper.matchAll(INVITE_IN_TEXT)) {
    const [, separator, body] = m;
    if (!INVITE_BODY.test(body)) continue;
    // "mời khuyên…" folds to "MOI KHUYEN": an all-letter code after a mere space is more likely words.
    if (!/\d/.test(body) && /^\s+$/.test(separator)) continue;
    return `${INVITE_CODE_PREFIX}-${body}`;
  }
  const bare = upper.trim();
  if (INVITE_BODY.test(bare) && /\d/.test(bare) && /[A-Z]/.test(bare)) return `${INVITE_CODE_PREFIX}-${bare}`;
  return null;
}

const CASE_CODE_IN_TEXT = /(?<![A-Z0-9])QC[\s\-_.]*(\d{2})(\d{2})[\s\-_.]*(\d{1,6})(?!\d)/g;

/**
 * The case code (mã vụ việc) in a message, canonical (`QC-2611-0042`: year 2026, month 11, number 42), or
 * `null`. Accepts `qc 2611 0042`, `qc26110042`, `QC-2611-42`; the month must be 01–12.
 */
export function parseCaseCode(text: string): string | null {
  const upper = stripDiacritics(text.normalize('NFC')).toUpperCase();
  for (const m of upper.matchAll(CASE_CODE_IN_TEXT)) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) continue;
    const sequence = Number(m[3]);
    if (sequence === 0) continue;
    return `QC-${m[1]}${m[2]}-${String(sequence).padStart(4, '0')}`;
  }
  return null;
}
