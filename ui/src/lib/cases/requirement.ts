// Requirements as the list shows them: a stable key for each (also the test hook), and
// which form records it.

import type { Requirement } from '../api/bindings';

/** "step:attitude_talk", "corrective_action" or "reply_sent". */
export function requirementKey(r: Requirement): string {
  return r.kind === 'step' ? `step:${r.step}` : r.kind;
}
