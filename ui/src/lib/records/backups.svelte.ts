// Where backups go and how recent they are, shared by the window's warning (everyone sees it
// when the newest backup is too old) and the backup settings (which refresh it after a change
// or a backup, so that the warning never outlives what caused it).

import { backupState } from '../api';
import type { BackupState } from '../api/bindings';

let current = $state<BackupState | null>(null);

export const backups = {
  get state(): BackupState | null {
    return current;
  },
  /** Reads the state again; a failure keeps the last one (the warning is not the place to fail). */
  async refresh(): Promise<void> {
    try {
      current = await backupState();
    } catch {
      // The page the clerk is on says what went wrong, if anything did.
    }
  },
};
