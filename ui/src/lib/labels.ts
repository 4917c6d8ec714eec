// The Vietnamese words the screens show for the core's machine names.

import type { OfficeProfile, Role, Settings } from './api/bindings';

export const ROLE_LABELS: Record<Role, string> = {
  reception: 'Cán bộ tiếp nhận',
  unit_head: 'Trưởng đơn vị',
  quality_officer: 'Cán bộ chất lượng (QMR/Ban ISO)',
  leadership: 'Lãnh đạo',
  administrator: 'Quản trị hệ thống',
};

/** In the order the role select lists them. */
export const ROLES: Role[] = ['reception', 'unit_head', 'quality_officer', 'leadership', 'administrator'];

export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role;
}

export const ACTION_LABELS: Record<string, string> = {
  create: 'Thêm',
  update: 'Sửa',
  delete: 'Xoá',
};

export const ENTITY_LABELS: Record<string, string> = {
  office: 'Cơ quan',
  unit: 'Đơn vị',
  staff: 'Cán bộ',
  account: 'Tài khoản',
  settings: 'Thông số',
  feedback: 'Sổ ghi nhận',
  case_step: 'Bước xử lý',
  reply_letter: 'Công văn trả lời',
  corrective_action: 'Hành động khắc phục',
  holiday: 'Ngày nghỉ lễ',
  contact_view: 'Thông tin liên hệ',
  personal_data_export: 'Dữ liệu cá nhân',
  personal_data_erasure: 'Dữ liệu cá nhân',
  backup_settings: 'Thông số sao lưu',
  encryption: 'Mã hoá dữ liệu',
  import_batch: 'Nhập từ tệp',
  disposal: 'Tiêu huỷ hồ sơ',
  survey_template: 'Mẫu phiếu khảo sát',
  survey_round: 'Đợt khảo sát',
  survey_response: 'Phiếu khảo sát',
  scan_file: 'Tệp phiếu quét',
  scan_answer: 'Câu trả lời đọc từ phiếu quét',
  opinion_group: 'Nhóm ý kiến',
  objective: 'Mục tiêu chất lượng',
  annual_report_text: 'Nội dung báo cáo năm',
  report_archive: 'Báo cáo đã lưu trữ',
  customer_notice: 'Thông báo kết quả cho khách hàng',
  kiosk: 'Máy đánh giá tại quầy',
  kiosk_arm: 'Mời đánh giá tại quầy',
  kiosk_rating: 'Đánh giá tại quầy',
  bundle_key: 'Mã khoá gói số liệu',
  bundle_setting: 'Đơn vị tổng hợp',
  bundle_office: 'Đơn vị gửi gói số liệu',
  bundle_import: 'Gói số liệu đã nhập',
  bundle_inbox: 'Thư mục nhận gói số liệu',
  counts: 'Bảng đếm số liệu',
  search_words: 'Chỉ mục từ của ô tìm kiếm',
};

/** What an entry did, in words: the log records a reading or an erasure as a new entry. */
export function actionLabel(entity: string, action: string): string {
  const special: Record<string, string> = {
    contact_view: 'Xem',
    personal_data_export: 'Trích xuất',
    personal_data_erasure: 'Xoá theo yêu cầu',
    disposal: 'Tiêu huỷ',
    import_batch: 'Nhập',
  };
  return special[entity] ?? ACTION_LABELS[action] ?? action;
}

export const OFFICE_LABELS: Record<keyof OfficeProfile, string> = {
  name: 'Tên cơ quan',
  parent_agency: 'Cơ quan chủ quản',
  place_name: 'Địa danh',
  address: 'Địa chỉ',
  phone: 'Điện thoại',
  email: 'Thư điện tử',
  ledger_form_code: 'Mã hiệu sổ ghi nhận',
  survey_form_code: 'Mã hiệu phiếu khảo sát',
};

export const SETTINGS_LABELS: Record<keyof Settings, string> = {
  reply_deadline_days: 'Thời hạn trả lời phản ánh, khiếu nại',
  count_working_days: 'Tính theo ngày làm việc',
  due_soon_days: 'Báo sắp đến hạn trước',
  formal_accept_days: 'Thời hạn thụ lý khiếu nại',
  formal_decide_days: 'Thời hạn giải quyết khiếu nại',
  formal_decide_days_complex: 'Thời hạn giải quyết khiếu nại phức tạp',
  ledger_retention_years: 'Thời gian lưu sổ ghi nhận',
  survey_retention_years: 'Thời gian lưu phiếu khảo sát',
  print_keep_days: 'Giữ bản in trong thư mục Bản in',
  closed_at_entry: 'Ý kiến ghi nhận, không cần trả lời',
  result_unit_id: 'Đơn vị xem xét khiếu nại về kết quả',
  survey_index_source: 'Chỉ số hài lòng tính từ',
};
