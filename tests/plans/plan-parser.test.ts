import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlanText } from '../../src/domain/plans/plan-parser.js';
import type { PlanProposal, TaskProposal } from '../../src/domain/plans/plan-types.js';
import { PlanFileError, readPlanFile } from '../../src/domain/plans/read-plan-file.js';
import { createUnitMatcher } from '../../src/domain/plans/unit-matching.js';

const seeds = new URL('../fixtures/seeds/', import.meta.url);

async function seed(name: string): Promise<PlanProposal> {
  return parsePlanText(await readFile(new URL(name, seeds), 'utf8'));
}

function task(plan: PlanProposal, ref: string): TaskProposal {
  const found = plan.tasks.find((t) => t.ref === ref);
  if (!found) throw new Error(`no task ${ref}; refs: ${plan.tasks.map((t) => t.ref).join(' ')}`);
  return found;
}

/** The fields a reviewer checks, for compact expectations. */
function essentials(t: TaskProposal) {
  return {
    leadUnit: t.leadUnit,
    coordinatingUnits: t.coordinatingUnits,
    timeframe: t.timeframe,
    startOn: t.startOn,
    dueOn: t.dueOn,
    recurrence: t.recurrence,
  };
}

describe('seed 000: Sở KH&CN, items with Nhiệm vụ / Đơn vị thực hiện / Thời gian thực hiện', () => {
  let plan: PlanProposal;
  beforeAll(async () => {
    plan = await seed('000_139a0a79dc29d502.txt');
  });

  it('reads the header; the blank number and day are null with warnings', () => {
    expect(plan.plan).toEqual({
      number: null,
      title:
        'Thực hiện phong trào thi đua “Xây dựng thành phố Hải Phòng - Đô thị Xanh - Văn minh - Hiện đại” giai đoạn 2026 - 2030',
      issuer: 'Sở Khoa học và Công nghệ',
      issuedOn: null,
    });
    expect(plan.warnings.join('\n')).toMatch(/number is blank/);
    expect(plan.warnings.join('\n')).toMatch(/no day/);
  });

  it('has 7 tasks: one per Nhiệm vụ bullet, none from Mục đích or Tổ chức thực hiện', () => {
    expect(plan.tasks).toHaveLength(7);
    expect(plan.tasks.map((t) => t.ref)).toEqual(['II.1.a-1', 'II.1.a-2', 'II.1.b-1', 'II.2-1', 'II.2-2', 'II.2-3', 'II.3-1']);
    expect(plan.tasks.every((t) => t.section.startsWith('II. CÁC HOẠT ĐỘNG VÀ NHIỆM VỤ CỤ THỂ'))).toBe(true);
  });

  it('1.a: Trung tâm CNTT&TT, thường xuyên', () => {
    const t = task(plan, 'II.1.a-1');
    expect(t.content).toBe(
      'Đăng tải các tin, bài viết phổ biến về xóa quảng cáo, rao vặt trái quy định; các quy định pháp luật liên quan đến xử lý vi phạm hành chính đối với hành vi quảng cáo, rao vặt trái quy định trên Trang thông tin điện tử Sở và Fanpage của Sở.',
    );
    expect(essentials(t)).toEqual({
      leadUnit: 'Trung tâm Công nghệ thông tin và Truyền thông',
      coordinatingUnits: [],
      timeframe: 'thường xuyên',
      startOn: null,
      dueOn: null,
      recurrence: 'continuous',
    });
    expect(t.section).toBe(
      'II. CÁC HOẠT ĐỘNG VÀ NHIỆM VỤ CỤ THỂ > 1. Công tác phổ biến, giáo dục pháp luật > a) Đẩy mạnh phổ biến pháp luật về xóa quảng cáo, rao vặt trái quy định trên các kênh thông tin tuyên truyền Sở quản lý.',
    );
  });

  it('1.b: the task is a paragraph under "Nhiệm vụ:", led by Văn phòng Sở', () => {
    const t = task(plan, 'II.1.b-1');
    expect(t.content).toBe(
      'Tổ chức quán triệt các văn bản pháp luật về hoạt động thông tin quảng cáo đến toàn thể công chức, viên chức và người lao động ngành khoa học và công nghệ, nâng cao hiểu biết và trách nhiệm của mỗi người, tích cực tham gia và lan toả tại gia đình, nơi cư trú.',
    );
    expect(essentials(t)).toMatchObject({ leadUnit: 'Văn phòng Sở', dueOn: null, recurrence: 'continuous' });
  });

  it('2: "Phối hợp Sở Văn hóa, …, Ủy ban nhân dân các xã, …" gives the coordinating units; yearly from 2026', () => {
    const t = task(plan, 'II.2-2');
    expect(t.content).toBe(
      'Phối hợp Sở Văn hóa, Thể thao và Du lịch, Ủy ban nhân dân các xã, phường, đặc khu thống kê, tiếp nhận thông tin phản ánh về số điện thoại liên hệ trong biển quảng cáo, rao vặt sai quy định tại địa phương (hành vi quảng cáo, rao vặt trái quy định trên bờ tường, gốc cây, cột điện,...).',
    );
    expect(essentials(t)).toEqual({
      leadUnit: 'Phòng Hạ tầng số và Quản lý chuyên ngành',
      coordinatingUnits: ['Sở Văn hóa, Thể thao và Du lịch', 'Ủy ban nhân dân các xã, phường, đặc khu'],
      timeframe: 'năm 2026 và các năm tiếp theo',
      startOn: '2026-01-01',
      dueOn: '2026-12-31',
      recurrence: 'yearly',
    });
  });

  it('2: asking operators to suspend two-way service', () => {
    const t = task(plan, 'II.2-3');
    expect(t.content).toBe(
      'Đề nghị các doanh nghiệp cung cấp dịch vụ viễn thông tạm ngừng cung cấp dịch vụ hai chiều đối với số điện thoại không hợp tác, cố tình vi phạm quảng cáo, rao vặt.',
    );
    expect(essentials(t)).toEqual({
      leadUnit: 'Phòng Hạ tầng số và Quản lý chuyên ngành',
      coordinatingUnits: [],
      timeframe: 'năm 2026 và các năm tiếp theo',
      startOn: '2026-01-01',
      dueOn: '2026-12-31',
      recurrence: 'yearly',
    });
  });

  it('3: inline "Nhiệm vụ:", Định kỳ hàng năm', () => {
    const t = task(plan, 'II.3-1');
    expect(t.content).toBe(
      'Trình Ủy ban nhân dân thành phố ban hành Kế hoạch Chính trang, ngầm hóa mạng cáp ngoại vi viễn thông trên địa bàn thành phố Hải Phòng hàng năm và tổ chức triển khai thực hiện.',
    );
    expect(essentials(t)).toEqual({
      leadUnit: 'Phòng Hạ tầng số và Quản lý chuyên ngành',
      coordinatingUnits: [],
      timeframe: 'Định kỳ hàng năm',
      startOn: null,
      dueOn: '2026-12-31',
      recurrence: 'yearly',
    });
  });

  it('without a matcher, every unit name is unresolved, once', () => {
    expect(plan.unresolvedUnits).toEqual([
      'Trung tâm Công nghệ thông tin và Truyền thông',
      'Văn phòng Sở',
      'Phòng Hạ tầng số và Quản lý chuyên ngành',
      'Sở Văn hóa, Thể thao và Du lịch',
      'Ủy ban nhân dân các xã, phường, đặc khu',
    ]);
    expect(plan.tasks.every((t) => t.leadUnitCode === null)).toBe(true);
  });
});

describe('seed 001: phường Lê Chân, section III lists each unit with its duties', () => {
  let plan: PlanProposal;
  beforeAll(async () => {
    plan = await seed('001_7386a8b22b904495.txt');
  });

  it('reads the header', () => {
    expect(plan.plan).toMatchObject({ number: null, issuer: 'Ủy ban nhân dân phường Lê Chân', issuedOn: null });
    expect(plan.plan.title).toBe(
      'Về việc Triển khai phong trào thi đua "Xây dựng thành phố Hải Phòng - Đô thị Xanh - Văn minh - Hiện đại" giai đoạn 2026 - 2030 trên địa bàn phường Lê Chân',
    );
  });

  it('has 48 tasks, all from III. TỔ CHỨC THỰC HIỆN', () => {
    expect(plan.tasks).toHaveLength(48);
    expect(plan.tasks.every((t) => t.section.startsWith('III. TỔ CHỨC THỰC HIỆN'))).toBe(true);
  });

  it('counts the duties per unit as the plan lists them', () => {
    const perLead = (lead: string) => plan.tasks.filter((t) => t.leadUnit === lead).length;
    expect(perLead('Phòng Kinh tế, Hạ tầng và Đô thị')).toBe(9);
    expect(perLead('Công an phường Lê Chân')).toBe(8);
    expect(perLead('Phòng Văn hóa và Xã hội')).toBe(6);
    expect(perLead('Ủy ban Mặt trận Tổ quốc Việt Nam')).toBe(5);
    expect(perLead('Công ty TNHH MTV Môi trường đô thị Hải Phòng')).toBe(3);
    expect(perLead('Các Tổ dân phố')).toBe(4);
  });

  it('reads "trong tháng 12 năm 2026" inside a duty', () => {
    const t = task(plan, 'III.1-8');
    expect(t.content).toBe(
      'Tham mưu cho UBND phường tổ chức hội nghị đánh giá kết quả phong trào “Xây dựng thành phố Hải Phòng - Đô thị Xanh - Văn minh - Hiện đại” trên địa bàn phường trong tháng 12 năm 2026.',
    );
    expect(essentials(t)).toEqual({
      leadUnit: 'Phòng Kinh tế, Hạ tầng và Đô thị',
      coordinatingUnits: [],
      timeframe: 'trong tháng 12 năm 2026',
      startOn: '2026-12-01',
      dueOn: '2026-12-31',
      recurrence: 'none',
    });
  });

  it('joins a duty broken by a page; no date means null', () => {
    const t = task(plan, 'III.1-2');
    expect(t.content).toBe(
      'Kiểm tra, đôn đốc, xử lý các vi phạm về trật tự lòng đường, hè phố. Tăng cường công tác quản lý trên địa bàn trong đảm bảo trật tự đường hè; giải tỏa, xử lý nghiêm các trường hợp chiếm dụng lòng đường, vỉa hè trên các tuyến đường thuộc địa bàn phường. Thực hiện quản lý, duy tu, chỉnh trang hệ thống hạ tầng kỹ thuật, đảm bảo môi trường đô thị phường Xanh - Văn minh - Hiện đại; tăng cường công tác quản lý đất đai hoạt động xây dựng trên địa bàn phường.',
    );
    expect(essentials(t)).toEqual({
      leadUnit: 'Phòng Kinh tế, Hạ tầng và Đô thị',
      coordinatingUnits: [],
      timeframe: null,
      startOn: null,
      dueOn: null,
      recurrence: 'none',
    });
    expect(plan.warnings).toContain('III.1-2: the plan gives no time for this task');
  });

  it('Công an phường: "thường xuyên" in the duty; the date of a Chỉ thị is not a deadline', () => {
    const t = task(plan, 'III.2-2');
    expect(t.content).toBe(
      'Chủ trì thường xuyên tổ chức các đợt cao điểm lập lại trật tự công cộng, trật tự đô thị; xử lý nghiêm các hành vi vi phạm nếp sống văn hóa, văn minh đô thị theo Chỉ thị số 17/CT-UBND ngày 14/11/2025 của Ủy ban nhân dân thành phố.',
    );
    expect(essentials(t)).toEqual({
      leadUnit: 'Công an phường Lê Chân',
      coordinatingUnits: [],
      timeframe: 'thường xuyên',
      startOn: null,
      dueOn: null,
      recurrence: 'continuous',
    });
  });

  it('Công an phường: "Phối hợp với Phòng Văn hoá và Xã hội và các cơ quan truyền thông" → one coordinating unit', () => {
    const t = task(plan, 'III.2-5');
    expect(t.content.startsWith('Phối hợp với Phòng Văn hoá và Xã hội và các cơ quan truyền thông triển khai')).toBe(true);
    expect(essentials(t)).toMatchObject({
      leadUnit: 'Công an phường Lê Chân',
      coordinatingUnits: ['Phòng Văn hoá và Xã hội'],
      dueOn: null,
    });
  });

  it('"4. Văn phòng HĐND- UBND: chủ trì, phối hợp với …" is a task of its own, lead + coordinating', () => {
    const t = task(plan, 'III.4');
    expect(t.content).toBe(
      'chủ trì, phối hợp với Trung tâm Dịch vụ sự nghiệp công, phòng Kinh tế, Hạ tầng và Đô thị và các cơ quan, đơn vị liên quan đẩy mạnh tuyên truyền “văn hóa giao thông” bằng nhiều hình thức phong phú, đa dạng, dễ hiểu, dễ nhớ, dễ thuộc, phù hợp với từng đối tượng như treo pa nô, áp phích, băng zôn, khẩu hiệu... tại các nút giao thông, các tuyến đường có mật độ người dân tham gia giao thông đông hướng ứng thực hiện.',
    );
    expect(essentials(t)).toMatchObject({
      leadUnit: 'Văn phòng HĐND- UBND',
      coordinatingUnits: ['Trung tâm Dịch vụ sự nghiệp công', 'phòng Kinh tế, Hạ tầng và Đô thị'],
      dueOn: null,
    });
    expect(t.section).toBe('III. TỔ CHỨC THỰC HIỆN');
  });

  it('"Chủ trì và phối hợp với X cùng các đơn vị liên quan" under "8. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam"', () => {
    const t = task(plan, 'III.8-2');
    expect(t.content.startsWith('Chủ trì và phối hợp với Phòng Văn hoá và Xã hội cùng các đơn vị liên quan tổ chức')).toBe(true);
    expect(essentials(t)).toMatchObject({
      leadUnit: 'Ủy ban Mặt trận Tổ quốc Việt Nam',
      coordinatingUnits: ['Phòng Văn hoá và Xã hội'],
    });
  });

  it('the second "8." (the plan numbers two items 8): the company, not its words "chỉ đạo các Xí nghiệp…"', () => {
    const t = task(plan, 'III.8-1#2');
    expect(t.content).toBe(
      'Phối hợp với lực lượng chức năng của phường, các tổ dân phố hướng dẫn, tuyên truyền cho các hộ dân thực hiện việc phân loại chất thải rắn sinh hoạt tại nguồn. Thống nhất với các tổ dân phố thời gian, tần suất và địa điểm thu gom chất thải rắn sinh hoạt, công bố rộng rãi cho nhân dân trên địa bàn phường; Xây dựng lộ trình/tuyến thu gom, vận chuyển: tối ưu hóa lộ trình thu gom, vận chuyển đến khu xử lý chất thải rắn sinh hoạt là bãi rác Tràng Cát.',
    );
    expect(essentials(t)).toMatchObject({
      leadUnit: 'Công ty TNHH MTV Môi trường đô thị Hải Phòng',
      coordinatingUnits: ['các tổ dân phố'],
      dueOn: null,
    });
  });

  it('"10. Đề nghị Điện lực Lê Chân: Phối hợp … thường xuyên …"', () => {
    const t = task(plan, 'III.10');
    expect(essentials(t)).toMatchObject({ leadUnit: 'Điện lực Lê Chân', recurrence: 'continuous', dueOn: null });
  });

  it('Tổ dân phố duties; the date of a Thông báo is not a deadline', () => {
    const t = task(plan, 'III.12-4');
    expect(t.content).toBe(
      'Vận động các Đảng viên, Hội viên, Đoàn viên và Nhân dân triển khai tốt hoạt động phân loại chất thải rắn sinh hoạt theo quy định; thu gom, vận chuyển, xử lý chất thải rắn sinh hoạt, vệ sinh công cộng trên địa bàn theo nội dung Thông báo số 388/TB-UBND ngày 20/4/2026 của Ủy ban nhân dân phường.',
    );
    expect(essentials(t)).toEqual({
      leadUnit: 'Các Tổ dân phố',
      coordinatingUnits: [],
      timeframe: null,
      startOn: null,
      dueOn: null,
      recurrence: 'none',
    });
  });

  it('reports the unassigned bullets of section II instead of proposing them', () => {
    const text = plan.warnings.join('\n');
    expect(text).toMatch(/2 item\(s\) under "II\. NỘI DUNG TRIỂN KHAI THỰC HIỆN > 1\. Công tác tuyên truyền/);
    expect(text).toMatch(/4 item\(s\) under "II\. NỘI DUNG TRIỂN KHAI THỰC HIỆN > 2\. Các bước thực hiện Kế hoạch"/);
  });

  it('resolves names through the organisation when a matcher is given', async () => {
    const matcher = createUnitMatcher([
      { code: 'KTHTDT', name: 'Phòng Kinh tế, Hạ tầng và Đô thị' },
      { code: 'CAP', name: 'Công an phường' },
      { code: 'VP', name: 'Văn phòng HĐND và UBND' },
      { code: 'VHXH', name: 'Phòng Văn hóa - Xã hội' },
    ]);
    const text = await readFile(new URL('001_7386a8b22b904495.txt', seeds), 'utf8');
    const resolved = parsePlanText(text, { unitMatcher: matcher });
    const t = task(resolved, 'III.4');
    expect(t.leadUnit).toBe('Văn phòng HĐND- UBND');
    expect(t.leadUnitCode).toBe('VP');
    expect(t.coordinatingUnitCodes).toEqual([null, 'KTHTDT']);
    expect(task(resolved, 'III.2-5').leadUnitCode).toBe('CAP');
    expect(task(resolved, 'III.2-5').coordinatingUnitCodes).toEqual(['VHXH']);
    expect(resolved.unresolvedUnits).not.toContain('Công an phường Lê Chân');
    expect(resolved.unresolvedUnits).toContain('Trung tâm Dịch vụ sự nghiệp công');
    // Listed once, as first written ("các tổ dân phố" in III.8, before the heading "12. Các Tổ dân phố").
    expect(resolved.unresolvedUnits).toContain('các tổ dân phố');
    expect(resolved.unresolvedUnits).not.toContain('Các Tổ dân phố');
  });
});

describe('seed 003: Sở KH&CN programme, numbered targets and duties per division', () => {
  let plan: PlanProposal;
  beforeAll(async () => {
    plan = await seed('003_5fe923ac2530a014.txt');
  });

  it('reads the header through the markdown', () => {
    expect(plan.plan).toEqual({
      number: null,
      title:
        'Triển khai thực hiện Chương trình hành động của Ủy ban nhân dân thành phố về phát triển kinh tế - xã hội, quốc phòng – an ninh, đối ngoại thành phố giai đoạn 2026-2030',
      issuer: 'Sở Khoa học và Công nghệ',
      issuedOn: null,
    });
  });

  it('has 42 tasks: 7 targets and 35 duties; no preamble, purpose or unassigned directions', () => {
    expect(plan.tasks).toHaveLength(42);
    expect(plan.tasks.filter((t) => t.family === 'target')).toHaveLength(7);
    expect(plan.tasks.some((t) => t.content.startsWith('Căn cứ'))).toBe(false);
    expect(plan.tasks.some((t) => t.section.startsWith('I. MỤC ĐÍCH'))).toBe(false);
    expect(plan.tasks.some((t) => t.content.startsWith('Nghị quyết số 226/2025QH15'))).toBe(false);
    expect(plan.warnings.join('\n')).toMatch(/6 item\(s\) under "II\. MỘT SỐ CHỈ TIÊU VÀ NHIỆM VỤ CHỦ YẾU > 2\. Nhiệm vụ giải pháp chủ yếu"/);
  });

  it('counts the duties per division, also under a repeated number "3."', () => {
    const perLead = (lead: string) => plan.tasks.filter((t) => t.leadUnit === lead && t.family !== 'target').length;
    expect(perLead('Văn phòng Sở')).toBe(4);
    expect(perLead('Phòng Công nghệ thông tin')).toBe(8);
    expect(perLead('Phòng Quản lý Công nghệ')).toBe(3);
    expect(perLead('Phòng Hạ tầng số và Quản lý chuyên ngành')).toBe(6);
    expect(perLead('Trung tâm Công nghệ thông tin và Truyền thông')).toBe(3);
  });

  it('target (01): "hằng năm" → yearly; no lead named', () => {
    const t = task(plan, 'II.1.(01)');
    expect(t.content).toBe('Chỉ số DTI hằng năm của thành phố top 5, phần đầu top 3 cả nước.');
    expect(essentials(t)).toEqual({
      leadUnit: null,
      coordinatingUnits: [],
      timeframe: 'hằng năm',
      startOn: null,
      dueOn: '2026-12-31',
      recurrence: 'yearly',
    });
    expect(plan.warnings).toContain('II.1.(01): the plan names no lead unit: choose one');
  });

  it('target (02): "đến năm 2030"', () => {
    const t = task(plan, 'II.1.(02)');
    expect(t.content).toBe(
      'Phần đầu đến năm 2030 có 150 doanh nghiệp khoa học công nghệ; số lượng doanh nghiệp khởi nghiệp sáng tạo trên địa bàn thành phố đạt 450 doanh nghiệp.',
    );
    expect(essentials(t)).toMatchObject({ timeframe: 'đến năm 2030', dueOn: '2030-12-31', recurrence: 'none' });
  });

  it('target (04): "so với giai đoạn 2020 - 2025" is a comparison, not a date', () => {
    const t = task(plan, 'II.1.(04)');
    expect(t.content).toBe(
      'Số lượng sáng chế, giải pháp hữu ích, kiểu dáng công nghiệp, nhãn hiệu phần đầu gấp 1,5 lần so với giai đoạn 2020 - 2025.',
    );
    expect(essentials(t)).toMatchObject({ timeframe: null, dueOn: null, recurrence: 'none' });
  });

  it('target (06): two dates, the latest proposed with a warning', () => {
    const t = task(plan, 'II.1.(06)');
    expect(t.dueOn).toBe('2026-12-31');
    expect(plan.warnings.some((w) => w.startsWith('II.1.(06): several dates'))).toBe(true);
  });

  it('"+" bullets under "Chủ trì, phối hợp với Trung tâm CNTT&TT, …:" are tasks with that coordinating unit', () => {
    const t = task(plan, 'III.3-2');
    expect(t.content).toBe(
      'Tham mưu hoàn thiện chính quyền số: đẩy mạnh số hóa, tái sử dụng dữ liệu; ứng dụng AI, Big Data, viễn thám và GIS trong quản lý đô thị, gắn với Đề án 06. Xây dựng Trung tâm Tính toán thông minh của thành phố, cung cấp hạ tầng tính toán hiệu năng cao, hình thành hệ sinh thái nghiên cứu, đổi mới sáng tạo, tạo động lực tăng trưởng mới.',
    );
    expect(essentials(t)).toEqual({
      leadUnit: 'Phòng Công nghệ thông tin',
      coordinatingUnits: ['Trung tâm Công nghệ thông tin và Truyền thông'],
      timeframe: null,
      startOn: null,
      dueOn: null,
      recurrence: 'none',
    });
    expect(t.section).toBe('III. NHIỆM VỤ, GIẢI PHÁP CỤ THỂ > 3. Phòng Công nghệ thông tin');
  });

  it('Phòng Hạ tầng số: "đến năm 2030" is read, the programme period is not', () => {
    const t = task(plan, 'III.5-3');
    expect(t.content).toBe(
      'Thực hiện các nhiệm vụ giải pháp phát triển và quản lý nhà nước về tài sản trí tuệ trên địa bàn theo chức năng, nhiệm vụ được giao; tập trung triển khai hiệu quả Chương trình Hỗ trợ phát triển tài sản trí tuệ thành phố Hải Phòng giai đoạn 2021- 2030, đảm bảo hoàn thành chỉ tiêu đến năm 2030 số lượng sáng chế, giải pháp hữu ích, kiểu dáng công nghiệp, nhãn hiệu phấn đấu gấp 1,5 lần so với giai đoạn 2020 - 2025.',
    );
    expect(essentials(t)).toEqual({
      leadUnit: 'Phòng Hạ tầng số và Quản lý chuyên ngành',
      coordinatingUnits: [],
      timeframe: 'đến năm 2030',
      startOn: null,
      dueOn: '2030-12-31',
      recurrence: 'none',
    });
  });

  it('Trung tâm CNTT&TT: "hàng năm"', () => {
    const t = task(plan, 'III.8-2');
    expect(t.content).toBe('Tổ chức thành công Diễn đàn chuyển đổi số thành phố hàng năm.');
    expect(essentials(t)).toMatchObject({
      leadUnit: 'Trung tâm Công nghệ thông tin và Truyền thông',
      dueOn: '2026-12-31',
      recurrence: 'yearly',
    });
  });

  it('"1. Các phòng, đơn vị" assigns to every division: no single lead, with a warning', () => {
    const t = task(plan, 'III.1-2');
    expect(essentials(t)).toMatchObject({ leadUnit: null, recurrence: 'continuous' });
    expect(plan.warnings).toContain('III.1-2: lead "Các phòng, đơn vị" names no single unit: choose one');
  });

  it('IV.3 "Giao Văn phòng Sở theo dõi …" names its own lead', () => {
    const t = task(plan, 'IV.3');
    expect(t.content).toBe(
      'Giao Văn phòng Sở theo dõi tình hình thực hiện Kế hoạch, định kỳ tổng hợp, tham mưu Sở báo cáo kết quả theo quy định.',
    );
    expect(essentials(t)).toMatchObject({ leadUnit: 'Văn phòng Sở', dueOn: null });
  });
});

describe('seed 004: UBND thành phố 40/KH-UBND, prose per agency and the appendix table', () => {
  let plan: PlanProposal;
  beforeAll(async () => {
    plan = await seed('004_0b921c7dd0a8c67b.txt');
  });

  it('reads the header from the flattened layout table', () => {
    expect(plan.plan).toMatchObject({
      number: '40/KH-UBND',
      issuer: 'Ủy ban nhân dân thành phố',
      issuedOn: '2023-02-13',
    });
    expect(plan.plan.title).toBe(
      'KẾ HOẠCH HÀNH ĐỘNG THỰC HIỆN CHỦ ĐỀ NĂM 2023 CỦA THÀNH PHỐ VỀ “ĐẨY MẠNH CHỈNH TRANG, HIỆN ĐẠI HÓA ĐÔ THỊ - XÂY DỰNG NÔNG THÔN MỚI KIỂU MẪU - THỰC HIỆN CHUYỂN ĐỔI SỐ”',
    );
  });

  it('has 124 tasks: 57 appendix rows and 67 duties', () => {
    expect(plan.tasks).toHaveLength(124);
    const rows = plan.tasks.filter((t) => t.family === 'appendix-table');
    expect(rows).toHaveLength(57);
    expect(rows.filter((t) => t.ref.startsWith('PL.I.'))).toHaveLength(17);
    expect(rows.filter((t) => t.ref.startsWith('PL.II.'))).toHaveLength(5);
    expect(rows.filter((t) => t.ref.startsWith('PL.III.'))).toHaveLength(35);
  });

  it('counts the duties per agency', () => {
    const perLead = (lead: string) => plan.tasks.filter((t) => t.leadUnit === lead && t.family !== 'appendix-table').length;
    expect(perLead('Sở Xây dựng')).toBe(5);
    expect(perLead('Sở Tài chính')).toBe(5);
    expect(perLead('Ủy ban nhân dân các quận, huyện')).toBe(13);
    expect(perLead('Sở Văn hóa và Thể thao')).toBe(1);
    expect(perLead('Các chủ đầu tư')).toBe(2);
  });

  it('row I.1: only Hoàn thành, "Trong năm 2023"', () => {
    const t = task(plan, 'PL.I.1');
    expect(t.content).toBe('Phê duyệt Điều chỉnh Quy hoạch chung xây dựng thành phố đến năm 2035, tầm nhìn đến năm 2050');
    expect(essentials(t)).toEqual({
      leadUnit: 'Sở Xây dựng',
      coordinatingUnits: [],
      timeframe: 'Hoàn thành: Trong năm 2023',
      startOn: null,
      dueOn: '2023-12-31',
      recurrence: 'none',
    });
    expect(t.section).toBe('PHỤ LỤC > I. Đẩy mạnh chỉnh trang, hiện đại hóa đô thị');
  });

  it('row I.5: only Bắt đầu, so no due date (not invented)', () => {
    const t = task(plan, 'PL.I.5');
    expect(t.content).toBe('Xây dựng Kế hoạch phát triển nhà ở năm 2023');
    expect(essentials(t)).toEqual({
      leadUnit: 'Sở Xây dựng',
      coordinatingUnits: [],
      timeframe: 'Bắt đầu: Quý I/2023',
      startOn: '2023-01-01',
      dueOn: null,
      recurrence: 'none',
    });
    expect(plan.warnings.some((w) => w.startsWith('PL.I.5: no end date'))).toBe(true);
  });

  it('row I.6: "Sau khi Quy hoạch chung được duyệt" is a condition', () => {
    const t = task(plan, 'PL.I.6');
    expect([t.startOn, t.dueOn]).toEqual([null, null]);
    expect(plan.warnings).toContain('PL.I.6: "Sau khi Quy hoạch chung được duyệt" is a condition, not a date');
  });

  it('row I.7: the content keeps its sub-list; Quý I/2023 → Quý IV/2023', () => {
    const t = task(plan, 'PL.I.7');
    expect(t.content).toBe(
      [
        'Lập, thẩm định và phê duyệt nhiệm vụ, dự toán; đấu thầu lựa chọn Đơn vị tư vấn và tổ chức nghiên cứu các quy hoạch sau:',
        '- Điều chỉnh Quy hoạch phân khu tỷ lệ 1/2000 (hoặc Quy hoạch chi tiết tỷ lệ 1/2000) đến năm 2035 tầm nhìn 2050 của các quận.',
        '- Quy hoạch các vùng huyện đến năm 2035 tầm nhìn 2050',
        '- Quy hoạch đô thị mới, chương trình phát triển đô thị Thủy Nguyên và đô thị mới quận An Dương.',
        '- Quy hoạch chung các đô thị vệ tinh, đô thị mới đến năm 2035 tầm nhìn 2050.',
      ].join('\n'),
    );
    expect(essentials(t)).toEqual({
      leadUnit: 'Ủy ban nhân dân các quận, huyện',
      coordinatingUnits: [],
      timeframe: 'Bắt đầu: Quý I/2023; Hoàn thành: Quý IV/2023',
      startOn: '2023-01-01',
      dueOn: '2023-12-31',
      recurrence: 'none',
    });
  });

  it('row I.12: "Quý I/2021" → "Quý IV /2023 và các năm tiếp theo", several lead agencies', () => {
    const t = task(plan, 'PL.I.12');
    expect(t.content).toBe('Nâng cấp hạ tầng kỹ thuật trên địa bàn thành phố');
    expect(essentials(t)).toEqual({
      leadUnit: 'Sở Xây dựng',
      coordinatingUnits: [
        'các Ban Quản lý Dự án trực thuộc Ủy ban nhân thành phố',
        'Ủy ban nhân dân các quận, huyện',
        'Nhà đầu tư',
      ],
      timeframe: 'Bắt đầu: Quý I/2021; Hoàn thành: Quý IV /2023 và các năm tiếp theo',
      startOn: '2021-01-01',
      dueOn: '2023-12-31',
      recurrence: 'yearly',
    });
    expect(plan.warnings.some((w) => w.startsWith('PL.I.12: several lead units'))).toBe(true);
  });

  it('row I.16: Năm 2022 → Năm 2025', () => {
    const t = task(plan, 'PL.I.16');
    expect(t.content).toBe('Xây dựng Đề án thành lập thành phố trực thuộc thành phố Hải Phòng tại huyện Thủy Nguyên');
    expect(essentials(t)).toEqual({
      leadUnit: 'Ủy ban nhân dân huyện Thủy Nguyên',
      coordinatingUnits: ['Sở Nội vụ', 'Sở Xây dựng'],
      timeframe: 'Bắt đầu: Năm 2022; Hoàn thành: Năm 2025',
      startOn: '2022-01-01',
      dueOn: '2025-12-31',
      recurrence: 'none',
    });
  });

  it('row II.2: within Quý I/2023', () => {
    const t = task(plan, 'PL.II.2');
    expect(t.content).toBe('Lập kế hoạch triển khai xây dựng nông thôn mới kiểu mẫu trên địa bàn thành phố Hải Phòng năm 2023');
    expect([t.leadUnit, t.startOn, t.dueOn]).toEqual(['Sở Nông nghiệp và Phát triển nông thôn', '2023-01-01', '2023-03-31']);
  });

  it('row III.4 sits in its sub-part; Quý I/2023 → Quý II/2023', () => {
    const t = task(plan, 'PL.III.4');
    expect(t.content).toBe(
      'Hoàn thiện cơ sở vật chất, trang thiết bị và các điều kiện cần thiết để phục vụ khai thác Cơ sở dữ liệu quốc gia về dân cư thành phố Hải Phòng, kết nối chia sẻ dùng chung trong các cơ quan nhà nước.',
    );
    expect(essentials(t)).toEqual({
      leadUnit: 'Công an thành phố',
      coordinatingUnits: ['Sở Thông tin và Truyền thông'],
      timeframe: 'Bắt đầu: Quý I/2023; Hoàn thành: Quý II/2023',
      startOn: '2023-01-01',
      dueOn: '2023-06-30',
      recurrence: 'none',
    });
    expect(t.section).toBe('PHỤ LỤC > III. Chuyển đổi số > Phát triển dữ liệu số');
  });

  it('row III.35, the last one', () => {
    const t = task(plan, 'PL.III.35');
    expect(t.content).toBe(
      'Tiếp tục phối hợp Bộ Thông tin và Truyền thông tổ chức tập huấn cho 30.000 công chức, viên chức toàn thành phố trên nền tảng học trực tuyến',
    );
    expect(essentials(t)).toMatchObject({ leadUnit: 'Sở Thông tin và Truyền thông', dueOn: '2023-12-31' });
  });

  it('3.19: "Định kỳ 6 tháng và cuối năm (trước ngày 19 của tháng)" → 18/06/2023, half-yearly', () => {
    const t = task(plan, '3.19-13');
    expect(t.content).toBe(
      'Định kỳ 6 tháng và cuối năm (trước ngày 19 của tháng) gửi báo cáo về Sở Xây dựng, Sở Thông tin và Truyền thông và Sở Nông nghiệp và Phát triển nông thôn tổng hợp kết quả thực hiện Chủ đề năm 2023 của thành phố.',
    );
    expect(essentials(t)).toEqual({
      leadUnit: 'Ủy ban nhân dân các quận, huyện',
      coordinatingUnits: [],
      timeframe: 'Định kỳ 6 tháng và cuối năm (trước ngày 19 của tháng)',
      startOn: null,
      dueOn: '2023-06-18',
      recurrence: 'half_yearly',
    });
  });

  it('3.17: "định kỳ hàng tháng báo cáo" → monthly from February 2023', () => {
    const t = task(plan, '3.17-1');
    expect(t.content).toBe(
      'Tổng hợp, lập sổ nhật ký theo dõi tiến độ thực hiện các hạng mục công trình xây dựng nông thôn mới kiểu mẫu tại các địa phương, định kỳ hàng tháng báo cáo Ủy ban nhân dân, Ban Chỉ đạo các Chương trình mục tiêu quốc gia thành phố.',
    );
    expect(essentials(t)).toMatchObject({
      leadUnit: 'Văn phòng Điều phối nông thôn mới thành phố',
      dueOn: '2023-02-28',
      recurrence: 'monthly',
    });
  });

  it('3.12: a heading without a colon, its duty a paragraph', () => {
    const t = task(plan, '3.12-1');
    expect(t.content).toBe(
      'Hướng dẫn, đôn đốc các địa phương trong quá trình rà soát, điều chỉnh, lập quy hoạch phải ưu tiên dành quỹ đất cho các công trình công cộng phúc lợi, công viên cây xanh, đảm bảo gắn kết với hệ thống thiết chế văn hóa cơ sở.',
    );
    expect(essentials(t)).toMatchObject({ leadUnit: 'Sở Văn hóa và Thể thao', coordinatingUnits: [], dueOn: null });
  });

  it('3.10: "Chủ trì, phối hợp với Sở Xây dựng, Sở Nông nghiệp …, Văn phòng Điều phối …"', () => {
    const t = task(plan, '3.10-1');
    expect(essentials(t)).toMatchObject({
      leadUnit: 'Sở Giao thông vận tải',
      coordinatingUnits: ['Sở Xây dựng', 'Sở Nông nghiệp và Phát triển nông thôn', 'Văn phòng Điều phối nông thôn mới thành phố'],
    });
  });

  it('2.4: an item that names its own lead ("Sở Thông tin và Truyền thông chủ trì") is a task, "trước tháng 6 năm 2023"', () => {
    const t = task(plan, '2.4.a-1');
    expect(essentials(t)).toMatchObject({
      leadUnit: 'Sở Thông tin và Truyền thông',
      timeframe: 'trước tháng 6 năm 2023',
      dueOn: '2023-05-31',
    });
    expect(t.family).toBe('assigned-item');
  });

  it('leaves out the closing formula, the note and the signature', () => {
    expect(plan.tasks.some((t) => t.content.includes('Chi tiết tại Phụ lục'))).toBe(false);
    expect(plan.tasks.some((t) => t.content.startsWith('Trong quá trình thực hiện'))).toBe(false);
    expect(plan.tasks.some((t) => /Nguyễn Văn Tùng|PHỤ LỤC/.test(t.content))).toBe(false);
  });

  it('refs are unique', () => {
    expect(new Set(plan.tasks.map((t) => t.ref)).size).toBe(plan.tasks.length);
  });
});

/** A ward plan in the "a) Nội dung / b) Cơ quan thực hiện / c) Thời gian" family. */
const wardPlan = `ỦY BAN NHÂN DÂN
PHƯỜNG THÀNH ĐÔNG

Số: 52/KH-UBND

Thành Đông, ngày 12 tháng 3 năm 2026

KẾ HOẠCH

Ra quân xóa quảng cáo, rao vặt trái quy định trên địa bàn phường Thành Đông năm 2026

Căn cứ Kế hoạch số 146/KH-UBND ngày 22/4/2026 của Ủy ban nhân dân thành phố;

Ủy ban nhân dân phường Thành Đông ban hành Kế hoạch ra quân xóa quảng cáo, rao vặt trái quy định như sau:

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

Lập lại trật tự, mỹ quan đô thị; xử lý dứt điểm các số điện thoại in trên quảng cáo rao vặt.

2. Yêu cầu

Các phòng, đơn vị, Tổ dân phố triển khai nghiêm túc, đúng tiến độ.

II. NỘI DUNG THỰC HIỆN

1. Tuyên truyền, vận động Nhân dân

a) Nội dung: Tuyên truyền trên hệ thống loa truyền thanh, trang thông tin điện tử phường và các nhóm Zalo của Tổ dân phố về tác hại của quảng cáo, rao vặt trái quy định.

b) Cơ quan thực hiện: Phòng Văn hóa - Xã hội chủ trì, phối hợp với Trung tâm Dịch vụ sự nghiệp công và các Tổ dân phố.

c) Thời gian: Quý II/2026.

2. Ra quân xóa quảng cáo, rao vặt

a) Nội dung:

- Tổ chức ra quân bóc, xóa quảng cáo, rao vặt trên tường, cột điện, gốc cây tại các tuyến phố chính.

- Lập danh sách số điện thoại in trên quảng cáo, rao vặt gửi Công an phường để xác minh.

b) Cơ quan thực hiện: Phòng KT, HT&ĐT chủ trì; Công an phường, Đoàn Thanh niên phường phối hợp.

c) Thời gian: hằng tháng (trước ngày 25).

3. Xử lý chủ thuê bao vi phạm

a) Nội dung: Mời làm việc, xử phạt chủ thuê bao; đề nghị Sở Khoa học và Công nghệ yêu cầu doanh nghiệp viễn thông tạm ngừng dịch vụ hai chiều đối với thuê bao tái phạm.

b) Cơ quan thực hiện: Công an phường chủ trì, phối hợp với VP HĐND-UBND.

c) Thời gian: trong tháng 12 năm 2026.

4. Sơ kết, báo cáo

a) Nội dung: Sơ kết, đánh giá kết quả thực hiện Kế hoạch.

b) Cơ quan thực hiện: Phòng Kinh tế, Hạ tầng và Đô thị.

c) Thời gian: 6 tháng cuối năm 2026.

III. TỔ CHỨC THỰC HIỆN

1. Giao Phòng Kinh tế, Hạ tầng và Đô thị là cơ quan thường trực, theo dõi, tổng hợp kết quả, báo cáo Ủy ban nhân dân phường trước ngày 15/12/2026.

2. Các Tổ dân phố phối hợp rà soát, phát hiện quảng cáo, rao vặt mới trên địa bàn.

Nơi nhận:
- UBND thành phố (để b/c);
- Các phòng, đơn vị;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
`;

const wardUnits = createUnitMatcher([
  { code: 'KTHTDT', name: 'Phòng Kinh tế, Hạ tầng và Đô thị' },
  { code: 'VHXH', name: 'Phòng Văn hóa và Xã hội' },
  { code: 'VP', name: 'Văn phòng HĐND và UBND' },
  { code: 'CAP', name: 'Công an phường' },
  { code: 'TTDV', name: 'Trung tâm Dịch vụ sự nghiệp công' },
]);

/** What every reading of the ward plan must give, whatever file it came from. */
function expectWardPlan(plan: PlanProposal): void {
  expect(plan.plan).toEqual({
    number: '52/KH-UBND',
    title: 'Ra quân xóa quảng cáo, rao vặt trái quy định trên địa bàn phường Thành Đông năm 2026',
    issuer: 'Ủy ban nhân dân phường Thành Đông',
    issuedOn: '2026-03-12',
  });
  expect(plan.tasks.map((t) => t.ref)).toEqual(['II.1-1', 'II.2-1', 'II.2-2', 'II.3-1', 'II.4-1']);
  expect(plan.tasks.every((t) => t.family === 'labelled-block')).toBe(true);

  expect(task(plan, 'II.1-1')).toMatchObject({
    ref: 'II.1-1',
    content:
      'Tuyên truyền trên hệ thống loa truyền thanh, trang thông tin điện tử phường và các nhóm Zalo của Tổ dân phố về tác hại của quảng cáo, rao vặt trái quy định.',
    leadUnit: 'Phòng Văn hóa - Xã hội',
    leadUnitCode: 'VHXH',
    coordinatingUnits: ['Trung tâm Dịch vụ sự nghiệp công', 'các Tổ dân phố'],
    coordinatingUnitCodes: ['TTDV', null],
    timeframe: 'Quý II/2026',
    startOn: '2026-04-01',
    dueOn: '2026-06-30',
    recurrence: 'none',
    section: 'II. NỘI DUNG THỰC HIỆN > 1. Tuyên truyền, vận động Nhân dân',
    family: 'labelled-block',
  });

  const sweep = task(plan, 'II.2-2');
  expect(sweep.content).toBe('Lập danh sách số điện thoại in trên quảng cáo, rao vặt gửi Công an phường để xác minh.');
  expect(essentials(sweep)).toEqual({
    leadUnit: 'Phòng KT, HT&ĐT',
    coordinatingUnits: ['Công an phường', 'Đoàn Thanh niên phường'],
    timeframe: 'hằng tháng (trước ngày 25)',
    startOn: null,
    dueOn: '2026-03-24',
    recurrence: 'monthly',
  });
  expect(sweep.leadUnitCode).toBe('KTHTDT');
  expect(sweep.coordinatingUnitCodes).toEqual(['CAP', null]);

  expect(essentials(task(plan, 'II.3-1'))).toEqual({
    leadUnit: 'Công an phường',
    coordinatingUnits: ['VP HĐND-UBND'],
    timeframe: 'trong tháng 12 năm 2026',
    startOn: '2026-12-01',
    dueOn: '2026-12-31',
    recurrence: 'none',
  });
  expect(task(plan, 'II.3-1').coordinatingUnitCodes).toEqual(['VP']);

  expect(essentials(task(plan, 'II.4-1'))).toEqual({
    leadUnit: 'Phòng Kinh tế, Hạ tầng và Đô thị',
    coordinatingUnits: [],
    timeframe: '6 tháng cuối năm 2026',
    startOn: '2026-07-01',
    dueOn: '2026-12-31',
    recurrence: 'none',
  });

  expect(plan.unresolvedUnits).toEqual(['các Tổ dân phố', 'Đoàn Thanh niên phường']);
}

describe('the "a) Nội dung / b) Cơ quan thực hiện / c) Thời gian" family (synthetic ward plan)', () => {
  it('reads each block; bullets of "a) Nội dung:" are separate tasks sharing b) and c)', () => {
    expectWardPlan(parsePlanText(wardPlan, { unitMatcher: wardUnits }));
  });

  it('leaves "Tổ chức thực hiện" alone when the plan labels its tasks', () => {
    const plan = parsePlanText(wardPlan);
    expect(plan.tasks.some((t) => t.section.startsWith('III.'))).toBe(false);
  });

  it('works on text typed without diacritics', () => {
    const plan = parsePlanText(
      [
        'KE HOACH',
        'Xoa quang cao rao vat nam 2026',
        'Phuong Thanh Dong, ngay 12 thang 3 nam 2026',
        'II. NOI DUNG',
        '1. Ra quan',
        'a) Noi dung: Boc, xoa quang cao rao vat tren cot dien.',
        'b) Co quan thuc hien: Cong an phuong chu tri, phoi hop voi Phong Van hoa - Xa hoi.',
        'c) Thoi gian: Quy III/2026.',
      ].join('\n\n'),
      { unitMatcher: createUnitMatcher([{ code: 'CAP', name: 'Công an phường' }, { code: 'VHXH', name: 'Phòng Văn hóa và Xã hội' }]) },
    );
    expect(plan.tasks).toHaveLength(1);
    expect(plan.tasks[0]).toMatchObject({
      content: 'Boc, xoa quang cao rao vat tren cot dien.',
      leadUnit: 'Cong an phuong',
      leadUnitCode: 'CAP',
      coordinatingUnits: ['Phong Van hoa - Xa hoi'],
      coordinatingUnitCodes: ['VHXH'],
      dueOn: '2026-09-30',
    });
  });
});

describe('text that is not a plan', () => {
  it.each(['', 'Xin chào, tôi muốn báo cáo quảng cáo trên cột điện ở tổ 5.'])('gives no tasks and says why: %j', (text) => {
    const plan = parsePlanText(text);
    expect(plan.tasks).toEqual([]);
    expect(plan.plan).toEqual({ number: null, title: null, issuer: null, issuedOn: null });
    expect(plan.warnings).toContain('no tasks found: is this a plan (kế hoạch)?');
  });

  it('reads a unit field given as bullets under the label', () => {
    const plan = parsePlanText(
      [
        'II. NHIỆM VỤ',
        '1. Ra quân',
        'a) Nội dung: Bóc, xóa quảng cáo trên cột điện.',
        'b) Cơ quan thực hiện:',
        '- Công an phường chủ trì;',
        '- Các Tổ dân phố phối hợp.',
        'c) Thời gian: Quý III/2026.',
      ].join('\n\n'),
    );
    expect(essentials(plan.tasks[0]!)).toEqual({
      leadUnit: 'Công an phường',
      coordinatingUnits: ['Các Tổ dân phố'],
      timeframe: 'Quý III/2026',
      startOn: '2026-07-01',
      dueOn: '2026-09-30',
      recurrence: 'none',
    });
  });
});

describe('reading plan files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plan-import-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a .docx (made here with the docx package) into the same proposal as its text', async () => {
    const paragraphs = wardPlan.split(/\n\s*\n|\n(?=- )/).flatMap((p) => p.split('\n'));
    const doc = new Document({
      sections: [{ children: paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })) }],
    });
    const path = join(dir, 'ke-hoach.docx');
    await writeFile(path, await Packer.toBuffer(doc));

    const text = await readPlanFile(path);
    expect(text).toContain('KẾ HOẠCH');
    expectWardPlan(parsePlanText(text, { unitMatcher: wardUnits }));
  });

  it('reads .txt and .md as UTF-8', async () => {
    for (const name of ['ke-hoach.txt', 'ke-hoach.md']) {
      const path = join(dir, name);
      await writeFile(path, wardPlan, 'utf8');
      expect(await readPlanFile(path)).toBe(wardPlan);
    }
  });

  it('refuses other extensions with a coded error', async () => {
    const error = await readPlanFile(join(dir, 'ke-hoach.pdf')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanFileError);
    expect(error).toMatchObject({ code: 'PLAN_FILE_UNSUPPORTED_TYPE', name: 'PlanFileError' });
  });

  it('says when the file is missing', async () => {
    await expect(readPlanFile(join(dir, 'missing.txt'))).rejects.toMatchObject({ code: 'PLAN_FILE_NOT_FOUND' });
  });

  it('says when a .docx is not one', async () => {
    const path = join(dir, 'broken.docx');
    await writeFile(path, 'not a zip');
    await expect(readPlanFile(path)).rejects.toMatchObject({ code: 'PLAN_FILE_UNREADABLE' });
  });
});
