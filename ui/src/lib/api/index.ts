// One typed function per Tauri command. The only module that talks to the Rust side: the
// rest of the UI imports these, so a renamed command or argument is fixed in one place.
// Argument names are camelCase, as Tauri 2 expects on the JavaScript side.

import { invoke } from '@tauri-apps/api/core';
import type {
  AppInfo,
  AuditEntry,
  OfficeProfile,
  Settings,
  Staff,
  StaffInput,
  Unit,
  UnitInput,
} from './bindings';

export function appInfo(): Promise<AppInfo> {
  return invoke<AppInfo>('app_info');
}

export function officeGet(): Promise<OfficeProfile | null> {
  return invoke<OfficeProfile | null>('office_get');
}

export function officeSave(profile: OfficeProfile): Promise<OfficeProfile> {
  return invoke<OfficeProfile>('office_save', { profile });
}

export function unitsList(): Promise<Unit[]> {
  return invoke<Unit[]>('units_list');
}

export function unitSave(unit: UnitInput): Promise<Unit> {
  return invoke<Unit>('unit_save', { unit });
}

export function unitDelete(id: string): Promise<null> {
  return invoke<null>('unit_delete', { id });
}

/** Blank or whitespace-only queries list everyone; the core folds accents itself. */
export function staffList(query?: string | null): Promise<Staff[]> {
  const q = (query ?? '').trim();
  return invoke<Staff[]>('staff_list', { query: q === '' ? null : q });
}

export function staffSave(staff: StaffInput): Promise<Staff> {
  return invoke<Staff>('staff_save', { staff });
}

export function staffDelete(id: string): Promise<null> {
  return invoke<null>('staff_delete', { id });
}

export function settingsGet(): Promise<Settings> {
  return invoke<Settings>('settings_get');
}

export function settingsSave(settings: Settings): Promise<Settings> {
  return invoke<Settings>('settings_save', { settings });
}

export function auditLog(limit: number): Promise<AuditEntry[]> {
  return invoke<AuditEntry[]>('audit_log', { limit });
}
