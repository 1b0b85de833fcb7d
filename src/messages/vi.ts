/**
 * Every sentence a person reads, in one catalogue: natural, polite Vietnamese, short enough for a phone screen.
 * Functions take the values they show; nothing here decides anything.
 */

export const vi = {
  consent: {
    notice:
      'Xin chào! Đây là trợ lý của phường, giúp bạn phản ánh quảng cáo, rao vặt trái quy định.\n\n' +
      'Về dữ liệu cá nhân (Luật Bảo vệ dữ liệu cá nhân 2025): phường chỉ dùng ảnh, vị trí và nội dung bạn gửi ' +
      'để xử lý phản ánh. Chỉ cán bộ phường và tổ trưởng nơi có quảng cáo được xem; danh tính của bạn không ' +
      'hiện với người khác. Sau 24 tháng, tin nhắn được xóa và phản ánh được giữ ở dạng ẩn danh. Bạn có thể gõ ' +
      '"xóa dữ liệu của tôi" bất cứ lúc nào.\n\n' +
      'Bạn có đồng ý không?',
    agree: 'Đồng ý',
    decline: 'Không đồng ý',
    thanks: 'Cảm ơn bạn đã đồng ý.',
    declined:
      'Phường tôn trọng lựa chọn của bạn và không lưu phản ánh nào. Khi cần, bạn gõ "đồng ý" để bắt đầu.',
    required: 'Để phản ánh, bạn cần đồng ý với cách phường dùng dữ liệu. Bạn chọn "Đồng ý" hoặc "Không đồng ý" nhé.',
  },
  help: {
    menuTitle: 'Bạn cần gì? Chọn một mục hoặc gõ số:',
    report: 'Phản ánh quảng cáo trái phép',
    lookup: 'Tra cứu phản ánh của tôi',
    guide: 'Hướng dẫn',
    guideText:
      'Cách phản ánh: gửi ảnh quảng cáo, chia sẻ vị trí (hoặc gõ địa chỉ) và vài chữ mô tả. ' +
      'Phường sẽ gửi mã phản ánh để bạn theo dõi. Gõ "trợ giúp" để xem lại menu.',
    staffTitle: (roleLabel: string) => `Bạn đang dùng tài khoản ${roleLabel}.`,
    /** What each staff role can type, shown above the menu. */
    staffCommands: {
      group_leader: 'Gõ "việc của tôi" để xem phản ánh của tổ; gõ mã phản ánh để chọn.',
      deputy_group_leader: 'Gõ "việc của tôi" để xem phản ánh của tổ; gõ mã phản ánh để chọn.',
      ward_officer: 'Gõ "sdt 0982 582 971" để tra số trên quảng cáo; "cảnh báo <số>", "cam kết <số>", "bỏ qua <số> <lý do>" để ghi xử lý.',
      unit_head: 'Gõ "nhiệm vụ" để xem nhiệm vụ của đơn vị.',
      leader: 'Gõ "tổng hợp" để xem tiến độ nhiệm vụ theo đơn vị.',
    } as Record<string, string>,
  },
  echo: {
    text: (text: string) => `Mình đã nhận: "${text}". Gõ "trợ giúp" để xem các việc mình làm được.`,
    photo: 'Mình đã nhận ảnh của bạn.',
    location: (lat: number, lng: number) => `Mình đã nhận vị trí (${lat.toFixed(5)}, ${lng.toFixed(5)}).`,
    contact: 'Mình đã nhận số liên hệ của bạn.',
    choice: 'Lựa chọn này đã hết hiệu lực. Gõ "trợ giúp" để xem menu.',
  },
  unsupported: (what: string) =>
    `Xin lỗi, mình chưa đọc được ${what}. Bạn gửi ảnh, vị trí hoặc tin nhắn chữ giúp mình nhé.`,
  tooLong: (max: number) => `Tin nhắn dài quá (tối đa ${max} ký tự). Bạn viết ngắn lại giúp mình nhé.`,
  empty: 'Tin nhắn trống. Bạn gõ nội dung hoặc "trợ giúp" nhé.',
  unknownCommand: (command: string) => `Mình chưa biết lệnh ${command}. Gõ "trợ giúp" để xem các việc mình làm được.`,
  invite: {
    linked: (roleLabel: string, unitName: string | null) =>
      `Đã liên kết tài khoản của bạn: ${roleLabel}${unitName ? ` – ${unitName}` : ''}. Gõ "trợ giúp" để xem việc.`,
    unknown: 'Mã mời không đúng. Bạn kiểm tra lại mã (dạng MOI-XXXXXX) nhé.',
    expired: 'Mã mời đã hết hạn. Bạn xin cán bộ phường một mã mới nhé.',
    used: 'Mã mời này đã được dùng. Mỗi mã chỉ dùng một lần; bạn xin mã mới nhé.',
  },
  failure: 'Xin lỗi, hệ thống đang gặp sự cố khi xử lý tin nhắn này. Cán bộ phường đã được báo; bạn thử lại sau nhé.',
  tooFast: 'Bạn gửi nhanh quá, mình cần chút thời gian. Bạn đợi một lát rồi gửi tiếp nhé.',
  fallbackPrefix: (channelLabel: string) => `(Gửi qua ${channelLabel} vì kênh chính không nhận được tin)\n`,
  report: {
    start: 'Bạn phản ánh quảng cáo trái phép nhé. Mình cần: ảnh, vị trí và vài chữ mô tả.',
    askPhoto: 'Bạn gửi ảnh quảng cáo giúp mình (có thể gửi nhiều ảnh).',
    noPhoto: 'Không có ảnh',
    askLocation:
      'Quảng cáo ở đâu? Bạn chia sẻ vị trí (nút 📍 hoặc đính kèm vị trí) hoặc gõ địa chỉ, ví dụ: "số 12 Tô Hiệu".',
    askDescription: 'Bạn mô tả ngắn giúp mình (ví dụ: "tờ rơi dán cột điện, sđt 0912 345 678").',
    skip: 'Bỏ qua',
    photoSaved: (count: number) => `Đã nhận ${count} ảnh.`,
    gpsFromPhoto: 'Mình lấy vị trí từ ảnh của bạn.',
    locationSaved: (where: string) => `Đã nhận vị trí: ${where}.`,
    outsideWard: (wardName: string | null) =>
      wardName
        ? `Vị trí này thuộc ${wardName}, không thuộc phường mình phụ trách. Bạn phản ánh qua kênh của ${wardName} giúp mình nhé.`
        : 'Vị trí này nằm ngoài các phường mình phụ trách. Bạn kiểm tra lại vị trí hoặc gõ địa chỉ nhé.',
    phonesFound: (phones: string[]) => `Số điện thoại trên quảng cáo: ${phones.join(', ')}. Nếu sai, bạn chọn "Sửa".`,
    summary: (parts: { photos: number; where: string; description: string | null; phones: string[] }) =>
      [
        'Bạn kiểm tra lại phản ánh:',
        `• Ảnh: ${parts.photos > 0 ? `${parts.photos} ảnh` : 'không có ảnh'}`,
        `• Vị trí: ${parts.where}`,
        `• Mô tả: ${parts.description ?? '(không có)'}`,
        ...(parts.phones.length ? [`• Số điện thoại: ${parts.phones.join(', ')}`] : []),
      ].join('\n'),
    send: 'Gửi',
    edit: 'Sửa',
    cancel: 'Hủy',
    editWhat: 'Bạn muốn sửa phần nào?',
    editPhoto: 'Ảnh',
    editLocation: 'Vị trí',
    editDescription: 'Mô tả',
    cancelled: 'Đã hủy phản ánh chưa gửi. Khi cần, bạn gõ "phản ánh" để bắt đầu lại.',
    nothingToCancel: 'Bạn không có phản ánh nào đang soạn.',
    created: (code: string, who: string, due: string) =>
      `Cảm ơn bạn! Phản ánh đã được tiếp nhận, mã ${code}.\n${who} sẽ xử lý, dự kiến xong trước ngày ${due}. ` +
      `Mình sẽ báo bạn khi có kết quả. Gõ mã ${code} để xem tiến độ.`,
    dispatcher: 'Cán bộ phường',
    duplicate: (code: string) =>
      `Quảng cáo này đã có người phản ánh (mã ${code}) và đang được xử lý. Mình đã ghi thêm phản ánh của bạn vào đó; bạn sẽ nhận tin khi có kết quả.`,
    dailyLimit: (limit: number) =>
      `Hôm nay bạn đã gửi ${limit} phản ánh, đủ số phản ánh trong ngày. Cảm ơn bạn; ngày mai bạn gửi tiếp nhé.`,
    notImage: 'Tệp này không phải ảnh. Bạn gửi ảnh chụp quảng cáo (JPG, PNG, HEIC) giúp mình nhé.',
    tooLarge: 'Ảnh lớn quá (tối đa 10 MB). Bạn gửi ảnh nhỏ hơn giúp mình nhé.',
    photoFailed: 'Mình chưa tải được ảnh này. Bạn gửi lại giúp mình nhé.',
    /** The answer to a photo that could not be taken, by why. */
    photoRefused(reason: string): string {
      if (reason === 'too_large') return vi.report.tooLarge;
      return reason === 'not_an_image' ? vi.report.notImage : vi.report.photoFailed;
    },
    abandoned: 'Phản ánh bạn đang soạn đã tạm đóng sau 24 giờ. Những gì bạn gửi vẫn được lưu; gõ "phản ánh" để bắt đầu lại.',
    noConsent: 'Bạn cần đồng ý với cách phường dùng dữ liệu trước khi phản ánh.',
  },
  cases: {
    newForGroup: (code: string, where: string, description: string | null, due: string, mapUrl: string | null) =>
      [
        `Phản ánh mới ${code} trong tổ của bạn.`,
        `Địa điểm: ${where}`,
        ...(mapUrl ? [`Bản đồ: ${mapUrl}`] : []),
        ...(description ? [`Mô tả: ${description}`] : []),
        `Hạn xử lý: ${due}.`,
      ].join('\n'),
    cleaned: 'Đã xóa',
    notFound: 'Không thấy quảng cáo',
    needHelp: 'Cần phường hỗ trợ',
    unrouted: (code: string, where: string) => `Phản ánh ${code} chưa xác định được tổ dân phố (${where}). Bạn chọn tổ để giao:`,
    assigned: (code: string, group: string) => `Đã giao ${code} cho ${group}.`,
    askAfterPhoto: (code: string) => `Bạn gửi ảnh sau khi xóa cho ${code} giúp mình nhé.`,
    closedCleaned: (code: string) => `Đã ghi nhận ${code}: đã xóa. Cảm ơn bạn!`,
    closedNotFound: (code: string) => `Đã ghi nhận ${code}: không thấy quảng cáo. Cảm ơn bạn!`,
    escalated: (code: string) => `Đã chuyển ${code} lên cán bộ phường hỗ trợ.`,
    escalatedToOfficer: (code: string, group: string, where: string) => `Tổ ${group} cần phường hỗ trợ phản ánh ${code} (${where}).`,
    notAllowed: 'Xin lỗi, bạn không có quyền xử lý phản ánh này. Chỉ tổ trưởng, tổ phó của tổ được giao hoặc cán bộ phường mới xử lý được.',
    wrongState: (code: string, status: string) => `Phản ánh ${code} đang ở trạng thái "${status}", không thực hiện được thao tác này.`,
    notFoundCode: (code: string) => `Không tìm thấy phản ánh ${code}. Bạn kiểm tra lại mã nhé.`,
    residentCleaned: (code: string) =>
      `Phản ánh ${code} đã được xử lý: quảng cáo đã được xóa (ảnh sau khi xóa ở trên).\nBạn chấm điểm từ 1 đến 5, hoặc chọn "Chưa xóa" nếu quảng cáo vẫn còn.`,
    residentNotFound: (code: string) =>
      `Tổ dân phố đã kiểm tra phản ánh ${code} nhưng không thấy quảng cáo. Nếu quảng cáo vẫn còn, bạn chọn "Chưa xóa" và gửi ảnh mới.`,
    residentEscalated: (code: string) => `Phản ánh ${code} đã được chuyển lên cán bộ phường để hỗ trợ xử lý.`,
    notCleaned: 'Chưa xóa',
    askReopen: (code: string) => `Bạn gửi ảnh mới (hoặc vài chữ) cho thấy quảng cáo ${code} vẫn còn nhé.`,
    reopened: (code: string) => `Đã mở lại phản ánh ${code} và báo tổ dân phố. Cảm ơn bạn!`,
    reopenedForGroup: (code: string, note: string | null) => `Người dân báo phản ánh ${code} chưa được xóa${note ? `: ${note}` : ''}. Bạn xử lý lại giúp nhé.`,
    rated: (stars: number) => `Cảm ơn bạn đã chấm ${stars}/5!`,
    stepCancelled: 'Đã dừng bước này, phản ánh giữ nguyên. Gõ "trợ giúp" để xem menu.',
    myCasesEmpty: 'Tổ của bạn không có phản ánh nào đang chờ xử lý.',
    myCasesTitle: (n: number) => `Tổ của bạn có ${n} phản ánh đang chờ (cũ trước, mới sau). Chọn một phản ánh:`,
    caseCard: (code: string, where: string, due: string) => `${code} – ${where} – hạn ${due}`,
    remindLeader: (codes: string[]) => `Nhắc việc: ${codes.length} phản ánh đến hạn ngày mai: ${codes.join(', ')}. Gõ "việc của tôi" để xem.`,
    escalateOverdue: (codes: string[]) => `Đến hạn hôm nay mà chưa xử lý: ${codes.join(', ')}. Đã chuyển lên cán bộ phường.`,
    officerDigest: (lines: string[]) => `Tổng hợp phản ánh quá hạn (${lines.length}):\n${lines.join('\n')}`,
  },
  lookup: {
    none: 'Bạn chưa có phản ánh nào. Gõ "phản ánh" để gửi phản ánh đầu tiên.',
    list: (lines: string[]) => `Phản ánh của bạn:\n${lines.join('\n')}\nGõ mã để xem chi tiết.`,
    detail: (code: string, status: string, lines: string[]) => `${code}: ${status}\n${lines.join('\n')}`,
  },
  phones: {
    statusLabels: {
      detected: 'mới phát hiện',
      warned: 'đã nhắc nhở',
      committed: 'đã cam kết gỡ',
      suspension_proposed: 'đề xuất tạm ngừng',
      suspension_requested: 'đã đề nghị nhà mạng tạm ngừng',
      suspended: 'đã tạm ngừng hai chiều',
      restored: 'đã khôi phục',
      dismissed: 'đã loại (không phải số quảng cáo)',
    } as Record<string, string>,
    actionLabels: {
      warn: 'nhắc nhở',
      commit: 'cam kết gỡ',
      propose_suspension: 'đề xuất tạm ngừng',
      request_suspension: 'đề nghị nhà mạng',
      confirm_suspended: 'xác nhận tạm ngừng',
      restore: 'khôi phục',
      dismiss: 'loại',
      undismiss: 'khôi phục theo dõi',
    } as Record<string, string>,
    card: (p: { display: string; carrier: string; status: string; total: number; recent: number; places: number; first: string; last: string; codes: string[] }) =>
      [
        `Số ${p.display} (${p.carrier})`,
        `Trạng thái: ${p.status}`,
        `Phát hiện ${p.total} lần (30 ngày qua: ${p.recent}), ở ${p.places} nơi; lần đầu ${p.first}, lần cuối ${p.last}.`,
        `Vụ việc: ${p.codes.join(', ') || '(chưa có)'}`,
      ].join('\n'),
    carrierNote: 'nhà mạng gốc theo đầu số, số có thể đã chuyển mạng',
    history: (lines: string[]) => (lines.length ? `Lịch sử:\n${lines.join('\n')}` : 'Chưa có bước xử lý nào.'),
    unknown: (display: string) => `Số ${display} chưa có trong danh sách số trên quảng cáo.`,
    invalid: (reason: string) =>
      ({
        too_short: 'Số điện thoại ngắn quá. Bạn gõ đủ 10 số (ví dụ 0982 582 971) nhé.',
        too_long: 'Số điện thoại dài quá. Bạn kiểm tra lại nhé.',
        unknown_prefix: 'Đầu số này không phải số di động hay cố định của Việt Nam. Bạn kiểm tra lại nhé.',
        not_a_number: 'Mình không đọc được số điện thoại. Bạn gõ ví dụ: "sdt 0982 582 971".',
      })[reason] ?? 'Số điện thoại không hợp lệ.',
    done: (display: string, action: string, status: string) => `Đã ghi ${action} cho số ${display}. Trạng thái: ${status}.`,
    refused: (display: string, status: string) => `Số ${display} đang ở trạng thái "${status}", không làm bước này được.`,
    reasonRequired: 'Bạn ghi lý do giúp mình, ví dụ: "bỏ qua 0982 582 971 số của người dân gửi nhầm".',
    notAllowed: 'Chỉ cán bộ phường mới xử lý danh sách số điện thoại.',
    warnButton: 'Đã nhắc nhở',
    commitButton: 'Đã cam kết gỡ',
    proposeButton: 'Đề xuất tạm ngừng',
    digest: (lines: string[]) => `Đề xuất xử lý số điện thoại trên quảng cáo (${lines.length}):\n${lines.join('\n')}\nBạn chọn Đồng ý hoặc Bỏ qua cho từng số.`,
    accept: (n: number) => `Đồng ý ${n}`,
    reject: (n: number) => `Bỏ qua ${n}`,
    proposalAccepted: (display: string, status: string) => `Đã đồng ý đề xuất cho số ${display}. Trạng thái: ${status}.`,
    proposalDismissed: (display: string) => `Đã bỏ qua đề xuất cho số ${display}.`,
    proposalGone: 'Đề xuất này đã được xử lý rồi.',
    exportReady: (count: number) => `Danh sách số đề xuất tạm ngừng hai chiều (${count} số), mỗi nhà mạng một trang, kèm ảnh bằng chứng.`,
    exportFilename: 'danh-sach-so-de-xuat-tam-ngung.xlsx',
    summary: (month: string, t: { found: number; warned: number; committed: number; proposed: number; requested: number; suspended: number }, wards: string[]) =>
      [
        `Số điện thoại trên quảng cáo, tháng ${month.slice(5)}/${month.slice(0, 4)}:`,
        `Phát hiện ${t.found} · nhắc nhở ${t.warned} · cam kết ${t.committed} · đề xuất tạm ngừng ${t.proposed} · đã đề nghị nhà mạng ${t.requested} · đã tạm ngừng ${t.suspended}.`,
        ...(wards.length ? wards : ['Không có số mới trong tháng.']),
        'Bảng đầy đủ: npm run cli -- phones summary.',
      ].join('\n'),
    summaryWard: (ward: string, found: number, warned: number, suspended: number) =>
      `• ${ward}: phát hiện ${found}, nhắc nhở ${warned}, tạm ngừng ${suspended}`,
    fileLink: (url: string) => `Tải tệp: ${url}`,
    fileOnlyElsewhere: 'Tệp này tải được qua web chat hoặc Telegram của phường.',
  },
  /** Answers of the photo upload and photo links (web chat and staff). */
  media: {
    tooLarge: (limit: string) => `Ảnh lớn quá (tối đa ${limit}). Bạn chụp lại hoặc gửi ảnh nhỏ hơn giúp mình nhé.`,
    notAnImage: 'Tệp này không phải ảnh. Bạn gửi ảnh chụp (JPG, PNG, WebP hoặc HEIC) giúp mình nhé.',
    empty: 'Ảnh trống, mình không nhận được gì. Bạn gửi lại giúp mình nhé.',
    badSession: 'Phiên trò chuyện không hợp lệ. Bạn tải lại trang rồi gửi lại ảnh nhé.',
    badLink: 'Liên kết ảnh không đúng hoặc đã hết hạn. Bạn mở lại hồ sơ để lấy liên kết mới nhé.',
    notFound: 'Không tìm thấy ảnh này.',
  },
  deletion: {
    confirm:
      'Bạn muốn xóa dữ liệu cá nhân của mình? Tài khoản chat sẽ được gỡ liên kết; các phản ánh đã gửi được giữ lại ' +
      'nhưng ẩn danh (không còn gắn với bạn) để phường tiếp tục xử lý.',
    yes: 'Xóa dữ liệu',
    no: 'Không xóa',
    done:
      'Đã xóa dữ liệu cá nhân của bạn. Phường giữ lại ảnh, vị trí và mô tả của các phản ánh ở dạng ẩn danh vì đó là ' +
      'bằng chứng xử lý vi phạm. Cảm ơn bạn đã đồng hành.',
    kept: 'Đã giữ nguyên dữ liệu của bạn.',
  },
  tasks: {
    /** dd/mm/yyyy from ISO, or "không có hạn". */
    date: (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : 'không có hạn'),
    buckets: {
      done_on_time: 'Hoàn thành đúng hạn',
      done_late: 'Hoàn thành quá hạn',
      open_in_time: 'Chưa hoàn thành, trong hạn',
      open_overdue: 'Chưa hoàn thành, quá hạn',
    } as Record<string, string>,
    /** Short bucket labels for a phone line. */
    bucketsShort: {
      done_on_time: 'xong đúng hạn',
      done_late: 'xong quá hạn',
      open_in_time: 'trong hạn',
      open_overdue: 'quá hạn',
    } as Record<string, string>,
    recurrence: {
      none: '',
      monthly: 'hằng tháng',
      quarterly: 'hằng quý',
      half_yearly: '6 tháng một lần',
      yearly: 'hằng năm',
      continuous: 'thường xuyên',
    } as Record<string, string>,
    noUnit: 'Tài khoản của bạn chưa gắn với đơn vị nào nên chưa xem được nhiệm vụ. Bạn liên hệ quản trị để được cấp mã mời theo đơn vị nhé.',
    listEmpty: 'Đơn vị của bạn không có nhiệm vụ nào đang mở.',
    listTitle: (shown: number, total: number) =>
      total > shown
        ? `Đơn vị có ${total} nhiệm vụ đang mở; ${shown} nhiệm vụ hạn gần nhất:`
        : `Đơn vị có ${total} nhiệm vụ đang mở (hạn gần trước). Chọn một nhiệm vụ:`,
    listLine: (content: string, due: string) => `${content} – hạn ${due}`,
    card: (parts: { content: string; plan: string; unit: string; due: string; bucket: string; progress: string | null }) =>
      [
        parts.content,
        `Kế hoạch: ${parts.plan}`,
        `Đơn vị chủ trì: ${parts.unit}`,
        `Hạn: ${parts.due} (${parts.bucket})`,
        `Tiến độ gần nhất: ${parts.progress ?? 'chưa có'}`,
      ].join('\n'),
    planUnnamed: '(chưa có số)',
    unitUnknown: '(chưa xác định)',
    progressLine: (text: string, percent: number | null, date: string) => `${percent !== null ? `${percent}% – ` : ''}${text} (${date})`,
    update: 'Cập nhật tiến độ',
    complete: 'Hoàn thành',
    extend: 'Xin gia hạn',
    notYours: 'Nhiệm vụ này không thuộc đơn vị của bạn.',
    notOpen: 'Nhiệm vụ này đã hoàn thành hoặc không còn mở.',
    askProgress: 'Bạn gõ tiến độ thực hiện (có thể kèm %, ví dụ: "Đã khảo sát 6/10 tuyến phố, đạt 60%"). Gõ "hủy" để thôi.',
    progressSaved: (percent: number | null) => `Đã ghi nhận tiến độ${percent !== null ? ` (${percent}%)` : ''}. Cảm ơn bạn!`,
    completed: (bucket: string) => `Đã ghi nhận hoàn thành nhiệm vụ: ${bucket}. Các nhắc việc của nhiệm vụ này đã dừng.`,
    askExtensionDate: (due: string) => `Hạn hiện tại: ${due}. Bạn muốn xin gia hạn đến ngày nào? (ví dụ: 31/12/2026)`,
    badExtensionDate: 'Mình chưa đọc được ngày. Bạn gõ theo dạng ngày/tháng/năm, ví dụ: 31/12/2026.',
    extensionNotLater: (due: string) => `Ngày xin gia hạn phải sau hạn hiện tại (${due}) và sau hôm nay. Bạn gõ lại ngày khác nhé.`,
    askExtensionReason: 'Bạn cho biết lý do xin gia hạn nhé.',
    extensionSent: (date: string) => `Đã gửi đề nghị gia hạn đến ngày ${date} để lãnh đạo xem xét. Mình sẽ báo bạn khi có ý kiến.`,
    noLeader: 'Chưa có lãnh đạo nào trên hệ thống để duyệt gia hạn. Bạn báo quản trị giúp nhé.',
    extensionForLeader: (unit: string, content: string, from: string, to: string, reason: string) =>
      `${unit} xin gia hạn nhiệm vụ:\n${content}\nHạn hiện tại: ${from} → đề nghị: ${to}\nLý do: ${reason}`,
    approve: 'Đồng ý gia hạn',
    refuse: 'Không đồng ý',
    approved: (to: string) => `Đã đồng ý gia hạn đến ${to}. Đơn vị đã được báo.`,
    refused: 'Đã ghi nhận không đồng ý gia hạn. Đơn vị đã được báo.',
    alreadyDecided: 'Đề nghị gia hạn này đã được xử lý trước đó.',
    notLeader: 'Chỉ lãnh đạo phụ trách kế hoạch mới duyệt được gia hạn.',
    requesterApproved: (content: string, to: string) => `Lãnh đạo đã đồng ý gia hạn nhiệm vụ "${content}" đến ${to}.`,
    requesterRefused: (content: string, due: string) => `Lãnh đạo không đồng ý gia hạn nhiệm vụ "${content}". Hạn vẫn là ${due}.`,
    pendingExtensions: 'Có nhiều đề nghị gia hạn đang chờ. Bạn chọn đề nghị cần duyệt:',
    noPendingExtension: 'Không có đề nghị gia hạn nào đang chờ bạn duyệt.',
    cancelled: 'Đã thôi. Gõ "nhiệm vụ" để xem lại danh sách.',
    snoozed: (count: number, until: string) => `Đã hoãn nhắc ${count} nhiệm vụ; mình sẽ nhắc lại ngày ${until}.`,
    nothingToSnooze: 'Hiện không có nhắc việc nào để hoãn.',
    summaryTitle: (date: string) => `Tổng hợp nhiệm vụ ngày ${date}:`,
    summaryUnit: (unit: string, counts: Record<string, number>) =>
      `• ${unit}: ${counts.done_on_time} xong đúng hạn, ${counts.done_late} xong quá hạn, ${counts.open_in_time} trong hạn, ${counts.open_overdue} quá hạn`,
    summaryMoreUnits: (n: number) => `• … và ${n} đơn vị khác`,
    summaryOverdueTitle: (n: number) => `Quá hạn (${n}):`,
    summaryOverdueLine: (unit: string, content: string, due: string, days: number) => `• ${unit}: ${content} – hạn ${due} (quá ${days} ngày làm việc)`,
    summaryNoOverdue: 'Không có nhiệm vụ quá hạn.',
    summaryEmpty: 'Chưa có kế hoạch nào được nhập.',
    more: (n: number) => `… và ${n} nhiệm vụ khác`,
    digestTitle: (date: string, n: number) => `Nhắc việc ngày ${date} (${n} nhiệm vụ):`,
    digestSections: {
      escalation: 'Quá hạn, đề nghị lãnh đạo đôn đốc:',
      overdue: 'Quá hạn:',
      due: 'Đến hạn hôm nay:',
      before: 'Sắp đến hạn:',
      progress: 'Đề nghị báo cáo tiến độ tháng này (nhiệm vụ thường xuyên):',
      again: 'Nhắc lại như bạn đã hẹn:',
    } as Record<string, string>,
    digestLine: (kind: string, unit: string | null, content: string, due: string, days: number) =>
      `• ${unit ? `${unit}: ` : ''}${content}${kind === 'progress' ? '' : ` – hạn ${due}`}` +
      (kind === 'before' ? ` (còn ${days} ngày làm việc)` : kind === 'overdue' || kind === 'escalation' ? ` (quá ${days} ngày làm việc)` : ''),
    digestFooter: 'Gõ "nhiệm vụ" để cập nhật tiến độ, hoặc "nhắc lại sau 2 ngày" để hoãn.',
    digestFooterLeader: 'Gõ "tổng hợp" để xem tình hình chung.',
    digestOpen: 'Xem nhiệm vụ',
    digestSnooze: 'Nhắc lại sau 2 ngày',
    digestSummary: 'Tổng hợp',
    cli: {
      proposalTitle: 'ĐỀ XUẤT NHẬP KẾ HOẠCH (chưa lưu; thêm --commit để lưu)',
      plan: (number: string, title: string, issuer: string, date: string) =>
        `Kế hoạch: ${number}\nTrích yếu: ${title}\nCơ quan ban hành: ${issuer}\nNgày ban hành: ${date}`,
      tasksTitle: (n: number) => `Nhiệm vụ (${n}):`,
      task: (ref: string, content: string, lead: string, coordinating: string, timeframe: string, due: string | null, recurrence: string) =>
        `[${ref}] ${content}\n    Chủ trì: ${lead}${coordinating ? `; phối hợp: ${coordinating}` : ''}\n    Thời gian: ${timeframe} → ` +
        `${due ? `hạn ${due}` : 'không có hạn'}${recurrence ? ` (${recurrence})` : ''}`,
      unresolvedTitle: (n: number) => `Đơn vị chưa xác định (${n}) — gán bằng --map "Tên=MÃ":`,
      warningsTitle: (n: number) => `Cần xem lại (${n}):`,
      committed: (created: boolean, sameText: boolean, id: number, inserted: number, updated: number) =>
        created
          ? `Đã lưu kế hoạch mới (id ${id}): ${inserted} nhiệm vụ.`
          : `Kế hoạch đã có (id ${id}${sameText ? ', cùng nội dung' : ''}): ${inserted} nhiệm vụ mới, ${updated} nhiệm vụ được cập nhật lại, không nhân đôi.`,
      mapped: (name: string, code: string) => `Đã ghi nhớ: "${name}" = ${code}`,
      reportWritten: (file: string, tasks: number) => `Đã ghi báo cáo ${tasks} nhiệm vụ vào ${file}`,
      exportWritten: (file: string, tasks: number) => `Đã xuất ${tasks} nhiệm vụ ra ${file}`,
      none: '(không)',
    },
    report: {
      title: (plan: string) => `BÁO CÁO TIẾN ĐỘ THỰC HIỆN ${plan}`,
      asOf: (date: string) => `(Số liệu đến ngày ${date})`,
      columns: ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Hạn hoàn thành', 'Tình trạng', 'Kết quả thực hiện / tiến độ'],
      totalsTitle: 'TỔNG HỢP THEO ĐƠN VỊ',
      totalsColumns: ['Đơn vị', 'Tổng số', 'Hoàn thành đúng hạn', 'Hoàn thành quá hạn', 'Chưa hoàn thành trong hạn', 'Chưa hoàn thành quá hạn'],
      total: 'Tổng cộng',
    },
    sheet: {
      planSheet: 'Kế hoạch',
      planFields: ['Số ký hiệu', 'Trích yếu', 'Cơ quan ban hành', 'Ngày ban hành'],
      name: 'Nhiệm vụ',
      columns: ['Mã', 'Nội dung', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian thực hiện', 'Bắt đầu', 'Hạn', 'Lặp lại', 'Mục', 'Tình trạng'],
    },
  },
} as const;

/** Vietnamese labels of staff roles, for messages and the CLI. */
export const roleLabels: Record<string, string> = {
  resident: 'người dân',
  group_leader: 'tổ trưởng tổ dân phố',
  deputy_group_leader: 'tổ phó tổ dân phố',
  ward_officer: 'cán bộ phường',
  unit_head: 'trưởng đơn vị',
  leader: 'lãnh đạo',
  admin: 'quản trị',
};

/** The plan importer's review marks (`plan import`): fields the importer is not sure of. */
export const planReview = {
  fields: {
    task: 'nhiệm vụ',
    leadUnit: 'chủ trì',
    coordinatingUnits: 'phối hợp',
    dueOn: 'hạn',
    recurrence: 'lặp lại',
  } as Record<string, string>,
  lowConfidence: (fields: string) => `    ⚠ Chưa chắc, cần xem lại: ${fields}`,
  collective: (names: string) => `    Đơn vị chung (cần tách thành từng đơn vị): ${names}`,
};

export const channelLabels: Record<string, string> = { telegram: 'Telegram', zalo: 'Zalo', web: 'web chat' };
