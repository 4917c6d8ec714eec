// The account commands: signing in, the idle lock, passwords, and the administrator's
// accounts. The core decides what each role may do; these only carry the requests.

import { call } from './transport';
import type { AccessState, Account, AccountInput, AccountPolicy, FirstAdminInput, SignedIn } from './bindings';

/** Who is signed in, whether the screen is locked, and what the role may do. */
export function accessState(): Promise<AccessState> {
  return call('access_state');
}

export function signIn(login: string, password: string): Promise<SignedIn> {
  return call('sign_in', { login, password });
}

export function signOut(): Promise<null> {
  return call('sign_out');
}

export function lockScreen(): Promise<null> {
  return call('lock_screen');
}

export function unlockScreen(password: string): Promise<SignedIn> {
  return call('unlock_screen', { password });
}

/** The signed-in user's own new password. */
export function passwordChange(current: string, next: string): Promise<SignedIn> {
  return call('password_change', { current, new: next });
}

export function accountsList(): Promise<Account[]> {
  return call('accounts_list');
}

export function accountCreate(input: AccountInput): Promise<Account> {
  return call('account_create', { input });
}

/** The first administrator: a staff member with the administrator role and their account. */
export function firstAdminCreate(input: FirstAdminInput): Promise<SignedIn> {
  return call('first_admin_create', { input });
}

export function accountResetPassword(id: string, password: string): Promise<Account> {
  return call('account_reset_password', { id, password });
}

export function accountUnlock(id: string): Promise<Account> {
  return call('account_unlock', { id });
}

export function accountSetDisabled(id: string, disabled: boolean): Promise<Account> {
  return call('account_set_disabled', { id, disabled });
}

export function accountPolicySave(policy: AccountPolicy): Promise<AccountPolicy> {
  return call('account_policy_save', { policy });
}
