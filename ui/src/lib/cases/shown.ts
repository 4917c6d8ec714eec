// A change to a case is decided on the case as this desk shows it, so the command carries
// the version shown (`Case.version`). When another desk has changed the case since, the
// core refuses the change (kind `conflict`: «Hồ sơ vừa được người khác cập nhật, hãy xem
// lại.») and changes nothing. The desk then shows the case as it now stands, and the form
// stays open with what the clerk typed and the refusal in its alert: the clerk looks again
// and decides, nothing is sent on their behalf.
//
// Any conflict refusing a change to the case reloads it (a conflict is the core saying the
// case is not as the change assumed); errors are told apart by kind, never by their text.

import { caseGet } from '../api';
import type { Case } from '../api/bindings';
import { isErrorReport } from '../api/errors';

/**
 * Sends a change made on `kase` as shown, with its version. On a conflict, `reload`s the
 * case and hands it to `shown` before rejecting with the core's refusal, unchanged, for the
 * form to show. A failed reload leaves the screen as it was: the refusal still says to look
 * again.
 */
export async function changeShownCase(
  kase: Case,
  send: (version: number) => Promise<Case>,
  shown: (now: Case) => void,
  reload: (id: string) => Promise<Case> = caseGet,
): Promise<Case> {
  try {
    return await send(kase.version);
  } catch (err) {
    if (isErrorReport(err) && err.kind === 'conflict') {
      try {
        shown(await reload(kase.id));
      } catch {
        // Keep the refusal below, not the reload's failure: it is what the clerk must read.
      }
    }
    throw err;
  }
}
