import { Subject } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import type { AgentSession } from '../model/agent.js';
import type { ErrorInfo, Media, MediaState } from '../model/channel.js';
import { DEFAULT_TENANT } from '../model/tenant.js';
import { INITIAL_STATE, type CcState } from '../store/state.js';
import { retrySteps, runRetries, type RetryStep } from './retry.js';

const session: AgentSession = { role: 'agent', station: { kind: 'desktop' }, signedInAt: 0 };
const tenant = { ...DEFAULT_TENANT, retryAttempts: 2, retryDelayMs: 1000 };
const network: ErrorInfo = { code: 'network', message: 'The server could not be reached.' };
const unavailable: ErrorInfo = { code: 'station.unavailable', message: 'The station could not be reached.' };
const notRegistered: ErrorInfo = { code: 'dialNumber.notRegistered', message: 'Not registered.' };

function failed(media: Media, error: ErrorInfo, attempts?: number): MediaState {
  return attempts === undefined ? { media, status: 'failed', since: 0, error } : { media, status: 'failed', since: 0, error, attempts };
}

function state(...media: MediaState[]): CcState {
  return { ...INITIAL_STATE, tenant, session, media: Object.fromEntries(media.map((m) => [m.media, m])) };
}

function testScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

const step = (media: Media, attempt: number) => ({ media, attempt, delayMs: 1000, limit: 2 });

describe('retrySteps', () => {
  it('ST-5: a medium failed with a network error is due again after retryDelayMs, up to retryAttempts', () => {
    const scheduler = testScheduler();
    scheduler.run(({ hot, expectObservable }) => {
      // Each attempt is recorded in the state just after it is due, as the client does.
      const states = hot('a 1000ms b 1000ms c', {
        a: state(failed('voice', network)),
        b: state(failed('voice', network, 1)),
        c: state(failed('voice', network, 2)),
      });
      expectObservable(retrySteps(states, scheduler), '^ 10s !').toBe('1000ms x 1000ms y', { x: step('voice', 1), y: step('voice', 2) });
    });
  });

  it('ST-5: station.unavailable is worth retrying too', () => {
    const scheduler = testScheduler();
    scheduler.run(({ hot, expectObservable }) => {
      const states = hot('a', { a: state(failed('email', unavailable)) });
      expectObservable(retrySteps(states, scheduler), '^ 10s !').toBe('1000ms x', { x: step('email', 1) });
    });
  });

  it('ST-5: a medium that recovers before its attempt is due is not retried', () => {
    const scheduler = testScheduler();
    scheduler.run(({ hot, expectObservable }) => {
      const states = hot('a 500ms b', { a: state(failed('voice', network)), b: state({ media: 'voice', status: 'notReady', since: 501 }) });
      expectObservable(retrySteps(states, scheduler), '^ 10s !').toBe('');
    });
  });

  it('ST-5: a non-retryable error is not retried', () => {
    const scheduler = testScheduler();
    scheduler.run(({ hot, expectObservable }) => {
      const states = hot('a', { a: state(failed('voice', notRegistered)) });
      expectObservable(retrySteps(states, scheduler), '^ 10s !').toBe('');
    });
  });

  it('ST-5: a medium that used up its attempts is not retried again', () => {
    const scheduler = testScheduler();
    scheduler.run(({ hot, expectObservable }) => {
      const states = hot('a', { a: state(failed('voice', network, 2)) });
      expectObservable(retrySteps(states, scheduler), '^ 10s !').toBe('');
    });
  });

  it('ST-5: signing out cancels an attempt that was due', () => {
    const scheduler = testScheduler();
    scheduler.run(({ hot, expectObservable }) => {
      const states = hot('a 500ms b', { a: state(failed('voice', network)), b: { ...INITIAL_STATE, tenant } });
      expectObservable(retrySteps(states, scheduler), '^ 10s !').toBe('');
    });
  });

  it('ST-5: each medium has its own schedule; a state change elsewhere does not reset it', () => {
    const scheduler = testScheduler();
    scheduler.run(({ hot, expectObservable }) => {
      const voice = failed('voice', network);
      const states = hot('a 299ms b 199ms c', {
        a: state(voice),
        b: state(voice, failed('chat', network)),
        c: state(voice, { media: 'chat', status: 'notReady', since: 500 }, { media: 'email', status: 'ready', since: 500 }),
      });
      expectObservable(retrySteps(states, scheduler), '^ 10s !').toBe('1000ms x', { x: step('voice', 1) });
    });
  });
});

describe('runRetries', () => {
  it('ST-5: reports each attempt before signing in, and a failed sign-in does not stop later attempts', async () => {
    const steps = new Subject<RetryStep>();
    const log: string[] = [];
    const subscription = runRetries(
      steps,
      (s) => log.push(`report ${s.media} ${s.attempt}`),
      async (media) => {
        log.push(`signIn ${media}`);
        throw new Error('still down');
      },
    ).subscribe({ error: () => log.push('errored') });
    steps.next({ media: 'voice', attempt: 1 });
    await Promise.resolve();
    steps.next({ media: 'chat', attempt: 1 });
    await new Promise<void>((resolve) => setImmediate(resolve));
    subscription.unsubscribe();
    expect(log).toEqual(['report voice 1', 'signIn voice', 'report chat 1', 'signIn chat']);
  });
});
