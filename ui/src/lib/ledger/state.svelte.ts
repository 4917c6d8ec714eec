// What the Sổ ghi nhận page holds while the clerk is elsewhere (another page, a case): the
// half-typed entry, the last receipt number and the book's filters. Module state, so that
// leaving the page never throws away what was typed.

import { localYmd } from '../format';
import { blankEntry, nowStamp, type EntryDraft } from './entry';
import { blankBookFilter, type BookFilter } from './filter';

class LedgerState {
  draft = $state<EntryDraft>(blankEntry(nowStamp(localYmd(new Date()), new Date())));
  lastReceipt = $state('');
  /** The receipt number of the last save, whose slip the clerk prints for the citizen. */
  lastReceiptNo = $state('');
  filter = $state<BookFilter>(blankBookFilter());
}

export const ledgerState = new LedgerState();
