import { describe, expect, it } from 'vitest';
import {
  CARRIER_PORTING_NOTE,
  MOBILE_PREFIXES,
  OLD_MOBILE_PREFIXES,
  carrierLabel,
  extractPhoneNumbers,
  normalizePhoneNumber,
} from '../../src/domain/phone-numbers.js';
import type { Carrier, PhoneKind, PhoneRejection } from '../../src/domain/phone-numbers.js';

// Expected values below are derived from Vietnam's numbering plan (reference/vietnam.md), not from the
// function's output: E.164 = +84 + the number without its trunk 0; mobile display 4-3-3; landline display
// 0 + 3-digit area code 3-4, or 024/028 3-4-4; 1800/1900 as 4 + rest.

type Expected = [e164: string, display: string, kind: PhoneKind, carrier: Carrier | null, old?: boolean];

function one(text: string) {
  const found = extractPhoneNumbers(text);
  expect(found, `exactly one number in ${JSON.stringify(text)}`).toHaveLength(1);
  return found[0];
}

describe('extractPhoneNumbers: the written forms of one mobile number', () => {
  it.each([
    '0982582971',
    '0982.582.971',
    '0982 582 971',
    '0982-582-971',
    '098.258.2971',
    '098 258 2971',
    '0982.58.29.71',
    '+84982582971',
    '+84 982 582 971',
    '+84-982-582-971',
    '(+84) 982 582 971',
    '(+84)982582971',
    '+84 (0) 982 582 971',
    '+84 0982 582 971',
    '84982582971',
    '0084982582971',
    '0084 982 582 971',
    'ĐT: 0982.582.971',
    'sđt0982582971',
    'Liên hệ 0982 582 971 (Zalo)',
    'Gọi ngay: 0982-582-971.',
    '0982 582\n971',
  ])('%j → +84982582971', (text) => {
    const m = one(text);
    expect(m.e164).toBe('+84982582971');
    expect(m.display).toBe('0982 582 971');
    expect(m.kind).toBe('mobile');
    expect(m.carrier).toBe('viettel');
    expect(m.oldFormMapped).toBe(false);
  });

  it('keeps the raw text as written, including (+84)', () => {
    expect(one('Gọi (+84) 982 582 971 nhé').raw).toBe('(+84) 982 582 971');
    expect(one('ĐT: 0982.582.971.').raw).toBe('0982.582.971');
    expect(one('+84982582971').raw).toBe('+84982582971');
  });
});

describe('extractPhoneNumbers: carriers by current prefix', () => {
  it.each<[string, Expected]>([
    ['0862 123 456', ['+84862123456', '0862 123 456', 'mobile', 'viettel']],
    ['0971 234 567', ['+84971234567', '0971 234 567', 'mobile', 'viettel']],
    ['0328.123.456', ['+84328123456', '0328 123 456', 'mobile', 'viettel']],
    ['0399 999 999', ['+84399999999', '0399 999 999', 'mobile', 'viettel']],
    ['0912 345 678', ['+84912345678', '0912 345 678', 'mobile', 'vinaphone']],
    ['0888 123 456', ['+84888123456', '0888 123 456', 'mobile', 'vinaphone']],
    ['0943.111.222', ['+84943111222', '0943 111 222', 'mobile', 'vinaphone']],
    ['0812 345 678', ['+84812345678', '0812 345 678', 'mobile', 'vinaphone']],
    ['0856 345 678', ['+84856345678', '0856 345 678', 'mobile', 'vinaphone']],
    ['0903.123.456', ['+84903123456', '0903 123 456', 'mobile', 'mobifone']],
    ['0898 123 456', ['+84898123456', '0898 123 456', 'mobile', 'mobifone']],
    ['0933 123 456', ['+84933123456', '0933 123 456', 'mobile', 'mobifone']],
    ['0708 123 456', ['+84708123456', '0708 123 456', 'mobile', 'mobifone']],
    ['0765 123 456', ['+84765123456', '0765 123 456', 'mobile', 'mobifone']],
    ['0923 456 789', ['+84923456789', '0923 456 789', 'mobile', 'vietnamobile']],
    ['0523 123 456', ['+84523123456', '0523 123 456', 'mobile', 'vietnamobile']],
    ['0563 123 456', ['+84563123456', '0563 123 456', 'mobile', 'vietnamobile']],
    ['0583 123 456', ['+84583123456', '0583 123 456', 'mobile', 'vietnamobile']],
    ['0993 456 789', ['+84993456789', '0993 456 789', 'mobile', 'gmobile']],
    ['0997 456 789', ['+84997456789', '0997 456 789', 'mobile', 'gmobile']],
    ['0599 123 456', ['+84599123456', '0599 123 456', 'mobile', 'gmobile']],
    ['0877 123 456', ['+84877123456', '0877 123 456', 'mobile', 'itelecom']],
    ['0998 123 456', ['+84998123456', '0998 123 456', 'mobile', 'itelecom']],
    ['0552 123 456', ['+84552123456', '0552 123 456', 'mobile', 'reddi']],
  ])('%j', (text, [e164, display, kind, carrier]) => {
    expect(one(text)).toMatchObject({ e164, display, kind, carrier, oldFormMapped: false });
  });
});

describe('extractPhoneNumbers: old 11-digit numbers mapped to the new prefix (last 7 digits kept)', () => {
  it.each<[string, Expected]>([
    ['0169.123.4567', ['+84391234567', '0391 234 567', 'mobile', 'viettel']],
    ['0162 123 4567', ['+84321234567', '0321 234 567', 'mobile', 'viettel']],
    ['01681234567', ['+84381234567', '0381 234 567', 'mobile', 'viettel']],
    ['0123.456.7890', ['+84834567890', '0834 567 890', 'mobile', 'vinaphone']],
    ['0124 456 7890', ['+84844567890', '0844 567 890', 'mobile', 'vinaphone']],
    ['0125 456 7890', ['+84854567890', '0854 567 890', 'mobile', 'vinaphone']],
    ['0127 456 7890', ['+84814567890', '0814 567 890', 'mobile', 'vinaphone']],
    ['0129 456 7890', ['+84824567890', '0824 567 890', 'mobile', 'vinaphone']],
    ['0120 456 7890', ['+84704567890', '0704 567 890', 'mobile', 'mobifone']],
    ['0121 456 7890', ['+84794567890', '0794 567 890', 'mobile', 'mobifone']],
    ['0122 456 7890', ['+84774567890', '0774 567 890', 'mobile', 'mobifone']],
    ['0126 456 7890', ['+84764567890', '0764 567 890', 'mobile', 'mobifone']],
    ['0128 456 7890', ['+84784567890', '0784 567 890', 'mobile', 'mobifone']],
    ['0186 456 7890', ['+84564567890', '0564 567 890', 'mobile', 'vietnamobile']],
    ['0188 456 7890', ['+84584567890', '0584 567 890', 'mobile', 'vietnamobile']],
    ['0199 456 7890', ['+84594567890', '0594 567 890', 'mobile', 'gmobile']],
    ['+84 169 123 4567', ['+84391234567', '0391 234 567', 'mobile', 'viettel']],
  ])('%j', (text, [e164, display, kind, carrier]) => {
    expect(one(text)).toMatchObject({ e164, display, kind, carrier, oldFormMapped: true });
  });

  it('every old prefix maps to a current prefix of a known carrier', () => {
    for (const [, fresh] of Object.entries(OLD_MOBILE_PREFIXES)) expect(MOBILE_PREFIXES[fresh]).toBeDefined();
  });
});

describe('extractPhoneNumbers: letter O for zero (best effort)', () => {
  it.each([
    ['O982.582.971', '+84982582971'],
    ['o982 582 971', '+84982582971'],
    ['0982.582.97O', '+84982582970'],
    ['09O2 123 456', '+84902123456'],
  ])('%j → %s', (text, e164) => {
    const m = one(text);
    expect(m.e164).toBe(e164);
    expect(m.raw).toBe(text);
  });

  it('leaves the o of a word alone', () => {
    expect(extractPhoneNumbers('Zalo 0982582971').map((m) => m.raw)).toEqual(['0982582971']);
    expect(extractPhoneNumbers('nhà o 12 ngõ 5')).toEqual([]);
  });
});

describe('extractPhoneNumbers: landlines and service numbers', () => {
  it.each<[string, Expected]>([
    ['0225 383 1234', ['+842253831234', '0225 383 1234', 'landline', null]],
    ['0225.3831.234', ['+842253831234', '0225 383 1234', 'landline', null]],
    ['(0225) 383 1234', ['+842253831234', '0225 383 1234', 'landline', null]],
    ['02253831234', ['+842253831234', '0225 383 1234', 'landline', null]],
    ['+84 225 383 1234', ['+842253831234', '0225 383 1234', 'landline', null]],
    ['0220 3 845 678', ['+842203845678', '0220 384 5678', 'landline', null]],
    ['024 3826 1234', ['+842438261234', '024 3826 1234', 'landline', null]],
    ['028.3822.1234', ['+842838221234', '028 3822 1234', 'landline', null]],
    ['1900 6750', ['+8419006750', '1900 6750', 'premium', null]],
    ['1900.1234', ['+8419001234', '1900 1234', 'premium', null]],
    ['1900 54 54 54', ['+841900545454', '1900 545454', 'premium', null]],
    ['1800.1090', ['+8418001090', '1800 1090', 'tollfree', null]],
    ['18001090', ['+8418001090', '1800 1090', 'tollfree', null]],
    ['1800 599 920', ['+841800599920', '1800 599920', 'tollfree', null]],
  ])('%j', (text, [e164, display, kind, carrier]) => {
    expect(one(text)).toMatchObject({ e164, display, kind, carrier, oldFormMapped: false });
  });

  it('keeps the parenthesised area code in raw', () => {
    expect(one('Tel: (0225) 383 1234').raw).toBe('(0225) 383 1234');
  });
});

describe('extractPhoneNumbers: several numbers in one text', () => {
  it('finds each, in order', () => {
    const found = extractPhoneNumbers('Khoan cắt bê tông 0912.345.678 - 0168 999 8888, hotline 1900 6750');
    expect(found.map((m) => m.e164)).toEqual(['+84912345678', '+84389998888', '+8419006750']);
    expect(found[1].oldFormMapped).toBe(true);
  });

  it.each([
    '0982582971/0912345678',
    '0982582971 / 0912345678',
    '0982582971, 0912345678',
    '0982582971;0912345678',
    '0982 582 971 0912 345 678',
    '0982.582.971.0912.345.678',
    '0982 582 971\n0912 345 678',
  ])('%j → two numbers', (text) => {
    expect(extractPhoneNumbers(text).map((m) => m.e164)).toEqual(['+84982582971', '+84912345678']);
  });

  it('returns a number written twice only once', () => {
    expect(extractPhoneNumbers('0982582971 hoặc 0982.582.971 hoặc +84 982 582 971')).toHaveLength(1);
  });

  it('finds a number after a time or a slash-less date', () => {
    expect(extractPhoneNumbers('10:30 gọi 0912345678').map((m) => m.e164)).toEqual(['+84912345678']);
    expect(extractPhoneNumbers('20/11/2026 0912345678').map((m) => m.e164)).toEqual(['+84912345678']);
  });
});

describe('extractPhoneNumbers: things that are not phone numbers', () => {
  it.each([
    ['a date with dots', 'hạn 20.11.2026'],
    ['a date with slashes', 'ngày 20/11/2026'],
    ['a date with dashes', '02-11-2026'],
    ['a date followed by digits that would make an 0211 landline', 'ngày 02.11.2026 123 4567'],
    ['a sum with dots', 'giá 500.000'],
    ['a sum in k', 'chỉ 50k'],
    ['a sum in đ', '1.500.000đ'],
    ['a sum in VND', '2.000.000 VND'],
    ['19 million đồng (not 1900 0000)', '19.000.000đ'],
    ['1.8 billion written like 1800 + zeros', '1800.000.000'],
    ['a case code', 'QC-2611-0042'],
    ['a glued case code', 'qc26110042'],
    ['a house number', 'số 12/34 ngõ 5'],
    ['a house number after a short number and slash', '12/0982582971'],
    ['a 12-digit ID card number', 'CCCD 001098258297'],
    ['a spaced ID card number', 'CCCD 031 098 001 234'],
    ['a 9-digit mobile (one digit missing)', '098258297'],
    ['an 11-digit number with a new prefix', '09825829711'],
    ['an old prefix with only 10 digits', '0123 456 789'],
    ['an unknown 01x prefix', '0112 345 678'],
    ['the old Hà Nội 04 code', '0412 345 678'],
    ['an unassigned 099x prefix', '0990 123 456'],
    ['an unassigned area code 0200', '0200 123 4567'],
    ['a Hà Nội subscriber starting with 1', '024 1234 5678'],
    ['a landline one digit short', '0225 383 123'],
    ['digits glued inside a longer run', '1234098258297156'],
    ['a phone glued to a longer dotted run', '0982.582.971.123'],
    ['a dotted run glued before a phone', '1.0982.582.971'],
    ['an amount glued to the digits', '0982582971đ'],
    ['a foreign number', '+1 555 123 4567'],
    ['a double 00 that is not 0084', '00982582971'],
    ['masked digits', 'gọi 0965.xxx.xxx'],
    ['plain words', 'tờ rơi dán trên cột điện'],
    ['nothing', ''],
  ])('%s: %j', (_why, text) => {
    expect(extractPhoneNumbers(text)).toEqual([]);
  });
});

describe('normalizePhoneNumber', () => {
  it.each<[string, string, boolean]>([
    ['0982 582 971', '+84982582971', false],
    ['0982.582.971', '+84982582971', false],
    ['+84 982 582 971', '+84982582971', false],
    ['(+84) 982-582-971', '+84982582971', false],
    ['0084982582971', '+84982582971', false],
    ['84982582971', '+84982582971', false],
    ['840982582971', '+84982582971', false],
    ['O982582971', '+84982582971', false],
    ['  0169.123.4567 ', '+84391234567', true],
    ['0225 383 1234', '+842253831234', false],
    ['1900 6750', '+8419006750', false],
  ])('%j → %s', (input, e164, old) => {
    const r = normalizePhoneNumber(input);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.phone.e164).toBe(e164);
      expect(r.phone.oldFormMapped).toBe(old);
      expect(r.phone.raw).toBe(input.trim());
    }
  });

  it.each<[string, PhoneRejection]>([
    ['098258297', 'too_short'],
    ['0169 123 456', 'too_short'],
    ['12345', 'too_short'],
    ['0225 383 123', 'too_short'],
    ['1900 123', 'too_short'],
    ['09825829711', 'too_long'],
    ['0982 582 971 12', 'too_long'],
    ['016912345678', 'too_long'],
    ['12345678901234', 'too_long'],
    ['0112 345 678', 'unknown_prefix'],
    ['0990 123 456', 'unknown_prefix'],
    ['0412 345 678', 'unknown_prefix'],
    ['+1 202 555 0123', 'unknown_prefix'],
    ['98258297100', 'unknown_prefix'],
    ['', 'not_a_number'],
    ['abc', 'not_a_number'],
    ['0982-abc-971', 'not_a_number'],
    ['0982582971 x', 'not_a_number'],
    ['+84+982582971', 'not_a_number'],
  ])('%j → %s', (input, reason) => {
    expect(normalizePhoneNumber(input)).toEqual({ ok: false, reason });
  });
});

describe('carrier labels', () => {
  it.each<[Carrier, string]>([
    ['viettel', 'Viettel'],
    ['vinaphone', 'VinaPhone'],
    ['mobifone', 'MobiFone'],
    ['vietnamobile', 'Vietnamobile'],
    ['gmobile', 'Gmobile'],
    ['itelecom', 'Itelecom'],
    ['reddi', 'Reddi'],
  ])('%s → %s', (carrier, label) => {
    expect(carrierLabel(carrier)).toBe(label);
  });

  it('warns that the carrier is the original one (numbers can be ported)', () => {
    expect(CARRIER_PORTING_NOTE).toMatch(/đầu số/);
    expect(CARRIER_PORTING_NOTE).toMatch(/chuyển mạng/);
  });
});
