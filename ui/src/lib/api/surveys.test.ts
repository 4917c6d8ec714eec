import { beforeEach, describe, expect, it, vi } from 'vitest';

// The survey commands' names and argument names must match the core's command table
// (src/commands/table.rs); tests/integration/commands.rs checks every name the API uses.
const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const api = await import('./index');

// What each call sent through the transport's one Tauri command, `call`: [name] when it had
// no arguments, else [name, args].
function sent(): unknown[][] {
  return invoke.mock.calls.map(([cmd, payload]) => {
    expect(cmd).toBe('call');
    const { command, args } = payload as { command: string; args: Record<string, unknown> };
    return Object.keys(args).length === 0 ? [command] : [command, args];
  });
}

beforeEach(() => {
  invoke.mockReset();
  invoke.mockResolvedValue(null);
});

describe('survey api', () => {
  it('calls each survey command by its Rust name with its argument names', async () => {
    await api.surveyTemplates();
    await api.surveyTemplateImport('{}');
    await api.surveyTemplateExport('bm-qt-sct-05-02', null);
    await api.surveyRoundCreate({ name: 'Đợt', period_from: '2026-01-01', period_to: '2026-12-31', template_key: 'k' });
    await api.surveyRoundTypedElsewhere('r', true);
    await api.surveyPrint('r', 3);
    await api.surveyEntrySheet('r');
    await api.surveyCheckSerial('r', '17');
    await api.surveyResponseSave({ round_id: 'r', serial: '1', filled_on: '', answers: [], keystrokes: 12 });
    await api.surveyResponseUndo('r');
    await api.surveyResponses('r');
    await api.surveyImport('r', 'phiếu.xlsx', [1, 2], true);
    expect(sent()).toEqual([
      ['survey_templates'],
      ['survey_template_import', { json: '{}' }],
      ['survey_template_export', { key: 'bm-qt-sct-05-02', version: null }],
      ['survey_round_create', { input: { name: 'Đợt', period_from: '2026-01-01', period_to: '2026-12-31', template_key: 'k' } }],
      ['survey_round_typed_elsewhere', { roundId: 'r', typedElsewhere: true }],
      ['survey_print', { roundId: 'r', count: 3 }],
      ['survey_entry_sheet', { roundId: 'r' }],
      ['survey_check_serial', { roundId: 'r', serial: '17' }],
      ['survey_response_save', { input: { round_id: 'r', serial: '1', filled_on: '', answers: [], keystrokes: 12 } }],
      ['survey_response_undo', { roundId: 'r' }],
      ['survey_responses', { roundId: 'r' }],
      ['survey_import', { roundId: 'r', name: 'phiếu.xlsx', bytes: [1, 2], dryRun: true }],
    ]);
  });
});
