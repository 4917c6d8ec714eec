// Encryption at rest: the start screen's passphrase and the administrator's commands, one
// typed function each. Argument names are camelCase, as Tauri 2 expects on the JavaScript side.

import { invoke } from '@tauri-apps/api/core';
import type { EncryptionReport, EncryptionStatus } from './bindings';

/** Opens the encrypted database with the passphrase; rejects with kind `encrypted` when wrong. */
export function databaseUnlock(passphrase: string): Promise<void> {
  return invoke<void>('database_unlock', { passphrase });
}

export function encryptionStatus(): Promise<EncryptionStatus> {
  return invoke<EncryptionStatus>('encryption_status');
}

export function encryptionOn(passphrase: string): Promise<EncryptionReport> {
  return invoke<EncryptionReport>('encryption_on', { passphrase });
}

export function encryptionChange(current: string, passphrase: string): Promise<EncryptionReport> {
  return invoke<EncryptionReport>('encryption_change', { current, passphrase });
}

export function encryptionOff(current: string): Promise<EncryptionReport> {
  return invoke<EncryptionReport>('encryption_off', { current });
}

/** Overwrites and deletes the backups still in plaintext; returns their paths. */
export function encryptionRemovePlainBackups(): Promise<string[]> {
  return invoke<string[]>('encryption_remove_plain_backups');
}
