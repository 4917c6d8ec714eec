// Who is signed in and what their role may do, as the core reports it. The window hides or
// disables what the role may not do; the core refuses it anyway.

import { accessState } from './api';
import type { AccessState, Action } from './api/bindings';

class Access {
  state = $state<AccessState | null>(null);

  async refresh(): Promise<AccessState> {
    const s = await accessState();
    this.state = s;
    return s;
  }

  /** Whether the role may do `action` at all (a case's unit and subject may still refuse it). */
  can(action: Action): boolean {
    return this.state?.allowed.includes(action) ?? false;
  }
}

export const access = new Access();
