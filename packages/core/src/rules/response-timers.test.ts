import { describe, expect, it } from 'vitest';
import type { BusinessHours, DigitalSettings } from '../model/digital.js';
import type { Message, MessageAuthor } from '../model/message.js';
import type { Task } from '../model/task.js';
import { inactivityDeadline, responseDeadline, serviceLevelsFor, slaStatus } from './response-timers.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;

const TIMERS = { firstResponseMs: 60 * S, followUpMs: 120 * S, customerInactivityMs: 300 * S };
/** `undefined` in `more` removes a field. */
function task(more: { readonly [K in keyof Task]?: Task[K] | undefined } = {}): Task {
  const all = { id: 't1', media: 'chat', status: 'active', since: 10_000, startedAt: 10_000, timers: TIMERS, ...more };
  return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined)) as unknown as Task;
}

let seq = 0;
const msg = (author: MessageAuthor, at: number, more: Partial<Message> = {}): Message => ({
  id: `m${(seq += 1)}`,
  taskId: 't1',
  author,
  at,
  text: 'x',
  ...more,
});

describe('responseDeadline', () => {
  it('DX-2: first response counts from assignment until my first message', () => {
    expect(responseDeadline(task(), [])).toEqual({ kind: 'firstResponse', since: 10_000, deadline: 70_000 });
    expect(responseDeadline(task(), [msg('customer', 11_000), msg('customer', 12_000)]), 'customer messages do not move it').toEqual({
      kind: 'firstResponse',
      since: 10_000,
      deadline: 70_000,
    });
    expect(responseDeadline(task({ startedAt: undefined, since: 20_000 }), [])?.deadline, 'without startedAt: since').toBe(80_000);
    expect(responseDeadline(task(), [msg('customer', 11_000), msg('agent', 30_000)]), 'stopped by my reply').toBeUndefined();
  });

  it('DX-2: bot, system and failed messages do not stop it; messages before a transfer to me are history', () => {
    const history = [
      msg('bot', 9_000),
      msg('agent', 9_500, { authorName: 'Earlier agent' }),
      msg('system', 10_000, { announcement: 'transferred' }),
      msg('customer', 12_000),
      msg('agent', 15_000, { receipt: 'failed' }),
    ];
    expect(responseDeadline(task(), history)).toMatchObject({ kind: 'firstResponse', deadline: 70_000 });
  });

  it('DX-2: follow-up starts at a customer message after my reply, restarts at each one, and stops at my next reply', () => {
    const thread = [msg('customer', 11_000), msg('agent', 20_000)];
    expect(responseDeadline(task(), thread), 'answered: no clock').toBeUndefined();
    const asked = [...thread, msg('customer', 30_000)];
    expect(responseDeadline(task(), asked)).toEqual({ kind: 'followUp', since: 30_000, deadline: 150_000 });
    const again = [...asked, msg('bot', 35_000), msg('customer', 40_000)];
    expect(responseDeadline(task(), again)).toEqual({ kind: 'followUp', since: 40_000, deadline: 160_000 });
    expect(responseDeadline(task(), [...again, msg('agent', 50_000, { receipt: 'sending' })])).toBeUndefined();
  });

  it('DX-2: a timer the queue does not set does not run; offers and wrap-up have none', () => {
    expect(responseDeadline(task({ timers: { followUpMs: 1 } }), [])).toBeUndefined();
    expect(responseDeadline(task({ timers: { firstResponseMs: 1 } }), [msg('agent', 20_000), msg('customer', 30_000)])).toBeUndefined();
    expect(responseDeadline(task({ timers: undefined }), [])).toBeUndefined();
    expect(responseDeadline(task({ status: 'offered' }), [])).toBeUndefined();
    expect(responseDeadline(task({ status: 'wrapUp' }), [msg('customer', 30_000)])).toBeUndefined();
  });
});

describe('inactivityDeadline', () => {
  it('DX-3: nothing before my first message; then it counts from my latest message', () => {
    expect(inactivityDeadline(task(), [msg('customer', 11_000)])).toBeUndefined();
    expect(inactivityDeadline(task(), [msg('customer', 11_000), msg('agent', 20_000)])).toEqual({ deadline: 320_000, canExtend: false });
    expect(inactivityDeadline(task(), [msg('agent', 20_000), msg('bot', 25_000), msg('agent', 40_000)])?.deadline).toBe(340_000);
  });

  it('DX-3: stops when the customer answers; starts again at my next message', () => {
    const answered = [msg('agent', 20_000), msg('customer', 30_000)];
    expect(inactivityDeadline(task(), answered)).toBeUndefined();
    expect(inactivityDeadline(task(), [...answered, msg('agent', 50_000)])?.deadline).toBe(350_000);
  });

  it('DX-3: the backend’s deadline wins; "extend" is offered when the queue sets an extension', () => {
    const extendable = task({ inactivityExpiresAt: 999_000, timers: { ...TIMERS, inactivityExtensionMs: 60 * S } });
    expect(inactivityDeadline(extendable, [msg('agent', 20_000)])).toEqual({ deadline: 999_000, canExtend: true });
    expect(inactivityDeadline(task({ timers: { ...TIMERS, inactivityExtensionMs: 0 } }), [msg('agent', 20_000)])?.canExtend).toBe(false);
  });

  it('DX-3: off when the queue sets no inactivity timer, and outside a conversation', () => {
    expect(inactivityDeadline(task({ timers: { firstResponseMs: 1 } }), [msg('agent', 20_000)])).toBeUndefined();
    expect(inactivityDeadline(task({ status: 'wrapUp' }), [msg('agent', 20_000)])).toBeUndefined();
  });
});

describe('slaStatus', () => {
  const at = (iso: string) => Date.parse(iso);
  const DAY = [{ from: 9 * 60, to: 18 * 60 }];
  /** Europe/Paris, Monday to Friday 09:00–18:00 (UTC+1 in March). */
  const HOURS: BusinessHours = { timeZone: 'Europe/Paris', days: { 1: DAY, 2: DAY, 3: DAY, 4: DAY, 5: DAY } };
  const SETTINGS: Pick<DigitalSettings, 'serviceLevels' | 'businessHours'> = {
    serviceLevels: { firstResponseMs: 4 * H, solutionMs: 16 * H, perMedia: { email: { firstResponseMs: 8 * H } } },
    businessHours: HOURS,
  };
  // Requested Friday 8 March 2024 at 16:00 Paris (15:00Z), assigned to me on Monday.
  const REQUESTED = at('2024-03-08T15:00Z');
  const emailTask = task({ media: 'email', requestedAt: REQUESTED, since: at('2024-03-11T08:00Z'), startedAt: at('2024-03-11T08:00Z') });

  it('DX-4: counted in business hours from the request: the weekend does not count', () => {
    // Monday 10:00 Paris: Friday 16–18 and Monday 9–10 are 3 business hours.
    const status = slaStatus(emailTask, [], SETTINGS, at('2024-03-11T09:00Z'));
    expect(status.firstResponse).toEqual({
      targetMs: 8 * H,
      elapsedMs: 3 * H,
      remainingMs: 5 * H,
      breached: false,
      stopped: false,
      deadline: at('2024-03-11T14:00Z'),
    });
    expect(status.solution).toMatchObject({ targetMs: 16 * H, elapsedMs: 3 * H, remainingMs: 13 * H, stopped: false });
  });

  it('DX-4: a medium’s own level wins over the global one, field by field', () => {
    expect(serviceLevelsFor(SETTINGS, 'email')).toEqual({ firstResponseMs: 8 * H, solutionMs: 16 * H });
    expect(serviceLevelsFor(SETTINGS, 'chat')).toEqual({ firstResponseMs: 4 * H, solutionMs: 16 * H });
    expect(serviceLevelsFor({ serviceLevels: {} }, 'chat')).toEqual({});
    expect(slaStatus(task(), [], { serviceLevels: {} }, 0)).toEqual({});
  });

  it('DX-4: the first response stops the clock, whoever answered; breached past the target', () => {
    const replied = [msg('customer', REQUESTED), msg('agent', at('2024-03-11T10:00Z'), { authorName: 'Earlier agent' })];
    const status = slaStatus(emailTask, replied, SETTINGS, at('2024-03-13T10:00Z'));
    expect(status.firstResponse).toMatchObject({ elapsedMs: 4 * H, remainingMs: 4 * H, breached: false, stopped: true });
    expect(status.solution, 'the solution clock keeps running').toMatchObject({ elapsedMs: 22 * H, remainingMs: 0, breached: true });
    const late = slaStatus(
      emailTask,
      [msg('bot', REQUESTED + 1), msg('agent', at('2024-03-12T09:00Z'), { receipt: 'failed' })],
      SETTINGS,
      at('2024-03-12T09:00Z'),
    );
    expect(late.firstResponse, 'bot and failed messages are no answer').toMatchObject({
      elapsedMs: 12 * H,
      breached: true,
      stopped: false,
    });
  });

  it('DX-4: without business hours the clock is the calendar; without requestedAt it starts at since', () => {
    const status = slaStatus(task({ since: 0 }), [], { serviceLevels: { firstResponseMs: 10 * M } }, 4 * M);
    expect(status.firstResponse).toMatchObject({ elapsedMs: 4 * M, remainingMs: 6 * M, deadline: 10 * M });
  });
});
