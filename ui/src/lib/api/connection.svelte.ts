// Whether the desk reaches its office server, for the banner at the top of the window, and
// what became of a save made while it did not. Fed by the transport only: by the shell's
// `connection` events in the app window, by failed and successful requests in a browser,
// and in both by the connection errors of the commands themselves. On one PC it never
// leaves "connected".

export type ConnectionState = 'connected' | 'lost';

/** What the clerk is told once a save held up by a lost connection has an answer. */
export interface SaveOutcome {
  saved: boolean;
  text: string;
  /** Bumped on every outcome, so the same text twice is still shown afresh. */
  seq: number;
}

export const LOST_TEXT =
  'Mất kết nối tới máy chủ… Đang thử kết nối lại. Những gì bạn đã nhập vẫn còn trên màn hình.';

/** A save that went through after the connection was lost and came back. */
export const SAVED_AFTER_LOSS =
  'Đã lưu (máy chủ đã nhận thao tác vừa rồi dù kết nối bị gián đoạn; không có gì bị ghi hai lần).';

/** The same, when the server says it had the save already and answered it again. */
export const SAVED_BEFORE_LOSS =
  'Đã lưu (máy chủ đã nhận trước khi mất kết nối; không có gì bị ghi hai lần).';

/** A save given up after a minute without the server. */
export const NOT_SAVED =
  'Chưa lưu được: không kết nối được tới máy chủ. Những gì bạn đã nhập vẫn còn trên màn hình; ' +
  'khi có kết nối lại, hãy bấm lưu lần nữa (máy chủ sẽ không ghi hai lần).';

type Listener = (state: ConnectionState) => void;

class Connection {
  state = $state<ConnectionState>('connected');
  /** Writes waiting for the connection to come back, retried with their own request id. */
  waiting = $state(0);
  outcome = $state<SaveOutcome | null>(null);
  #listeners = new Set<Listener>();

  get lost(): boolean {
    return this.state === 'lost';
  }

  /** Calls `f` on every change of state; answers the function that stops it. */
  subscribe(f: Listener): () => void {
    this.#listeners.add(f);
    return () => this.#listeners.delete(f);
  }

  set(next: ConnectionState): void {
    if (next === this.state) return;
    this.state = next;
    for (const f of [...this.#listeners]) f(next);
  }

  markLost(): void {
    this.set('lost');
  }

  markConnected(): void {
    this.set('connected');
  }

  /** Whether a held-up save went through; `before`: the server had it before the loss. */
  tell(saved: boolean, before = false): void {
    const text = !saved ? NOT_SAVED : before ? SAVED_BEFORE_LOSS : SAVED_AFTER_LOSS;
    this.outcome = { saved, text, seq: (this.outcome?.seq ?? 0) + 1 };
  }

  dismissOutcome(): void {
    this.outcome = null;
  }

  /** Back to the start (tests). */
  reset(): void {
    this.state = 'connected';
    this.waiting = 0;
    this.outcome = null;
    this.#listeners.clear();
  }
}

export const connection = new Connection();
