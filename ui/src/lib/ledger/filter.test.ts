import { describe, expect, it } from 'vitest';
import { blankBookFilter, blankBookJob, bookPrintJob, COUNT_LIMIT, formatCount, isFiltered, pageCount, printPeriod, shownTotal, toFeedbackFilter } from './filter';

describe('toFeedbackFilter', () => {
  it('sends only the first page when nothing is chosen', () => {
    expect(toFeedbackFilter(blankBookFilter(), '2026-03-02')).toEqual({ limit: 100, offset: 0 });
  });

  it('sends every choice, the toggles as dates, and the page as an offset', () => {
    const f = {
      ...blankBookFilter(),
      search: '  nguyen van an ',
      book: 'complaints' as const,
      kind: 'complaint' as const,
      status: 'specialist' as const,
      unit_id: 'u1',
      from: '2026-01-01',
      to: '2026-03-31',
      overdue: true,
      dueSoon: true,
      page: 2,
    };
    expect(toFeedbackFilter(f, '2026-03-02')).toEqual({
      search: 'nguyen van an',
      count_limit: 1000,
      book: 'complaints',
      kind: 'complaint',
      status: 'specialist',
      unit_id: 'u1',
      from: '2026-01-01',
      to: '2026-03-31',
      overdue_on: '2026-03-02',
      due_soon_on: '2026-03-02',
      limit: 100,
      offset: 200,
    });
  });

  it('leaves out a blank search', () => {
    expect(toFeedbackFilter({ ...blankBookFilter(), search: '   ' }, '2026-03-02')).not.toHaveProperty('search');
  });
});

describe('isFiltered', () => {
  it('is false for the blank filter, whatever the page or a blank search', () => {
    expect(isFiltered(blankBookFilter())).toBe(false);
    expect(isFiltered({ ...blankBookFilter(), page: 3, search: '  ' })).toBe(false);
  });

  it('is true as soon as one condition narrows the book', () => {
    expect(isFiltered({ ...blankBookFilter(), overdue: true })).toBe(true);
    expect(isFiltered({ ...blankBookFilter(), search: 'dong' })).toBe(true);
    expect(isFiltered({ ...blankBookFilter(), to: '2026-03-31' })).toBe(true);
  });
});

describe('pageCount', () => {
  it('has at least one page and rounds up', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(100)).toBe(1);
    expect(pageCount(101)).toBe(2);
    expect(pageCount(245)).toBe(3);
  });
});

describe('printPeriod', () => {
  it('prints the year so far when no dates are set', () => {
    expect(printPeriod(blankBookFilter(), '2026-11-22')).toEqual({ from: '2026-01-01', to: '2026-11-22' });
  });
  it('prints the dates the filter sets', () => {
    const f = { ...blankBookFilter(), from: '2026-04-01', to: '2026-06-30' };
    expect(printPeriod(f, '2026-11-22')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
  });
  it('never ends before it starts', () => {
    const f = { ...blankBookFilter(), from: '2026-12-01' };
    expect(printPeriod(f, '2026-11-22')).toEqual({ from: '2026-12-01', to: '2026-12-01' });
  });
});

describe('the subject filter', () => {
  it('is sent only when chosen, and counts as a filter', () => {
    expect(toFeedbackFilter(blankBookFilter(), '2026-11-22').subject).toBeUndefined();
    const f = { ...blankBookFilter(), subject: 'attitude' as const };
    expect(toFeedbackFilter(f, '2026-11-22').subject).toBe('attitude');
    expect(isFiltered(f)).toBe(true);
  });
});

describe('reportChips', () => {
  it('names the filters a report count sets, and each comes off alone', async () => {
    const { reportChips, withoutChip } = await import('./filter');
    const f = { ...blankBookFilter(), complaints: true, overdueOn: '2025-12-31', page: 2 };
    expect(reportChips(f, null).map((c) => c.label)).toEqual(['Chỉ khiếu nại, phàn nàn, kháng nghị', 'Quá hạn cuối ngày 31/12/2025']);
    const g = withoutChip(f, 'complaints');
    expect(g.complaints).toBe(false);
    expect(g.overdueOn).toBe('2025-12-31');
    expect(g.page).toBe(0);
    expect(toFeedbackFilter(g, '2026-03-02')).toEqual({ overdue_on: '2025-12-31', limit: 100, offset: 0 });
  });
});

describe('bookPrintJob', () => {
  it('prints the feedback book of the whole office when no book or unit is chosen', () => {
    expect(bookPrintJob(blankBookFilter(), '2026-11-22')).toEqual({
      form: 'ledger_period',
      from: '2026-01-01',
      to: '2026-11-22',
      book: 'feedback',
    });
  });
  it('prints the book shown, a unit\'s own when a unit is chosen, and not the other filters', () => {
    const f = { ...blankBookFilter(), book: 'complaints' as const, unit_id: 'u1', from: '2026-03-01', to: '2026-03-31', kind: 'praise' as const };
    expect(bookPrintJob(f, '2026-11-22')).toEqual({
      form: 'ledger_period',
      from: '2026-03-01',
      to: '2026-03-31',
      book: 'complaints',
      unit_id: 'u1',
    });
    expect(blankBookJob(f, '2026-11-22', 10)).toEqual({ form: 'ledger_blank', pages: 10, year: 2026, book: 'complaints', unit_id: 'u1' });
  });
});

describe('shownTotal', () => {
  const searching = { ...blankBookFilter(), search: 'nguyen' };

  it('says «hơn 1.000» past the count limit of a search, the pages after it not counted', () => {
    expect(COUNT_LIMIT).toBe(1000);
    expect(shownTotal(1001, searching)).toEqual({ text: 'hơn 1.000', more: true, pages: 10 });
    // On the tenth page the next one is still offered; further on, the core counted to the
    // end of the page asked and one more.
    expect(shownTotal(1001, { ...searching, page: 9 }).pages).toBe(11);
    expect(shownTotal(1201, { ...searching, page: 11 })).toEqual({ text: 'hơn 1.200', more: true, pages: 13 });
  });

  it('gives the exact count up to the limit, and always without a search', () => {
    expect(shownTotal(1000, searching)).toEqual({ text: '1000', more: false, pages: 10 });
    expect(shownTotal(37, searching)).toEqual({ text: '37', more: false, pages: 1 });
    expect(shownTotal(0, searching)).toEqual({ text: '0', more: false, pages: 1 });
    expect(shownTotal(1_000_000, blankBookFilter())).toEqual({ text: '1000000', more: false, pages: 10_000 });
    expect(shownTotal(1001, { ...searching, page: 10 })).toEqual({ text: '1001', more: false, pages: 11 });
  });

  it('writes thousands with a dot', () => {
    expect(formatCount(999)).toBe('999');
    expect(formatCount(12345)).toBe('12.345');
  });
});
