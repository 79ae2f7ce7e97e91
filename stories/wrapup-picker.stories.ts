// <cc-wrapup-picker> in every wrap-up state: forced with its countdown, a reason chosen, the last
// seconds, closed by itself at zero, optional, none, a long list, a refused Close, several tasks.

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@cc-elements/widgets/cc-wrapup-picker.js';
import { THEMES, clickOn, surface, waitFor, widgetIn, type Theme } from './support.js';
import { MANY_REASONS, autoClosing, endedCall, severalTasks, wrapUpWorld, type WrapUpStoryLoaded } from './wrapup-picker.support.js';

interface Args {
  theme: Theme;
}

const FORCED = wrapUpWorld({ mode: 'forced', timeoutSec: 30 });

const description = (story: string) => ({ docs: { description: { story } } });

const meta: Meta<Args> = {
  title: 'Widgets/Wrap-up picker',
  component: 'cc-wrapup-picker',
  args: { theme: 'auto' },
  argTypes: {
    theme: { control: 'inline-radio', options: THEMES, description: 'Colour scheme: follows the system unless `light` or `dark`.' },
  },
  render: (args, { loaded }) =>
    surface(
      args.theme,
      html`<div style="max-inline-size: 28rem">
        <cc-wrapup-picker .client=${(loaded as WrapUpStoryLoaded).client} theme=${args.theme}></cc-wrapup-picker>
      </div>`,
    ),
  parameters: {
    docs: {
      description: {
        component:
          'The wrap-up of an ended interaction (WU-1…WU-4): the backend’s reasons, the countdown in the reasons menu, and Close — ' +
          'disabled until a reason is chosen when wrap-up is forced. At zero the core closes it with the reason chosen so far. ' +
          'Stories run on the in-browser simulator: Ana answers a call from Sam Carter on Sales and hangs up.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

export const ForcedNoReason: Story = {
  name: 'Forced: counting down, no reason yet',
  loaders: [() => endedCall(FORCED)],
  parameters: description('WU-2: the countdown runs in the reasons menu; Close stays disabled until a reason is chosen.'),
};

export const ReasonChosen: Story = {
  name: 'Forced: reason chosen',
  loaders: [() => endedCall(FORCED, { chosen: 'resolved' })],
  parameters: description('WU-2: “Resolved” is chosen — green with a check, not colour alone — and Close is enabled.'),
};

export const AlmostOut: Story = {
  name: 'Forced: a few seconds left',
  loaders: [() => endedCall(wrapUpWorld({ mode: 'forced', timeoutSec: 10 }), { chosen: 'sale' })],
  parameters: description(
    'WU-2: a 10 s wrap-up in its last seconds: the countdown turns red and screen readers hear “less than 10 seconds” once. ' +
      'Left alone it closes by itself with “Sale made”.',
  ),
};

export const AutoClosed: Story = {
  name: 'Closed automatically at zero',
  loaders: [autoClosing],
  play: async ({ canvasElement }) => {
    const el = await widgetIn(canvasElement, 'cc-wrapup-picker');
    await waitFor(() => el.shadowRoot!.querySelector('[part="notice"]'), 'the wrap-up to close by itself');
  },
  parameters: description(
    'WU-2: one second is left; at zero the core closes the call with the reason chosen so far and the picker says so until dismissed. ' +
      '(Scripted backend: on the simulator the shortest wrap-up is 5 s.)',
  ),
};

export const Optional: Story = {
  name: 'Optional wrap-up',
  loaders: [() => endedCall(wrapUpWorld({ mode: 'optional', timeoutSec: 30 }))],
  parameters: description('WU-1: wrap-up is not forced: Close is enabled at once and choosing a reason is optional.'),
};

export const NoWrapUp: Story = {
  name: 'No wrap-up (idle)',
  loaders: [() => endedCall(wrapUpWorld({ mode: 'off', timeoutSec: 0 }))],
  parameters: description('WU-1: without wrap-up, ending the call closed it; the picker has nothing to show.'),
};

export const LongReasonList: Story = {
  name: 'Long reason list',
  loaders: [() => endedCall(wrapUpWorld({ mode: 'forced', timeoutSec: 60 }, MANY_REASONS))],
  parameters: description(
    'WU-3: 35 reasons from the backend scroll inside the menu; type a letter to jump to the next reason that starts with it.',
  ),
};

export const CloseRefused: Story = {
  name: 'Close refused',
  loaders: [() => endedCall(FORCED, { chosen: 'escalated', refuseClose: 'The wrap-up service is unavailable. Try again in a moment.' })],
  play: async ({ canvasElement }) => {
    const el = await widgetIn(canvasElement, 'cc-wrapup-picker');
    await clickOn(el, '[part="close"]');
    await waitFor(() => el.shadowRoot!.querySelector('[part="error"] .error'), 'the refusal');
  },
  parameters: description('The server refused Close: its words and trace id show inline, and the chosen reason is kept for another try.'),
};

export const SeveralTasks: Story = {
  name: 'Several tasks in wrap-up',
  loaders: [severalTasks],
  parameters: description(
    'WU-3: a call and a chat in wrap-up at once get a picker each, with the media, customer and queue; the chat’s reason is chosen. ' +
      '(Scripted backend: the simulator routes voice only.)',
  ),
};

export const DarkTheme: Story = {
  name: 'Dark theme',
  args: { theme: 'dark' },
  globals: { theme: 'dark' },
  loaders: [() => endedCall(FORCED, { chosen: 'follow-up' })],
  parameters: description('PL-3: the same tokens in dark, with a reason chosen.'),
};

export const NoClient: Story = {
  name: 'No client',
  loaders: [(): WrapUpStoryLoaded => ({})],
  parameters: description('PL-2: without a client (property or <cc-provider>) the widget says so.'),
};
