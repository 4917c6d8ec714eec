// The case open on screen stays as the core holds it while other desks work on it: when a
// change of the moment touches it (`live`), the case view reads it again and shows its
// status, timeline and deadlines as they now stand, the forms open in it keeping what the
// clerk typed. A move or a step the clerk is writing was decided on the case as it was: the
// form says so (`UPDATED_ELSEWHERE`) when the case changes under it, rather than let the save
// be refused unexplained, or go through on a view the clerk has not looked at.

import { untrack } from 'svelte';
import type { Case, Move, StepKind } from '../api/bindings';

/** What a form open on the case tells the clerk when another desk has changed the case. */
export const UPDATED_ELSEWHERE = 'Hồ sơ vừa được cập nhật ở bàn khác; hãy xem lại trước khi lưu.';

/**
 * Which case shown is `now`, the case `shown` read again after a change made elsewhere:
 * `now` when it is newer, `shown` when it is not (nothing changed it, or an answer of this
 * desk's own save came in first and is newer still).
 */
export function newer(shown: Case | null, now: Case): Case {
  return shown && shown.id === now.id && now.version <= shown.version ? shown : now;
}

/** The notice of a form making `move` on the case now shown as `now`, changed elsewhere. */
export function moveNotice(now: Case, move: Move): string {
  if (now.next_moves.some((m) => m.to === move.to)) return UPDATED_ELSEWHERE;
  return `${UPDATED_ELSEWHERE} Bước «${move.label}» không còn làm được từ trạng thái hiện tại của hồ sơ.`;
}

/** The notice of a form recording `step` on the case now shown as `now`, changed elsewhere. */
export function stepNotice(now: Case, step: StepKind): string {
  const done = now.requirements.some((r) => r.requirement.kind === 'step' && r.requirement.step === step && r.done);
  return done ? `${UPDATED_ELSEWHERE} Bước này đã được ghi nhận.` : UPDATED_ELSEWHERE;
}

class OpenCase {
  /** Bumped each time the case open on screen was changed by another desk. */
  updates = $state(0);
  /** The id of that case. */
  id = '';

  /**
   * The case view replaces `shown` by `now`, read again after a change made elsewhere;
   * answers which of the two to show (see `newer`), and tells the forms open on it when it
   * did change.
   */
  reloaded(shown: Case | null, now: Case): Case {
    const kept = newer(shown, now);
    if (shown && shown.id === now.id && now.version > shown.version) {
      this.id = now.id;
      this.updates += 1;
    }
    return kept;
  }
}

export const openCase = new OpenCase();

/**
 * Runs `tell` (untracked) each time another desk changes the case `id()` while the calling
 * form is open. Called while a component is set up, like `$effect` itself.
 */
export function onUpdatedElsewhere(id: () => string, tell: () => void): void {
  let seen = openCase.updates;
  $effect(() => {
    const now = openCase.updates;
    if (now === seen) return;
    seen = now;
    if (openCase.id === untrack(id)) untrack(tell);
  });
}
