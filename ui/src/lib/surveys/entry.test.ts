import { describe, expect, it } from 'vitest';
import type { EntrySlot } from '../api/bindings';
import { answerDigits, answersOf, asked, emptyEntry, pressKey, type EntryState } from './entry';

const three = ['Tốt', 'Đạt yêu cầu', 'Chưa đạt yêu cầu'];
const slot = (code: string, options: string[], when: EntrySlot['when'] = null): EntrySlot => ({
  code,
  question: code,
  label: code,
  options,
  required: options.length > 0,
  when,
});
// The shape of BM.QT.SCT.05-02: two ticks, four criteria, yes/no with a follow-up, three ratings.
const SLOTS: EntrySlot[] = [
  slot('to_chuc', []),
  slot('gd.1', ['Có đánh dấu']),
  slot('gd.2', ['Có đánh dấu']),
  slot('cau_1.1', three),
  slot('cau_1.2', three),
  slot('cau_1.3', three),
  slot('cau_1.4', three),
  slot('cau_1.other', []),
  slot('cau_2', ['Có', 'Không']),
  slot('cau_2.follow_up', ['Một lần', 'Một số lần', 'Phổ biến', 'Rất phổ biến'], { code: 'cau_2', value: 1 }),
  slot('cau_3', three),
  slot('cau_4', three),
  slot('cau_5', three),
];

function type(keys: string[], from: EntryState = emptyEntry()): { state: EntryState; results: string[] } {
  let state = from;
  const results: string[] = [];
  for (const k of keys) {
    const r = pressKey(SLOTS, state, k);
    results.push(r.kind);
    if ('state' in r) state = r.state;
  }
  return { state, results };
}

describe('keyboard entry', () => {
  it('takes one key per answer and saves with Enter: answers + 1 keys after the serial', () => {
    const keys = ['1', '0', '1', '1', '2', '1', '2', '1', '1', '1'];
    const { state, results } = type(keys);
    expect(results.every((r) => r === 'answered')).toBe(true);
    expect(state.cursor).toBe(asked(SLOTS, state.marks).length);
    expect(pressKey(SLOTS, state, 'Enter').kind).toBe('save');
    expect(answerDigits(SLOTS, answersOf(state.marks, {}))).toBe('1 0 1 1 2 1 2 1 1 1');
  });

  it('asks the follow-up only after "Có", and forgets it when the answer changes', () => {
    const yes = type(['1', '1', '1', '1', '1', '1', '1']);
    expect(asked(SLOTS, yes.state.marks).map((s) => s.code)).toContain('cau_2.follow_up');
    expect(asked(SLOTS, yes.state.marks)[yes.state.cursor].code).toBe('cau_2.follow_up');
    const followed = type(['3'], yes.state);
    expect(followed.state.marks['cau_2.follow_up']).toEqual({ state: 'chosen', value: 3 });
    // Step back twice (the follow-up, then Q2) and answer "Không": the follow-up is gone.
    const back = type(['Backspace', 'Backspace', '2'], followed.state);
    expect(back.state.marks['cau_2.follow_up']).toBeUndefined();
    expect(asked(SLOTS, back.state.marks)[back.state.cursor].code).toBe('cau_3');
  });

  it('marks blank and spoiled answers and ignores keys beyond the scale', () => {
    const { state, results } = type(['x', '.', '4', '0']);
    expect(state.marks['gd.1']).toEqual({ state: 'spoiled' });
    expect(state.marks['gd.2']).toEqual({ state: 'spoiled' });
    expect(results[2]).toBe('ignored');
    expect(state.marks['cau_1.1']).toEqual({ state: 'blank' });
  });

  it('flags the first missing answer on Enter and Backspace on the first answer goes to the serial', () => {
    const { state } = type(['1', '1', '1']);
    const r = pressKey(SLOTS, state, 'Enter');
    expect(r.kind).toBe('missing');
    if (r.kind === 'missing') expect(r.slot.code).toBe('cau_1.2');
    expect(pressKey(SLOTS, emptyEntry(), 'Backspace').kind).toBe('to_serial');
  });

  it('sends free text only when something was written', () => {
    const a = answersOf({ 'cau_3': { state: 'chosen', value: 2 } }, { 'cau_1.other': 'Cần thêm ghế', to_chuc: '  ' });
    expect(a).toEqual([
      { code: 'cau_3', state: 'chosen', value: 2, text: null },
      { code: 'cau_1.other', state: 'text', value: null, text: 'Cần thêm ghế' },
    ]);
  });
});
