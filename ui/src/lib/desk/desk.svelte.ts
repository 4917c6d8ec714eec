// How this window works, read once at start and after a change in «Cài đặt › Máy chủ»:
// on this PC's data, or as a desk of the office server (then what only the server PC does,
// restoring a backup or choosing its folders, is not offered here).

import { deskGet, inBrowser, type DeskState } from '../api';
import { isErrorReport } from '../api/errors';

class Desk {
  state = $state<DeskState | null>(null);

  /** A desk of the office server: the app in server mode, or a browser. */
  get remote(): boolean {
    return this.state?.mode === 'server';
  }

  async refresh(): Promise<DeskState> {
    try {
      this.state = await deskGet();
    } catch (error) {
      // A shell that does not know desks works on this PC's data; a browser always works
      // on the server that served the page, reachable or not.
      this.state = inBrowser()
        ? { mode: 'server', address: location.origin, server: null, connected: false, error: isErrorReport(error) ? error : null }
        : { mode: 'local', address: null, server: null, connected: true, error: null };
    }
    return this.state;
  }
}

export const desk = new Desk();
