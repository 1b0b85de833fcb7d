import { describe, expect, it } from 'vitest';
import {
  expandAbbreviations,
  foldTelex,
  foldText,
  matchKey,
  matchesAny,
  stripDiacritics,
} from '../../src/domain/text-folding.js';

describe('stripDiacritics', () => {
  it('drops every Vietnamese tone and vowel mark but keeps case', () => {
    expect(stripDiacritics('Đà Nẵng')).toBe('Da Nang');
    expect(stripDiacritics('Hải Phòng')).toBe('Hai Phong');
    expect(stripDiacritics('Lê Chân')).toBe('Le Chan');
    expect(stripDiacritics('ăâêôơư ĂÂÊÔƠƯ')).toBe('aaeoou AAEOOU');
  });

  it('handles ỹ and ỵ (which remove-accents 0.5.0 leaves alone)', () => {
    expect(stripDiacritics('Mỹ')).toBe('My');
    expect(stripDiacritics('Thuỵ')).toBe('Thuy');
    expect(stripDiacritics('Ỹ Ỵ ỳ ý ỷ')).toBe('Y Y y y y');
  });

  it('maps đ/Đ (no Unicode decomposition) and the look-alike eth Ð/ð to d/D', () => {
    expect(stripDiacritics('đường Đông')).toBe('duong Dong');
    expect(stripDiacritics('Ðã ðến')).toBe('Da den');
  });

  it('gives the same result for precomposed (NFC) and decomposed (NFD) input', () => {
    const word = 'Nguyễn Thị Hoà';
    expect(stripDiacritics(word.normalize('NFD'))).toBe(stripDiacritics(word.normalize('NFC')));
    expect(stripDiacritics(word.normalize('NFD'))).toBe('Nguyen Thi Hoa');
  });
});

describe('foldText', () => {
  it('lower-cases, trims and collapses spaces', () => {
    expect(foldText('  ĐÃ   XÓA \n RỒI  ')).toBe('da xoa roi');
    expect(foldText('a\u00a0b\tc')).toBe('a b c');
  });

  it('makes old and new tone placement equal (hoà / hòa, thuỷ / thủy, khoẻ / khỏe)', () => {
    expect(foldText('hoà')).toBe(foldText('hòa'));
    expect(foldText('thuỷ')).toBe(foldText('thủy'));
    expect(foldText('khoẻ')).toBe(foldText('khỏe'));
    expect(foldText('Hoà')).toBe('hoa');
  });

  it('folds whole sentences', () => {
    expect(foldText('Tổ dân phố số 5, phường Lê Chân')).toBe('to dan pho so 5, phuong le chan');
    expect(foldText('Quảng cáo rao vặt trái quy định')).toBe('quang cao rao vat trai quy dinh');
  });
});

describe('foldTelex', () => {
  it.each([
    ['ddax xoas', 'da xoa'],
    ['baos caso', 'bao cao'],
    ['huyr', 'huy'],
    ['suwra', 'sua'],
    ['guwri', 'gui'],
    ['toongr howpj', 'tong hop'],
    ['nhieemj vuj', 'nhiem vu'],
    ['tra cuwsu', 'tra cuu'],
    ['khoong thaays', 'khong thay'],
    ['vieejt', 'viet'],
    ['casch', 'cach'],
    ['nguwowfi', 'nguoi'],
    ['ddaf nawngx', 'da nang'],
  ])('%j → %j', (typed, folded) => {
    expect(foldTelex(typed)).toBe(folded);
  });

  it('leaves plain folded Vietnamese alone', () => {
    for (const s of ['da xoa', 'bao cao', 'khong thay', 'nhiem vu', 'to dan pho', 'quang cao rao vat', 'tra cuu']) {
      expect(foldTelex(s)).toBe(s);
    }
  });
});

describe('expandAbbreviations', () => {
  it('expands chat abbreviations word by word', () => {
    expect(expandAbbreviations('ko thay')).toBe('khong thay');
    expect(expandAbbreviations('k dc')).toBe('khong duoc');
    expect(expandAbbreviations('hk biet')).toBe('khong biet');
    expect(expandAbbreviations('khum')).toBe('khong');
    expect(expandAbbreviations('tdp 5')).toBe('to dan pho 5');
    expect(expandAbbreviations('qcrv')).toBe('quang cao rao vat');
    expect(expandAbbreviations('xong r')).toBe('xong roi');
  });

  it('does not touch sums such as 50k', () => {
    expect(expandAbbreviations('50k')).toBe('50k');
  });
});

describe('matchKey', () => {
  it('folds, drops punctuation and expands abbreviations', () => {
    expect(matchKey('Đã xóa!!!')).toBe('da xoa');
    expect(matchKey('Ko thấy...')).toBe('khong thay');
    expect(matchKey('SĐT: 0982.582.971')).toBe('so dien thoai 0982 582 971');
    expect(matchKey('đc rồi')).toBe('duoc roi');
    expect(matchKey('TDP số 5')).toBe('to dan pho so 5');
    expect(matchKey('giá 50k')).toBe('gia 50k');
  });

  it('keeps the slash of commands', () => {
    expect(matchKey('/help@PhuongBot')).toBe('/help phuongbot');
    expect(matchKey('/BaoCao')).toBe('/baocao');
  });
});

describe('matchesAny', () => {
  it('matches with or without diacritics, in any case', () => {
    expect(matchesAny('Em đã xoá rồi ạ', ['đã xóa'])).toBe(true);
    expect(matchesAny('DA XOA', ['đã xóa'])).toBe(true);
    expect(matchesAny('hoà', ['hòa'])).toBe(true);
    expect(matchesAny('Mỹ Đình', ['my dinh'])).toBe(true);
  });

  it('matches telex leftovers', () => {
    expect(matchesAny('ddax xoas', ['đã xóa'])).toBe(true);
    expect(matchesAny('baos caso', ['báo cáo'])).toBe(true);
  });

  it('matches abbreviations on both sides', () => {
    expect(matchesAny('ko thay', ['không thấy'])).toBe(true);
    expect(matchesAny('k thấy', ['không thấy'])).toBe(true);
    expect(matchesAny('sdt 0982582971', ['số điện thoại'])).toBe(true);
    expect(matchesAny('quảng cáo', ['qc'])).toBe(true);
  });

  it('matches whole words only', () => {
    expect(matchesAny('quangcao', ['quảng cáo'])).toBe(false);
    expect(matchesAny('xóa dữ liệu', ['đã xóa'])).toBe(false);
    expect(matchesAny('giúp việc', ['việc của tôi'])).toBe(false);
    expect(matchesAny('thấy', ['không thấy'])).toBe(false);
  });

  it('is false for an empty keyword list', () => {
    expect(matchesAny('đã xóa', [])).toBe(false);
  });
});
