import { describe, expect, it } from 'vitest';
import { printedMessage, suggestedFileName } from './print';

describe('suggestedFileName', () => {
  it('names a single receipt slip by its number, without slashes', () => {
    expect(suggestedFileName({ form: 'receipts', receipt_nos: ['2026/000123'] })).toBe('phieu-tiep-nhan-2026-000123.pdf');
  });
  it('counts several slips', () => {
    expect(suggestedFileName({ form: 'receipts', receipt_nos: ['2026/000001', '2026/000002'] })).toBe(
      'phieu-tiep-nhan-2-phieu.pdf',
    );
  });
  it('names the book by its period', () => {
    expect(suggestedFileName({ form: 'ledger_period', from: '2026-01-01', to: '2026-03-31' })).toBe(
      'so-ghi-nhan-2026-01-01-den-2026-03-31.pdf',
    );
  });
  it('names each book as the core does', () => {
    expect(suggestedFileName({ form: 'ledger_period', from: '2026-01-01', to: '2026-03-31', book: 'complaints' })).toBe(
      'so-khieu-nai-2026-01-01-den-2026-03-31.pdf',
    );
    expect(suggestedFileName({ form: 'ledger_blank', pages: 3, year: null, book: 'citizen_reception' })).toBe('so-tiep-dan-trang.pdf');
  });
  it('names the measures letter by its case', () => {
    expect(suggestedFileName({ form: 'measures_letter', receipt_no: '2026/000123' })).toBe(
      'thong-bao-bien-phap-khac-phuc-2026-000123.pdf',
    );
  });
});

describe('printedMessage', () => {
  const outcome = { path: 'C:\\YKien\\Bản in\\thu-gop-y.pdf', opened: true };
  it('says the viewer opened the file', () => {
    expect(printedMessage(outcome, false)).toContain('Đã mở bản in');
  });
  it('says where the file is when no viewer opened', () => {
    const m = printedMessage({ ...outcome, opened: false }, false);
    expect(m).toContain('chưa mở được trình xem PDF');
    expect(m).toContain(outcome.path);
  });
  it('says where a saved copy went', () => {
    expect(printedMessage(outcome, true)).toBe(`Đã lưu bản in vào ${outcome.path}.`);
  });
  it('in a browser, points at the tab or at the downloads', () => {
    const web = { path: 'thu-gop-y.pdf', opened: true };
    expect(printedMessage(web, false, true)).toContain('thẻ mới');
    expect(printedMessage({ ...web, opened: false }, false, true)).toContain('Tải xuống');
    expect(printedMessage(web, true, true)).toContain('Tải xuống');
  });
});
