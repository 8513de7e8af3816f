/**
 * A date for people: "2026-12-04" for a plain date or a UTC midnight timestamp, "2026-12-04 13:05 UTC"
 * for another timestamp; anything else as it is.
 */
export function formatDate(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?Z)?$/.exec(value);
  if (!m) return value;
  const [, date, time] = m;
  return time === undefined || time === '00:00' ? `${date}` : `${date} ${time} UTC`;
}
