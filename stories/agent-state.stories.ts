// <cc-agent-state> in each of ST-5's indicator states, with failures, reasons, the open menu and a
// lost connection (SE-4).

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { merge, Subject } from 'rxjs';
import type { DomainEventInput } from '@cc-elements/core';
import '@cc-elements/widgets/cc-agent-state.js';
import { THEMES, connectedClient, signedInClient, surface, type ChannelSetting, type Loaded, type Theme } from './support.js';

interface Args {
  theme: Theme;
  /** Whether the state menu is open. */
  open: boolean;
}

/** The extension every story signs in with; the agent-only profile (Ana) needs a team (SL-8). */
const SIGN_IN = { station: { kind: 'extension', extension: '1001' }, teamId: 'team-billing' } as const;

/** A story's loader (per story: Storybook runs a meta's loaders too): signed in on `scenario`, channels set as listed. */
const signedIn = (scenario: Parameters<typeof signedInClient>[0], channels: readonly ChannelSetting[] = []) => [
  async (): Promise<Loaded> => ({ client: await signedInClient(scenario, { ...SIGN_IN, channels }) }),
];

/** Every group Not Ready – Lunch: a reason is chosen per group, never for "All" (ST-3). */
const LUNCH: readonly ChannelSetting[] = (['voice', 'chatSocial', 'email'] as const).map((target) => ({
  target,
  status: 'notReady',
  reasonId: 'lunch',
}));
const VOICE_READY: ChannelSetting = { target: 'voice', status: 'ready' };

const description = (story: string) => ({ docs: { description: { story } } });

const meta: Meta<Args> = {
  title: 'Widgets/Agent state',
  component: 'cc-agent-state',
  args: { theme: 'auto', open: false },
  argTypes: {
    theme: { control: 'inline-radio', options: THEMES, description: 'Colour scheme: follows the system unless `light` or `dark`.' },
    open: { control: 'boolean', description: 'Whether the state menu is open.' },
  },
  // The menu floats below the bar; the surface leaves it room so it is not cut off.
  render: (args, { loaded }) =>
    surface(
      args.theme,
      html`<cc-agent-state .client=${(loaded as Loaded).client} theme=${args.theme} ?open=${args.open}></cc-agent-state>`,
      args.open ? { minBlockSize: '40rem' } : {},
    ),
  parameters: {
    docs: {
      description: {
        component:
          'The agent’s channel states: an indicator of all channels (ST-5), each group (Voice, Chat/Social, Email) with its reason and ' +
          'time in state (ST-1, ST-9), and a menu that moves one group or all of them (ST-3, ST-4). Every story runs on the in-browser simulator.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

export const NotSignedIn: Story = {
  name: 'Not signed in',
  loaders: [async (): Promise<Loaded> => ({ client: await connectedClient({ scenario: 'agentOnly' }) })],
  parameters: description('ST-5: before sign-in the indicator says so and the menu cannot open.'),
};

export const AllNotReady: Story = {
  name: 'All Not Ready (after sign-in)',
  loaders: signedIn('agentOnly'),
  parameters: description('ST-2, ST-5: after sign-in every channel starts Not Ready; the agent goes Ready explicitly.'),
};

export const AllReady: Story = {
  name: 'All Ready',
  loaders: signedIn('agentOnly', [{ target: 'all', status: 'ready' }]),
  parameters: description('ST-1, ST-5: “All → Ready” moved every channel; the indicator is all Ready.'),
};

export const Partial: Story = {
  name: 'Partial: Voice Ready, the rest Not Ready',
  loaders: signedIn('agentOnly', [VOICE_READY]),
  parameters: description('ST-5: the channels disagree, so the indicator is partial; each group shows its own state and time.'),
};

export const ReasonSet: Story = {
  name: 'Not Ready – Lunch',
  loaders: signedIn('agentOnly', LUNCH),
  parameters: description('ST-1, ST-3: every channel is Not Ready with the reason Lunch, shown on each group.'),
};

export const ConnectionLost: Story = {
  name: 'Connection lost (reconnecting)',
  loaders: [
    async (): Promise<Loaded> => {
      // The simulator does not drop connections: the backend's "lost" is said for it.
      const said = new Subject<DomainEventInput>();
      const client = await signedInClient('agentOnly', {
        ...SIGN_IN,
        channels: [VOICE_READY],
        adapt: (sim) => ({ ...sim, events$: merge(sim.events$, said) }),
      });
      said.next({
        type: 'connection.changed',
        status: 'lost',
        error: { code: 'network', message: 'The notification connection dropped.' },
      });
      return { client };
    },
  ],
  parameters: description(
    'SE-4: the backend connection dropped and the adapter is reconnecting (on the same node or the alternate): every widget says so, ' +
      'and commands wait for it; the state shown is kept.',
  ),
};

export const SignInFailedEveryChannel: Story = {
  name: 'Sign-in failed on every channel',
  loaders: signedIn('allChannelsFail'),
  parameters: description(
    'ST-5: no channel could sign in; the indicator says so and each failure is listed with its reason. The core retries them on the tenant’s schedule.',
  ),
};

export const PartialSignIn: Story = {
  name: 'Partial sign-in, failures listed',
  loaders: signedIn('partialSignIn'),
  parameters: description(
    'ST-5: Email and SMS failed to sign in while the other channels are Not Ready; the failures are listed with their reasons and retry count. Email recovers on a retry, SMS never does.',
  ),
};

export const MenuOpenAllNotReady: Story = {
  name: 'Menu open, all Not Ready',
  loaders: signedIn('agentOnly'),
  args: { open: true },
  parameters: description(
    'ST-1, ST-3: “All channels” offers Ready and Not Ready; each group offers Ready and the reasons, not the plain Not Ready it is already in.',
  ),
};

export const MenuOpenReasonSet: Story = {
  name: 'Menu open, Not Ready – Lunch',
  args: { open: true },
  loaders: signedIn('agentOnly', LUNCH),
  parameters: description(
    'ST-3: the groups are Not Ready – Lunch, so their menus never list Lunch; they offer Ready, plain Not Ready and the other reasons.',
  ),
};

export const DarkTheme: Story = {
  name: 'Dark theme',
  args: { theme: 'dark', open: true },
  globals: { theme: 'dark' },
  loaders: signedIn('agentOnly', [VOICE_READY]),
  parameters: description('PL-3: the same tokens in dark, with Ready and Not Ready channels and the menu open.'),
};
