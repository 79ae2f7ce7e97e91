import { describe, expect, it } from 'vitest';
import type { AgentSession } from '../model/agent.js';
import type { ErrorInfo, Media, MediaState, MediaStatus } from '../model/channel.js';
import { DEFAULT_TENANT, type TenantSettings } from '../model/tenant.js';
import { INITIAL_STATE, type CcState } from '../store/state.js';
import { channelViews, indicatorState, mediaToChange, reasonLabel, reasonMenu, stateMenu } from './channels.js';

const LUNCH = { id: 'lunch', label: 'Lunch' };
const BREAK = { id: 'break', label: 'Break' };
const TRAINING = { id: 'training', label: 'Training' };
const tenant: TenantSettings = { ...DEFAULT_TENANT, notReadyReasons: [LUNCH, BREAK, TRAINING] };
const session: AgentSession = { role: 'agent', station: { kind: 'desktop' }, signedInAt: 0 };
const networkError: ErrorInfo = { code: 'network', message: 'The server could not be reached.' };

/** A medium as `status`, `[status, reasonId]` or a full MediaState. */
type MediaSpec = MediaStatus | readonly [MediaStatus, string] | MediaState;

function signedIn(spec: Partial<Record<Media, MediaSpec>>, overrides: Partial<TenantSettings> = {}): CcState {
  const media: Partial<Record<Media, MediaState>> = {};
  for (const [name, value] of Object.entries(spec) as [Media, MediaSpec][]) {
    if (typeof value === 'string') media[name] = { media: name, status: value, since: 0 };
    else if (Array.isArray(value)) media[name] = { media: name, status: value[0], reasonId: value[1], since: 0 };
    else media[name] = value as MediaState;
  }
  return { ...INITIAL_STATE, tenant: { ...tenant, ...overrides }, session, media };
}

/** Every medium the tenant has, in one status. */
function all(status: MediaSpec): Partial<Record<Media, MediaSpec>> {
  return { voice: status, chat: status, sms: status, social: status, email: status };
}

describe('channelViews', () => {
  it('ST-1: chat, SMS and social make one Chat/Social group between Voice and Email', () => {
    const views = channelViews(
      signedIn({
        voice: 'ready',
        chat: ['notReady', 'lunch'],
        sms: ['notReady', 'lunch'],
        social: ['notReady', 'lunch'],
        email: 'notReady',
      }),
    );
    expect(views.map((v) => [v.channel, v.status, v.reasonId])).toEqual([
      ['voice', 'ready', undefined],
      ['chatSocial', 'notReady', 'lunch'],
      ['email', 'notReady', undefined],
    ]);
    expect(views[1]!.media.map((m) => m.media)).toEqual(['chat', 'sms', 'social']);
  });

  it('ST-1: a group the agent has no media for is not shown, nor a medium the tenant does not enable', () => {
    const views = channelViews(signedIn({ voice: 'ready', chat: 'ready', email: 'ready' }, { media: ['voice', 'chat'] }));
    expect(views.map((v) => v.channel)).toEqual(['voice', 'chatSocial']);
    expect(channelViews(signedIn({}))).toEqual([]);
  });

  it('ST-5: a group whose media disagree is partial, dated from its latest change and carrying every error', () => {
    const views = channelViews(
      signedIn({
        chat: { media: 'chat', status: 'ready', since: 100 },
        sms: { media: 'sms', status: 'failed', since: 300, error: networkError },
        social: { media: 'social', status: 'ready', since: 200 },
      }),
    );
    expect(views).toEqual([
      {
        channel: 'chatSocial',
        status: 'partial',
        since: 300,
        media: [
          { media: 'chat', status: 'ready', since: 100 },
          { media: 'sms', status: 'failed', since: 300, error: networkError },
          { media: 'social', status: 'ready', since: 200 },
        ],
        errors: [networkError],
      },
    ]);
  });

  it('ST-1: media Not Ready for different reasons read as a plain Not Ready group, not partial', () => {
    const [view] = channelViews(signedIn({ chat: ['notReady', 'lunch'], sms: ['notReady', 'break'], social: 'notReady' }));
    expect(view).toMatchObject({ channel: 'chatSocial', status: 'notReady' });
    expect(view).not.toHaveProperty('reasonId');
  });
});

describe('indicatorState', () => {
  it('ST-5: not signed in — no session, no media, or every medium signed out', () => {
    expect(indicatorState(INITIAL_STATE)).toBe('signedOut');
    const { session: _signedOut, ...withoutSession } = signedIn(all('ready'));
    expect(indicatorState(withoutSession)).toBe('signedOut');
    expect(indicatorState(signedIn({}))).toBe('signedOut');
    expect(indicatorState(signedIn(all('signedOut')))).toBe('signedOut');
  });

  it('ST-5: still signing in everywhere reads as not signed in yet, not as partial', () => {
    expect(indicatorState(signedIn(all('signingIn')))).toBe('signedOut');
  });

  it('ST-5: sign-in failed — no channel signed in and at least one failed', () => {
    expect(indicatorState(signedIn(all('failed')))).toBe('failed');
    expect(indicatorState(signedIn({ ...all('signingIn'), email: 'failed' }))).toBe('failed');
  });

  it('ST-5: all Not Ready, whatever the reasons', () => {
    expect(indicatorState(signedIn({ ...all('notReady'), voice: ['notReady', 'lunch'] }))).toBe('allNotReady');
  });

  it('ST-5: all Ready', () => {
    expect(indicatorState(signedIn(all('ready')))).toBe('allReady');
  });

  it('ST-5: partial — some channels signed in and some failed, or Ready and Not Ready mixed', () => {
    expect(indicatorState(signedIn({ ...all('notReady'), sms: 'failed' }))).toBe('partial');
    expect(indicatorState(signedIn({ ...all('notReady'), voice: 'ready' }))).toBe('partial');
    expect(indicatorState(signedIn({ ...all('ready'), email: 'signingIn' }))).toBe('partial');
  });

  it('ST-5: media the tenant does not enable do not count', () => {
    expect(indicatorState(signedIn({ voice: 'ready', email: 'failed' }, { media: ['voice'] }))).toBe('allReady');
  });
});

describe('reasonMenu', () => {
  it('ST-3: the menu never lists the reason the group is already in', () => {
    const state = signedIn({ ...all('notReady'), voice: ['notReady', 'lunch'] });
    expect(reasonMenu(state, 'voice')).toEqual([BREAK, TRAINING]);
  });

  it('ST-3: a Ready group, a plain Not Ready group or a group with mixed reasons lists every reason', () => {
    const state = signedIn({
      voice: 'ready',
      chat: ['notReady', 'lunch'],
      sms: ['notReady', 'break'],
      social: ['notReady', 'lunch'],
      email: 'notReady',
    });
    expect(reasonMenu(state, 'voice')).toEqual([LUNCH, BREAK, TRAINING]);
    expect(reasonMenu(state, 'email')).toEqual([LUNCH, BREAK, TRAINING]);
    expect(reasonMenu(state, 'chatSocial')).toEqual([LUNCH, BREAK, TRAINING]);
  });

  it('ST-3: "All" has no specific reasons', () => {
    expect(reasonMenu(signedIn(all('ready')), 'all')).toEqual([]);
  });

  it("ST-1/ST-3: a group's state menu never offers the state or reason it is in", () => {
    const entries = (state: Parameters<typeof stateMenu>[0], target: Parameters<typeof stateMenu>[1]) =>
      stateMenu(state, target).map((e) => e.reasonId ?? e.status);
    expect(entries(signedIn(all('notReady')), 'voice')).toEqual(['ready', 'lunch', 'break', 'training']);
    expect(entries(signedIn(all('ready')), 'voice')).toEqual(['notReady', 'lunch', 'break', 'training']);
    expect(entries(signedIn({ ...all('notReady'), voice: ['notReady', 'lunch'] }), 'voice')).toEqual([
      'ready',
      'notReady',
      'break',
      'training',
    ]);
    // A group whose media disagree (partial) may go either way.
    expect(entries(signedIn({ ...all('notReady'), chat: 'ready' }), 'chatSocial')).toEqual([
      'ready',
      'notReady',
      'lunch',
      'break',
      'training',
    ]);
  });

  it('ST-3/ST-5: "All" offers plain Ready and Not Ready; a group with nothing signed in offers nothing', () => {
    expect(stateMenu(signedIn(all('ready')), 'all')).toEqual([
      { target: 'all', status: 'ready' },
      { target: 'all', status: 'notReady' },
    ]);
    expect(stateMenu(signedIn({ ...all('notReady'), email: 'failed' }), 'email')).toEqual([]);
  });

  it('ST-3: the labels come from the backend list', () => {
    const state = signedIn({});
    expect(reasonLabel(state, 'break')).toBe('Break');
    expect(reasonLabel(state, undefined)).toBeUndefined();
    expect(reasonLabel(state, 'unknown')).toBeUndefined();
  });
});

describe('mediaToChange', () => {
  it('ST-4: with "Not Ready – Lunch" set, All → Not Ready changes nothing', () => {
    const state = signedIn(all(['notReady', 'lunch']));
    expect(mediaToChange(state, { target: 'all', status: 'notReady' })).toEqual([]);
  });

  it('ST-4: All → Not Ready leaves a channel on Lunch alone and moves only the Ready ones', () => {
    const state = signedIn({ voice: ['notReady', 'lunch'], chat: 'ready', sms: 'ready', social: 'ready', email: 'ready' });
    expect(mediaToChange(state, { target: 'all', status: 'notReady' })).toEqual(['chat', 'sms', 'social', 'email']);
  });

  it('ST-4: after All → Not Ready, choosing "Not Ready – Lunch" applies it', () => {
    const state = signedIn(all('notReady'));
    expect(mediaToChange(state, { target: 'voice', status: 'notReady', reasonId: 'lunch' })).toEqual(['voice']);
    expect(mediaToChange(state, { target: 'chatSocial', status: 'notReady', reasonId: 'lunch' })).toEqual(['chat', 'sms', 'social']);
  });

  it('ST-4: a different specific reason replaces the current one; the same reason again changes nothing', () => {
    const state = signedIn({ ...all('notReady'), voice: ['notReady', 'lunch'] });
    expect(mediaToChange(state, { target: 'voice', status: 'notReady', reasonId: 'break' })).toEqual(['voice']);
    expect(mediaToChange(state, { target: 'voice', status: 'notReady', reasonId: 'lunch' })).toEqual([]);
  });

  it('ST-1: Ready asks only the media not already Ready', () => {
    const state = signedIn({ voice: 'ready', chat: 'ready', sms: ['notReady', 'lunch'], social: 'notReady', email: 'notReady' });
    expect(mediaToChange(state, { target: 'all', status: 'ready' })).toEqual(['sms', 'social', 'email']);
    expect(mediaToChange(state, { target: 'voice', status: 'ready' })).toEqual([]);
  });

  it('ST-5: failed, signing-in and signed-out media are left to the retry rule', () => {
    const state = signedIn({ voice: 'failed', chat: 'signingIn', sms: 'signedOut', social: 'notReady', email: 'ready' });
    expect(mediaToChange(state, { target: 'all', status: 'ready' })).toEqual(['social']);
    expect(mediaToChange(state, { target: 'all', status: 'notReady' })).toEqual(['email']);
    expect(mediaToChange(state, { target: 'voice', status: 'notReady', reasonId: 'lunch' })).toEqual([]);
  });

  it('ST-1: a group target never touches another group', () => {
    const state = signedIn(all('notReady'));
    expect(mediaToChange(state, { target: 'email', status: 'ready' })).toEqual(['email']);
  });
});
