// What every screen of the main window reads and nobody owns: the vocabulary (loaded once),
// the office's today, the case counts behind the overdue badge, and the units, staff and
// settings the forms choose from. Loaded when the main window opens; refreshed by whoever
// changes them (a save in Cài đặt, a move on a case).

import { appInfo, caseCounts, settingsGet, staffList, unitsList, vocabulary } from './api';
import type { CaseCounts, Settings, Staff, Unit, Vocabulary } from './api/bindings';
import { localYmd } from './format';

class Session {
  vocab = $state<Vocabulary | null>(null);
  /** The office's date, YYYY-MM-DD. */
  today = $state(localYmd(new Date()));
  counts = $state<CaseCounts | null>(null);
  units = $state<Unit[]>([]);
  staff = $state<Staff[]>([]);
  settings = $state<Settings | null>(null);

  /** Everything at once, when the main window opens. Rejects with the first failure. */
  async load(): Promise<void> {
    const [vocab, info] = await Promise.all([vocabulary(), appInfo()]);
    this.vocab = vocab;
    if (info.today) this.today = info.today;
    await Promise.all([this.refreshCounts(), this.refreshPeople(), this.refreshSettings()]);
  }

  /** The badge is a hint: a failure here leaves the last counts rather than an error. */
  async refreshCounts(): Promise<void> {
    try {
      this.counts = await caseCounts();
    } catch {
      // Keep what was shown; the queue page reports errors of its own.
    }
  }

  async refreshToday(): Promise<void> {
    try {
      const info = await appInfo();
      if (info.today) this.today = info.today;
    } catch {
      // The previous date stays; every command still judges deadlines on the core's side.
    }
  }

  async refreshPeople(): Promise<void> {
    const [units, staff] = await Promise.all([unitsList(), staffList(null)]);
    this.units = units;
    this.staff = staff;
  }

  async refreshSettings(): Promise<void> {
    this.settings = await settingsGet();
  }
}

export const session = new Session();
