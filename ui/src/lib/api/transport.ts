// The one way the UI reaches the other side. `call` sends a command of the core's table
// (`Commands`, generated from src/commands/table.rs) or of the app shell (`ShellCommands`)
// with its arguments, and resolves to its result or rejects with the core's tagged
// `ErrorReport`. Two ways, chosen here and nowhere else:
// - in the app window (Tauri present), through Tauri's IPC to the shell's one command,
//   `call`; the shell runs it on this PC's database or sends it to the office server;
// - in a browser, on a page the office server serves, over HTTPS to that same server
//   (`POST /api/call/NAME`, the session in its cookie), the files a command reads or writes
//   on the desk travelling in the request and the answer (docs/server.md).
// Every write carries a request id made here; when the answer is lost, the same id is sent
// again, so the server answers the first result instead of doing it twice. Argument names
// are camelCase, as the core's request types read them.

import { invoke } from '@tauri-apps/api/core';
import { emit, listen } from '@tauri-apps/api/event';
import { open as openDialog, save as saveDialog } from '@tauri-apps/plugin-dialog';
import type { AppInfo, Commands, ErrorReport, PrintOutcome, RestoreReport, ServerInfo } from './bindings';
import { base64ToBytes, bytesToBase64 } from './base64';
import { deskFiles, writes } from './commands';
import { connection, LOST_TEXT, NOT_SAVED } from './connection.svelte';
import { isErrorReport } from './errors';

/** How this window works: on this PC's data, or as a desk of the office server. */
export type DeskMode = 'local' | 'server' | 'unset';

/** The shell's answer to `desk_get` and `desk_set` (a browser makes the same from /api/info). */
export type DeskState = {
  mode: DeskMode;
  /** The server's address ("https://host:port") in server mode. */
  address: string | null;
  server: ServerInfo | null;
  connected: boolean;
  /** In server mode while not connected: why (kind `connection` or `server_identity`). */
  error: ErrorReport | null;
};

/** What `desk_set` is asked: this PC's data, or the server at `address` with its pairing code. */
export type DeskChoice = { mode: 'local' } | { mode: 'server'; address: string; pin: string };

/** The commands only the app window's shell answers (see src-tauri/src/commands/mod.rs). */
export type ShellCommands = {
  app_info: { args: Record<string, never>; result: AppInfo };
  database_unlock: { args: { passphrase: string }; result: null };
  backup_restore: { args: { path: string }; result: RestoreReport };
  task_cancel: { args: Record<string, never>; result: null };
  desk_get: { args: Record<string, never>; result: DeskState };
  desk_set: { args: DeskChoice; result: DeskState };
};

export type AnyCommand = Commands & ShellCommands;
export type CommandName = keyof AnyCommand;

/** The arguments of `K`: optional when it takes none. */
type ArgsOf<K extends CommandName> = {} extends AnyCommand[K]['args']
  ? [args?: AnyCommand[K]['args']]
  : [args: AnyCommand[K]['args']];

type Args = Record<string, unknown>;

/** How long a write waits for a lost connection, and how often it tries again. */
export const retry = { everyMs: 3000, forMs: 60_000 };

/** True in a browser on a page the office server serves; false in the app window. */
export function inBrowser(): boolean {
  // Without a window at all (the unit tests) the app window's way is the one mocked.
  return typeof window !== 'undefined' && !('__TAURI_INTERNALS__' in window);
}

// ---- Request ids: nothing done twice ----

// The id of each write that has not had a definite answer, by its command and arguments:
// pressing «Lưu» again on the same, unchanged form sends the same id, so a save whose
// answer was lost is answered with its first receipt instead of making a second case.
const unanswered = new Map<string, string>();

/**
 * The key of a write: a digest of its command and arguments, so that no password typed into
 * a form (signing in, a new password) stays in memory as text.
 */
async function requestKey(command: string, args: Args): Promise<string> {
  const text = new TextEncoder().encode(`${command} ${JSON.stringify(args)}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', text));
  return `${command} ${bytesToBase64(digest)}`;
}

function newRequestId(): string {
  return crypto.randomUUID();
}

/** A lost server or network, as opposed to a refusal: only these are tried again. */
function isConnectionError(err: unknown): boolean {
  return isErrorReport(err) && err.kind === 'connection';
}

/** The server did not answer: the banner shows, and a browser asks until it answers. */
function lost(): void {
  connection.markLost();
  if (inBrowser()) void probe();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// Told when a command is refused for want of a session: the server locked an idle desk, or
// its session ended (signed out elsewhere). The window then shows the lock or the sign-in.
const sessionLostListeners = new Set<() => void>();

/** Calls `f` when a command is refused because the desk's session is locked or gone. */
export function onSessionLost(f: () => void): () => void {
  sessionLostListeners.add(f);
  return () => sessionLostListeners.delete(f);
}

/** Runs the command `command`; the one way to the other side. */
export async function call<K extends CommandName>(command: K, ...[args]: ArgsOf<K>): Promise<AnyCommand[K]['result']> {
  try {
    return await attempt(command, (args ?? {}) as Args);
  } catch (err) {
    if (isErrorReport(err) && err.kind === 'sign_in_required' && command !== 'access_state') {
      for (const f of [...sessionLostListeners]) f();
    }
    throw err;
  }
}

async function attempt<K extends CommandName>(command: K, a: Args): Promise<AnyCommand[K]['result']> {
  if (!writes(command)) {
    try {
      const { result } = await send(command, a, null);
      connection.markConnected();
      return result as AnyCommand[K]['result'];
    } catch (err) {
      if (isConnectionError(err)) lost();
      throw err;
    }
  }
  const key = await requestKey(command, a);
  const id = unanswered.get(key) ?? newRequestId();
  unanswered.set(key, id);
  const started = Date.now();
  let held = false;
  try {
    for (;;) {
      try {
        const { result, replayed } = await send(command, a, id);
        unanswered.delete(key);
        connection.markConnected();
        if (held) connection.tell(true, replayed);
        return result as AnyCommand[K]['result'];
      } catch (err) {
        if (!isConnectionError(err)) {
          // A definite answer: the next submit is a new request.
          unanswered.delete(key);
          throw err;
        }
        lost();
        if (!held) {
          held = true;
          connection.waiting += 1;
        }
        if (Date.now() - started + retry.everyMs > retry.forMs) {
          // The id stays: a later identical submit may find the first one saved.
          connection.tell(false);
          throw { kind: 'connection', message: NOT_SAVED } satisfies ErrorReport;
        }
        await sleep(retry.everyMs);
      }
    }
  } finally {
    if (held) connection.waiting -= 1;
  }
}

/** What one attempt answered; `replayed`: the server had done it already (same request id). */
type Sent = { result: unknown; replayed: boolean };

/** One attempt at `command`, the app window's way or the browser's. */
async function send(command: string, args: Args, requestId: string | null): Promise<Sent> {
  if (inBrowser()) return overHttps(command, args, requestId);
  // The shell sends `requestId` on as the request's id when it is a desk of a server.
  const payload: Args = requestId ? { command, args, requestId } : { command, args };
  return { result: await invoke('call', payload), replayed: false };
}

// ---- The browser's way: HTTPS to the server that served the page ----

function lostReport(): ErrorReport {
  return { kind: 'connection', message: LOST_TEXT };
}

/** A file travelling with a request or an answer. */
type FileSent = { name: string; base64: string };
type FileAnswered = { arg: string; name: string; base64: string };

async function overHttps(command: string, args: Args, requestId: string | null): Promise<Sent> {
  const shell = browserShell[command];
  if (shell) return { result: await shell(args), replayed: false };
  return post(command, args, requestId);
}

/** `POST /api/call/NAME` to the server that served the page. */
async function post(command: string, args: Args, requestId: string | null): Promise<Sent> {
  const files = await filesToSend(command, args);
  const headers: Record<string, string> = { 'X-Ykien': '1', 'Content-Type': 'application/json' };
  if (requestId) headers['X-Request-Id'] = requestId;
  let response: Response;
  try {
    response = await fetch(`/api/call/${encodeURIComponent(command)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers,
      body: JSON.stringify(files ? { args, files } : { args }),
    });
  } catch {
    // fetch rejects only when no answer came: the server is stopped or out of reach.
    throw lostReport();
  }
  const body = (await response.json().catch(() => null)) as
    | { result?: unknown; files?: FileAnswered[]; error?: unknown }
    | null;
  if (!response.ok || body === null || !('result' in body)) {
    if (body && isErrorReport(body.error)) throw body.error;
    // A proxy or a server on its way down answers without our body: as good as no answer.
    if (response.status >= 502 || body === null) throw lostReport();
    throw { kind: 'io', message: `Máy chủ trả lời không đúng dạng (mã ${response.status}).` } satisfies ErrorReport;
  }
  return {
    result: receiveFiles(command, args, body.result, body.files ?? []),
    // The server answered a request id it had already done: the save was in before the loss.
    replayed: response.headers.get('X-Ykien-Replayed') === '1',
  };
}

// The files picked with the browser's file chooser, by the name the command is given, so
// that the call that names one can send its content (a page never learns a file's path).
const picked = new Map<string, File>();

async function filesToSend(command: string, args: Args): Promise<Record<string, FileSent> | null> {
  let files: Record<string, FileSent> | null = null;
  for (const f of deskFiles(command)) {
    if (typeof f !== 'object' || !('reads' in f)) continue;
    const name = String(args[f.reads] ?? '');
    const file = picked.get(name);
    if (!file) {
      throw {
        kind: 'validation',
        field: f.reads,
        message: 'Hãy chọn tệp bằng nút «Chọn tệp…»: trình duyệt chỉ gửi được tệp đã chọn như vậy.',
      } satisfies ErrorReport;
    }
    files ??= {};
    files[f.reads] = { name: file.name, base64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) };
  }
  return files;
}

/** Offers `bytes` as a download named `name`; the browser keeps it in its downloads. */
function download(name: string, bytes: Uint8Array<ArrayBuffer>, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Shows a print in a new tab, where the clerk prints it; false when the browser refused. */
function showPdf(bytes: Uint8Array<ArrayBuffer>): boolean {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const shown = window.open(url, '_blank') !== null;
  setTimeout(() => URL.revokeObjectURL(url), 10 * 60_000);
  return shown;
}

function mimeOf(name: string): string {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  return (
    {
      pdf: 'application/pdf',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      csv: 'text/csv',
      json: 'application/json',
    }[ext] ?? 'application/octet-stream'
  );
}

/** The desk's side of the files a command wrote: downloads, or a print shown in a tab. */
function receiveFiles(command: string, _args: Args, result: unknown, files: FileAnswered[]): unknown {
  const kinds = deskFiles(command);
  if (kinds.length === 0) return result;
  for (const f of files) {
    const bytes = base64ToBytes(f.base64);
    if (f.arg === 'print' && kinds.includes('print_folder')) {
      const opened = showPdf(bytes);
      if (!opened) download(f.name, bytes, 'application/pdf');
      return { ...(result as PrintOutcome), path: f.name, opened } satisfies PrintOutcome;
    }
    download(f.name, bytes, mimeOf(f.name));
  }
  return result;
}

// What the app window's shell answers itself, answered in a browser from the server that
// served the page, or refused: restoring a backup or opening an encrypted file is done on
// the server PC itself.
const ONLY_ON_SERVER: ErrorReport = {
  kind: 'forbidden',
  message:
    'Việc này chỉ làm được trên chính máy chủ (mở Ý Kiến trên máy chủ, hoặc dùng lệnh ykien ở đó), không làm được từ trình duyệt.',
};

async function serverInfo(): Promise<ServerInfo> {
  let response: Response;
  try {
    response = await fetch('/api/info', { credentials: 'same-origin' });
  } catch {
    throw lostReport();
  }
  if (!response.ok) throw lostReport();
  return (await response.json()) as ServerInfo;
}

function localToday(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const browserShell: Record<string, (args: Args) => Promise<unknown>> = {
  app_info: async (): Promise<AppInfo> => {
    // The server answers the window's start-up facts itself, the office's today with them;
    // from one that does not, its public info stands for them.
    try {
      return (await post('app_info', {}, null)).result as AppInfo;
    } catch (err) {
      if (!(isErrorReport(err) && err.kind === 'not_found')) throw err;
    }
    const info = await serverInfo();
    return {
      version: info.version,
      db_path: location.origin,
      open_error: null,
      office_configured: info.office !== null,
      today: localToday(),
      recovery_backup: null,
    };
  },
  desk_get: async (): Promise<DeskState> => ({
    mode: 'server',
    address: location.origin,
    server: await serverInfo(),
    connected: true,
    error: null,
  }),
  desk_set: () => Promise.reject(ONLY_ON_SERVER),
  database_unlock: () => Promise.reject(ONLY_ON_SERVER),
  backup_restore: () => Promise.reject(ONLY_ON_SERVER),
  // The Cancel of this desk's long task: the server stops it at its next report, and the
  // task's own call then answers the core's `cancelled` refusal.
  task_cancel: async () => (await post('task_cancel', {}, null)).result,
};

// ---- Choosing files: the system's dialogs in the app window, the browser's own otherwise ----

export type FileFilter = { name: string; extensions: string[] };

/**
 * Where the file a command writes goes: a path chosen in the save dialog; in a browser, the
 * file's name (the browser saves the answer as a download). Null when cancelled.
 */
export async function chooseSavePath(options: { title?: string; defaultPath: string; filters: FileFilter[] }): Promise<string | null> {
  if (inBrowser()) return options.defaultPath;
  return (await saveDialog(options)) ?? null;
}

/**
 * A file for a command to read: its path, chosen in the open dialog; in a browser, its name,
 * picked with the browser's file chooser and kept for the call that sends it. Null when
 * cancelled.
 */
export async function chooseOpenFile(options: { title: string; filters: FileFilter[] }): Promise<string | null> {
  if (!inBrowser()) {
    const path = await openDialog({ title: options.title, filters: options.filters });
    return typeof path === 'string' ? path : null;
  }
  const file = await pickInBrowser(options.filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(','));
  if (!file) return null;
  picked.set(file.name, file);
  return file.name;
}

/** A folder on this PC, chosen in the folder dialog; null in a browser (no such dialog). */
export async function chooseFolder(title: string): Promise<string | null> {
  if (inBrowser()) return null;
  const path = await openDialog({ directory: true, title });
  return typeof path === 'string' ? path : null;
}

function pickInBrowser(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

/** Makes `file`, picked by a page's own file input, the file a later call names (tests too). */
export function rememberPicked(file: File): string {
  picked.set(file.name, file);
  return file.name;
}

// ---- Events: what the other side tells the window ----

type Listener = (payload: unknown) => void;

/** The server's events, by the name the window's shell gives them: a write at any desk, and
 *  the progress of this desk's own long task (sent to its session only). */
const SERVER_EVENTS: Record<string, string> = { changed: 'ledger-changed', progress: 'records-progress' };
const listeners = new Map<string, Set<Listener>>(Object.values(SERVER_EVENTS).map((e) => [e, new Set<Listener>()]));

function listening(): boolean {
  return [...listeners.values()].some((set) => set.size > 0);
}

let source: EventSource | null = null;
let reopen: ReturnType<typeof setTimeout> | undefined;
let probing = false;

/** Follows the server's events (browser), while anyone listens. */
function follow(): void {
  if (source || !listening()) return;
  const es = new EventSource('/api/events', { withCredentials: true });
  source = es;
  for (const [name, event] of Object.entries(SERVER_EVENTS)) {
    es.addEventListener(name, (e) => {
      let data: unknown = null;
      try {
        data = JSON.parse((e as MessageEvent<string>).data);
      } catch {
        return;
      }
      for (const f of [...(listeners.get(event) ?? [])]) f(data);
    });
  }
  es.addEventListener('open', () => connection.markConnected());
  es.addEventListener('error', () => {
    if (es.readyState === EventSource.CLOSED) {
      // Refused (no session yet) or gone: open again a little later.
      if (source === es) source = null;
      clearTimeout(reopen);
      reopen = setTimeout(follow, retry.everyMs);
    }
    void probe();
  });
}

function unfollow(): void {
  if (listening()) return;
  clearTimeout(reopen);
  source?.close();
  source = null;
}

/** Asks the server whether it answers, until it does (browser). */
async function probe(): Promise<void> {
  if (probing) return;
  probing = true;
  try {
    for (;;) {
      try {
        await serverInfo();
        connection.markConnected();
        return;
      } catch {
        connection.markLost();
        await sleep(retry.everyMs);
      }
    }
  } finally {
    probing = false;
  }
}

// The shell's `connection` events, followed once for the whole window.
let shellConnection: Promise<() => void> | null = null;

function followShellConnection(): void {
  shellConnection ??= listen<{ state: 'lost' | 'restored' }>('connection', (e) => {
    if (e.payload.state === 'lost') connection.markLost();
    else connection.markConnected();
  }).catch(() => () => {});
}

/**
 * Calls `f` each time the other side sends `event`; resolves to the function that stops it.
 * `ledger-changed` (something was written, at this desk or another), `records-progress` (this
 * desk's long task) and `connection` (`{ state: 'lost' | 'restored' }`) come both ways; the
 * others only from the app's shell.
 */
export function on<T>(event: string, f: (payload: T) => void): Promise<() => void> {
  if (event === 'connection') {
    if (!inBrowser()) followShellConnection();
    const stop = connection.subscribe((s) => f({ state: s === 'lost' ? 'lost' : 'restored' } as T));
    return Promise.resolve(stop);
  }
  if (!inBrowser()) return listen<T>(event, (e) => f(e.payload));
  const set = listeners.get(event);
  if (!set) return Promise.resolve(() => {});
  const g = f as Listener;
  set.add(g);
  follow();
  return Promise.resolve(() => {
    set.delete(g);
    unfollow();
  });
}

/** Follows whether the server is reachable, for the banner (the app window's shell says so). */
export function watchConnection(): void {
  if (!inBrowser()) followShellConnection();
}

/** Tells the Rust side `event` (only the launch benchmark listens; nobody in a browser). */
export function tell(event: string): Promise<void> {
  return inBrowser() ? Promise.resolve() : emit(event);
}
