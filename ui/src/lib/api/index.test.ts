import { beforeEach, describe, expect, it, vi } from 'vitest';

// The argument names must match the core's request types exactly (camelCase), or the core
// rejects the call at run time; nothing else would catch a typo before the app starts.
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

describe('api', () => {
  it('calls each command by its Rust name with its argument names', async () => {
    const office = (await import('../forms')).blankOffice();
    const settings = {
      reply_deadline_days: 30,
      count_working_days: false,
      due_soon_days: 3,
      formal_accept_days: 10,
      formal_decide_days: 30,
      formal_decide_days_complex: 45,
      ledger_retention_years: 3,
      survey_retention_years: 3,
      print_keep_days: 7,
      closed_at_entry: [],
      survey_index_source: 'both' as const,
    };
    const staff = { full_name: 'A', title: '', unit_id: null, role: 'reception' as const, phone: '', email: '' };

    await api.appInfo();
    await api.deskGet();
    await api.deskSet({ mode: 'server', address: 'https://10.0.0.5:7443', pin: 'AB12' });
    await api.deskSet({ mode: 'local' });
    await api.officeGet();
    await api.officeSave(office);
    await api.unitsList();
    await api.unitSave({ name: 'Ban ISO', code: 'ISO' });
    await api.unitDelete('u1');
    await api.staffSave(staff);
    await api.staffDelete('s1');
    await api.settingsGet();
    await api.settingsSave(settings);
    await api.auditLog(200);

    expect(sent()).toEqual([
      ['app_info'],
      ['desk_get'],
      // The shell reads the choice from these names (src-tauri/src/desk.rs).
      ['desk_set', { mode: 'server', address: 'https://10.0.0.5:7443', pin: 'AB12' }],
      ['desk_set', { mode: 'local' }],
      ['office_get'],
      ['office_save', { profile: office }],
      ['units_list'],
      ['unit_save', { unit: { name: 'Ban ISO', code: 'ISO' } }],
      ['unit_delete', { id: 'u1' }],
      ['staff_save', { staff }],
      ['staff_delete', { id: 's1' }],
      ['settings_get'],
      ['settings_save', { settings }],
      ['audit_log', { limit: 200 }],
    ]);
  });

  it('calls the feedback book, case, letter, action and holiday commands with their argument names', async () => {
    const input = {
      received_at: '2026-03-02T09:30',
      channel: 'in_person' as const,
      kind: 'complaint' as const,
      subject: 'attitude' as const,
      book: 'feedback' as const,
      customer_name: 'Lê Thị Thu Trang',
      customer_org: '',
      customer_address: '',
      customer_phone: '',
      customer_email: '',
      customer_group: 'unknown' as const,
      content: 'Cán bộ trả lời thiếu nhiệt tình',
      receiver_id: null,
      unit_id: null,
      written: false,
      formal: false,
      settled_on_spot: null,
    };
    const filter = { search: 'trang', overdue_on: '2026-03-02', limit: 100, offset: 0 };
    const move = { to: 'specialist' as const, note: 'Ngoài thẩm quyền', channel: 'hotline' as const };
    const step = { step: 'attitude_talk' as const, on_date: '2026-03-03', note: 'Đã trao đổi' };
    const exception = { due: '2026-04-30', reason: 'Cần xác minh thêm' };
    const action = {
      kind: 'corrective' as const,
      cause: 'Lộ thông tin',
      action: 'Phân quyền lại',
      owner_id: null,
      due_date: '2026-04-01',
      case_ids: ['c1'],
    };

    await api.vocabulary();
    await api.feedbackAdd(input);
    await api.feedbackList(filter);
    await api.caseCounts();
    await api.caseGet('c1');
    await api.caseMove('c1', move);
    await api.caseRecordStep('c1', step);
    await api.caseSetException('c1', exception);
    await api.caseConfirm('c1', 's9');
    await api.replyDraft('c1', null, '125/SCT-VP', 'Kính gửi…');
    await api.replyDraft('c1', 'l1', '126/SCT-VP', 'Kính gửi ông…');
    await api.replySign('l1', 'Trần Văn Hùng', 'Giám đốc Sở', '2026-03-05');
    await api.replySend('l1', '2026-03-06', 'Bưu điện');
    await api.actionsList();
    await api.actionSave(action);
    await api.actionSetStatus('a1', 'in_progress');
    await api.actionCheck('a1', true, 'Không tái diễn', '2026-05-01');
    await api.holidaysList();
    await api.holidayAdd('2026-09-02', 'Quốc khánh');
    await api.holidayRemove('2026-09-02');

    expect(sent()).toEqual([
      ['vocabulary'],
      ['feedback_add', { input }],
      ['feedback_list', { filter }],
      ['case_counts'],
      ['case_get', { id: 'c1' }],
      ['case_move', { id: 'c1', step: move }],
      ['case_record_step', { id: 'c1', step }],
      ['case_set_exception', { id: 'c1', exception }],
      ['case_confirm', { id: 'c1', staffId: 's9' }],
      ['reply_draft', { caseId: 'c1', letterId: null, number: '125/SCT-VP', body: 'Kính gửi…' }],
      ['reply_draft', { caseId: 'c1', letterId: 'l1', number: '126/SCT-VP', body: 'Kính gửi ông…' }],
      ['reply_sign', { letterId: 'l1', signerName: 'Trần Văn Hùng', signerTitle: 'Giám đốc Sở', on: '2026-03-05' }],
      ['reply_send', { letterId: 'l1', on: '2026-03-06', via: 'Bưu điện' }],
      ['actions_list'],
      ['action_save', { action }],
      ['action_set_status', { id: 'a1', status: 'in_progress' }],
      ['action_check', { id: 'a1', effective: true, note: 'Không tái diễn', on: '2026-05-01' }],
      ['holidays_list'],
      ['holiday_add', { day: '2026-09-02', name: 'Quốc khánh' }],
      ['holiday_remove', { day: '2026-09-02' }],
    ]);
  });

  it('sends a blank staff query as null and trims the rest', async () => {
    await api.staffList('   ');
    await api.staffList(null);
    await api.staffList(' nguyen van ');
    expect(sent()).toEqual([
      ['staff_list', { query: null }],
      ['staff_list', { query: null }],
      ['staff_list', { query: 'nguyen van' }],
    ]);
  });

  it('passes the core error through untouched', async () => {
    const report = { kind: 'conflict', message: 'còn cán bộ' };
    invoke.mockRejectedValueOnce(report);
    await expect(api.unitDelete('u1')).rejects.toBe(report);
  });
});
