import { describe, expect, it } from 'vitest';
import type { BundleImport, InboxEntry, OfficeRecords, Share } from '../api/bindings';
import { importNote, inboxLine, recordsCount, shareText } from './bundles';

describe('the bundles page', () => {
  it('shows a share with its counts, and a dash when there is nothing to divide', () => {
    const share = (count: number, of: number, percent: number | null): Share => ({ count, of, percent });
    expect(shareText(share(37, 40, 92.5))).toBe('92,5% (37/40)');
    expect(shareText(share(0, 0, null))).toBe('—');
  });

  it('tells an import that changed nothing from one that replaced an older bundle', () => {
    const bundle = { office: 'UBND xã Hoà Phú', from: '2026-01-01', to: '2026-12-31' } as BundleImport['bundle'];
    expect(importNote({ outcome: 'unchanged', bundle })).toContain('không có gì thay đổi');
    expect(importNote({ outcome: 'replaced', bundle })).toContain('thay cho gói cũ hơn');
    expect(importNote({ outcome: 'imported', bundle })).toBe('Đã nhập gói số liệu của «UBND xã Hoà Phú» (01/01/2026 – 31/12/2026).');
  });

  it('says what became of a file of the inbox folder, a refusal with its reason', () => {
    const entry = (outcome: string, reason: string | null): InboxEntry => ({
      id: '1',
      file_name: 'xa.ykb',
      moved_to: '/hop-thu/Đã nhận/xa.ykb',
      read_at: '2027-01-20T02:00:00Z',
      outcome,
      office: reason ? null : 'UBND xã Hoà Phú',
      from: reason ? null : '2026-01-01',
      to: reason ? null : '2026-12-31',
      reason,
    });
    expect(inboxLine(entry('imported', null))).toBe('Đã nhập gói số liệu của «UBND xã Hoà Phú» (01/01/2026 – 31/12/2026).');
    expect(inboxLine(entry('unchanged', null))).toContain('không có gì thay đổi');
    expect(inboxLine(entry('refused', 'Gói số liệu đã bị sửa.'))).toBe('Không nhận: Gói số liệu đã bị sửa.');
  });

  it('counts the records behind a figure and says when only the first are listed', () => {
    const records = (figure: string, total: number, listed: number) =>
      ({ figure, total, cases: Array(listed).fill({}), forms: Array(listed).fill({}) }) as unknown as OfficeRecords;
    expect(recordsCount(records('cases', 12, 12))).toBe('12 ý kiến.');
    expect(recordsCount(records('complaints', 700, 500))).toBe('700 khiếu nại, phàn nàn, kháng nghị; hiện 500 đầu tiên.');
    expect(recordsCount(records('forms', 3, 3))).toBe('3 phiếu khảo sát, đánh giá tại quầy.');
  });
});
