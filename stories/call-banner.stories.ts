// <cc-call-banner> in every state: ringing, the last seconds, a callback, the RONA and declined
// notices, the connected call (held, muted, transfer picker, consulting, keypad), a backend without
// transfer, consult or mute, a late Accept, and no client or signed out.

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@cc-elements/widgets/cc-call-banner.js';
import { THEMES, clickOn, connectedClient, surface, waitFor, widgetIn, type Theme } from './support.js';
import {
  bannerWorld,
  connected,
  connectedThen,
  expiredOffer,
  noticeAfter,
  ringing,
  taskOf,
  type CallBannerLoaded,
} from './call-banner.support.js';
import { monitoredCall } from './supervisor-grid.support.js';

interface Args {
  theme: Theme;
  /** Moves focus to Accept when a call rings. */
  focusOnOffer: boolean;
}

const description = (story: string) => ({ docs: { description: { story } } });

/** A target that answers (Billing) and one that never does in the daytime (the after-hours line). */
const ANSWERS = 'q-billing';
const DECLINES = 'rp-after-hours';

const meta: Meta<Args> = {
  title: 'Widgets/Call banner',
  component: 'cc-call-banner',
  args: { theme: 'auto', focusOnOffer: false },
  argTypes: {
    theme: { control: 'inline-radio', options: THEMES, description: 'Colour scheme: follows the system unless `light` or `dark`.' },
    focusOnOffer: { control: 'boolean', description: 'Moves focus to Accept when a call rings (off: the banner never steals focus).' },
  },
  render: (args, { loaded }) =>
    surface(
      args.theme,
      html`<cc-call-banner
        .client=${(loaded as CallBannerLoaded).client}
        theme=${args.theme}
        ?focus-on-offer=${args.focusOnOffer}
      ></cc-call-banner>`,
    ),
  parameters: {
    docs: {
      description: {
        component:
          'Voice work as it happens (CB-1…CB-5): the incoming call or callback with its countdown to RONA, Accept and Decline; the ' +
          'connected call with duration, hold, mute, transfer, consult, keypad (Desktop station) and end; the notices after a missed ' +
          '(ST-6) or declined (ST-8) call. Controls the backend cannot carry out are not rendered. Stories run on the in-browser ' +
          'simulator: Sam Carter (+14155550188) calls Sales and Ana Popescu, Voice Ready, takes it.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Ringing: Story = {
  name: 'Ringing',
  loaders: [() => ringing()],
  parameters: description('CB-1: caller, number and queue, the countdown to RONA (15 s on Sales), Accept and Decline.'),
};

export const CountdownAlmostOut: Story = {
  name: 'Countdown almost out',
  loaders: [() => ringing({ world: bannerWorld({ offerTimeoutMs: 8_000 }) })],
  parameters: description(
    'CB-1: fewer than 10 seconds left — the countdown turns urgent and screen readers hear “seconds left” once, not every second.',
  ),
};

export const CallbackOffer: Story = {
  name: 'Callback offer',
  loaders: [() => ringing({ callback: true })],
  parameters: description('CB-4: an IVR callback in the outbound Callbacks queue, worded as a callback with the number to call back.'),
};

export const RonaNotice: Story = {
  name: 'Missed call (RONA notice)',
  loaders: [() => noticeAfter('rona', async () => {}, { world: bannerWorld({ offerTimeoutMs: 300 }) })],
  parameters: description(
    'ST-6: the call rang out (300 ms here); it went back to the queue and Voice went Not Ready. The notice says so until dismissed.',
  ),
};

export const DeclinedNotice: Story = {
  name: 'Declined, unavailable countdown',
  loaders: [() => noticeAfter('declined', (client, taskId) => client.decline(taskId))],
  parameters: description(
    'CB-2/ST-8: Ana declined; the call went back to the queue and she is unavailable for 10 s, counted down, then Ready again.',
  ),
};

export const Active: Story = {
  name: 'Active call',
  loaders: [() => connected()],
  parameters: description('CB-2/CB-3: answered — caller number and queue, the duration, hold, mute, transfer, consult and end.'),
};

export const Held: Story = {
  name: 'On hold',
  loaders: [
    () =>
      connectedThen(
        (client, id) => client.hold(id),
        (client, id) => taskOf(client, id)?.status === 'held',
        'the call to be held',
      ),
  ],
  parameters: description('CB-3: the caller is on hold; Resume brings them back. The duration keeps counting.'),
};

export const Muted: Story = {
  name: 'Muted',
  loaders: [
    () =>
      connectedThen(
        (client, id) => client.setMuted(id, true),
        (client, id) => taskOf(client, id)?.muted === true,
        'the call to be muted',
      ),
  ],
  parameters: description('CB-3: the microphone is muted; “Muted” shows and the button says Unmute.'),
};

export const TransferPickerOpen: Story = {
  name: 'Transfer picker open',
  loaders: [() => connected()],
  play: async ({ canvasElement }) => {
    const el = await widgetIn(canvasElement, 'cc-call-banner');
    await clickOn(el, '[part="transfer"]');
  },
  parameters: description('CB-3: a blind transfer — the tenant’s queues, routing points and people; Escape or Cancel closes it.'),
};

export const ConsultRinging: Story = {
  name: 'Consulting (ringing)',
  loaders: [
    () =>
      connectedThen(
        (client, id) => client.consult(id, ANSWERS),
        (client, id) => taskOf(client, id)?.consult?.status === 'ringing',
        'the consultation to ring',
        { consultDelayMs: 30_000 },
      ),
  ],
  parameters: description('CB-3: Billing is being called while Sam waits on hold; the consultation can be cancelled.'),
};

export const ConsultConnected: Story = {
  name: 'Consult connected',
  loaders: [
    () =>
      connectedThen(
        (client, id) => client.consult(id, ANSWERS),
        (client, id) => taskOf(client, id)?.consult?.status === 'connected',
        'the consultation to connect',
        { consultDelayMs: 100 },
      ),
  ],
  parameters: description('CB-3: Billing answered; “Complete transfer” hands Sam over, “Cancel consult” goes back to him.'),
};

export const ConsultFailed: Story = {
  name: 'Consult failed',
  loaders: [
    () =>
      connectedThen(
        (client, id) => client.consult(id, DECLINES),
        (client, id) => taskOf(client, id)?.consult?.status === 'failed',
        'the consultation to fail',
        { consultDelayMs: 100 },
      ),
  ],
  parameters: description('CB-3: the after-hours line did not answer; the reason shows and “Back to the caller” returns to Sam.'),
};

export const DtmfKeypad: Story = {
  name: 'DTMF keypad (Desktop station)',
  loaders: [() => connected({ station: { kind: 'desktop' } })],
  play: async ({ canvasElement }) => {
    const el = await widgetIn(canvasElement, 'cc-call-banner');
    await clickOn(el, '[part="keypad-toggle"]');
    const one = await waitFor(() => el.shadowRoot!.querySelector<HTMLElement>('[part="key"]'), 'the keypad');
    await clickOn(el, one);
    await waitFor(() => el.shadowRoot!.querySelector('[part="dtmf-digits"]')?.textContent === '1', 'the tone to be sent');
  },
  parameters: description('CB-3: on a Desktop (WebRTC) station the keypad sends tones to an IVR; “1” was pressed.'),
};

export const BasicBackend: Story = {
  name: 'Backend without transfer, consult or mute',
  loaders: [
    () =>
      connected({
        world: bannerWorld({
          without: ['call.transfer', 'call.consult', 'call.consultComplete', 'call.consultCancel', 'call.mute', 'call.dtmf'],
        }),
        station: { kind: 'desktop' },
      }),
  ],
  parameters: description(
    'Capabilities: the backend cannot transfer, consult, mute or send tones, so those controls are not there at all.',
  ),
};

export const AcceptTooLate: Story = {
  name: 'Accept error (offer expired)',
  loaders: [() => expiredOffer()],
  play: async ({ canvasElement }) => {
    const el = await widgetIn(canvasElement, 'cc-call-banner');
    await clickOn(el, '[part="accept"]');
    await waitFor(() => el.shadowRoot!.querySelector('[part="error"]'), 'the refusal');
  },
  parameters: description(
    'The deadline passed a moment ago: the client refuses Accept without sending it and says it is too late. ' +
      '(Scripted backend: on the simulator this window lasts one round trip.)',
  ),
};

export const SupervisorListening: Story = {
  name: 'A supervisor listening (SV-4)',
  loaders: [() => monitoredCall('monitor')],
  parameters: description(
    'SV-4: where the backend reports it (some countries require it), the agent sees on the call who is listening, coaching (whisper) or has barged in; said once to screen readers.',
  ),
};

export const DarkTheme: Story = {
  name: 'Dark theme (ringing)',
  args: { theme: 'dark' },
  globals: { theme: 'dark' },
  loaders: [() => ringing()],
  parameters: description('PL-3: the same tokens in dark: a call ringing.'),
};

export const SignedOut: Story = {
  name: 'Signed out (empty)',
  loaders: [async (): Promise<CallBannerLoaded> => ({ client: await connectedClient({ scenario: bannerWorld() }) })],
  parameters: description('Nothing to show until the agent signs in and a call rings: the banner takes no room on the page.'),
};

export const NoClient: Story = {
  name: 'No client (empty)',
  loaders: [(): CallBannerLoaded => ({})],
  parameters: description('PL-2: without a client (property or <cc-provider>) the banner is empty — a CRM page shows nothing.'),
};
