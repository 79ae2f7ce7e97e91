import { describe, expect, it } from 'vitest';
import type { AgentSession } from '../model/agent.js';
import type { Media, MediaStatus } from '../model/channel.js';
import type { Task, TaskStatus } from '../model/task.js';
import { INITIAL_STATE, type CcState } from '../store/state.js';
import { signOutAllowance } from './sign-out.js';

const session: AgentSession = { role: 'agent', station: { kind: 'extension', extension: '4021' }, signedInAt: 0 };

function state(media: Partial<Record<Media, MediaStatus>>, taskStatuses: readonly TaskStatus[] = []): CcState {
  const tasks: Task[] = taskStatuses.map((status, i) => ({ id: `t${i}`, media: 'chat', status, since: 0 }));
  const entries = Object.entries(media).map(([m, status]) => [m, { media: m as Media, status, since: 0 }]);
  return { ...INITIAL_STATE, session, media: Object.fromEntries(entries), tasks };
}

const allNotReady = { voice: 'notReady', chat: 'notReady', sms: 'notReady', social: 'notReady', email: 'notReady' } as const;

describe('signOutAllowance', () => {
  it('SL-11: allowed when every channel is Not Ready and no work is open', () => {
    expect(signOutAllowance(state(allNotReady))).toEqual({ allowed: true, blockers: [] });
  });

  it('SL-11: failed or signed-out media do not block (they take no work)', () => {
    expect(signOutAllowance(state({ ...allNotReady, voice: 'failed', email: 'signedOut' }))).toEqual({ allowed: true, blockers: [] });
  });

  it('SL-11: refused when not signed in, and only for that reason', () => {
    expect(signOutAllowance({ ...INITIAL_STATE, tasks: [{ id: 'x', media: 'chat', status: 'active', since: 0 }] })).toEqual({
      allowed: false,
      blockers: ['notSignedIn'],
    });
  });

  it('SL-11: refused while any channel is Ready', () => {
    expect(signOutAllowance(state({ ...allNotReady, sms: 'ready' }))).toEqual({ allowed: false, blockers: ['channelReady'] });
  });

  it.each(['offered', 'active', 'held'] as const)('SL-11: refused with an open conversation (%s)', (status) => {
    expect(signOutAllowance(state(allNotReady, [status]))).toEqual({ allowed: false, blockers: ['activeWork'] });
  });

  it('SL-11: refused with an unfinished wrap-up', () => {
    expect(signOutAllowance(state(allNotReady, ['wrapUp']))).toEqual({ allowed: false, blockers: ['wrapUp'] });
  });

  it('SL-11: lists every blocker, in the order a person should fix them', () => {
    expect(signOutAllowance(state({ ...allNotReady, voice: 'ready' }, ['wrapUp', 'active']))).toEqual({
      allowed: false,
      blockers: ['channelReady', 'activeWork', 'wrapUp'],
    });
  });
});
