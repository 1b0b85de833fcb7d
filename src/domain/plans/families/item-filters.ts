/**
 * Text inside task sections that is never a task: notes in parentheses ("(Chi tiết tại Phụ lục gửi kèm
 * theo)"), closing formulas ("Trong quá trình thực hiện, nếu có vướng mắc…", "Trên đây là Kế hoạch…"),
 * legal bases ("Căn cứ…"), stray lists of documents ("Nghị quyết số 226/2025QH15 của Quốc hội; …") and
 * signature lines.
 */
import { foldSameLength } from '../same-length-fold.js';

const NOT_TASKS: readonly RegExp[] = [
  /^\(.*\)\W*$/,
  /^(?:trong qua trinh (?:thuc hien|trien khai)|tren day la)\b/,
  /^can cu\b/,
  /^(?:nghi quyet|ke hoach|quyet dinh|chi thi|thong tu|nghi dinh|luat|cong van|chuong trinh hanh dong)\s+(?:so\s+)?\d/,
  /^ket luan\s+(?:so\s+)?\d/,
  // closing and publishing lines: "Quyết định này có hiệu lực …", "File đính kèm", "Nguồn: …", "Điều 2."
  /^(?:quyet dinh|ke hoach|chi thi|van ban) nay co hieu luc\b/,
  /^(?:file|tai lieu|tep) dinh kem\b|^nguon\s*:|^anh(?: minh hoa)?\s*[:/]|^dieu \d+\s*\.?$/,
  /^neu co (?:kho khan|vuong mac)\b/,
  // the header block, when the export runs it together: "Số: 12/KH-UBND", the national motto
  /\bso\s*:\s*\d*\s*\/\s*[a-z]{2,3}\s*-/,
  /cong hoa xa hoi chu nghia|doc lap\s*-\s*tu do/,
];

/** True for a block that sits among duties but is not one. */
export function isNotATask(text: string): boolean {
  const trimmed = text.trim();
  const folded = foldSameLength(trimmed);
  return folded === '' || NOT_TASKS.some((re) => re.test(folded)) || isSignatureLine(trimmed);
}

/** "TM. ỦY BAN NHÂN DÂN", "GIÁM ĐỐC", "Nguyễn Cao Thắng": a signature block, when it comes before "Nơi nhận". */
function isSignatureLine(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return true;
  const words = text.split(/\s+/);
  return words.length <= 5 && words.every((w) => /^\p{Lu}\p{Ll}*$/u.test(w));
}
