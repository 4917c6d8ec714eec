// Turns whatever a failed command rejected with into one plain Vietnamese sentence for a
// clerk. Errors are classified by their `kind`, never by matching message text.

import type { ErrorReport } from './bindings';

const KINDS: ReadonlySet<string> = new Set([
  'validation',
  'not_found',
  'conflict',
  'newer_schema',
  'network_drive',
  'not_a_database',
  'corrupt',
  'encrypted',
  'storage',
  'io',
  'pdf',
  'cancelled',
  'forbidden',
  'sign_in_required',
  'connection',
  'server_identity',
] satisfies ErrorReport['kind'][]);

/** True for an error object produced by the core. */
export function isErrorReport(err: unknown): err is ErrorReport {
  return (
    typeof err === 'object' &&
    err !== null &&
    typeof (err as { kind?: unknown }).kind === 'string' &&
    KINDS.has((err as { kind: string }).kind)
  );
}

const ASK_ADMIN = 'nếu vẫn lỗi, hãy báo cho cán bộ quản trị hệ thống';

/** Appends the core's detail in brackets, unless there is none. */
function withDetail(sentence: string, label: string, detail: string | undefined): string {
  const d = (detail ?? '').trim();
  return d ? `${sentence} (${label}: ${d})` : sentence;
}

/** Text of an error that did not come from the core (a bug, or Tauri refusing the call). */
function foreignDetail(err: unknown): string | undefined {
  if (typeof err === 'string') return err;
  if (err instanceof Error) return err.message;
  if (typeof err === 'object' && err !== null) {
    const m = (err as { message?: unknown }).message;
    if (typeof m === 'string') return m;
  }
  return undefined;
}

/** One Vietnamese sentence (sometimes two) describing the error for a clerk. */
export function describe(err: unknown): string {
  if (!isErrorReport(err)) {
    return withDetail(
      `Đã xảy ra lỗi không lường trước. Hãy thử lại; ${ASK_ADMIN}.`,
      'chi tiết',
      foreignDetail(err),
    );
  }
  switch (err.kind) {
    // The core's message is already a Vietnamese sentence that names the field or record.
    case 'validation':
    case 'conflict':
    // A refusal names what was refused and who may do it; a sign-in request says why.
    case 'forbidden':
    case 'sign_in_required':
    // A desk's lost server, or a server whose certificate changed: the message says
    // whether anything was saved, or what to check.
    case 'connection':
    case 'server_identity':
      return err.message;
    case 'not_found':
      return `Không tìm thấy ${err.entity || 'bản ghi'} này: có thể nó vừa bị xoá. Hãy tải lại danh sách rồi thử lại.`;
    case 'newer_schema':
      return (
        'Tệp dữ liệu này do một phiên bản Ý Kiến mới hơn tạo ra nên phiên bản đang dùng không mở được. ' +
        'Hãy cài phiên bản mới hơn; tệp dữ liệu không bị thay đổi. ' +
        `(Tệp thuộc lược đồ số ${err.found}, phiên bản này chỉ đọc được đến số ${err.supported}.)`
      );
    case 'network_drive':
      return withDetail(
        'Tệp dữ liệu đang nằm trên ổ mạng, nơi nó có thể bị hỏng khi nhiều máy cùng ghi. ' +
          'Hãy chép tệp về ổ đĩa của máy này rồi mở lại chương trình.',
        'tệp',
        err.path,
      );
    case 'not_a_database':
      return withDetail(
        'Tệp đang mở không phải là tệp dữ liệu của Ý Kiến, hoặc đã bị hỏng nặng.',
        'tệp',
        err.path,
      );
    case 'corrupt':
      return withDetail(
        'Tệp dữ liệu bị lỗi khi kiểm tra tính toàn vẹn. Đừng nhập thêm; hãy báo cho cán bộ quản trị hệ thống để khôi phục từ bản sao lưu.',
        'chi tiết',
        err.message,
      );
    case 'encrypted':
      // «Cơ sở dữ liệu đã được mã hoá: mật khẩu mã hoá không đúng.» or «… cần nhập …».
      return err.message;
    // SQLite's and the file system's faults, said by the core in Vietnamese with what to do
    // (a full disk, a folder without rights, a file open in Excel) and a code for support.
    case 'storage':
    case 'io':
      return err.message;
    case 'cancelled':
      return 'Đã huỷ theo yêu cầu; dữ liệu không thay đổi.';
    case 'pdf':
      // The core's message already starts with "Không tạo được tệp PDF"; it is the detail.
      return withDetail(
        `Không tạo được bản in (tệp PDF). Hãy thử lại; ${ASK_ADMIN}.`,
        'chi tiết',
        err.message,
      );
  }
}

/** The machine name of the field a validation error is about, or null for any other error. */
export function fieldOf(err: unknown): string | null {
  return isErrorReport(err) && err.kind === 'validation' && err.field ? err.field : null;
}
