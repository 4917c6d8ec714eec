// Dữ liệu cá nhân: the picks of the personal-data page turned into what the core takes, and
// the sentences that ask before an erasure and report after it.

import type { ErasureReport, PersonMatch, PersonSelection } from '../api/bindings';
import { dayText } from './records';

/** The picked matches, split by kind as the core takes them. */
export function selectionOf(matches: PersonMatch[], picked: ReadonlySet<string>): PersonSelection {
  const chosen = matches.filter((m) => picked.has(m.id));
  return {
    case_ids: chosen.filter((m) => m.kind === 'case').map((m) => m.id),
    survey_form_ids: chosen.filter((m) => m.kind === 'survey_form').map((m) => m.id),
  };
}

/** "2 hồ sơ và 1 phiếu khảo sát". */
export function pickedWords(s: PersonSelection): string {
  const parts: string[] = [];
  if (s.case_ids.length) parts.push(`${s.case_ids.length} hồ sơ`);
  if (s.survey_form_ids.length) parts.push(`${s.survey_form_ids.length} phiếu khảo sát`);
  return parts.join(' và ');
}

/** The picked cases still being handled, which the core refuses to erase. */
export function openPicked(matches: PersonMatch[], picked: ReadonlySet<string>): PersonMatch[] {
  return matches.filter((m) => picked.has(m.id) && m.open);
}

export function erasureQuestion(s: PersonSelection): string {
  return (
    `Xoá họ tên, tổ chức, địa chỉ, điện thoại, thư điện tử và mọi nội dung viết của ${pickedWords(s)} đã chọn, ` +
    'kể cả trong nhật ký thay đổi và các báo cáo tổng hợp khiếu nại đã lưu? Ngày tháng, loại ý kiến, kênh, đơn vị, ' +
    'trạng thái, mức đánh giá được giữ để số liệu báo cáo không đổi. Việc xoá không hoàn tác được.'
  );
}

export function erasureNote(r: ErasureReport): string {
  const all = [...r.cases, ...r.survey_forms].join(', ');
  return (
    `Đã xoá dữ liệu cá nhân theo yêu cầu ${r.reference} (ngày ${dayText(r.request_date)}): ${all}. ` +
    'Các dòng trong sổ ghi «[đã xoá theo yêu cầu]»; việc xoá đã được ghi vào nhật ký thay đổi.'
  );
}
