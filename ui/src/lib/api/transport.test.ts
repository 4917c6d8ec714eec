import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The other side is replaced at its boundary only: Tauri's `invoke` in the app window's
// way, `fetch` and `EventSource` in the browser's.
const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const { call, on, onSessionLost, retry, rememberPicked } = await import('./transport');
const { connection, NOT_SAVED, SAVED_AFTER_LOSS, SAVED_BEFORE_LOSS } = await import('./connection.svelte');

const lostReport = { kind: 'connection', message: 'Mất kết nối tới máy chủ 10.0.0.5:7443.' };
const normalRetry = { ...retry };

beforeEach(() => {
  invoke.mockReset();
  connection.reset();
  // Quick retries, so that a minute of waiting takes a few milliseconds here.
  retry.everyMs = 5;
  retry.forMs = 60;
});

afterEach(() => {
  vi.unstubAllGlobals();
  Object.assign(retry, normalRetry);
});

/** The request id each invoke sent (undefined for none). */
function idsSent(): (string | undefined)[] {
  return invoke.mock.calls.map(([, payload]) => (payload as { requestId?: string }).requestId);
}

describe('the app window’s way (Tauri)', () => {
  it('sends every command through the shell’s one command with its name and arguments', async () => {
    invoke.mockResolvedValue({ name: 'Sở Công Thương' });
    await expect(call('office_get')).resolves.toEqual({ name: 'Sở Công Thương' });
    await call('case_get', { id: 'c1' });
    await call('app_info');
    expect(invoke.mock.calls).toEqual([
      ['call', { command: 'office_get', args: {} }],
      ['call', { command: 'case_get', args: { id: 'c1' } }],
      ['call', { command: 'app_info', args: {} }],
    ]);
  });

  it('rejects with the core’s error report untouched', async () => {
    const report = { kind: 'not_found', entity: 'lệnh', id: 'x', message: 'Không tìm thấy lệnh có mã x.' };
    invoke.mockRejectedValueOnce(report);
    await expect(call('units_list')).rejects.toBe(report);
  });

  it('gives every write a request id of its own, and reads none', async () => {
    invoke.mockResolvedValue(null);
    await call('holiday_add', { day: '2026-09-02', name: 'Quốc khánh' });
    await call('holiday_add', { day: '2026-09-03', name: 'Quốc khánh' });
    await call('holidays_list');
    const [a, b, none] = idsSent();
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(b).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
    expect(none).toBeUndefined();
  });

  it('retries a write whose answer was lost with the same id until the server answers', async () => {
    const states: string[] = [];
    connection.subscribe((s) => states.push(s));
    invoke.mockRejectedValueOnce(lostReport).mockRejectedValueOnce(lostReport).mockResolvedValueOnce({ receipt_no: '2026/000012' });
    retry.everyMs = 30;
    retry.forMs = 1000;
    const saving = call('feedback_add', { input: { content: 'Xin hỏi' } as never });
    await vi.waitFor(() => expect(connection.lost).toBe(true), { interval: 1 });
    expect(connection.waiting).toBe(1);
    await expect(saving).resolves.toEqual({ receipt_no: '2026/000012' });
    const ids = idsSent();
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(1);
    expect(states).toEqual(['lost', 'connected']);
    expect(connection.waiting).toBe(0);
    expect(connection.outcome?.saved).toBe(true);
    expect(connection.outcome?.text).toBe(SAVED_AFTER_LOSS);
  });

  it('gives up after the time allowed, saying it was not saved, and the same submit later reuses the id', async () => {
    invoke.mockRejectedValue(lostReport);
    const input = { content: 'Xin hỏi' } as never;
    await expect(call('feedback_add', { input })).rejects.toEqual({ kind: 'connection', message: NOT_SAVED });
    expect(connection.outcome?.saved).toBe(false);
    expect(connection.lost).toBe(true);
    const first = idsSent();
    expect(first.length).toBeGreaterThan(2);

    invoke.mockReset();
    invoke.mockResolvedValue({ receipt_no: '2026/000013' });
    await call('feedback_add', { input });
    expect(idsSent()).toEqual([first[0]]);
    expect(connection.lost).toBe(false);

    // Answered: the next save of the same form is a new request.
    invoke.mockClear();
    await call('feedback_add', { input });
    expect(idsSent()[0]).not.toBe(first[0]);
  });

  it('never retries a refusal, and the next submit is a new request', async () => {
    const refusal = { kind: 'validation', field: 'content', message: 'Hãy nhập nội dung ý kiến.' };
    invoke.mockRejectedValueOnce(refusal).mockResolvedValueOnce(null);
    await expect(call('holiday_add', { day: 'x', name: '' })).rejects.toBe(refusal);
    await call('holiday_add', { day: 'x', name: '' });
    const [a, b] = idsSent();
    expect(invoke).toHaveBeenCalledTimes(2);
    expect(a).not.toBe(b);
    expect(connection.lost).toBe(false);
  });

  it('tells the window when a command is refused for want of a session', async () => {
    const told = vi.fn();
    const stop = onSessionLost(told);
    const locked = { kind: 'sign_in_required', message: 'Màn hình đang khoá: hãy nhập lại mật khẩu.' };
    invoke.mockRejectedValueOnce(locked).mockRejectedValueOnce(locked);
    await expect(call('units_list')).rejects.toBe(locked);
    // Asking who is signed in is how the window learns it: never a loop.
    await expect(call('access_state')).rejects.toBe(locked);
    stop();
    expect(told).toHaveBeenCalledTimes(1);
  });

  it('shows a read’s lost connection and its return', async () => {
    invoke.mockRejectedValueOnce(lostReport).mockResolvedValueOnce([]);
    await expect(call('units_list')).rejects.toBe(lostReport);
    expect(invoke).toHaveBeenCalledTimes(1);
    expect(connection.lost).toBe(true);
    await call('units_list');
    expect(connection.lost).toBe(false);
  });
});

// ---- The browser's way ----

type Sent = { url: string; init: RequestInit };

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

class FakeEventSource extends EventTarget {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSED = 2;
  static made: FakeEventSource[] = [];
  readyState = 0;
  closed = false;
  constructor(
    public url: string,
    public init?: EventSourceInit,
  ) {
    super();
    FakeEventSource.made.push(this);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  /** What the server sends. */
  send(type: string, data: string) {
    this.dispatchEvent(new MessageEvent(type, { data }));
  }
}

describe('the browser’s way (HTTPS to the office server)', () => {
  let sent: Sent[];
  let answer: (s: Sent) => Response | Promise<Response>;
  let downloads: { name: string; href: string }[];
  let opened: string[];

  beforeEach(() => {
    sent = [];
    downloads = [];
    opened = [];
    FakeEventSource.made = [];
    answer = () => jsonResponse(200, { result: null });
    vi.stubGlobal('window', {
      open: (url: string) => {
        opened.push(url);
        return {};
      },
    });
    vi.stubGlobal('location', { origin: 'https://10.0.0.5:7443' });
    vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
      const s = { url, init };
      sent.push(s);
      return answer(s);
    });
    vi.stubGlobal('EventSource', FakeEventSource);
    vi.stubGlobal('document', {
      body: { append: () => {} },
      createElement: () => {
        const a = { href: '', download: '', style: {}, click: () => downloads.push({ name: a.download, href: a.href }), remove: () => {} };
        return a;
      },
    });
  });

  function bodyOf(s: Sent): { args: unknown; files?: Record<string, { name: string; base64: string }> } {
    return JSON.parse(String(s.init.body));
  }

  function header(s: Sent, name: string): string | undefined {
    return (s.init.headers as Record<string, string>)[name];
  }

  it('posts the command’s name and arguments with the guard header and its session cookie', async () => {
    answer = () => jsonResponse(200, { result: { id: 'c1', receipt_no: '2026/000001' } });
    await expect(call('case_get', { id: 'c1' })).resolves.toEqual({ id: 'c1', receipt_no: '2026/000001' });
    expect(invoke).not.toHaveBeenCalled();
    expect(sent).toHaveLength(1);
    expect(sent[0].url).toBe('/api/call/case_get');
    expect(sent[0].init.method).toBe('POST');
    expect(sent[0].init.credentials).toBe('same-origin');
    expect(header(sent[0], 'X-Ykien')).toBe('1');
    expect(header(sent[0], 'Content-Type')).toBe('application/json');
    expect(header(sent[0], 'X-Request-Id')).toBeUndefined();
    expect(bodyOf(sent[0])).toEqual({ args: { id: 'c1' } });
  });

  it('sends a write’s request id, and rejects with the server’s error report', async () => {
    const report = { kind: 'conflict', message: 'Hồ sơ vừa được người khác cập nhật, hãy xem lại.' };
    answer = () => jsonResponse(409, { error: report });
    await expect(call('case_move', { id: 'c1', step: {} as never })).rejects.toEqual(report);
    expect(header(sent[0], 'X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('retries with the same id while the server is unreachable, and shows the loss meanwhile', async () => {
    let calls = 0;
    answer = (s) => {
      if (s.url === '/api/info') return jsonResponse(200, { version: '0.1.0' });
      calls += 1;
      if (calls <= 2) throw new TypeError('Failed to fetch');
      return jsonResponse(200, { result: { receipt_no: '2026/000007' } });
    };
    await expect(call('feedback_add', { input: {} as never })).resolves.toEqual({ receipt_no: '2026/000007' });
    const posts = sent.filter((s) => s.url === '/api/call/feedback_add');
    expect(posts).toHaveLength(3);
    expect(new Set(posts.map((s) => header(s, 'X-Request-Id'))).size).toBe(1);
    expect(connection.outcome?.saved).toBe(true);
    expect(connection.outcome?.text).toBe(SAVED_AFTER_LOSS);
    expect(connection.lost).toBe(false);
  });

  it('says the save was in before the loss when the server answers the id it had already done', async () => {
    let calls = 0;
    answer = (s) => {
      if (s.url === '/api/info') return jsonResponse(200, {});
      calls += 1;
      // The first answer is lost on its way back; the retry is answered from the server's memory.
      if (calls === 1) throw new TypeError('network error');
      return new Response(JSON.stringify({ result: { receipt_no: '2026/000008' } }), {
        status: 200,
        headers: { 'Content-Type': 'application/json', 'X-Ykien-Replayed': '1' },
      });
    };
    await expect(call('feedback_add', { input: {} as never })).resolves.toEqual({ receipt_no: '2026/000008' });
    expect(connection.outcome?.text).toBe(SAVED_BEFORE_LOSS);
  });

  it('takes an answer without its body from a server on its way down as a lost connection', async () => {
    answer = (s) => (s.url === '/api/info' ? jsonResponse(200, {}) : new Response('Bad Gateway', { status: 502 }));
    await expect(call('units_list')).rejects.toMatchObject({ kind: 'connection' });
  });

  it('asks the server for the app’s start, and refuses what only the server PC does', async () => {
    const facts = { version: '0.2.0', db_path: 'máy chủ MAYCHU', open_error: null, office_configured: true, today: '2026-12-06', recovery_backup: null };
    answer = (s) => (s.url === '/api/call/app_info' ? jsonResponse(200, { result: facts }) : jsonResponse(200, {}));
    await expect(call('app_info')).resolves.toEqual(facts);
    expect(header(sent[0], 'X-Ykien')).toBe('1');
    await expect(call('database_unlock', { passphrase: 'x' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(call('backup_restore', { path: 'x' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(call('desk_set', { mode: 'local' })).rejects.toMatchObject({ kind: 'forbidden' });
    expect(sent).toHaveLength(1);
  });

  it('makes the app’s start from /api/info when the server does not answer it itself', async () => {
    answer = (s) =>
      s.url === '/api/info'
        ? jsonResponse(200, { product: 'ykien', version: '0.2.0', office: 'Sở Công Thương', host: 'MAYCHU' })
        : jsonResponse(404, { error: { kind: 'not_found', entity: 'lệnh', id: 'app_info', message: 'Không tìm thấy lệnh.' } });
    const info = await call('app_info');
    expect(info).toMatchObject({ version: '0.2.0', office_configured: true, open_error: null, db_path: 'https://10.0.0.5:7443' });
    expect(info.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const desk = await call('desk_get');
    expect(desk).toMatchObject({ mode: 'server', address: 'https://10.0.0.5:7443', connected: true, error: null });
  });

  it('sends the content of a file picked for import with the call that names it', async () => {
    const name = rememberPicked(new File([new Uint8Array([1, 2, 250])], 'so-cu.xlsx'));
    answer = () => jsonResponse(200, { result: { committed: false }, files: [] });
    await call('import_ledger', { path: name, commit: false });
    expect(bodyOf(sent[0])).toEqual({
      args: { path: 'so-cu.xlsx', commit: false },
      files: { path: { name: 'so-cu.xlsx', base64: 'AQL6' } },
    });
    // A path typed by hand cannot be read by a page: refused before anything is sent.
    await expect(call('import_ledger', { path: 'C:\\so.xlsx', commit: false })).rejects.toMatchObject({
      kind: 'validation',
      field: 'path',
    });
    expect(sent).toHaveLength(1);
  });

  it('offers a written file as a download, and shows a print in a new tab', async () => {
    answer = (s) =>
      s.url.endsWith('export_records')
        ? jsonResponse(200, { result: { path: 'so.xlsx', rows: 3 }, files: [{ arg: 'out', name: 'so.xlsx', base64: 'AQID' }] })
        : jsonResponse(200, { result: { path: '/tmp/x/in.pdf', opened: false }, files: [{ arg: 'print', name: 'in.pdf', base64: 'JVBERg==' }] });
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:1', revokeObjectURL: () => {} }));
    await expect(call('export_records', { what: 'ledger', out: 'so.xlsx', from: null, to: null })).resolves.toMatchObject({ rows: 3 });
    expect(downloads).toEqual([{ name: 'so.xlsx', href: 'blob:1' }]);
    const outcome = await call('print_open', { job: { form: 'ledger_blank' } as never });
    expect(outcome).toEqual({ path: 'in.pdf', opened: true });
    expect(opened).toEqual(['blob:1']);
  });

  it('follows the server’s events while someone listens', async () => {
    const got: unknown[] = [];
    const stop = await on('ledger-changed', (p) => got.push(p));
    expect(FakeEventSource.made).toHaveLength(1);
    const es = FakeEventSource.made[0];
    expect(es.url).toBe('/api/events');
    es.send('changed', JSON.stringify({ command: 'feedback_add', case: { receipt_no: '2026/000009' }, by: 'tiepnhan' }));
    expect(got).toEqual([{ command: 'feedback_add', case: { receipt_no: '2026/000009' }, by: 'tiepnhan' }]);
    stop();
    expect(es.closed).toBe(true);
  });

  it('tells this desk’s long task’s progress, on the same stream, and its Cancel to the server', async () => {
    const changes: unknown[] = [];
    const progress: unknown[] = [];
    const stopChanges = await on('ledger-changed', (p) => changes.push(p));
    const stopProgress = await on('records-progress', (p) => progress.push(p));
    expect(FakeEventSource.made).toHaveLength(1);
    const es = FakeEventSource.made[0];
    es.send('progress', JSON.stringify({ task: 'import', done: 500, total: 1200 }));
    expect(progress).toEqual([{ task: 'import', done: 500, total: 1200 }]);
    expect(changes).toEqual([]);

    answer = () => jsonResponse(200, { result: null });
    await expect(call('task_cancel')).resolves.toBeNull();
    expect(sent.map((s) => s.url)).toEqual(['/api/call/task_cancel']);
    expect(bodyOf(sent[0])).toEqual({ args: {} });

    // The stream stays open while anyone still listens.
    stopProgress();
    expect(es.closed).toBe(false);
    stopChanges();
    expect(es.closed).toBe(true);
  });

  it('tells `connection` listeners of the loss and of the return', async () => {
    const got: unknown[] = [];
    await on('connection', (p) => got.push(p));
    answer = (s) => {
      if (s.url === '/api/info') return jsonResponse(200, {});
      throw new TypeError('Failed to fetch');
    };
    await expect(call('units_list')).rejects.toMatchObject({ kind: 'connection' });
    await vi.waitFor(() => expect(got).toEqual([{ state: 'lost' }, { state: 'restored' }]));
  });
});
