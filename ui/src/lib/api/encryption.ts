// Encryption at rest: the start screen's passphrase and the administrator's commands, one
// typed function each. Each calls the one transport, `call`.

import { call } from './transport';
import type { EncryptionReport, EncryptionStatus } from './bindings';

/** Opens the encrypted database with the passphrase; rejects with kind `encrypted` when wrong. */
export function databaseUnlock(passphrase: string): Promise<null> {
  return call('database_unlock', { passphrase });
}

export function encryptionStatus(): Promise<EncryptionStatus> {
  return call('encryption_status');
}

export function encryptionOn(passphrase: string): Promise<EncryptionReport> {
  return call('encryption_on', { passphrase });
}

export function encryptionChange(current: string, passphrase: string): Promise<EncryptionReport> {
  return call('encryption_change', { current, passphrase });
}

export function encryptionOff(current: string): Promise<EncryptionReport> {
  return call('encryption_off', { current });
}

/** Overwrites and deletes the backups still in plaintext; returns their paths. */
export function encryptionRemovePlainBackups(): Promise<string[]> {
  return call('encryption_remove_plain_backups');
}
