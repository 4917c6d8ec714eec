// The book, the queue and the overdue badge follow what every desk writes: the other side
// says `ledger-changed` after each write (the office server for every desk's writes, the
// app's shell for this PC's), and after a lost connection comes back (anything may have
// changed meanwhile). Changes are gathered for a moment, so a burst of saves at other
// desks reloads the lists once. A unit head is told of a case that has just reached their
// unit for its answer (bước 6). The case open on screen reloads when a change of the
// moment names it (or may have touched it: a change naming no case, a connection back).

import { untrack } from 'svelte';
import type { LedgerChange } from './api';
import type { SignedIn } from './api/bindings';

/** How long changes are gathered before the lists reload. */
export const SETTLE_MS = 400;

/** The status of a case waiting for its unit's answer (workflow: `specialist`, bước 6). */
export const SPECIALIST_STATUS = 'specialist';

/** Whether `change` brings a case to the unit of `me`, a unit head. */
export function arrivesAtMyUnit(change: LedgerChange, me: SignedIn | null): boolean {
  const c = change.case;
  return (
    !!me &&
    me.role === 'unit_head' &&
    !!me.unit_id &&
    !!c &&
    c.status === SPECIALIST_STATUS &&
    c.unit_id === me.unit_id
  );
}

/** The notice a unit head sees for a case that has just arrived. */
export function arrivalNotice(receiptNo: string): string {
  return `Có hồ sơ mới chuyển đến đơn vị: ${receiptNo}`;
}

/**
 * What the changes of one settled moment touched: the ids of the cases they name, or `null`
 * when one of them may have touched any case (a change that names no case, such as a
 * holiday that moves deadlines, or a connection that came back after anything may have
 * changed).
 */
export type Touched = ReadonlySet<string> | null;

/** Whether the changes that `touched` may have changed the case `id`. */
export function touches(touched: Touched, id: string): boolean {
  return touched === null || touched.has(id);
}

class Live {
  /** Bumped once the changes of a moment have settled: the lists reload on it. */
  seq = $state(0);
  /** What the changes that last bumped `seq` touched. */
  touched: Touched = new Set();
  /** Receipt numbers of the cases that reached this unit head's unit, newest last. */
  arrivals = $state<string[]>([]);
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pending: Set<string> | null = new Set();

  /** A change was written somewhere: reload soon, and tell a unit head of an arrival. */
  changed(change: LedgerChange | null, me: SignedIn | null): void {
    if (change && arrivesAtMyUnit(change, me) && change.case) {
      const no = change.case.receipt_no;
      if (!this.arrivals.includes(no)) this.arrivals = [...this.arrivals, no];
    }
    if (this.#pending) {
      if (change?.case) this.#pending.add(change.case.id);
      else this.#pending = null;
    }
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.touched = this.#pending;
      this.#pending = new Set();
      this.seq += 1;
    }, SETTLE_MS);
  }

  dismiss(): void {
    this.arrivals = [];
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#pending = new Set();
  }
}

export const live = new Live();

/** Runs `reload` (untracked) each time the changes of a moment have settled, with what they
 *  touched. Called while a component is set up, like `$effect` itself. */
export function onLiveChange(reload: (touched: Touched) => void): void {
  let seen = live.seq;
  $effect(() => {
    const now = live.seq;
    if (now === seen) return;
    seen = now;
    untrack(() => reload(live.touched));
  });
}
