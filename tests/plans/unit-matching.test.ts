import { describe, expect, it } from 'vitest';
import {
  createUnitMatcher,
  isGenericUnitName,
  splitUnitNames,
  unitMappingKey,
} from '../../src/domain/plans/unit-matching.js';

/** A ward's organisation, as `org import` would load it. */
const ward = [
  { code: 'KTHTDT', name: 'Phòng Kinh tế, Hạ tầng và Đô thị' },
  { code: 'VHXH', name: 'Phòng Văn hóa - Xã hội' },
  { code: 'VP', name: 'Văn phòng HĐND và UBND' },
  { code: 'CAP', name: 'Công an phường' },
  { code: 'TTDV', name: 'Trung tâm Dịch vụ sự nghiệp công' },
  { code: 'MTTQ', name: 'Ủy ban Mặt trận Tổ quốc phường' },
  { code: 'UBND-XP', name: 'Ủy ban nhân dân các xã, phường, đặc khu' },
  { code: 'SKHCN', name: 'Sở Khoa học và Công nghệ' },
  { code: 'SKHDT', name: 'Sở Kế hoạch và Đầu tư' },
  { code: 'HTS', name: 'Phòng Hạ tầng số và Quản lý chuyên ngành', aliases: ['Phòng HTS&QLCN'] },
];

describe('createUnitMatcher', () => {
  const matcher = createUnitMatcher(ward);
  const codeOf = (name: string) => matcher.match(name)?.code ?? null;

  it.each([
    ['Phòng Kinh tế, Hạ tầng và Đô thị', 'KTHTDT'],
    ['phòng Kinh tế, Hạ tầng và Đô thị', 'KTHTDT'],
    ['PHÒNG KINH TẾ, HẠ TẦNG VÀ ĐÔ THỊ', 'KTHTDT'],
    ['phong kinh te, ha tang va do thi', 'KTHTDT'],
    ['Phòng KT, HT&ĐT', 'KTHTDT'],
    ['Phòng KT-HT-ĐT', 'KTHTDT'],
    ['phong KT, HT&DT', 'KTHTDT'],
  ])('Phòng Kinh tế, Hạ tầng và Đô thị as %s', (name, code) => {
    expect(codeOf(name)).toBe(code);
  });

  it.each(['VP HĐND-UBND', 'Văn phòng HĐND- UBND', 'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân', 'vp hdnd - ubnd'])(
    'Văn phòng HĐND và UBND as %s',
    (name) => {
      expect(codeOf(name)).toBe('VP');
    },
  );

  it.each(['Công an phường', 'Công an phường Lê Chân', 'CA phường', 'cong an phuong'])('Công an phường as %s', (name) => {
    expect(codeOf(name)).toBe('CAP');
  });

  it.each(['UBND các xã, phường, đặc khu', 'Ủy ban nhân dân các xã, phường, đặc khu', 'ubnd cac xa, phuong, dac khu'])(
    'the communes as a group: %s',
    (name) => {
      expect(codeOf(name)).toBe('UBND-XP');
    },
  );

  it.each([
    ['Phòng Văn hoá và Xã hội', 'VHXH'],
    ['Phòng Văn hóa và Xã hội', 'VHXH'],
    ['Phòng VH-XH', 'VHXH'],
    ['Ủy ban MTTQ phường', 'MTTQ'],
    ['Ủy ban Mặt trận Tổ quốc Việt Nam phường', 'MTTQ'],
    ['Sở KH&CN', 'SKHCN'],
    ['Sở KHCN', 'SKHCN'],
    ['Sở KH&ĐT', 'SKHDT'],
    ['Trung tâm DVSNC', 'TTDV'],
    ['Phòng HTS&QLCN', 'HTS'],
    ['phòng Hạ tầng số và Quản lý chuyên ngành – thuộc Sở Khoa học và Công nghệ', 'HTS'],
  ])('%s → %s', (name, code) => {
    expect(codeOf(name)).toBe(code);
  });

  it.each(['Phòng Tư pháp', 'Phòng Kinh tế', 'UBND phường', 'Sở Xây dựng', 'các Tổ dân phố', ''])(
    'does not guess: %s → null',
    (name) => {
      expect(codeOf(name)).toBeNull();
    },
  );

  it('answers null when a name fits two units', () => {
    const twins = createUnitMatcher([
      { code: 'A', name: 'Phòng Kinh tế' },
      { code: 'B', name: 'Phòng Kinh tế', aliases: [] },
    ]);
    expect(twins.match('Phòng Kinh tế')).toBeNull();
  });

  it('uses the mappings admins made, whatever the spelling', () => {
    const remembering = createUnitMatcher(ward, { 'Các Tổ dân phố': 'TDP', 'Phòng KT, HT&ĐT': 'OTHER' });
    expect(remembering.match('các Tổ dân phố')).toEqual({ code: 'TDP' });
    expect(remembering.match('cac to dan pho')).toEqual({ code: 'TDP' });
    expect(remembering.match('Phòng KT, HT&ĐT')).toEqual({ code: 'OTHER' });
  });

  it('stores mappings under a key that ignores case, diacritics and punctuation', () => {
    expect(unitMappingKey('Phòng KT, HT&ĐT')).toBe(unitMappingKey('phong kt ht dt'));
    expect(unitMappingKey('Các Tổ dân phố')).toBe(unitMappingKey('cac to dan pho'));
  });
});

describe('splitUnitNames', () => {
  it.each([
    ['Phòng Văn hóa - Xã hội, Công an phường và các Tổ dân phố', ['Phòng Văn hóa - Xã hội', 'Công an phường', 'các Tổ dân phố']],
    ['Phòng Kinh tế, Hạ tầng và Đô thị', ['Phòng Kinh tế, Hạ tầng và Đô thị']],
    [
      'Sở Văn hóa, Thể thao và Du lịch, Ủy ban nhân dân các xã, phường, đặc khu',
      ['Sở Văn hóa, Thể thao và Du lịch', 'Ủy ban nhân dân các xã, phường, đặc khu'],
    ],
    ['Sở Xây dựng; Ủy ban nhân dân các quận, huyện', ['Sở Xây dựng', 'Ủy ban nhân dân các quận, huyện']],
    ['Sở Thông tin và Truyền thông, Công an thành phố', ['Sở Thông tin và Truyền thông', 'Công an thành phố']],
    ['Phòng Văn hoá và Xã hội cùng các đơn vị liên quan', ['Phòng Văn hoá và Xã hội', 'các đơn vị liên quan']],
    ['Trung tâm Công nghệ thông tin và Truyền thông.', ['Trung tâm Công nghệ thông tin và Truyền thông']],
    ['Đề nghị Điện lực Lê Chân', ['Điện lực Lê Chân']],
    ['- Văn phòng Thành ủy\n- Ủy ban nhân dân các quận, huyện.', ['Văn phòng Thành ủy', 'Ủy ban nhân dân các quận, huyện']],
    ['Sở Lao động, Thương binh và Xã hội', ['Sở Lao động, Thương binh và Xã hội']],
  ])('%s', (text, names) => {
    expect(splitUnitNames(text)).toEqual(names);
  });
});

describe('isGenericUnitName', () => {
  it.each([
    'các đơn vị liên quan',
    'Các Sở, ngành, đơn vị, địa phương có liên quan',
    'các phòng, ban, đơn vị',
    'Các phòng, đơn vị',
    'các cơ quan truyền thông',
    'lực lượng chức năng của phường',
    'các Sở',
  ])('generic: %s', (name) => {
    expect(isGenericUnitName(name)).toBe(true);
  });

  it.each(['Sở Xây dựng', 'Văn phòng Sở', 'Ủy ban nhân dân các xã, phường, đặc khu', 'các Tổ dân phố', 'Công an phường'])(
    'specific: %s',
    (name) => {
      expect(isGenericUnitName(name)).toBe(false);
    },
  );
});
