// <cc-queue-list> in every state: groups, a long list, search, filters, sorts, pending ticks,
// a refused or partly vanished confirmation, the no-agent warning, supervisor mode and read-only.

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { QueueSortKey, QueueStatusFilter } from '@cc-elements/core';
import '@cc-elements/widgets/cc-queue-list.js';
import type { CcQueueList } from '@cc-elements/widgets';
import { SCENARIOS } from '@cc-elements/adapter-sim';
import { THEMES, clickOn, storyClient, surface, waitFor, widgetIn, type Theme } from './support.js';
import {
  MANY_QUEUES,
  MAYA,
  NO_QUEUES,
  digitalQueuesClient,
  queueStoryClient,
  type QueueStoryLoaded,
  type QueueStoryOptions,
} from './queue-list.support.js';

interface Args {
  theme: Theme;
  mode: 'auto' | 'agent' | 'supervisor';
  search: string;
  statusFilter: QueueStatusFilter;
  sortBy: QueueSortKey;
  sortDescending: boolean;
  filtersOpen: boolean;
}

const description = (story: string) => ({ docs: { description: { story } } });

/** A loader: Maya signed in on the busy-queues world (or another), in the role asked. */
const maya = (options: QueueStoryOptions = {}, scenario = SCENARIOS.busyQueues) => [
  async (): Promise<QueueStoryLoaded> => queueStoryClient(scenario, options),
];

type Play = NonNullable<StoryObj<Args>['play']>;
const widget = (canvas: HTMLElement) => widgetIn<CcQueueList>(canvas, 'cc-queue-list');
const box = (queueId: string) => `[part="row"][data-queue-id="${queueId}"] [part="checkbox"]`;

/** Tick Collections (disabled for Maya) and untick Sales (enabled): two changes, none confirmed. */
const tickTwo: Play = async ({ canvasElement }) => {
  const el = await widget(canvasElement);
  await clickOn(el, box('q-collections'));
  await clickOn(el, box('q-sales'));
};

const meta: Meta<Args> = {
  title: 'Widgets/Queue list',
  component: 'cc-queue-list',
  args: { theme: 'auto', mode: 'auto', search: '', statusFilter: 'all', sortBy: 'name', sortDescending: false, filtersOpen: false },
  argTypes: {
    theme: { control: 'inline-radio', options: THEMES, description: 'Colour scheme: follows the system unless `light` or `dark`.' },
    mode: {
      control: 'inline-radio',
      options: ['auto', 'agent', 'supervisor'],
      description: 'Agent ticks enable queues for me; supervisor ticks monitor them; auto follows the signed-in role.',
    },
    search: { control: 'text', description: 'QL-3: search by name (case and accents ignored).' },
    statusFilter: {
      control: 'inline-radio',
      options: ['all', 'on', 'off'],
      description: 'QL-3: enabled (monitored) or disabled ones only.',
    },
    sortBy: { control: 'select', options: ['name', 'busy', 'waiting', 'longestWait'], description: 'QL-4: the sorted column.' },
    sortDescending: { control: 'boolean', description: 'QL-4: largest (or Z) first.' },
    filtersOpen: { control: 'boolean', description: 'Whether the filter panel is open.' },
  },
  render: (args, { loaded }) =>
    surface(
      args.theme,
      html`<cc-queue-list
        .client=${(loaded as QueueStoryLoaded).client}
        theme=${args.theme}
        mode=${args.mode}
        .search=${args.search}
        status-filter=${args.statusFilter}
        sort-by=${args.sortBy}
        ?sort-descending=${args.sortDescending}
        ?filters-open=${args.filtersOpen}
      ></cc-queue-list>`,
    ),
  parameters: {
    docs: {
      description: {
        component:
          '“My assigned queues”: grouped by media and direction (QL-1) with busy, waiting and the longest wait ticking (QL-2); search, ' +
          'filters and sorts (QL-3, QL-4); ticks that change nothing until “Confirm selections” (QL-5); the no-agent warning (QL-6); ' +
          'supervisor monitoring (QL-7). Stories run on the in-browser simulator (Maya Patel in the busy-queues world).',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

export const AgentList: Story = {
  name: 'Agent: assigned queues in groups',
  loaders: maya(),
  parameters: description(
    'QL-1, QL-2: Maya signed in as an agent: inbound phone and outbound phone (callbacks) queues, ticked where they are enabled for her, with the live figures.',
  ),
};

export const DigitalGroups: Story = {
  name: 'Agent: phone and digital groups',
  loaders: [async (): Promise<QueueStoryLoaded> => digitalQueuesClient()],
  parameters: description(
    'QL-1: digital queues get groups of their own after the phone ones. The simulator routes voice only, so this backend is scripted.',
  ),
};

export const LongList: Story = {
  name: 'Long list (300 queues)',
  loaders: maya({}, MANY_QUEUES),
  parameters: description('Performance: 300 queues render at once (keyed rows); each second only the rows with a wait tick.'),
};

export const FilteredBySearch: Story = {
  name: 'Filtered: search “support”',
  args: { search: 'support' },
  loaders: maya(),
  parameters: description('QL-3: only the queues whose name holds “support” are listed; the count says so.'),
};

export const FilteredToNothing: Story = {
  name: 'Filtered to nothing',
  args: { search: 'outage', statusFilter: 'on', filtersOpen: true },
  loaders: maya(),
  parameters: description('QL-3: search and filters hide every queue; the list says so and offers “Clear filters”.'),
};

export const SortedByLongestWait: Story = {
  name: 'Sorted by longest wait, longest first',
  args: { sortBy: 'longestWait', sortDescending: true },
  loaders: maya(),
  parameters: description(
    'QL-4: within each group, the queue whose caller has waited longest comes first; the header says how it is sorted.',
  ),
};

export const PendingChanges: Story = {
  name: 'Pending changes (not confirmed)',
  loaders: maya(),
  play: tickTwo,
  parameters: description(
    'QL-5: Collections ticked and Sales unticked: both rows are marked as not confirmed and nothing has changed on the backend until “Confirm selections”.',
  ),
};

export const ConfirmRefused: Story = {
  name: 'Confirmation refused',
  loaders: maya({ refuseConfirm: 'Queue changes are locked during the shift handover.' }),
  play: async (context) => {
    await tickTwo(context);
    const el = await widget(context.canvasElement);
    await clickOn(el, '[part="confirm"]');
    await waitFor(() => el.shadowRoot!.querySelector('[part="error"]'), 'the refusal');
  },
  parameters: description('QL-5: the backend refused; its words and trace id show, and both ticks stay for another try.'),
};

export const QueueVanished: Story = {
  name: 'A ticked queue disappears',
  loaders: maya(),
  play: async (context) => {
    await tickTwo(context);
    const el = await widget(context.canvasElement);
    (context.loaded as QueueStoryLoaded).engine!.unassignQueue(MAYA, 'q-collections');
    await waitFor(() => !el.shadowRoot!.querySelector('[data-queue-id="q-collections"]'), 'Collections to leave the list');
    await clickOn(el, '[part="confirm"]');
    await waitFor(() => el.shadowRoot!.querySelector('[part="success"]'), 'the confirmation');
  },
  parameters: description(
    'QL-5: Maya was taken off Collections while it was ticked. Confirming applies the rest (Sales disabled) and names the queue that could not be changed.',
  ),
};

export const NoAgentWarning: Story = {
  name: 'Calls waiting, no agent signed in',
  args: { sortBy: 'waiting', sortDescending: true },
  loaders: [
    async (): Promise<QueueStoryLoaded> => {
      const loaded = await queueStoryClient(SCENARIOS.busyQueues);
      // Callbacks: Maya has it disabled and Luca is not signed in, so nobody will take this one.
      loaded.engine!.injectCallback({ queueId: 'q-callbacks', customerName: 'Jonas Weber' });
      return loaded;
    },
  ],
  parameters: description(
    'QL-6: Collections, Technical support L2 and Callbacks have callers waiting and no agent signed in: a warning marker with words for screen readers.',
  ),
};

export const SupervisorMonitoring: Story = {
  name: 'Supervisor: monitored queues',
  loaders: maya({ role: 'supervisor' }),
  parameters: description(
    'QL-7: signed in as a supervisor, the ticks are the queues Maya monitors (blue checks); confirming sends the monitored set. The outage hotline has no agent.',
  ),
};

export const SupervisorAgentToggle: Story = {
  name: 'Supervisor and Agent: switch to monitoring',
  loaders: maya({ role: 'supervisorAgent' }),
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement);
    await clickOn(el, '[part="mode-toggle"] input[value="supervisor"]');
  },
  parameters: description('QL-7: Supervisor+Agent has both ticks; the toggle switches the list from her own queues to the monitored ones.'),
};

export const ReadOnly: Story = {
  name: 'Read-only (backend cannot change queues)',
  loaders: maya({ without: ['queues.setEnabled'] }),
  parameters: description(
    'Capabilities: this backend cannot enable or disable queues, so the list shows each state in words, with no checkbox and no confirm.',
  ),
};

export const Empty: Story = {
  name: 'No queue assigned',
  loaders: maya({ expectQueues: false }, NO_QUEUES),
  parameters: description('QL-1: Maya is on no queue; the list says so.'),
};

export const Loading: Story = {
  name: 'Loading',
  // A round trip that never ends within the story: the client is still connecting.
  loaders: [async (): Promise<QueueStoryLoaded> => ({ client: storyClient({ scenario: 'busyQueues', latencyMs: 60_000 }) })],
  parameters: description('SE-2: the client is still connecting.'),
};

export const NoClient: Story = {
  name: 'No client',
  loaders: [async (): Promise<QueueStoryLoaded> => ({})],
  parameters: description('PL-2: no client property and no <cc-provider> around it: the widget says so.'),
};

export const DarkTheme: Story = {
  name: 'Dark theme, pending changes',
  args: { theme: 'dark' },
  globals: { theme: 'dark' },
  loaders: maya(),
  play: tickTwo,
  parameters: description('PL-3: the same tokens in dark, with pending ticks and the no-agent warnings.'),
};
