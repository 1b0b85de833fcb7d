/**
 * The structures issue 11 names, each in a small plan written the way real plans are (the real ones are the
 * corpus in tests/fixtures/plans): prose assignments, a duty heading with its unit on the next line, co-leads,
 * per-unit sections with a) b) and "+" items, collective units, "Đề nghị …", tables as markdown pipes and as
 * tab-separated rows, and what is never a task.
 */
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../src/domain/plans/plan-parser.js';
import type { PlanProposal, TaskProposal } from '../../src/domain/plans/plan-types.js';

const provincePlan = `ỦY BAN NHÂN DÂN TỈNH AN GIANG

Số: 88/KH-UBND

An Giang, ngày 10 tháng 4 năm 2026

KẾ HOẠCH

Triển khai thực hiện chuyển đổi số năm 2026

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

- Nâng cao nhận thức của cán bộ, công chức.

2. Yêu cầu

- Các sở, ngành bám sát nội dung Kế hoạch.

II. ĐỐI TƯỢNG

Cán bộ, công chức, viên chức các cơ quan nhà nước.

III. NHIỆM VỤ

1. Xây dựng cơ sở dữ liệu đất đai

Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Tài chính, UBND các xã, phường thực hiện; hoàn thành trong Quý III/2026.

2. Giao Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với Sở Nội vụ rà soát đối tượng bảo trợ xã hội; báo cáo trước ngày 30/6 và 10/12 hằng năm.

3. Sở Xây dựng, Sở Tài chính chủ trì thẩm định các dự án đầu tư công; thường xuyên.

IV. TỔ CHỨC THỰC HIỆN

1. Sở Khoa học và Công nghệ:

a) Chủ trì theo dõi, đôn đốc thực hiện Kế hoạch;

b) Tổng hợp, báo cáo UBND tỉnh trước ngày 15/12/2026.

2. Công an tỉnh:

- Chủ trì bảo đảm an ninh mạng;

+ Kiểm tra các hệ thống thông tin quan trọng; hằng quý.

3. Các sở, ban, ngành, UBND các xã, phường có trách nhiệm triển khai Kế hoạch này; báo cáo kết quả trước ngày 25 hằng tháng.

4. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp tuyên truyền, vận động Nhân dân tham gia.

Trên đây là Kế hoạch triển khai chuyển đổi số năm 2026.

Nơi nhận:
- Bộ Khoa học và Công nghệ;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn A
`;

const wardTable = `ỦY BAN NHÂN DÂN PHƯỜNG AN BIÊN
Số: 12/KH-UBND
An Biên, ngày 05 tháng 3 năm 2026
KẾ HOẠCH
Xử lý quảng cáo rao vặt trái phép năm 2026
PHỤ LỤC NHIỆM VỤ
| TT | Nội dung nhiệm vụ | Cơ quan/Đơn vị chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm |
|---|---|---|---|---|---|
| I | Tuyên truyền | | | | |
| 1 | Tuyên truyền trên loa truyền thanh | Phòng Văn hóa - Xã hội | Công an phường, các Tổ dân phố | Quý II/2026 | Tin bài |
| 2 | Ra quân xóa quảng cáo rao vặt | Công an phường | Đoàn Thanh niên phường | trước ngày 25 hằng tháng | Báo cáo |
| II | Xử lý | | | | |
| 1 | Lập danh sách số điện thoại vi phạm | Sở Nông nghiệp và Môi trường | | khi có yêu cầu | Danh sách |
`;

function byContent(plan: PlanProposal, fragment: string): TaskProposal {
  const found = plan.tasks.find((t) => t.content.includes(fragment));
  if (!found) throw new Error(`no task with "${fragment}"; tasks: ${plan.tasks.map((t) => t.content.slice(0, 40)).join(' / ')}`);
  return found;
}

describe('prose assignments and per-unit sections (a province plan)', () => {
  const plan = parsePlanText(provincePlan);

  it('proposes the eight duties and nothing from purposes, requirements, đối tượng, the closing, Nơi nhận or the signature', () => {
    expect(plan.tasks).toHaveLength(8);
    for (const line of ['Nâng cao nhận thức', 'bám sát nội dung', 'Cán bộ, công chức, viên chức các cơ quan', 'Trên đây là', 'Lưu: VT', 'Nguyễn Văn A']) {
      expect(plan.tasks.some((t) => t.content.includes(line)), line).toBe(false);
    }
    expect(plan.plan).toMatchObject({ number: '88/KH-UBND', issuedOn: '2026-04-10' });
  });

  it('a numbered duty whose unit follows on the next line: the heading is the content, "X chủ trì, phối hợp với A, B" the units', () => {
    const t = byContent(plan, 'Xây dựng cơ sở dữ liệu đất đai');
    expect(t).toMatchObject({
      leadUnit: 'Sở Nông nghiệp và Môi trường',
      coordinatingUnits: ['Sở Tài chính', 'UBND các xã, phường'],
      collectiveUnits: ['UBND các xã, phường'],
      dueOn: '2026-09-30',
    });
    expect(t.evidence).toEqual(['1. Xây dựng cơ sở dữ liệu đất đai', expect.stringMatching(/^Sở Nông nghiệp và Môi trường chủ trì/)]);
    expect(t.confidence?.leadUnit.level).toBe('high');
  });

  it('"Giao Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với Sở Nội vụ": names with "và" and "-" stay whole; twice a year', () => {
    const t = byContent(plan, 'rà soát đối tượng bảo trợ xã hội');
    expect(t).toMatchObject({ leadUnit: 'Sở Lao động - Thương binh và Xã hội', coordinatingUnits: ['Sở Nội vụ'], dueOn: '2026-06-29', recurrence: 'half_yearly' });
    expect(plan.warnings.join('\n')).toMatch(/twice a year \(29\/06 and 09\/12\)/);
  });

  it('co-leads before "chủ trì": the first is proposed, the other coordinates, the reviewer is told', () => {
    const t = byContent(plan, 'thẩm định các dự án đầu tư công');
    expect(t).toMatchObject({ leadUnit: 'Sở Xây dựng', coordinatingUnits: ['Sở Tài chính'], recurrence: 'continuous', dueOn: null });
    expect(t.confidence?.leadUnit).toMatchObject({ level: 'medium', reason: expect.stringMatching(/several lead units/) });
  });

  it('a unit\'s section: its a), b) items and its "+" item are its duties', () => {
    expect(byContent(plan, 'theo dõi, đôn đốc thực hiện Kế hoạch')).toMatchObject({ leadUnit: 'Sở Khoa học và Công nghệ', dueOn: null });
    expect(byContent(plan, 'Tổng hợp, báo cáo UBND tỉnh')).toMatchObject({ leadUnit: 'Sở Khoa học và Công nghệ', dueOn: '2026-12-14' });
    expect(byContent(plan, 'Kiểm tra các hệ thống thông tin')).toMatchObject({ leadUnit: 'Công an tỉnh', recurrence: 'quarterly', dueOn: '2026-06-30' });
  });

  it('"Các sở, ban, ngành, UBND các xã, phường có trách nhiệm …": collective units kept for the organisation to expand, flagged for review', () => {
    const t = byContent(plan, 'có trách nhiệm triển khai Kế hoạch này');
    expect(t.collectiveUnits).toEqual(['Các sở, ban, ngành', 'UBND các xã, phường']);
    expect(t).toMatchObject({ recurrence: 'monthly', dueOn: '2026-04-24' });
    expect(t.confidence?.leadUnit.level).toBe('low');
  });

  it('"Đề nghị Ủy ban MTTQ …": the unit asked is the lead; no time given, so no due date and a low-confidence due date', () => {
    const t = byContent(plan, 'phối hợp tuyên truyền, vận động Nhân dân');
    expect(t).toMatchObject({ leadUnit: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', dueOn: null, recurrence: 'none' });
    expect(t.confidence?.dueOn).toMatchObject({ level: 'low', reason: expect.stringMatching(/no due date proposed/) });
  });
});

describe('tables written one row per line', () => {
  it('markdown pipes: varied header names, group rows I, II as sections, lead and coordinating from the columns', () => {
    const plan = parsePlanText(wardTable);
    expect(plan.tasks.map((t) => t.ref)).toEqual(['PL.I.1', 'PL.I.2', 'PL.II.1']);
    expect(plan.tasks[0]).toMatchObject({
      content: 'Tuyên truyền trên loa truyền thanh',
      leadUnit: 'Phòng Văn hóa - Xã hội',
      coordinatingUnits: ['Công an phường', 'các Tổ dân phố'],
      dueOn: '2026-06-30',
      section: 'PHỤ LỤC NHIỆM VỤ > I. Tuyên truyền',
      evidence: ['| 1 | Tuyên truyền trên loa truyền thanh | Phòng Văn hóa - Xã hội | Công an phường, các Tổ dân phố | Quý II/2026 | Tin bài |'],
    });
    expect(plan.tasks[0]!.confidence?.leadUnit).toEqual({ level: 'high', reason: 'lead unit from the table column' });
    expect(plan.tasks[1]).toMatchObject({ leadUnit: 'Công an phường', recurrence: 'monthly', dueOn: '2026-03-24' });
    expect(plan.tasks[2]).toMatchObject({ leadUnit: 'Sở Nông nghiệp và Môi trường', dueOn: null, recurrence: 'none' });
    expect(plan.warnings).toContain('PL.II.1: "khi có yêu cầu" is a condition, not a date');
    expect(plan.tasks.some((t) => /Số: 12|AN BIÊN/.test(t.content))).toBe(false);
  });

  it('tab-separated rows (a spreadsheet pasted as text), "Đơn vị thực hiện" and "Thời hạn" columns', () => {
    const plan = parsePlanText('KẾ HOẠCH\nKiểm tra quảng cáo năm 2026\n\nTT\tNội dung\tĐơn vị thực hiện\tThời hạn\n1\tKiểm tra biển quảng cáo\tPhòng Kinh tế, Hạ tầng và Đô thị\tQuí III-2026\n');
    expect(plan.tasks).toHaveLength(1);
    expect(plan.tasks[0]).toMatchObject({ content: 'Kiểm tra biển quảng cáo', leadUnit: 'Phòng Kinh tế, Hạ tầng và Đô thị', dueOn: '2026-09-30' });
  });
});
