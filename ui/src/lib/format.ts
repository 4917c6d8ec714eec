// Pure formatting helpers, kept apart from the components so they can be unit-tested.

/**
 * An RFC 3339 instant as the clerk's local "dd/mm/yyyy HH:mm". `timeZone` is for tests;
 * the app leaves it unset so the Windows clock's zone applies. Unreadable input is shown
 * as it came rather than as "Invalid Date".
 */
export function formatDateTime(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (iso.trim() === '' || Number.isNaN(date.getTime())) return iso;
  // formatToParts with fixed options, assembled by hand: a locale's own pattern (vi-VN puts
  // the time first and may drop leading zeros) differs between ICU versions.
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

/**
 * A whole number typed into a field, or null if the text is not one. Range checks stay with
 * the core, which words them; this only stops what could not even be sent as a number.
 */
export function parseWholeNumber(text: string | number | null | undefined): number | null {
  if (typeof text === 'number') return Number.isInteger(text) && text >= 0 ? text : null;
  const t = (text ?? '').trim();
  if (!/^\d{1,9}$/.test(t)) return null;
  return Number(t);
}

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/;

/**
 * A calendar date as the core stores it ("2026-03-02") shown as "02/03/2026". Done on the
 * text, not through Date: `new Date("2026-03-02")` is midnight UTC, a day early west of it.
 */
export function formatDate(ymd: string | null | undefined): string {
  const m = YMD.exec((ymd ?? '').trim());
  return m ? `${m[3]}/${m[2]}/${m[1]}` : (ymd ?? '');
}

/**
 * A local date and time as the core stores it ("2026-03-02T09:30", no zone: the office's
 * wall clock) shown as "02/03/2026 09:30". Anything else is returned as it came.
 */
export function formatLocalDateTime(local: string | null | undefined): string {
  const m = LOCAL_DATETIME.exec((local ?? '').trim());
  return m ? `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]}` : (local ?? '');
}

/** The local calendar date of `date` as YYYY-MM-DD. */
export function localYmd(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}

/**
 * A date as a clerk types it, as YYYY-MM-DD, or null when it is not a real date. Accepts
 * the Vietnamese order "2/3/2026", "02-03-2026", "02.03.2026" (day first) and the ISO
 * "2026-03-02". Typed text rather than the browser's date picker, whose order follows the
 * Windows language and would read 02/03 as 3 February on an English Windows.
 */
export function parseDateInput(text: string | null | undefined): string | null {
  const t = (text ?? '').trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A date and time as a clerk types it ("6/12/2026 8:30", "06/12/2026 08:30", or the ISO
 * "2026-12-06T08:30"), as the core's local "2026-12-06T08:30"; null when either part is not
 * real.
 */
export function parseDateTimeInput(text: string | null | undefined): string | null {
  const t = (text ?? '').trim();
  const m = /^(\S+?)(?:[ T,]+|\s+lúc\s+)(\d{1,2})[:hg](\d{2})$/i.exec(t);
  if (!m) return null;
  const date = parseDateInput(m[1]);
  const [h, min] = [Number(m[2]), Number(m[3])];
  if (!date || h > 23 || min > 59) return null;
  return `${date}T${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** "Thứ Hai, 02/03/2026 lúc 09:30" for a local "2026-03-02T09:30"; '' if unreadable. */
export function describeLocalDateTime(local: string | null | undefined): string {
  const m = LOCAL_DATETIME.exec((local ?? '').trim());
  if (!m) return '';
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
  return `${WEEKDAYS[day]}, ${m[3]}/${m[2]}/${m[1]} lúc ${m[4]}:${m[5]}`;
}
