// Which screen the window shows once the office is set up, from the core's access state.

import type { AccessState } from '../api/bindings';

/** `open`: the main window (with the lock over it while `locked`). */
export type Gate = 'sign_in' | 'change_password' | 'open';

export function gateOf(s: AccessState): Gate {
  if (!s.accounts_exist) return 'open';
  if (!s.signed_in) return 'sign_in';
  if (s.signed_in.must_change_password) return 'change_password';
  return 'open';
}

/** Whether the idle timer runs: someone signed in, working, on a database with accounts. */
export function idleLockApplies(s: AccessState | null): boolean {
  return !!s && s.accounts_exist && !!s.signed_in && !s.locked && !s.signed_in.must_change_password;
}

/** Two typed passwords: the message when they differ, else ''. */
export function mismatch(password: string, again: string): string {
  return password === again ? '' : 'Hai lần nhập mật khẩu không giống nhau.';
}
