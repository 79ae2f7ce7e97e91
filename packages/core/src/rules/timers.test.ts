// Marble tests of the timed rules on their own: the ST-8 return to Ready and the WU-2 auto-close.

import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { SYSTEM_REASONS, type MediaState } from '../model/channel.js';
import type { Task } from '../model/task.js';
import { DEFAULT_TENANT } from '../model/tenant.js';
import { INITIAL_STATE, type CcState } from '../store/state.js';
import { autoReturnsDue } from './auto-return.js';
import { wrapUpsDue } from './wrap-up.js';

const testScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

const signedIn: CcState = {
  ...INITIAL_STATE,
  tenant: DEFAULT_TENANT,
  session: { role: 'agent', station: { kind: 'desktop' }, signedInAt: 0 },
};
const withVoice = (voice: Omit<MediaState, 'media'>): CcState => ({ ...signedIn, media: { voice: { media: 'voice', ...voice } } });
const withTasks = (...tasks: Task[]): CcState => ({ ...signedIn, tasks });
const wrapping = (id: string, expiresAt: number): Task => ({
  id,
  media: 'voice',
  status: 'wrapUp',
  since: 0,
  wrapUp: { forced: true, expiresAt },
});

describe('autoReturnsDue (ST-8)', () => {
  it('is due 10 s after a decline made voice unavailable', () => {
    const scheduler = testScheduler();
    scheduler.run(({ hot, expectObservable }) => {
      const state$ = hot('a', { a: withVoice({ status: 'notReady', reasonId: SYSTEM_REASONS.declined, since: 0 }) });
      expectObservable(autoReturnsDue(state$, scheduler), '^ 20s !').toBe('10s a', {
        a: { at: 10_000, since: 0, reasonId: SYSTEM_REASONS.declined },
      });
    });
  });

  it('a state change before then cancels it; repeating the same state does not restart it', () => {
    const scheduler = testScheduler();
    scheduler.run(({ hot, expectObservable }) => {
      const declined = withVoice({ status: 'notReady', reasonId: SYSTEM_REASONS.declined, since: 0 });
      const lunch = withVoice({ status: 'notReady', reasonId: 'lunch', since: 4000 });
      expectObservable(autoReturnsDue(hot('a 3s a 999ms b', { a: declined, b: lunch }), scheduler), '^ 20s !').toBe('');
    });
  });

  it('RONA in the ST-6 model never returns by itself', () => {
    const scheduler = testScheduler();
    scheduler.run(({ hot, expectObservable }) => {
      const state$ = hot('a', { a: withVoice({ status: 'notReady', reasonId: SYSTEM_REASONS.rona, since: 0 }) });
      expectObservable(autoReturnsDue(state$, scheduler), '^ 60s !').toBe('');
    });
  });
});

describe('wrapUpsDue (WU-2)', () => {
  it('each wrap-up is due at its own deadline, and a new one does not move the others', () => {
    const scheduler = testScheduler();
    scheduler.run(({ hot, expectObservable }) => {
      const state$ = hot('a 999ms b', { a: withTasks(wrapping('t1', 3000)), b: withTasks(wrapping('t1', 3000), wrapping('t2', 2000)) });
      expectObservable(wrapUpsDue(state$, scheduler), '^ 5s !').toBe('2s a 999ms b', {
        a: { taskId: 't2', expiresAt: 2000 },
        b: { taskId: 't1', expiresAt: 3000 },
      });
    });
  });

  it('a task that leaves wrap-up before its deadline is not closed', () => {
    const scheduler = testScheduler();
    scheduler.run(({ hot, expectObservable }) => {
      const state$ = hot('a 999ms b', { a: withTasks(wrapping('t1', 3000)), b: withTasks() });
      expectObservable(wrapUpsDue(state$, scheduler), '^ 5s !').toBe('');
    });
  });
});
