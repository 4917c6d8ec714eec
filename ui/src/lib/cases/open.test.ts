import { describe, expect, it } from 'vitest';
import type { Case, Move, Status } from '../api/bindings';
import { moveNotice, newer, openCase, stepNotice, UPDATED_ELSEWHERE } from './open.svelte';

// Only what the functions read of a case: its id, version, moves and requirements.
function kase(version: number, status: Status, moves: Status[] = [], talked = false, id = 'c1'): Case {
  return {
    id,
    receipt_no: '2026/000012',
    version,
    status,
    next_moves: moves.map((to) => ({ from: status, to, label: to, note_required: false })),
    requirements: [{ requirement: { kind: 'step', step: 'attitude_talk' }, label: 'Trao đổi với cán bộ', done: talked }],
  } as unknown as Case;
}

const TO_FRONT_DESK: Move = { from: 'received', to: 'front_desk', label: 'Xử lý tại bộ phận tiếp nhận', note_required: false };

describe('the case open on screen, changed at another desk', () => {
  it('shows the case as read again when it is newer, and tells the forms open on it', () => {
    const shown = kase(3, 'received', ['front_desk', 'specialist']);
    const now = kase(4, 'specialist', ['solution_feedback', 'leadership']);
    const before = openCase.updates;
    expect(openCase.reloaded(shown, now)).toBe(now);
    expect(openCase.updates).toBe(before + 1);
    expect(openCase.id).toBe('c1');
  });

  it('keeps what is shown when the read brings nothing newer, and tells nobody', () => {
    const shown = kase(4, 'front_desk');
    const before = openCase.updates;
    // The same version: the change was this desk's own, already shown from its answer.
    expect(openCase.reloaded(shown, kase(4, 'front_desk'))).toBe(shown);
    // An older one: this desk's own save answered while the read was on its way.
    expect(openCase.reloaded(shown, kase(3, 'received'))).toBe(shown);
    expect(openCase.updates).toBe(before);
    expect(newer(null, shown)).toBe(shown);
  });

  it('tells a move form that the case changed, and when its move is no longer possible', () => {
    expect(moveNotice(kase(4, 'received', ['front_desk', 'specialist']), TO_FRONT_DESK)).toBe(UPDATED_ELSEWHERE);
    const gone = moveNotice(kase(4, 'specialist', ['solution_feedback', 'leadership']), TO_FRONT_DESK);
    expect(gone.startsWith(UPDATED_ELSEWHERE)).toBe(true);
    expect(gone).toContain('Bước «Xử lý tại bộ phận tiếp nhận» không còn làm được');
    expect(UPDATED_ELSEWHERE).toBe('Hồ sơ vừa được cập nhật ở bàn khác; hãy xem lại trước khi lưu.');
  });

  it('tells a step form that the case changed, and when the step was recorded meanwhile', () => {
    expect(stepNotice(kase(4, 'front_desk', [], false), 'attitude_talk')).toBe(UPDATED_ELSEWHERE);
    expect(stepNotice(kase(4, 'front_desk', [], true), 'attitude_talk')).toBe(`${UPDATED_ELSEWHERE} Bước này đã được ghi nhận.`);
    expect(stepNotice(kase(4, 'front_desk', [], true), 'investigation')).toBe(UPDATED_ELSEWHERE);
  });
});
