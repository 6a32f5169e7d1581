// Profiles are keyed by local time when a series has a time zone, so that a daylight-saving
// change moves the expected curve with the people who report. Intl knows the rules; we only
// ask it once per zone and hour.

// Bound once: inside a sandbox (jest's vm) every `Math.x` is a slow global lookup.
const { floor } = Math;

const dayMs = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offset of local time from UTC in ms at instant `at`; 0 for no zone or an unknown one. */
export function localOffsetMs(timeZone: string | null | undefined, at: number): number {
  if (!timeZone || timeZone === 'UTC') return 0;
  const hour = floor(at / 3_600_000);
  const key = `${timeZone}|${hour}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  let offset: number;
  try {
    const parts: Record<string, number> = {};
    for (const p of formatterFor(timeZone).formatToParts(hour * 3_600_000)) parts[p.type] = Number(p.value);
    const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
    offset = asUtc - hour * 3_600_000;
  } catch {
    // An unknown zone (a typo in the catalogue) falls back to UTC rather than stopping the tick.
    offset = 0;
  }
  // The cache only ever holds recent hours of the zones in use; trim it so it cannot grow without bound.
  if (offsets.size > 10_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

/** Position in the week in ms, Monday 00:00 local = 0. */
export function timeOfWeekMs(at: number, offsetMs: number): number {
  const local = at + offsetMs;
  // 1970-01-01 was a Thursday: shift by 3 days so that weeks start on Monday.
  const weekMs = 7 * dayMs;
  return (((local + 3 * dayMs) % weekMs) + weekMs) % weekMs;
}
