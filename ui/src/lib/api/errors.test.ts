import { describe as suite, expect, it } from 'vitest';
import type { ErrorReport } from './bindings';
import { describe, fieldOf, isErrorReport } from './errors';

// One report of every kind the core sends, with details a sentence must carry through.
const REPORTS: Record<ErrorReport['kind'], ErrorReport> = {
  validation: { kind: 'validation', field: 'name', message: 'Tên cơ quan không được để trống.' },
  not_found: { kind: 'not_found', entity: 'đơn vị', id: '0190-x', message: 'Không tìm thấy đơn vị có mã 0190-x.' },
  conflict: {
    kind: 'conflict',
    message: 'Không xoá được đơn vị «Ban ISO» vì còn 2 cán bộ thuộc đơn vị này.',
  },
  newer_schema: { kind: 'newer_schema', found: 7, supported: 3, message: 'Tệp dữ liệu được tạo bởi phiên bản mới hơn.' },
  network_drive: { kind: 'network_drive', path: '\\\\server\\share\\ykien.db', message: 'Không mở được tệp trên ổ mạng.' },
  not_a_database: { kind: 'not_a_database', path: 'C:\\Users\\ke toan\\ykien.db', message: 'Không phải tệp dữ liệu.' },
  corrupt: { kind: 'corrupt', message: 'Kiểm tra tính toàn vẹn thất bại: trang 12 của tệp bị hỏng cấu trúc' },
  encrypted: {
    kind: 'encrypted',
    path: 'C:\\Users\\ke toan\\ykien.db',
    wrong_key: true,
    message: 'Cơ sở dữ liệu đã được mã hoá: mật khẩu mã hoá không đúng.',
  },
  storage: {
    kind: 'storage',
    message: 'Ổ đĩa chứa tệp dữ liệu đã đầy; thao tác chưa được lưu. Hãy giải phóng chỗ trống rồi thử lại.',
  },
  io: { kind: 'io', message: 'Không tìm thấy tệp hoặc thư mục. Hãy kiểm tra đường dẫn rồi thử lại. (mã lỗi hệ thống 2)' },
  pdf: { kind: 'pdf', message: 'Không tạo được tệp PDF: font missing' },
  cancelled: { kind: 'cancelled', message: 'Đã huỷ; không có gì thay đổi.' },
  forbidden: {
    kind: 'forbidden',
    message: 'Vai trò «Cán bộ tiếp nhận» không được đặt hạn giải quyết ngoại lệ. Việc này dành cho: Lãnh đạo.',
  },
  sign_in_required: { kind: 'sign_in_required', message: 'Màn hình đang khoá: hãy nhập lại mật khẩu để làm việc tiếp.' },
  connection: {
    kind: 'connection',
    message: 'Không kết nối được tới máy chủ https://10.0.0.5:7443. Hãy kiểm tra máy chủ đã bật chưa.',
  },
  server_identity: {
    kind: 'server_identity',
    message:
      'Máy chủ trả lời bằng một chứng chỉ khác với mã ghép nối đã lưu. Hãy kiểm tra: đúng địa chỉ máy chủ chưa.',
  },
};

// Letters that only Vietnamese text has: a sentence without any is not Vietnamese.
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúý]/i;

suite('describe', () => {
  it.each(Object.values(REPORTS))('gives a Vietnamese sentence for $kind', (report) => {
    const text = describe(report);
    expect(text).toMatch(VIETNAMESE);
    expect(text).toMatch(/[.)]$/);
    expect(text).not.toContain('undefined');
    expect(text).not.toContain('[object');
  });

  it('shows the core message as it is for validation and conflict', () => {
    expect(describe(REPORTS.validation)).toBe('Tên cơ quan không được để trống.');
    expect(describe(REPORTS.encrypted)).toBe('Cơ sở dữ liệu đã được mã hoá: mật khẩu mã hoá không đúng.');
    expect(describe(REPORTS.conflict)).toBe(REPORTS.conflict.message);
    expect(describe(REPORTS.forbidden)).toBe(REPORTS.forbidden.message);
    expect(describe(REPORTS.connection)).toBe(REPORTS.connection.message);
    expect(describe(REPORTS.server_identity)).toBe(REPORTS.server_identity.message);
    // The core says SQLite's and the file system's faults in Vietnamese, with what to do.
    expect(describe(REPORTS.storage)).toBe(REPORTS.storage.message);
    expect(describe(REPORTS.io)).toBe(REPORTS.io.message);
  });

  it('adds the detail of each kind', () => {
    expect(describe(REPORTS.network_drive)).toContain('\\\\server\\share\\ykien.db');
    expect(describe(REPORTS.not_a_database)).toContain('C:\\Users\\ke toan\\ykien.db');
    expect(describe(REPORTS.newer_schema)).toContain('7');
    expect(describe(REPORTS.newer_schema)).toContain('3');
    expect(describe(REPORTS.corrupt)).toContain('trang 12');
    expect(describe(REPORTS.pdf)).toContain('font missing');
    expect(describe(REPORTS.not_found)).toContain('đơn vị');
  });

  it('gives different sentences for different kinds', () => {
    const texts = new Set(Object.values(REPORTS).map(describe));
    expect(texts.size).toBe(Object.keys(REPORTS).length);
  });

  it('gives a generic Vietnamese sentence for anything else', () => {
    for (const err of [undefined, null, 42, {}, { kind: 'mystery', message: 'x' }]) {
      const text = describe(err);
      expect(text).toMatch(/^Đã xảy ra lỗi không lường trước\./);
    }
  });

  it('keeps the text of a foreign error as detail', () => {
    const text = describe("invalid args `limit` for command `audit_log`");
    expect(text).toMatch(/^Đã xảy ra lỗi không lường trước\./);
    expect(text).toContain('invalid args `limit`');
    expect(describe(new Error('boom'))).toContain('boom');
  });
});

suite('fieldOf', () => {
  it('returns the field of a validation error', () => {
    expect(fieldOf(REPORTS.validation)).toBe('name');
    expect(fieldOf({ kind: 'validation', field: 'unit_id', message: 'Đơn vị đã chọn không còn tồn tại.' })).toBe(
      'unit_id',
    );
  });

  it('returns null for every other error', () => {
    for (const report of Object.values(REPORTS).filter((r) => r.kind !== 'validation')) {
      expect(fieldOf(report)).toBeNull();
    }
    expect(fieldOf('name')).toBeNull();
    expect(fieldOf({ field: 'name' })).toBeNull();
    expect(fieldOf(null)).toBeNull();
  });
});

suite('isErrorReport', () => {
  it('recognises only the core kinds', () => {
    expect(isErrorReport(REPORTS.io)).toBe(true);
    expect(isErrorReport({ kind: 'other' })).toBe(false);
    expect(isErrorReport('io')).toBe(false);
  });
});
