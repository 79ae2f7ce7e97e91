import { describe, expect, it } from 'vitest';
import type { BusinessHours } from '../model/digital.js';
import { addBusinessTime, businessTimeBetween, isBusinessTime } from './business-hours.js';

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const NINE_TO_SIX = [{ from: 9 * 60, to: 18 * 60 }];
/** Europe/Paris, Monday to Friday 09:00–18:00; Paris is UTC+1 in winter, UTC+2 in summer. */
const PARIS: BusinessHours = {
  timeZone: 'Europe/Paris',
  days: { 1: NINE_TO_SIX, 2: NINE_TO_SIX, 3: NINE_TO_SIX, 4: NINE_TO_SIX, 5: NINE_TO_SIX },
};

describe('businessTimeBetween / addBusinessTime', () => {
  it('DX-4: within one business day, in the business’s time zone', () => {
    // Monday 4 March 2024, 10:00 → 12:00 Paris (09:00Z → 11:00Z).
    expect(businessTimeBetween(at('2024-03-04T09:00Z'), at('2024-03-04T11:00Z'), PARIS)).toBe(2 * H);
    expect(addBusinessTime(at('2024-03-04T09:00Z'), 2 * H, PARIS)).toBe(at('2024-03-04T11:00Z'));
    // Before opening and after closing do not count: 07:00 → 20:00 Paris is the 9 hours of the day.
    expect(businessTimeBetween(at('2024-03-04T06:00Z'), at('2024-03-04T19:00Z'), PARIS)).toBe(9 * H);
    expect(addBusinessTime(at('2024-03-04T06:00Z'), H, PARIS), 'a clock started before opening runs from 09:00').toBe(
      at('2024-03-04T09:00Z'),
    );
  });

  it('DX-4: a weekend does not count: Friday 17:00 → Monday 10:00 is two business hours', () => {
    expect(businessTimeBetween(at('2024-03-08T16:00Z'), at('2024-03-11T09:00Z'), PARIS)).toBe(2 * H);
    expect(addBusinessTime(at('2024-03-08T16:00Z'), 2 * H, PARIS)).toBe(at('2024-03-11T09:00Z'));
    expect(businessTimeBetween(at('2024-03-09T10:00Z'), at('2024-03-10T10:00Z'), PARIS), 'all weekend').toBe(0);
  });

  it('DX-4: across the spring daylight-saving change, Monday 10:00 is 08:00Z, not 09:00Z', () => {
    // Friday 29 March 17:00 CET (16:00Z); clocks go forward on Sunday 31 March; Monday 1 April 10:00 CEST = 08:00Z.
    expect(addBusinessTime(at('2024-03-29T16:00Z'), 2 * H, PARIS)).toBe(at('2024-04-01T08:00Z'));
    expect(businessTimeBetween(at('2024-03-29T16:00Z'), at('2024-04-01T08:00Z'), PARIS)).toBe(2 * H);
    // And back in autumn: Friday 25 October 17:00 CEST (15:00Z) + 2 h → Monday 28 October 10:00 CET (09:00Z).
    expect(addBusinessTime(at('2024-10-25T15:00Z'), 2 * H, PARIS)).toBe(at('2024-10-28T09:00Z'));
  });

  it('DX-4: the days of the change last 23 and 25 hours when the business is open all day', () => {
    const sundays: BusinessHours = { timeZone: 'Europe/Paris', days: { 0: [{ from: 0, to: 1440 }] } };
    expect(businessTimeBetween(at('2024-03-30T12:00Z'), at('2024-04-01T12:00Z'), sundays)).toBe(23 * H);
    expect(businessTimeBetween(at('2024-10-26T12:00Z'), at('2024-10-28T12:00Z'), sundays)).toBe(25 * H);
    expect(addBusinessTime(at('2024-03-30T23:00Z'), 23 * H, sundays), 'Sunday midnight CET + 23 h = Monday midnight CEST').toBe(
      at('2024-03-31T22:00Z'),
    );
  });

  it('DX-4: an opening time the clocks skip starts when they jump; a repeated hour is counted both times', () => {
    // Sunday 31 March 2024 02:30–04:00: 02:30 never happens, so the day opens at 03:00 CEST (01:00Z).
    const skipped: BusinessHours = { timeZone: 'Europe/Paris', days: { 0: [{ from: 150, to: 240 }] } };
    expect(businessTimeBetween(at('2024-03-30T12:00Z'), at('2024-04-01T12:00Z'), skipped)).toBe(H);
    expect(addBusinessTime(at('2024-03-30T12:00Z'), 0.5 * H, skipped)).toBe(at('2024-03-31T01:30Z'));
    // Sunday 27 October 2024 02:30–03:00: from the first 02:30 (CEST, 00:30Z) to 03:00 CET (02:00Z).
    const repeated: BusinessHours = { timeZone: 'Europe/Paris', days: { 0: [{ from: 150, to: 180 }] } };
    expect(businessTimeBetween(at('2024-10-26T12:00Z'), at('2024-10-28T12:00Z'), repeated)).toBe(1.5 * H);
  });

  it('DX-4: a day with a lunch break counts both intervals and skips the break', () => {
    const split = [
      { from: 9 * 60, to: 12 * 60 },
      { from: 14 * 60, to: 18 * 60 },
    ];
    const lunch: BusinessHours = { timeZone: 'Europe/Paris', days: { 2: split } };
    // Tuesday 5 March 2024, 11:00 → 15:00 Paris: 11–12 and 14–15.
    expect(businessTimeBetween(at('2024-03-05T10:00Z'), at('2024-03-05T14:00Z'), lunch)).toBe(2 * H);
    expect(addBusinessTime(at('2024-03-05T10:00Z'), 2 * H, lunch)).toBe(at('2024-03-05T14:00Z'));
    expect(addBusinessTime(at('2024-03-05T10:00Z'), H, lunch), 'using up the morning exactly ends at noon').toBe(at('2024-03-05T11:00Z'));
    expect(addBusinessTime(at('2024-03-05T10:00Z'), 8 * H, lunch), '5 h this Tuesday, 3 h the next morning').toBe(at('2024-03-12T11:00Z'));
    expect(isBusinessTime(at('2024-03-05T11:30Z'), lunch), '12:30 is lunch').toBe(false);
    expect(isBusinessTime(at('2024-03-05T13:30Z'), lunch)).toBe(true);
  });

  it('DX-4: overlapping intervals are counted once; a half-hour time zone is honoured', () => {
    const overlapping: BusinessHours = {
      timeZone: 'Asia/Kolkata',
      days: {
        1: [
          { from: 9 * 60, to: 13 * 60 },
          { from: 12 * 60, to: 14 * 60 },
        ],
      },
    };
    // Monday 4 March 2024 in Kolkata (UTC+5:30): 09:00–14:00 is 03:30Z–08:30Z.
    expect(businessTimeBetween(at('2024-03-04T00:00Z'), at('2024-03-05T00:00Z'), overlapping)).toBe(5 * H);
    expect(addBusinessTime(at('2024-03-04T00:00Z'), 1, overlapping)).toBe(at('2024-03-04T03:30:00.001Z'));
  });

  it('DX-4: without business hours every ms counts; with no open time a deadline never comes; time never runs backwards', () => {
    expect(businessTimeBetween(1000, 5000, undefined)).toBe(4000);
    expect(addBusinessTime(1000, 4000, undefined)).toBe(5000);
    expect(addBusinessTime(at('2024-03-04T09:00Z'), H, { timeZone: 'Europe/Paris', days: { 1: [] } })).toBe(Infinity);
    expect(businessTimeBetween(at('2024-03-04T11:00Z'), at('2024-03-04T09:00Z'), PARIS)).toBe(0);
    expect(addBusinessTime(at('2024-03-09T09:00Z'), 0, PARIS), 'nothing to add: the start itself').toBe(at('2024-03-09T09:00Z'));
  });
});
