// The correction form as data: what the clerk may change, and the CorrectionInput it sends,
// holding only the fields that differ from the case as saved (so the case's history lists
// exactly those, before → after).

import type { Case, Channel, CorrectionInput, Kind, Subject } from '../api/bindings';

export interface CorrectionDraft {
  customer_name: string;
  customer_org: string;
  kind: Kind;
  subject: Subject;
  channel: Channel;
  unit_id: string | null;
  content: string;
  written: boolean;
  formal: boolean;
}

/** The changed fields of `d` against `kase`; a unit taken away is sent as "". */
export function correctionOf(kase: Case, d: CorrectionDraft): Omit<CorrectionInput, 'reason'> {
  const out: Omit<CorrectionInput, 'reason'> = {};
  if (d.customer_name !== kase.customer_name) out.customer_name = d.customer_name;
  if (d.customer_org !== kase.customer_org) out.customer_org = d.customer_org;
  if (d.kind !== kase.kind) out.kind = d.kind;
  if (d.subject !== kase.subject) out.subject = d.subject;
  if (d.channel !== kase.channel) out.channel = d.channel;
  if (d.unit_id !== kase.unit_id) out.unit_id = d.unit_id ?? '';
  if (d.content !== kase.content) out.content = d.content;
  if (d.written !== kase.written) out.written = d.written;
  if (d.formal !== kase.formal) out.formal = d.formal;
  return out;
}
