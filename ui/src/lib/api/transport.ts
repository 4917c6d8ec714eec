// The one way the UI reaches Rust. `call` sends a command of the core's table (`Commands`,
// generated from src/commands/table.rs) or of the app shell (`ShellCommands`) with its
// arguments, and resolves to its result or rejects with the core's tagged `ErrorReport`.
// Today it goes through Tauri's IPC to the shell's one command, `call`; a page served by an
// office server would send the same name and arguments over HTTPS instead, here and nowhere
// else. Argument names are camelCase, as the core's request types read them.

import { invoke } from '@tauri-apps/api/core';
import { emit, listen } from '@tauri-apps/api/event';
import type { AppInfo, Commands, ErrorReport, RestoreReport, ServerInfo } from './bindings';

/** The commands only the app window's shell answers (see src-tauri/src/commands/mod.rs). */
export type ShellCommands = {
  app_info: { args: Record<string, never>; result: AppInfo };
  database_unlock: { args: { passphrase: string }; result: null };
  backup_restore: { args: { path: string }; result: RestoreReport };
  task_cancel: { args: Record<string, never>; result: null };
  desk_get: { args: Record<string, never>; result: DeskState };
  desk_set: { args: DeskChoice; result: DeskState };
};

/** Where this desk's ledger is (src-tauri/src/desk.rs): "unset" only at a first start. */
export type DeskState = {
  mode: 'local' | 'server' | 'unset';
  address: string | null;
  server: ServerInfo | null;
  connected: boolean;
  /** In server mode while not connected: why (kind `connection` or `server_identity`). */
  error: ErrorReport | null;
};

/** What `desk_set` takes: this PC's data, or the office server's address and pairing code. */
export type DeskChoice = { mode: 'local' } | { mode: 'server'; address: string; pin: string };

export type AnyCommand = Commands & ShellCommands;
export type CommandName = keyof AnyCommand;

/** The arguments of `K`: optional when it takes none. */
type ArgsOf<K extends CommandName> = {} extends AnyCommand[K]['args']
  ? [args?: AnyCommand[K]['args']]
  : [args: AnyCommand[K]['args']];

/** Runs the command `command`; the only function that calls `invoke`. */
export function call<K extends CommandName>(command: K, ...[args]: ArgsOf<K>): Promise<AnyCommand[K]['result']> {
  return invoke<AnyCommand[K]['result']>('call', { command, args: args ?? {} });
}

/** Calls `f` each time the Rust side sends `event`; resolves to the function that stops it. */
export function on<T>(event: string, f: (payload: T) => void): Promise<() => void> {
  return listen<T>(event, (e) => f(e.payload));
}

/** Tells the Rust side `event` (only the launch benchmark listens). */
export function tell(event: string): Promise<void> {
  return emit(event);
}
