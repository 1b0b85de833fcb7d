import { describe, expect, it } from 'vitest';
import {
  INTENTS,
  INVITE_CODE_ALPHABET,
  detectIntent,
  parseCaseCode,
  parseInviteCode,
} from '../../src/domain/intents.js';
import type { Intent } from '../../src/domain/intents.js';

describe('detectIntent', () => {
  it.each<[string, Intent]>([
    // report
    ['báo cáo', 'report'],
    ['bao cao', 'report'],
    ['BÁO CÁO', 'report'],
    ['baos caso', 'report'],
    ['bao cao qc', 'report'],
    ['/baocao', 'report'],
    ['phản ánh', 'report'],
    ['phan anh', 'report'],
    ['quảng cáo', 'report'],
    ['qc', 'report'],
    ['Có tờ rơi dán trên cột điện đầu ngõ 5', 'report'],
    ['qcrv dán đầy tường', 'report'],
    // help
    ['/help', 'help'],
    ['/start', 'help'],
    ['/help@PhuongLeChanBot', 'help'],
    ['trợ giúp', 'help'],
    ['tro giup', 'help'],
    ['trowj giups', 'help'],
    ['giúp', 'help'],
    ['giúp với', 'help'],
    ['hướng dẫn', 'help'],
    ['huong dan bao cao', 'help'],
    ['menu', 'help'],
    // lookup
    ['tra cứu', 'lookup'],
    ['tra cuu', 'lookup'],
    ['tra cuwsu', 'lookup'],
    ['/tracuu', 'lookup'],
    ['tra cứu QC-2611-0042', 'lookup'],
    ['QC-2611-0042', 'lookup'],
    ['phản ánh của tôi đến đâu rồi', 'lookup'],
    // cancel
    ['hủy', 'cancel'],
    ['huỷ', 'cancel'],
    ['huy', 'cancel'],
    ['huyr', 'cancel'],
    ['/huy', 'cancel'],
    ['Hủy bỏ', 'cancel'],
    ['em muốn hủy ạ', 'cancel'],
    ['thôi', 'cancel'],
    ['hủy phản ánh này', 'cancel'],
    // my_tasks
    ['việc của tôi', 'my_tasks'],
    ['viec cua toi', 'my_tasks'],
    ['vieecj cuar tooi', 'my_tasks'],
    ['nhiệm vụ', 'my_tasks'],
    ['/nhiemvu', 'my_tasks'],
    // summary
    ['tổng hợp', 'summary'],
    ['tong hop', 'summary'],
    ['toongr howpj', 'summary'],
    ['báo cáo tổng hợp tháng này', 'summary'],
    ['thống kê', 'summary'],
    // delete_my_data
    ['xóa dữ liệu của tôi', 'delete_my_data'],
    ['xoa du lieu cua toi', 'delete_my_data'],
    ['Tôi muốn xoá dữ liệu của tôi', 'delete_my_data'],
    ['/xoadulieu', 'delete_my_data'],
    // cleaned
    ['đã xóa', 'cleaned'],
    ['đã xoá', 'cleaned'],
    ['da xoa', 'cleaned'],
    ['ddax xoas', 'cleaned'],
    ['Đã xóa rồi ạ', 'cleaned'],
    ['xóa xong rồi', 'cleaned'],
    ['đã gỡ hết tờ rơi', 'cleaned'],
    ['đã bóc', 'cleaned'],
    ['anh Huy tổ 5 đã xóa', 'cleaned'],
    ['đã xóa quảng cáo', 'cleaned'],
    // not_found
    ['không thấy', 'not_found'],
    ['khong thay', 'not_found'],
    ['ko thay', 'not_found'],
    ['k thấy đâu', 'not_found'],
    ['khum thấy', 'not_found'],
    ['khoong thaays', 'not_found'],
    ['không thấy quảng cáo nào', 'not_found'],
    // need_help
    ['cần hỗ trợ', 'need_help'],
    ['can ho tro', 'need_help'],
    ['caanf hoox trowj', 'need_help'],
    ['cần hỗ trợ xóa quảng cáo', 'need_help'],
    ['chưa xóa xong, cần hỗ trợ', 'need_help'],
    ['không xóa được', 'need_help'],
    // send
    ['gửi', 'send'],
    ['gui', 'send'],
    ['guwri', 'send'],
    ['gửi đi nhé', 'send'],
    ['dạ gửi luôn ạ', 'send'],
    // edit
    ['sửa', 'edit'],
    ['suwra', 'edit'],
    ['sửa lại', 'edit'],
    ['sửa lại vị trí', 'edit'],
    ['chỉnh sửa', 'edit'],
    // snooze
    ['nhắc lại sau', 'snooze'],
    ['nhac lai sau', 'snooze'],
    ['nhawcs laij sau', 'snooze'],
    ['để sau', 'snooze'],
    // phone_lookup
    ['sdt 0982582971', 'phone_lookup'],
    ['sđt: 0982.582.971', 'phone_lookup'],
    ['SĐT 0982 582 971', 'phone_lookup'],
    ['đt 0912345678', 'phone_lookup'],
    ['/sdt 0982582971', 'phone_lookup'],
    ['tra cứu sđt 0982582971', 'phone_lookup'],
    ['tra cứu 0982 582 971', 'phone_lookup'],
    ['sdt', 'phone_lookup'],
  ])('%j → %s', (text, intent) => {
    expect(detectIntent(text)).toBe(intent);
  });

  describe('priorities between overlapping keywords', () => {
    it('"đã xóa chưa?" asks for the status: lookup, not cleaned', () => {
      expect(detectIntent('đã xóa chưa?')).toBe('lookup');
      expect(detectIntent('da xoa chua')).toBe('lookup');
      expect(detectIntent('đã xử lý chưa ạ')).toBe('lookup');
      expect(detectIntent('đã gỡ ko')).toBe('lookup');
    });

    it('a negated cleaning word is not cleaned', () => {
      expect(detectIntent('chưa xóa xong')).not.toBe('cleaned');
      expect(detectIntent('chưa xử lý xong')).not.toBe('cleaned');
    });

    it('"xóa dữ liệu của tôi" is delete_my_data even with "đã"', () => {
      expect(detectIntent('đã xóa dữ liệu của tôi chưa')).toBe('delete_my_data');
    });

    it('"Huy" without diacritics inside a sentence is a name, not cancel', () => {
      expect(detectIntent('anh Huy tổ 5 phản ánh')).toBe('report');
      expect(detectIntent('không hủy đâu')).toBeNull();
    });

    it('ads for repairs and domestic help are not edit or help', () => {
      expect(detectIntent('sửa xe 0982582971')).toBeNull();
      expect(detectIntent('Sửa điều hòa tại nhà 0982.582.971')).toBeNull();
      expect(detectIntent('giúp việc theo giờ 0912345678')).toBeNull();
      expect(detectIntent('gửi ảnh quảng cáo ở ngõ 5')).toBe('report');
    });

    it('a sentence that mentions a phone number is not a phone lookup', () => {
      expect(detectIntent('số điện thoại trên tờ rơi là 0982582971')).toBe('report');
      expect(detectIntent('sđt của tôi là 0912345678')).toBeNull();
    });

    it('a case code is lookup, even though "qc" folds to "quảng cáo"', () => {
      expect(detectIntent('qc 2611 0042')).toBe('lookup');
      expect(detectIntent('qc26110042')).toBe('lookup');
    });
  });

  it.each(['', '   ', 'xin chào', 'Nguyễn Văn An', 'số 12 ngõ 5 Lê Chân', '0982582971', '👍'])(
    '%j → null',
    (text) => {
      expect(detectIntent(text)).toBeNull();
    },
  );

  it('lists every intent once', () => {
    expect(new Set(INTENTS).size).toBe(INTENTS.length);
    expect(INTENTS).toHaveLength(14);
  });
});

describe('parseInviteCode', () => {
  it.each([
    ['MOI-7K3Q9D', 'MOI-7K3Q9D'],
    ['moi-7k3q9d', 'MOI-7K3Q9D'],
    ['moi 7k3q9d', 'MOI-7K3Q9D'],
    ['MOI 7K3Q9D', 'MOI-7K3Q9D'],
    ['moi7k3q9d', 'MOI-7K3Q9D'],
    ['Mời 7K3Q9D', 'MOI-7K3Q9D'],
    ['mã mời của em là MOI-7K3Q9D ạ', 'MOI-7K3Q9D'],
    ['/start MOI-7K3Q9D', 'MOI-7K3Q9D'],
    ['/start MOI_7K3Q9D', 'MOI-7K3Q9D'],
    ['  7k3q9d ', 'MOI-7K3Q9D'],
    ['MOI-KHPQRT', 'MOI-KHPQRT'],
  ])('%j → %s', (text, code) => {
    expect(parseInviteCode(text)).toBe(code);
  });

  it.each([
    ['a code with the letter O', 'MOI-7K3Q9O'],
    ['a code with zero', 'MOI-7K3Q90'],
    ['a code with I', 'MOI-7K3QID'],
    ['a code with L', 'MOI-7K3QLD'],
    ['a code with one', 'MOI-7K3Q1D'],
    ['too long', 'MOI-7K3Q9DX'],
    ['too short', 'MOI-7K3Q9'],
    ['Vietnamese words after "mời"', 'mời khuyên mọi người'],
    ['words only', 'mời anh chị'],
    ['a bare word of letters', 'KHUYEN'],
    ['nothing', ''],
  ])('%s: %j → null', (_why, text) => {
    expect(parseInviteCode(text)).toBeNull();
  });

  it('the alphabet has no look-alike characters', () => {
    expect(INVITE_CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });
});

describe('parseCaseCode', () => {
  it.each([
    ['QC-2611-0042', 'QC-2611-0042'],
    ['qc-2611-0042', 'QC-2611-0042'],
    ['qc 2611 0042', 'QC-2611-0042'],
    ['qc26110042', 'QC-2611-0042'],
    ['QC 2611-42', 'QC-2611-0042'],
    ['vụ việc QC-2601-1234 sao rồi', 'QC-2601-1234'],
    ['QC-2611-12345', 'QC-2611-12345'],
  ])('%j → %s', (text, code) => {
    expect(parseCaseCode(text)).toBe(code);
  });

  it.each([
    ['month 13', 'QC-2613-0042'],
    ['month 00', 'QC-2600-0042'],
    ['number zero', 'QC-2611-0000'],
    ['no digits', 'QC'],
    ['another prefix', 'AB-2611-0042'],
    ['letters glued before', 'ABCQC-2611-0042'],
    ['a phone number', '0982582971'],
  ])('%s: %j → null', (_why, text) => {
    expect(parseCaseCode(text)).toBeNull();
  });
});
