// Period bundles between offices, one typed function per command. An office saves its
// bundle of a period (to a USB drive); a consolidating office («Đơn vị tổng hợp») registers
// the offices it receives from, imports their bundles and reads their figures side by side.

import { call } from './transport';
import type {
  BundleImport,
  BundleKey,
  ConsolidatedFigures,
  ConsolidationSettings,
  ExportedBundle,
  ImportedBundle,
  InboxEntry,
  OfficeRecords,
  TrustedOffice,
} from './bindings';

/** The office's own key: its fingerprint is what the consolidating office registers. */
export function bundleKey(): Promise<BundleKey> {
  return call('bundle_key');
}

/** Writes the office's bundle of the period at `path` (a file chosen on a USB drive). */
export function bundleExport(from: string, to: string, withRecords: boolean, path: string): Promise<ExportedBundle> {
  return call('bundle_export', { from, to, withRecords, path });
}

export function bundleSettingsGet(): Promise<ConsolidationSettings> {
  return call('bundle_settings_get');
}

export function bundleSettingsSave(settings: ConsolidationSettings): Promise<ConsolidationSettings> {
  return call('bundle_settings_save', { settings });
}

/** Registers an office whose bundles are accepted, by the fingerprint of its key. */
export function bundleTrust(name: string, key: string): Promise<TrustedOffice> {
  return call('bundle_trust', { name, key });
}

export function bundleOffices(): Promise<TrustedOffice[]> {
  return call('bundle_offices');
}

/** Imports the bundle at `path`; `passphrase` when the sending office's data is encrypted. */
export function bundleImport(path: string, passphrase: string | null): Promise<BundleImport> {
  return call('bundle_import', { path, passphrase });
}

export function bundlesList(): Promise<ImportedBundle[]> {
  return call('bundles_list');
}

/** The bundle files read from the inbox folder and what became of each, newest first. */
export function bundleInbox(): Promise<InboxEntry[]> {
  return call('bundle_inbox');
}

/** What an office's bundle of `year` carried behind one of its figures: `cases`, `complaints` or `forms`. */
export function bundleRecords(office: string, year: number, figure: 'cases' | 'complaints' | 'forms'): Promise<OfficeRecords> {
  return call('bundle_records', { office, year, figure });
}

/** The year's figures of the registered offices (all when `offices` is empty), side by side. */
export function reportFiguresOffices(year: number, offices: string[]): Promise<ConsolidatedFigures> {
  return call('report_figures_offices', { year, offices });
}

/** The consolidated annual report of `year` at `path`: PDF/A, Word or Excel by its extension. */
export function consolidatedReportSave(year: number, path: string): Promise<string> {
  return call('consolidated_report_save', { year, path });
}
