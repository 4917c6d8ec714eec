// This desk's rating kiosk: the one the clerk chose in the window (kept on this PC, since a
// desk's kiosk is the tablet beside it), and arming it for one service. The window arms it
// when a case is saved or closed, and with F9 for a service that is not a case; the kiosk
// then shows its faces for that one rating.

import { access } from '../access.svelte';
import { kioskArm, kiosksList } from '../api';
import type { Kiosk } from '../api/bindings';
import { describe } from '../api/errors';
import { status } from '../status.svelte';

const KEY = 'ykien.deskKiosk';

class DeskKiosk {
  kiosks = $state<Kiosk[]>([]);
  chosen = $state<string | null>(null);

  constructor() {
    try {
      this.chosen = localStorage.getItem(KEY);
    } catch {
      this.chosen = null;
    }
  }

  get usable(): boolean {
    return access.can('arm_kiosk') && this.kiosks.some((k) => !k.disabled);
  }

  get kiosk(): Kiosk | undefined {
    return this.kiosks.find((k) => k.id === this.chosen && !k.disabled);
  }

  async load(): Promise<void> {
    if (!access.can('arm_kiosk')) return;
    try {
      this.kiosks = await kiosksList();
    } catch {
      this.kiosks = [];
    }
  }

  choose(id: string | null): void {
    this.chosen = id;
    try {
      if (id) localStorage.setItem(KEY, id);
      else localStorage.removeItem(KEY);
    } catch {
      // A window without storage still arms for this session.
    }
  }

  /** Arms this desk's kiosk, for `caseId` when the service was a case; quiet without one. */
  async arm(caseId: string | null): Promise<void> {
    const k = this.kiosk;
    if (!k || !access.can('arm_kiosk')) return;
    try {
      await kioskArm(k.id, caseId);
      status.show(`Đã mời khách hàng đánh giá trên máy «${k.name}».`);
    } catch (err) {
      status.show(`Chưa mời đánh giá được trên máy «${k.name}»: ${describe(err)}`);
    }
  }
}

export const deskKiosk = new DeskKiosk();
