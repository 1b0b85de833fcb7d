import { describe, expect, it } from 'vitest';
import { findTimeframeInText, parseTimeRange, parseTimeframe } from '../../src/domain/plans/time-expressions.js';

/** A plan issued in May 2026 with the day left blank, as the seeds are. */
const plan2026 = { planYear: 2026, referenceDate: '2026-05-01' };

function read(text: string, context = plan2026) {
  const { startOn, dueOn, recurrence } = parseTimeframe(text, context);
  return { startOn, dueOn, recurrence };
}

describe('parseTimeframe: the rows of the table in vietnam.md', () => {
  describe('Quý I/2026 (II, III, IV; "quý 1", "Q1") → the last day of the quarter', () => {
    it.each([
      ['Quý I/2026', '2026-01-01', '2026-03-31'],
      ['Quý II/2026', '2026-04-01', '2026-06-30'],
      ['Quý III/2026', '2026-07-01', '2026-09-30'],
      ['Quý IV/2026', '2026-10-01', '2026-12-31'],
      ['quý 1 năm 2026', '2026-01-01', '2026-03-31'],
      ['quý 2/2026', '2026-04-01', '2026-06-30'],
      ['Quý 3 năm 2026', '2026-07-01', '2026-09-30'],
      ['quý 4/2026', '2026-10-01', '2026-12-31'],
      ['Q1/2026', '2026-01-01', '2026-03-31'],
      ['Q4 2026', '2026-10-01', '2026-12-31'],
      ['Quý IV /2023', '2023-10-01', '2023-12-31'],
      ['trong quý II năm 2023', '2023-04-01', '2023-06-30'],
    ])('%s', (text, startOn, dueOn) => {
      expect(read(text)).toEqual({ startOn, dueOn, recurrence: 'none' });
    });

    it.each([
      ['Quy I/2026', '2026-03-31'],
      ['quy II/2026', '2026-06-30'],
      ['QUY III/2026', '2026-09-30'],
      ['quy iv/2026', '2026-12-31'],
      ['quy 2 nam 2026', '2026-06-30'],
    ])('without diacritics: %s', (text, dueOn) => {
      expect(read(text).dueOn).toBe(dueOn);
    });

    it('takes the plan year when the quarter has none, and says so', () => {
      const reading = parseTimeframe('Quý II', plan2026);
      expect(reading.dueOn).toBe('2026-06-30');
      expect(reading.warnings.join()).toMatch(/2026 taken from the plan/);
    });

    it('gives no date for a quarter without a year when the plan year is unknown', () => {
      const reading = parseTimeframe('Quý II', {});
      expect(reading.dueOn).toBeNull();
      expect(reading.warnings).not.toHaveLength(0);
    });
  });

  describe('6 tháng đầu năm / cuối năm 2026 → 30/6 / 31/12', () => {
    it.each([
      ['6 tháng đầu năm 2026', '2026-01-01', '2026-06-30'],
      ['6 tháng cuối năm 2026', '2026-07-01', '2026-12-31'],
      ['6 thang dau nam 2026', '2026-01-01', '2026-06-30'],
      ['6 thang cuoi nam 2026', '2026-07-01', '2026-12-31'],
    ])('%s', (text, startOn, dueOn) => {
      expect(read(text)).toEqual({ startOn, dueOn, recurrence: 'none' });
    });
  });

  describe('trong tháng 12 năm 2026, tháng 12/2026 → the last day of the month', () => {
    it.each([
      ['trong tháng 12 năm 2026', '2026-12-01', '2026-12-31'],
      ['tháng 12/2026', '2026-12-01', '2026-12-31'],
      ['trong thang 12 nam 2026', '2026-12-01', '2026-12-31'],
      ['tháng 2/2028', '2028-02-01', '2028-02-29'],
      ['tháng 04/2026', '2026-04-01', '2026-04-30'],
    ])('%s', (text, startOn, dueOn) => {
      expect(read(text)).toEqual({ startOn, dueOn, recurrence: 'none' });
    });
  });

  describe('năm 2026, trong năm 2026 → 31/12/2026', () => {
    it.each(['năm 2026', 'trong năm 2026', 'Trong năm 2026', 'trong nam 2026', 'Năm 2026'])('%s', (text) => {
      expect(read(text)).toEqual({ startOn: '2026-01-01', dueOn: '2026-12-31', recurrence: 'none' });
    });
  });

  describe('năm 2026 và các năm tiếp theo; định kỳ hằng năm → yearly from 2026', () => {
    it.each([
      ['năm 2026 và các năm tiếp theo', '2026-01-01'],
      ['nam 2026 va cac nam tiep theo', '2026-01-01'],
    ])('%s', (text, startOn) => {
      expect(read(text)).toEqual({ startOn, dueOn: '2026-12-31', recurrence: 'yearly' });
    });

    it.each(['định kỳ hằng năm', 'Định kỳ hàng năm', 'dinh ky hang nam', 'hằng năm'])('%s', (text) => {
      expect(read(text)).toEqual({ startOn: null, dueOn: '2026-12-31', recurrence: 'yearly' });
    });
  });

  describe('Quý IV/2025; tiếp tục thực hiện hằng năm → 31/12/2025, then yearly', () => {
    it.each(['Quý IV/2025; tiếp tục thực hiện hằng năm', 'Quy IV/2025; tiep tuc thuc hien hang nam', 'Quý 4/2025; tiếp tục thực hiện hàng năm'])(
      '%s',
      (text) => {
        expect(read(text)).toEqual({ startOn: '2025-10-01', dueOn: '2025-12-31', recurrence: 'yearly' });
      },
    );
  });

  describe('thường xuyên; duy trì thường xuyên → continuous, no due date', () => {
    it.each(['thường xuyên', 'thường xuyên.', 'Duy trì thường xuyên', 'thuong xuyen', 'thường xuyên, liên tục'])('%s', (text) => {
      const reading = parseTimeframe(text, plan2026);
      expect(reading).toEqual({ startOn: null, dueOn: null, recurrence: 'continuous', warnings: [] });
    });
  });

  describe('giai đoạn 2026–2030 → 31/12/2030 with yearly checkpoints', () => {
    it.each(['giai đoạn 2026–2030', 'giai đoạn 2026 - 2030', 'giai doan 2026-2030', 'từ năm 2026 đến năm 2030'])('%s', (text) => {
      expect(read(text)).toEqual({ startOn: '2026-01-01', dueOn: '2030-12-31', recurrence: 'yearly' });
    });
  });

  describe('định kỳ 6 tháng và cuối năm (trước ngày 19 của tháng) → the 18th of June and of December', () => {
    it('in a plan of 13/02/2023, the first report is due on 18/06/2023', () => {
      const text = 'Định kỳ 6 tháng và cuối năm (trước ngày 19 của tháng)';
      expect(read(text, { planYear: 2023, referenceDate: '2023-02-13' })).toEqual({
        startOn: null,
        dueOn: '2023-06-18',
        recurrence: 'half_yearly',
      });
    });

    it('after June, the first one is in December', () => {
      const text = 'dinh ky 6 thang va cuoi nam (truoc ngay 19 cua thang)';
      expect(read(text, { planYear: 2023, referenceDate: '2023-07-01' }).dueOn).toBe('2023-12-18');
    });

    it('without a day, at the end of June', () => {
      expect(read('Định kỳ 6 tháng, cuối năm và đột xuất', { planYear: 2023, referenceDate: '2023-02-13' })).toEqual({
        startOn: null,
        dueOn: '2023-06-30',
        recurrence: 'half_yearly',
      });
    });
  });

  describe('hằng tháng / hằng quý → the end of each period unless a day is given', () => {
    it.each([
      ['hằng tháng', '2026-05-31', 'monthly'],
      ['hàng tháng', '2026-05-31', 'monthly'],
      ['định kỳ hàng tháng', '2026-05-31', 'monthly'],
      ['hang thang', '2026-05-31', 'monthly'],
      ['hằng quý', '2026-06-30', 'quarterly'],
      ['hang quy', '2026-06-30', 'quarterly'],
    ])('%s', (text, dueOn, recurrence) => {
      expect(read(text)).toEqual({ startOn: null, dueOn, recurrence });
    });

    it('a given day: "hằng tháng (trước ngày 25)" in a plan of 12/03/2026 → 24/03/2026', () => {
      expect(read('hằng tháng (trước ngày 25)', { planYear: 2026, referenceDate: '2026-03-12' }).dueOn).toBe('2026-03-24');
    });

    it('a given day already past this month moves to the next month', () => {
      expect(read('ngày 20 hằng tháng', { planYear: 2026, referenceDate: '2026-03-25' }).dueOn).toBe('2026-04-20');
    });
  });

  describe('Bắt đầu / Hoàn thành columns → end of the Hoàn thành expression, then yearly', () => {
    it('"Quý I/2023" → "Quý IV/2023 và các năm tiếp theo"', () => {
      expect(parseTimeRange('Quý I/2023', 'Quý IV/2023 và các năm tiếp theo', { planYear: 2023 })).toEqual({
        startOn: '2023-01-01',
        dueOn: '2023-12-31',
        recurrence: 'yearly',
        warnings: [],
      });
    });

    it('"Quý I/2023" → "Quý IV /2023"', () => {
      const r = parseTimeRange('Quý I/2023', 'Quý IV /2023', { planYear: 2023 });
      expect([r.startOn, r.dueOn, r.recurrence]).toEqual(['2023-01-01', '2023-12-31', 'none']);
    });

    it('"Năm 2022" → "Năm 2025"', () => {
      const r = parseTimeRange('Năm 2022', 'Năm 2025', { planYear: 2023 });
      expect([r.startOn, r.dueOn, r.recurrence]).toEqual(['2022-01-01', '2025-12-31', 'none']);
    });

    it('only Hoàn thành: "Trong năm 2023" has no stated start', () => {
      const r = parseTimeRange('', 'Trong năm 2023', { planYear: 2023 });
      expect([r.startOn, r.dueOn, r.recurrence]).toEqual([null, '2023-12-31', 'none']);
    });

    it('only Bắt đầu: the due date is not invented', () => {
      const r = parseTimeRange('Quý I/2023', '', { planYear: 2023 });
      expect([r.startOn, r.dueOn]).toEqual(['2023-01-01', null]);
      expect(r.warnings.join()).toMatch(/no end date/);
    });
  });
});

describe('parseTimeframe: what is not a date', () => {
  it('a condition gives no date, with a warning', () => {
    const reading = parseTimeframe('Sau khi Quy hoạch chung được duyệt', plan2026);
    expect(reading.dueOn).toBeNull();
    expect(reading.recurrence).toBe('none');
    expect(reading.warnings.join()).toMatch(/condition/);
  });

  it('an empty timeframe gives no date, with a warning', () => {
    const reading = parseTimeframe('  ', plan2026);
    expect(reading.dueOn).toBeNull();
    expect(reading.warnings).toHaveLength(1);
  });

  it('"đầu năm 2026" is not read as the end of 2026', () => {
    expect(read('đầu năm 2026').dueOn).toBeNull();
  });

  it('a horizon ("tầm nhìn đến năm 2045") is not a deadline', () => {
    expect(read('đến năm 2030, tầm nhìn đến năm 2045').dueOn).toBe('2030-12-31');
  });
});

describe('parseTimeframe: dates and prepositions', () => {
  it.each([
    ['trước ngày 15/12/2026', '2026-12-14'],
    ['chậm nhất ngày 15/12/2026', '2026-12-15'],
    ['ngày 15 tháng 12 năm 2026', '2026-12-15'],
    ['trước tháng 6 năm 2023', '2023-05-31'],
    ['đến năm 2030', '2030-12-31'],
    ['vào cuối năm 2025', '2025-12-31'],
  ])('%s → %s', (text, dueOn) => {
    expect(read(text).dueOn).toBe(dueOn);
  });

  it('several dates: the latest is proposed, with a warning', () => {
    const reading = parseTimeframe('80% vào cuối năm 2025 và 100% vào năm 2026', plan2026);
    expect(reading.dueOn).toBe('2026-12-31');
    expect(reading.warnings.join()).toMatch(/several dates/);
  });
});

describe('findTimeframeInText: time phrases inside a duty', () => {
  it.each([
    [
      'Tham mưu cho UBND phường tổ chức hội nghị đánh giá kết quả phong trào trên địa bàn phường trong tháng 12 năm 2026.',
      ['trong tháng 12 năm 2026'],
    ],
    ['Thường xuyên kiểm tra công tác phòng chống cháy nổ trên địa bàn phường.', ['Thường xuyên']],
    [
      'Định kỳ 6 tháng và cuối năm (trước ngày 19 của tháng) gửi báo cáo về Sở Xây dựng.',
      ['Định kỳ 6 tháng và cuối năm (trước ngày 19 của tháng)'],
    ],
    ['báo cáo Ủy ban nhân dân thành phố trong quý II năm 2023 và thực hiện các thủ tục', ['trong quý II năm 2023']],
    ['Tổ chức thành công Diễn đàn chuyển đổi số thành phố hàng năm.', ['hàng năm']],
    ['phấn đấu đến năm 2030 có 150 doanh nghiệp khoa học công nghệ', ['đến năm 2030']],
  ])('%s', (text, phrases) => {
    expect(findTimeframeInText(text)).toEqual(phrases);
  });

  it.each([
    'theo Chỉ thị số 17/CT-UBND ngày 14/11/2025 của Ủy ban nhân dân thành phố',
    'phong trào “Xây dựng thành phố Hải Phòng - Đô thị Xanh - Văn minh - Hiện đại” giai đoạn 2026 - 2030',
    'thực hiện Chủ đề năm 2023 của thành phố',
    'Chương trình phát triển khoa học và công nghệ Biển thành phố Hải Phòng đến năm 2030 tầm nhìn đến năm 2045',
    'Quy hoạch phát triển điện lực giai đoạn 2016-2025, có xét đến năm 2035',
    'bao gồm tổng chi đầu tư phát triển và chi thường xuyên',
  ])('finds nothing in names and references: %s', (text) => {
    expect(findTimeframeInText(text)).toEqual([]);
  });

  it('works without diacritics', () => {
    expect(findTimeframeInText('to chuc hoi nghi trong thang 12 nam 2026')).toEqual(['trong thang 12 nam 2026']);
  });
});

describe('more time expressions from real plans (issue 11)', () => {
  const plan = { planYear: 2026, referenceDate: '2026-03-12' };
  const read = (text: string) => parseTimeframe(text, plan);

  it('"trước ngày 25 hằng tháng" → monthly, the day before the 25th (as "trước ngày 19 của tháng" → 18th)', () => {
    expect(read('trước ngày 25 hằng tháng')).toMatchObject({ dueOn: '2026-03-24', recurrence: 'monthly' });
  });

  it('"trước ngày 30/6 và 10/12 hằng năm" → twice a year: half-yearly from the first, both days in a warning', () => {
    const r = read('trước ngày 30/6 và 10/12 hằng năm');
    expect(r).toMatchObject({ dueOn: '2026-06-29', recurrence: 'half_yearly' });
    expect(r.warnings.join('\n')).toMatch(/twice a year \(29\/06 and 09\/12\)/);
  });

  it('"từ ngày 01/10 đến ngày 31/10" → from 1 October to 31 October of the plan\'s year', () => {
    expect(read('từ ngày 01/10 đến ngày 31/10')).toMatchObject({ startOn: '2026-10-01', dueOn: '2026-10-31', recurrence: 'none' });
  });

  it('a day and month already past at the plan\'s date roll over to the next year, with a warning', () => {
    const r = read('trước ngày 15/02');
    expect(r.dueOn).toBe('2027-02-14');
    expect(r.warnings.join('\n')).toMatch(/2027 assumed/);
  });

  it.each([
    ['Quí III-2026', '2026-09-30'],
    ['quý 3 năm 2026', '2026-09-30'],
    ['6 tháng đầu năm', '2026-06-30'],
  ])('%s → %s', (text, due) => {
    expect(read(text).dueOn).toBe(due);
  });

  it.each(['khi có yêu cầu', 'sau khi Kế hoạch số 12/KH-UBND ngày 05/3/2026 được ban hành', 'theo kế hoạch của Bộ'])(
    '"%s" is a condition: no due date, not recurring, a warning — the date of another document is not a deadline',
    (text) => {
      const r = read(text);
      expect(r).toMatchObject({ dueOn: null, recurrence: 'none' });
      expect(r.warnings.join('\n')).toMatch(/is a condition, not a date/);
    },
  );

  it('"từ năm 2026, thường xuyên" → continuous from 2026, no invented year-end due date', () => {
    expect(read('từ năm 2026, thường xuyên')).toMatchObject({ startOn: '2026-01-01', dueOn: null, recurrence: 'continuous' });
  });

  it('"từ năm 2026" alone says when work starts: no due date, and the reviewer is told', () => {
    const r = read('từ năm 2026');
    expect(r).toMatchObject({ startOn: '2026-01-01', dueOn: null });
    expect(r.warnings.join('\n')).toMatch(/starts, not when it is due/);
  });

  it('finds "trước ngày 30/6 và 10/12 hằng năm" and "khi có yêu cầu" in a duty\'s text', () => {
    expect(findTimeframeInText('Báo cáo kết quả trước ngày 30/6 và 10/12 hằng năm về UBND phường.')).toEqual([
      'trước ngày 30/6 và 10/12 hằng năm',
    ]);
    expect(findTimeframeInText('Tổng hợp, báo cáo khi có yêu cầu.')).toEqual(['khi có yêu cầu']);
  });
});
