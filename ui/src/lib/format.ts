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
