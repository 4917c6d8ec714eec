// The book, the queue and the overdue badge follow what every desk writes: the other side
// says `ledger-changed` after each write (the office server for every desk's writes, the
// app's shell for this PC's), and after a lost connection comes back (anything may have
// changed meanwhile). Changes are gathered for a moment, so a burst of saves at other
// desks reloads the lists once. A unit head is told of a case that has just reached their
// unit for its answer (bước 6).

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

class Live {
  /** Bumped once the changes of a moment have settled: the lists reload on it. */
  seq = $state(0);
  /** Receipt numbers of the cases that reached this unit head's unit, newest last. */
  arrivals = $state<string[]>([]);
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** A change was written somewhere: reload soon, and tell a unit head of an arrival. */
  changed(change: LedgerChange | null, me: SignedIn | null): void {
    if (change && arrivesAtMyUnit(change, me) && change.case) {
      const no = change.case.receipt_no;
      if (!this.arrivals.includes(no)) this.arrivals = [...this.arrivals, no];
    }
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.seq += 1;
    }, SETTLE_MS);
  }

  dismiss(): void {
    this.arrivals = [];
  }

  stop(): void {
    clearTimeout(this.#timer);
  }
}

export const live = new Live();

/** Runs `reload` (untracked) each time the changes of a moment have settled. Called while a
 *  component is set up, like `$effect` itself. */
export function onLiveChange(reload: () => void): void {
  let seen = live.seq;
  $effect(() => {
    const now = live.seq;
    if (now === seen) return;
    seen = now;
    untrack(reload);
  });
}
