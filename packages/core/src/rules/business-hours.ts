// DX-4: time counted only during business hours, in the business's IANA time zone, with Intl
// alone: days of 23 and 25 hours at daylight-saving changes, weekends and lunch breaks included.
// Times are epoch ms (the scheduler's); business hours are wall-clock minutes in `timeZone`.

import type { BusinessHours } from '../model/digital.js';

const DAY_MS = 86_400_000;

interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws RangeError for a time zone Intl does not know (the backend's configuration is wrong). */
function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The wall clock at `epoch` in `timeZone`, read back as if it were UTC (to the second). */
function wallAsUtc(epoch: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const { type, value } of formatter(timeZone).formatToParts(epoch)) parts[type] = Number(value);
  return Date.UTC(parts['year']!, parts['month']! - 1, parts['day']!, parts['hour']!, parts['minute']!, parts['second']!);
}

/** The zone's offset from UTC at `epoch`, in ms. */
function offsetAt(epoch: number, timeZone: string): number {
  return wallAsUtc(epoch, timeZone) - (epoch - (((epoch % 1000) + 1000) % 1000));
}

function localDateOf(epoch: number, timeZone: string): LocalDate {
  const wall = new Date(wallAsUtc(epoch, timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

function nextDate(date: LocalDate): LocalDate {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

const dateKey = (date: LocalDate) => date.year * 10_000 + date.month * 100 + date.day;

/**
 * The instant the wall clock in `timeZone` shows `minutes` after midnight of `date` (1440 is the
 * next midnight). A time skipped by a clock change (02:30 on a spring-forward night) is the
 * instant the clock jumps; a time shown twice (autumn) is the earlier or later of the two, as asked,
 * so business intervals always take in the repeated hour rather than lose it.
 */
function wallToEpoch(date: LocalDate, minutes: number, timeZone: string, which: 'earliest' | 'latest'): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + minutes * 60_000;
  const offsetBefore = offsetAt(wall - DAY_MS, timeZone);
  const offsetAfter = offsetAt(wall + DAY_MS, timeZone);
  const candidates = [wall - offsetBefore, wall - offsetAfter].filter((t) => offsetAt(t, timeZone) === wall - t);
  if (candidates.length > 0) return which === 'earliest' ? Math.min(...candidates) : Math.max(...candidates);
  // In a gap: the first instant after the jump lies between the two readings; find it.
  let lo = Math.min(wall - offsetBefore, wall - offsetAfter);
  let hi = Math.max(wall - offsetBefore, wall - offsetAfter);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(mid, timeZone) === offsetAfter) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The business intervals of one local day as epoch ms, sorted and merged. */
function intervalsOn(date: LocalDate, hours: BusinessHours): [number, number][] {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() as 0 | 1 | 2 | 3 | 4 | 5 | 6;
  const intervals = (hours.days[weekday] ?? [])
    .map(({ from, to }) => [Math.max(0, from), Math.min(1440, to)] as const)
    .filter(([from, to]) => to > from)
    .map(([from, to]): [number, number] => [
      wallToEpoch(date, from, hours.timeZone, 'earliest'),
      wallToEpoch(date, to, hours.timeZone, 'latest'),
    ])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const interval of intervals) {
    const last = merged[merged.length - 1];
    if (last && interval[0] <= last[1]) last[1] = Math.max(last[1], interval[1]);
    else merged.push(interval);
  }
  return merged;
}

function hasAnyHours(hours: BusinessHours): boolean {
  return Object.values(hours.days).some((intervals) => intervals?.some(({ from, to }) => Math.min(1440, to) > Math.max(0, from)));
}

/** DX-4: business ms between `a` and `b` (0 when `b` is not after `a`); without business hours, every ms counts. */
export function businessTimeBetween(a: number, b: number, hours: BusinessHours | undefined): number {
  if (b <= a) return 0;
  if (!hours) return b - a;
  let total = 0;
  const last = dateKey(localDateOf(b, hours.timeZone));
  for (let date = localDateOf(a, hours.timeZone); dateKey(date) <= last; date = nextDate(date)) {
    for (const [start, end] of intervalsOn(date, hours)) total += Math.max(0, Math.min(end, b) - Math.max(start, a));
  }
  return total;
}

/**
 * DX-4: the instant `ms` business ms after `start` (a deadline); without business hours, `start + ms`.
 * Infinity when the hours have no open time at all. A deadline that uses up an interval exactly
 * is that interval's end, not the next opening.
 */
export function addBusinessTime(start: number, ms: number, hours: BusinessHours | undefined): number {
  if (ms <= 0) return start;
  if (!hours) return start + ms;
  if (!hasAnyHours(hours)) return Infinity;
  let remaining = ms;
  let date = localDateOf(start, hours.timeZone);
  // Ten years of days at most: open time that only ever falls in clock-change gaps never ends the loop.
  for (let days = 0; days < 3660; days += 1, date = nextDate(date)) {
    for (const [open, close] of intervalsOn(date, hours)) {
      if (close <= start) continue;
      const from = Math.max(open, start);
      if (remaining <= close - from) return from + remaining;
      remaining -= close - from;
    }
  }
  return Infinity;
}

/** DX-4: whether `at` falls in business hours (always, without business hours), e.g. to say the clock is paused. */
export function isBusinessTime(at: number, hours: BusinessHours | undefined): boolean {
  if (!hours) return true;
  return intervalsOn(localDateOf(at, hours.timeZone), hours).some(([start, end]) => at >= start && at < end);
}
