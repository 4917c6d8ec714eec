import { describe, expect, it } from 'vitest';
import type { EntrySlot, ReadAnswer, ReviewPage } from '../api/bindings';
import crop from '../../../../src/scan/crop.rs?raw';
import { formsOf, OUTLINES, pageOf, reviewAnswers, reviewKey, serialNumber, startReview, stops, withSerial, type QueueForm, type ReviewState } from './review';

const three = ['Tốt', 'Đạt yêu cầu', 'Chưa đạt yêu cầu'];
const slot = (code: string, options: string[], when: EntrySlot['when'] = null): EntrySlot => ({
  code,
  question: code,
  label: code,
  options,
  required: options.length > 0,
  when,
});
// The shape of BM.QT.SCT.05-02 (its text slots left out: a scan does not read them).
const SLOTS: EntrySlot[] = [
  slot('gd.1', ['Có đánh dấu']),
  slot('cau_1.1', three),
  slot('cau_1.2', three),
  slot('cau_2', ['Có', 'Không']),
  slot('cau_2.follow_up', ['Một lần', 'Một số lần', 'Phổ biến', 'Rất phổ biến'], { code: 'cau_2', value: 1 }),
  slot('cau_3', three),
];

const read = (code: string, value: number | null, review = false, confidence = 0.95): ReadAnswer => ({
  code,
  state: value === null ? 'blank' : value < 0 ? 'spoiled' : 'chosen',
  value: value !== null && value > 0 ? value : null,
  confidence,
  review,
});

const page = (id: string, serial: number | null, formPage: number | null, answers: ReadAnswer[]): ReviewPage => ({
  id,
  file: 'may-photo.pdf',
  page: 1,
  serial,
  form_page: formPage,
  status: serial === null ? 'unreadable' : answers.some((a) => a.review) ? 'needs_review' : 'read',
  answers,
  problem: null,
});

function keys(form: QueueForm, list: string[], from: ReviewState = startReview(form)) {
  let state = from;
  const results: string[] = [];
  for (const k of list) {
    const r = reviewKey(SLOTS, form, state, k);
    results.push(r.kind);
    if ('state' in r) state = r.state;
  }
  return { state, results };
}

describe('the review queue', () => {
  it('groups pages by serial in the queue order, an unreadable page alone, pages in form order', () => {
    const forms = formsOf([
      page('u', null, null, []),
      page('b2', 7, 2, [read('cau_3', 2, true, 0.4)]),
      page('a1', 3, 1, [read('cau_1.1', 1, true, 0.6)]),
      page('b1', 7, 1, [read('cau_1.1', 1)]),
    ]);
    expect(forms.map((f) => [f.serial, f.pages.map((p) => p.id)])).toEqual([
      [null, ['u']],
      [7, ['b1', 'b2']],
      [3, ['a1']],
    ]);
    // The serial typed for the unreadable page joins it to the waiting pages of that form.
    const joined = withSerial(forms, forms[0], 7);
    expect(joined.pages.map((p) => p.id)).toEqual(['b1', 'b2', 'u']);
  });

  it('reads serials as printed, with their check digit, or as a QR code', () => {
    expect(serialNumber('00017-5')).toBe(17);
    expect(serialNumber(' 17 ')).toBe(17);
    expect(serialNumber('YK1/2026-01/3/bm-qt-sct-05-02/1/1')).toBe(3);
    expect(serialNumber('abc')).toBeNull();
  });
});

describe('reviewing a form', () => {
  const form: QueueForm = {
    serial: 4,
    pages: [
      page('p1', 4, 1, [read('gd.1', 1), read('cau_1.1', -1, true, 0.3), read('cau_1.2', 2)]),
      page('p2', 4, 2, [read('cau_2', 2), read('cau_2.follow_up', null), read('cau_3', 3, true, 0.55)]),
    ],
  };

  it('stops only at the doubtful answers, with what was read proposed', () => {
    const s = startReview(form);
    expect(stops(SLOTS, form, s.marks).map((x) => x.code)).toEqual(['cau_1.1', 'cau_3']);
    expect(s.marks['cau_1.1']).toEqual({ state: 'spoiled' });
    expect(pageOf(form, 'cau_3')).toEqual({ page: form.pages[1], crop: true });
  });

  it('a key chooses, Enter confirms and goes on, the last Enter saves', () => {
    const { state, results } = keys(form, ['2', 'Enter', 'Backspace', '1', 'Enter', 'Enter']);
    expect(results).toEqual(['moved', 'moved', 'moved', 'moved', 'moved', 'save']);
    expect(state.marks['cau_1.1']).toEqual({ state: 'chosen', value: 1 });
    const saved = reviewAnswers(SLOTS, state.marks);
    expect(saved.map((a) => [a.code, a.state, a.value])).toEqual([
      ['gd.1', 'chosen', 1],
      ['cau_1.1', 'chosen', 1],
      ['cau_1.2', 'chosen', 2],
      ['cau_2', 'chosen', 2],
      ['cau_3', 'chosen', 3],
    ]);
  });

  it('0 is blank, x spoiled, a box the row has not is ignored, Space takes the rest as read', () => {
    const { state, results } = keys(form, ['9', '0', 'Enter', 'x', ' ']);
    expect(results).toEqual(['ignored', 'moved', 'moved', 'moved', 'save']);
    expect(state.marks['cau_1.1']).toEqual({ state: 'blank' });
    expect(state.marks['cau_3']).toEqual({ state: 'spoiled' });
  });

  it('an unreadable page is keyed whole, question by question, and cannot be saved with one missing', () => {
    const alone: QueueForm = { serial: 9, pages: [page('u', null, null, [])] };
    expect(stops(SLOTS, alone, {}).map((s) => s.code)).toEqual(['gd.1', 'cau_1.1', 'cau_1.2', 'cau_2', 'cau_3']);
    expect(pageOf(alone, 'cau_3').crop).toBe(false);
    const { state, results } = keys(alone, ['1', 'Enter', '2', 'Enter', 'Enter']);
    expect(results.slice(0, 4)).toEqual(['moved', 'moved', 'moved', 'moved']);
    expect(results[4]).toBe('missing');
    // "Có" on question 2 asks its follow-up, which becomes a stop.
    const more = keys(alone, ['3', 'Enter', '1', 'Enter'], state);
    expect(more.state.cursor).toBe(4);
    expect(stops(SLOTS, alone, more.state.marks).map((s) => s.code)).toContain('cau_2.follow_up');
    expect(keys(alone, [' '], more.state).results).toEqual(['missing']);
  });
});

describe('the legend of the crop', () => {
  it('names the colours the core outlines the boxes in', () => {
    // `Mark::Ticked => [0x00, 0x9E, 0x73],` in crop.rs, one line a reading.
    const core = new Map(
      [...crop.matchAll(/Mark::(\w+) => \[0x(\w\w), 0x(\w\w), 0x(\w\w)\]/g)].map((m) => [m[1].toLowerCase(), `#${m[2]}${m[3]}${m[4]}`.toUpperCase()]),
    );
    expect(core.size).toBe(4);
    for (const o of OUTLINES) expect(o.colour, o.mark).toBe(core.get(o.mark));
    expect(new Set(OUTLINES.map((o) => o.colour)).size).toBe(4);
  });
});
