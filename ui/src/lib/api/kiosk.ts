// Rating kiosks at the desks, one typed function per command. Each calls the one transport,
// `call`. (The tablet's own page is served by the office server and speaks to it directly:
// see docs/kiosk.md.)

import { call } from './transport';
import type { Kiosk, KioskFigures, KioskInput, KioskPairing, PeriodQuery } from './bindings';

export function kiosksList(): Promise<Kiosk[]> {
  return call('kiosks_list');
}

/** Registers a kiosk (administrators); answers it with the one-time pairing code. */
export function kioskAdd(input: KioskInput): Promise<KioskPairing> {
  return call('kiosk_add', { input });
}

/** A new pairing code for a kiosk whose tablet was replaced; the old tablet stops working. */
export function kioskPair(id: string): Promise<KioskPairing> {
  return call('kiosk_pair', { id });
}

export function kioskDisable(id: string): Promise<Kiosk> {
  return call('kiosk_disable', { id });
}

/** Invites the citizen just served to rate on the kiosk, for the case when there is one. */
export function kioskArm(id: string, caseId: string | null): Promise<Kiosk> {
  return call('kiosk_arm', { id, caseId });
}

/** The kiosks' ratings of a period by desk and by staff member (leadership and the QMR). */
export function kioskFigures(period: PeriodQuery): Promise<KioskFigures> {
  return call('kiosk_figures', { period });
}
