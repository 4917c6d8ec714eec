import { describe, expect, it } from 'vitest';
import type { AccessState, SignedIn } from '../api/bindings';
import { gateOf, idleLockApplies, mismatch } from './gate';

const me: SignedIn = {
  account_id: 'a',
  staff_id: 's',
  login: 'tiepnhan',
  full_name: 'Nguyễn Thị Thanh Hương',
  role: 'reception',
  role_label: 'Cán bộ tiếp nhận',
  unit_id: null,
  unit_name: null,
  must_change_password: false,
};

function state(over: Partial<AccessState>): AccessState {
  return {
    accounts_exist: true,
    signed_in: null,
    locked: false,
    policy: { max_failed_attempts: 5, lock_minutes: 15, idle_lock_minutes: 10 },
    idle_lock_seconds: 600,
    allowed: [],
    demo: null,
    ...over,
  };
}

describe('gateOf', () => {
  it('opens a database without accounts at once', () => {
    expect(gateOf(state({ accounts_exist: false }))).toBe('open');
    expect(idleLockApplies(state({ accounts_exist: false }))).toBe(false);
  });
  it('asks to sign in, then for a new password after a reset', () => {
    expect(gateOf(state({}))).toBe('sign_in');
    expect(gateOf(state({ signed_in: { ...me, must_change_password: true } }))).toBe('change_password');
    expect(gateOf(state({ signed_in: me }))).toBe('open');
  });
  it('runs the idle timer only while someone works', () => {
    expect(idleLockApplies(state({ signed_in: me }))).toBe(true);
    expect(idleLockApplies(state({ signed_in: me, locked: true }))).toBe(false);
    expect(idleLockApplies(null)).toBe(false);
  });
  it('compares the two passwords typed', () => {
    expect(mismatch('mat-khau-1', 'mat-khau-1')).toBe('');
    expect(mismatch('mat-khau-1', 'mat-khau-2')).toContain('không giống nhau');
  });
});
