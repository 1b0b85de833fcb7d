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
      'hiện với người khác. Dữ liệu được giữ 24 tháng rồi xóa. Bạn có thể gõ "xóa dữ liệu của tôi" bất cứ lúc nào.\n\n' +
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

export const channelLabels: Record<string, string> = { telegram: 'Telegram', zalo: 'Zalo', web: 'web chat' };
