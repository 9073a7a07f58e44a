// Times sent by clients, checked in the service's own words before any database sees them
// (which would otherwise refuse 2026-02-30 in its own).

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?([Zz]|[+-](\d{2}):?(\d{2}))?)?$/;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Why `value` is not an ISO 8601 date or date-time that exists on the calendar, or null. */
export function isoTimeProblem(value: string): string | null {
  const m = ISO.exec(value);
  if (!m) return 'not an ISO 8601 time (e.g. 2026-03-23T12:00:00Z)';
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1) return 'the year must be 0001 or later';
  if (month < 1 || month > 12) return `there is no month ${m[2]}`;
  if (day < 1 || day > daysIn(year, month)) return `${m[1]}-${m[2]} has no day ${m[3]}`;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? '0') > 59))
    return 'the time of day is out of range (00:00:00 to 23:59:59)';
  if (m[8] !== undefined && (Number(m[8]) > 23 || Number(m[9]) > 59)) return 'the UTC offset is out of range';
  return null;
}

/** `value` when it is a real ISO 8601 time; a 400 naming `field` otherwise. */
export function isoTime(field: string, value: string, fail: (description: string) => Error): string {
  const problem = isoTimeProblem(value);
  if (problem) throw fail(`${field}: ${problem}`);
  return value;
}
