import { describe, expect, it } from 'vitest';
import { blankEntry, customerShown, entryInput, entryInputId, nameRequired, nextEntry, nowStamp, receiptLine, withReceiver } from './entry';

describe('nowStamp', () => {
  it("puts the clock's time on the office's today", () => {
    expect(nowStamp('2026-03-02', new Date(2026, 2, 2, 9, 5))).toBe('2026-03-02T09:05');
  });

  it('follows the clock once the window has stayed open past midnight', () => {
    expect(nowStamp('2026-03-02', new Date(2026, 2, 3, 0, 10))).toBe('2026-03-03T00:10');
  });

  it("keeps the office's date when the clock is behind it or the date is missing", () => {
    expect(nowStamp('2026-03-02', new Date(2026, 2, 1, 23, 59))).toBe('2026-03-02T23:59');
    expect(nowStamp('', new Date(2026, 2, 1, 8, 0))).toBe('2026-03-01T08:00');
  });
});

describe('entry form', () => {
  it('starts with the defaults of a front desk', () => {
    const d = blankEntry('2026-03-02T09:05');
    expect(d.received_at).toBe('2026-03-02T09:05');
    expect(d.channel).toBe('in_person');
    expect(d.book).toBe('feedback');
    expect(d.customer_group).toBe('unknown');
    expect(d.customer_name).toBe('');
    expect(d.settled).toBe(false);
    expect(d.received_set).toBe(false);
  });

  it('keeps the desk (channel, receiver, unit) for the next citizen and clears the rest', () => {
    const prev = {
      ...blankEntry('2026-03-02T09:05'),
      channel: 'hotline' as const,
      kind: 'complaint' as const,
      subject: 'attitude' as const,
      book: 'complaints' as const,
      customer_name: 'Lê Thị Thu Trang',
      customer_phone: '0905 111 222',
      content: 'Chậm trả kết quả',
      receiver_id: 's1',
      unit_id: 'u1',
      written: true,
      formal: true,
      settled: true,
      settled_text: 'Đã giải thích',
      received_set: true,
    };
    const next = nextEntry(prev, '2026-03-02T09:20');
    expect(next.channel).toBe('hotline');
    expect(next.receiver_id).toBe('s1');
    expect(next.unit_id).toBe('u1');
    expect(next.received_at).toBe('2026-03-02T09:20');
    expect(next.received_set).toBe(false);
    expect(next.kind).toBe('reflection');
    expect(next.book).toBe('feedback');
    expect(next.customer_name).toBe('');
    expect(next.customer_phone).toBe('');
    expect(next.content).toBe('');
    expect(next.written).toBe(false);
    expect(next.formal).toBe(false);
    expect(next.settled).toBe(false);
    expect(next.settled_text).toBe('');
  });

  it('sends the explanation only when "settled on the spot" is ticked, and no form-only fields', () => {
    const d = { ...blankEntry('2026-03-02T09:05'), customer_name: 'An', content: 'x', settled_text: 'Đã hướng dẫn' };
    expect(entryInput(d).settled_on_spot).toBeNull();
    const settled = entryInput({ ...d, settled: true });
    expect(settled.settled_on_spot).toBe('Đã hướng dẫn');
    expect(Object.keys(settled)).not.toContain('settled');
    expect(Object.keys(settled)).not.toContain('settled_text');
    expect(Object.keys(settled)).not.toContain('received_set');
    expect(settled.customer_name).toBe('An');
  });

  it('finds the input of each field the core may name', () => {
    expect(entryInputId('customer_name')).toBe('fb-customer_name');
    expect(entryInputId('receiver_id')).toBe('fb-receiver');
    expect(entryInputId('unit_id')).toBe('fb-unit');
    expect(entryInputId('settled_on_spot')).toBe('fb-settled_on_spot');
  });

  it('ends the saved line with the receipt number, which clerks copy', () => {
    expect(receiptLine('2026/000123')).toBe('Đã ghi nhận, số phiếu 2026/000123');
    expect(receiptLine('2026/000123').split(' ').at(-1)).toBe('2026/000123');
  });

  it('takes the signed-in staff member as receiver unless one is chosen', () => {
    const d = blankEntry('2026-03-02T09:30');
    expect(withReceiver(d, 's1').receiver_id).toBe('s1');
    expect(withReceiver({ ...d, receiver_id: 's2' }, 's1').receiver_id).toBe('s2');
    expect(withReceiver(d, null).receiver_id).toBeNull();
  });

  it('asks the name in person and by telephone only, and shows a missing one', () => {
    expect(nameRequired('in_person')).toBe(true);
    expect(nameRequired('hotline')).toBe(true);
    expect(nameRequired('suggestion_box')).toBe(false);
    expect(nameRequired('social_media')).toBe(false);
    expect(customerShown(' ')).toBe('Không ghi tên');
    expect(customerShown('An')).toBe('An');
  });
});
