// The entry form of the book as data: its defaults, what is kept from one citizen to the
// next, and the FeedbackInput it sends. Pure, so the rules are unit-tested.

import type { Book, Channel, CustomerGroup, FeedbackInput, Kind, Subject } from '../api/bindings';
import { localYmd } from '../format';

/** What the form edits: FeedbackInput, with "settled on the spot" as a tick and its text. */
export interface EntryDraft extends Omit<FeedbackInput, 'settled_on_spot'> {
  settled: boolean;
  settled_text: string;
  /**
   * True once the clerk has typed a date or time of their own. Until then the field follows
   * the clock, so what is saved is when the citizen was at the desk, not when the form opened.
   */
  received_set: boolean;
}

/** Defaults of a fresh form, before the vocabulary confirms them (see `entryDefaults`). */
export const ENTRY_DEFAULTS = {
  channel: 'in_person' as Channel,
  kind: 'reflection' as Kind,
  subject: 'other' as Subject,
  book: 'feedback' as Book,
  customer_group: 'unknown' as CustomerGroup,
};

export type EntryDefaults = typeof ENTRY_DEFAULTS;

/**
 * "Now" for the Ngày giờ tiếp nhận field, `YYYY-MM-DDTHH:MM`: the office's today with the
 * clock's time. If the window stayed open past midnight the clock's newer date wins.
 */
export function nowStamp(today: string, now: Date): string {
  const clockDay = localYmd(now);
  const day = /^\d{4}-\d{2}-\d{2}$/.test(today) && today >= clockDay ? today : clockDay;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${day}T${p(now.getHours())}:${p(now.getMinutes())}`;
}

export function blankEntry(stamp: string, defaults: EntryDefaults = ENTRY_DEFAULTS): EntryDraft {
  return {
    received_at: stamp,
    channel: defaults.channel,
    kind: defaults.kind,
    subject: defaults.subject,
    book: defaults.book,
    customer_name: '',
    customer_org: '',
    customer_address: '',
    customer_phone: '',
    customer_email: '',
    customer_group: defaults.customer_group,
    content: '',
    receiver_id: null,
    unit_id: null,
    written: false,
    formal: false,
    settled: false,
    settled_text: '',
    received_set: false,
  };
}

/**
 * The form for the next citizen after a save: blank, at the current time, but still at the
 * same desk: the channel, the receiving clerk and the handling unit stay as they were.
 */
export function nextEntry(prev: EntryDraft, stamp: string, defaults: EntryDefaults = ENTRY_DEFAULTS): EntryDraft {
  return {
    ...blankEntry(stamp, defaults),
    channel: prev.channel,
    receiver_id: prev.receiver_id,
    unit_id: prev.unit_id,
  };
}

/** What is sent to feedback_add. The explanation goes only when the tick is on. */
export function entryInput(d: EntryDraft): FeedbackInput {
  const { settled, settled_text, received_set: _, ...rest } = d;
  return { ...rest, settled_on_spot: settled ? settled_text : null };
}

/**
 * Channels through which the citizen is asked their name (the core's `Channel::name_required`):
 * a suggestion-box note, an unsigned letter or a social-media post may have none.
 */
export const NAME_REQUIRED_CHANNELS: readonly Channel[] = ['in_person', 'hotline'];

export function nameRequired(channel: Channel): boolean {
  return NAME_REQUIRED_CHANNELS.includes(channel);
}

/** How the book shows an entry recorded without a name (the core's `NO_NAME`). */
export const NO_NAME = 'Không ghi tên';

export function customerShown(name: string): string {
  return name.trim() ? name : NO_NAME;
}

/**
 * «Người tiếp nhận» is whoever is signed in, unless the clerk chose someone else: a form with
 * no receiver yet takes `staffId` (null on a database without accounts: left unchosen).
 */
export function withReceiver(d: EntryDraft, staffId: string | null): EntryDraft {
  return d.receiver_id === null && staffId ? { ...d, receiver_id: staffId } : d;
}

/** Fields whose input id is not "fb-" + the core's field name. */
const INPUT_IDS: Record<string, string> = { receiver_id: 'fb-receiver', unit_id: 'fb-unit' };

/** The id of the input a validation error about `field` belongs to. */
export function entryInputId(field: string): string {
  return INPUT_IDS[field] ?? `fb-${field}`;
}

/** The fields of the form, as the core names them in validation errors. */
export const ENTRY_FIELDS = [
  'received_at',
  'channel',
  'kind',
  'subject',
  'book',
  'customer_name',
  'customer_org',
  'customer_address',
  'customer_phone',
  'customer_email',
  'customer_group',
  'content',
  'receiver_id',
  'unit_id',
  'written',
  'formal',
  'settled_on_spot',
];

/** The line under the form after a save; ends with the number, which clerks copy out. */
export function receiptLine(receiptNo: string): string {
  return `Đã ghi nhận, số phiếu ${receiptNo}`;
}
