/**
 * Recognising unit names (tên cơ quan, đơn vị) in plan text: where a name starts, where a list of names ends,
 * how to split "Phòng Văn hóa - Xã hội, Công an phường và các Tổ dân phố" into names without splitting
 * "Phòng Kinh tế, Hạ tầng và Đô thị", and which names are generic ("các đơn vị liên quan").
 */
import { foldSameLength } from './same-length-fold.js';

/** `^(?:a|b|c)` followed by a word boundary, from folded phrases. */
function opening(prefix: string, phrases: readonly string[]): RegExp {
  return new RegExp(`^${prefix}(?:${phrases.join('|')})(?![a-z])`);
}

/** Phrases (folded) that open a unit name whatever follows: "Công an phường", "Văn phòng Sở", "Tổ dân phố 5". */
const UNIT_PHRASES = opening('', [
  ...['cong an', 'van phong', 'trung tam', 'uy ban', 'chi cuc', 'to dan pho', 'mat tran', 'tong cong ty', 'cong ty'],
  ...['dien luc', 'doanh nghiep', 'hoi dong', 'chu dau tu', 'nha dau tu', 'nha cung cap', 'nha mang', 'xi nghiep'],
  ...['ngan hang', 'thanh uy', 'dang uy', 'kho bac', 'lien doan', 'benh vien', 'truong hoc', 'co so giao duc'],
  ...['ban quan ly', 'ban chi dao', 'ban thi dua', 'doan thanh nien', 'hoi lien hiep', 'hoi phu nu', 'hoi nong dan'],
  ...['hoi cuu chien binh', 'chi nhanh'],
  // generic openings: they start a name, which is then recognised as generic and left out
  ...['co quan', 'don vi', 'dia phuong', 'luc luong'],
]);

/**
 * Short words that open a unit name only before a capitalised word: "Phòng Kinh tế", not "phòng chống";
 * "Sở Xây dựng", not "Số 40". With or without diacritics, but not with other ones ("số", "bổ" are not units).
 */
const UNIT_WORDS = new Set([
  ...['phòng', 'sở', 'bộ', 'ban', 'cục', 'tổ', 'hội', 'đoàn', 'đội', 'trường', 'trạm', 'viện', 'quỹ', 'đài', 'báo'],
  ...['thôn', 'khu', 'phong', 'so', 'bo', 'cuc', 'to', 'hoi', 'doan', 'doi', 'truong', 'tram', 'vien', 'quy', 'dai'],
  ...['bao', 'thon'],
]);

/** Unit words that may be followed by a number: "Tổ 5", "Đội 3", "Khu 2". */
const NUMBERED_UNIT_WORDS = new Set(['tổ', 'đội', 'khu', 'thôn', 'to', 'doi', 'thon']);

/** Abbreviations that are unit names by themselves. */
const UNIT_ABBREVIATIONS = /^(?:UBND|HĐND|HDND|UBMTTQ|MTTQ|TDP|VP|BQL|BCĐ|CA|UB)(?![\p{L}])/u;

/** Plurals naming a group of units: "các Sở", "các xã, phường", "các doanh nghiệp viễn thông". */
const PLURAL_UNITS = opening('cac ', [
  ...['co quan', 'don vi', 'phong', 'so', 'ban', 'nganh', 'cap', 'dia phuong', 'xa', 'phuong', 'to', 'hoi', 'doan'],
  ...['doanh nghiep', 'nha', 'truong', 'co so', 'chu dau tu', 'cong ty', 'trung tam', 'uy ban', 'chi cuc'],
  ...['xi nghiep', 'benh vien', 'tram', 'bo', 'tinh', 'huyen', 'thanh pho', 'thon', 'khu pho', 'to dan pho'],
]);

/** True when `text` opens with a unit name. */
export function startsWithUnitName(text: string): boolean {
  const t = text.trim().replace(/^(?:đề nghị|kính mời|giao)\s+/iu, '');
  const folded = foldSameLength(t);
  if (UNIT_PHRASES.test(folded) || PLURAL_UNITS.test(folded) || UNIT_ABBREVIATIONS.test(t)) return true;
  if (isShouting(t)) return false;
  const [first = '', second] = t.split(/\s+/, 2);
  const word = first.replace(/[,.;:]+$/, '').toLowerCase();
  if (!UNIT_WORDS.has(word)) return false;
  const capitalFirst = /^\p{Lu}/u.test(first);
  if (second === undefined || /[,;:]$/.test(first)) return capitalFirst;
  return /^\p{Lu}/u.test(second) || (/^\d/.test(second) && NUMBERED_UNIT_WORDS.has(word));
}

/** "TỔ CHỨC THỰC HIỆN" is a section name, not "Tổ …": short unit words do not count in capitals. */
function isShouting(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length > 3 && letters === letters.toUpperCase();
}

/**
 * A collective unit: a group the organisation can expand to its members ("Các sở, ban, ngành", "UBND các xã,
 * phường", "Các phòng, đơn vị", "các Tổ dân phố"), as opposed to a vague one ("các đơn vị liên quan", "lực
 * lượng chức năng") that names nobody. Neither is a single unit, so neither is proposed as the lead.
 */
export function isCollectiveUnitName(name: string): boolean {
  const folded = foldSameLength(name).replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (folded === '' || /\blien quan\b|\bchuc nang\b|\bco tham quyen\b/.test(folded)) return false;
  return PLURAL_UNITS.test(folded) || /^(?:ubnd|uy ban nhan dan|chu tich ubnd|chu tich uy ban nhan dan) cac\b/.test(folded);
}

/**
 * Generic names that no unit code can stand for: "các đơn vị liên quan", "Các Sở, ban, ngành, địa phương
 * có liên quan", "lực lượng chức năng". Left out of coordinating units; a generic lead leaves the lead empty.
 */
export function isGenericUnitName(name: string): boolean {
  const folded = foldSameLength(name).replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (folded === '') return true;
  if (/\blien quan\b|\bchuc nang\b|\bco tham quyen\b/.test(folded)) return true;
  if (/^(?:cac )?(?:co quan|don vi|dia phuong)\b/.test(folded)) return true;
  return folded.split(' ').every((w) => GENERIC_WORDS.has(w));
}

const GENERIC_WORDS = new Set(
  [
    ...['cac', 'co', 'quan', 'don', 'vi', 'phong', 'ban', 'so', 'nganh', 'cap', 'dia', 'phuong', 'to', 'chuc'],
    ...['doan', 'the', 'hoi', 'luc', 'luong', 'ca', 'nhan', 'va', 'xa', 'huyen', 'thi', 'tran', 'thanh', 'pho'],
    ...['tren', 'thuoc', 'truc', 'tat'],
  ],
);

/**
 * Lower-case verbs (folded regex fragments) that end a name or a list of names: "… Hải Phòng chỉ đạo các Xí
 * nghiệp …". Some need a guard because they also occur inside names: "công trình", "nhà cung cấp", "vệ sinh",
 * "vận tải", "tài chính".
 */
const LIST_END_WORDS: readonly string[] = [
  ...['trien khai', 'to chuc', 'thuc hien', 'day manh', 'tang cuong', 'kiem tra', 'huong dan', 'tuyen truyen'],
  ...['xay dung', 'ra soat', 'tham muu', 'de xuat', 'de nghi', 'thong ke', 'tiep nhan', 'xu ly', 'giai quyet'],
  ...['theo doi', 'don doc', 'lap', 'ban hanh', 'phat dong', 'duy tri', 'nang cao', 'tham dinh', 'tong hop'],
  ...['bao cao', 'giam sat', 'van dong', 'pho bien', 'ho tro', 'bo tri', 'chi dao', 'tham gia', 'thuong xuyen'],
  ...['nghien cuu', 'danh gia', 'phat hien', 'kip thoi', 'tiep tuc', 'chu dong', 'thanh tra', 'cai tao'],
  ...['tien hanh', 'phan bo', 'quyet dinh', 'xem xet', 'dam bao', 'bao dam', 'hoan thanh', 'nhanh chong', 'giup'],
  ...['tap trung', 'khao sat', 'chu tri', 'phoi hop', 'thanh thai', 'ra quan', 'xoa', 'thu gom', 'co trach nhiem'],
  ...['chiu trach nhiem', 'quan tam', 'dang tai', 'cap nhat', 'rao', 'doi voi', 'trong', 'de', 'nham', 'theo', 'khi'],
  'trinh(?<!(?:cong|quy|lo|chuong|hanh) trinh)',
  'cung cap(?<!nha cung cap)',
  '(?<!bao )ve(?! sinh)',
  '(?<!van )tai(?! (?:chinh|nguyen|san|lieu|tro|khoan))',
];

/**
 * Verbs (folded) a duty opens with when its unit was named above it: "Huy động và phân công …", "Hướng dẫn,
 * giám sát …".
 */
const NOT_DUTY_VERBS = new Set(['doi voi', 'trong', 'de', 'nham', 'theo', 'khi', 'rao', 'kip thoi', 'nhanh chong', 'quan tam']);
const DUTY_VERBS = new RegExp(
  `^(?:${[
    ...LIST_END_WORDS.filter((w) => /^[a-z ]+$/.test(w) && !NOT_DUTY_VERBS.has(w)),
    ...['huy dong', 'phan cong', 'van hanh', 'quan ly', 'cung cap', 'bao ve', 'ra quan', 'trinh'],
  ].join('|')})(?![a-z])`,
);

/** True when `text` opens with a duty verb ("Huy động …", "Tổ chức …", "Phối hợp …"). */
export function startsWithDutyVerb(text: string): boolean {
  return DUTY_VERBS.test(foldSameLength(text.trim()));
}

const LIST_END = new RegExp(`\\s(?:${LIST_END_WORDS.join('|')})(?![a-z])`, 'g');

/**
 * Where a run of unit names starting at the beginning of `text` ends: at ";", ".", ":", "(" or at the first
 * lower-case verb ("Phòng Văn hóa và Xã hội và các cơ quan truyền thông triển khai…" ends before "triển khai").
 * Capitalised words never end it, so "Ban Chỉ đạo Chuyển đổi số" stays whole.
 */
export function unitListEnd(text: string): number {
  const folded = foldSameLength(text);
  let end = text.search(/[;.:(\n]/);
  if (end < 0) end = text.length;
  // "Sở Kế hoạch và Đầu tư - cơ quan thường trực …": a dash before "cơ quan / đơn vị / thường trực" describes
  // the unit; other dashes are part of its name ("Phòng Văn hóa - Xã hội", "Khoa học – công nghệ").
  const apposition = folded.search(/\s[-–]\s*(?:co ?quan|don vi|thuong truc|la co quan)(?![a-z])/);
  if (apposition > 0 && apposition < end) end = apposition;
  for (const m of folded.matchAll(LIST_END)) {
    const at = (m.index ?? 0) + 1;
    if (at >= end) break;
    if (/^\p{Ll}/u.test(text.slice(at))) return at - 1;
  }
  return end;
}

/**
 * Splits a free-text list of units into names, as written: on ";" and bulleted lines always, and on ",",
 * " và ", " cùng " only where a new name starts. "Phòng Văn hóa - Xã hội, Công an phường và các Tổ dân phố"
 * → ["Phòng Văn hóa - Xã hội", "Công an phường", "các Tổ dân phố"]; "Sở Văn hóa, Thể thao và Du lịch" stays one.
 */
export function splitUnitNames(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/;|\n(?=\s*[-–•+]\s)/)
    .map((chunk) => chunk.replace(/\s*\n\s*/g, ' '))
    .flatMap(splitChunk)
    .map(cleanUnitName)
    .filter((n) => n !== '');
}

function splitChunk(chunk: string): string[] {
  const pieces = chunk.split(/(,\s*|\s+và\s+|\s+cùng\s+)/u);
  const names: string[] = [];
  let current = pieces[0] ?? '';
  for (let i = 1; i < pieces.length; i += 2) {
    const separator = pieces[i]!;
    const piece = pieces[i + 1] ?? '';
    if (startsWithUnitName(piece)) {
      names.push(current);
      current = piece;
    } else {
      current += separator + piece;
    }
  }
  names.push(current);
  return names;
}

/** Trims bullets, "Đề nghị", trailing punctuation and "(chủ trì)" notes off a name. */
export function cleanUnitName(name: string): string {
  return name
    .trim()
    .replace(/^[-–•+*]\s*/, '')
    .replace(/^(?:đề nghị|kính đề nghị|kính mời)\s+/iu, '')
    .replace(/\s*\((?:chủ trì|phối hợp)\)\s*$/iu, '')
    .replace(/[\s.,;:]+$/, '')
    .trim();
}
