// <cc-supervisor-grid> in every state: a small live floor, 5,000 agents, filtered, sorted,
// favourites first, the actions menu open, a refused action, policy-restricted and read-only
// supervisors, the queues view with the no-agent warning, and the empty states.

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ROSTER_SORTS, ROSTER_STATUSES, type RosterSort, type RosterStatus } from '@cc-elements/core';
import '@cc-elements/widgets/cc-supervisor-grid.js';
import type { CcSupervisorGrid, SupervisorView } from '@cc-elements/widgets';
import { SCENARIOS } from '@cc-elements/adapter-sim';
import { THEMES, clickOn, surface, waitFor, widgetIn, type Theme } from './support.js';
import {
  EIGHT_BY_EIGHT,
  EMPTY_FLOOR,
  NOTHING_MONITORED,
  agentOnFloor,
  stillFloor,
  supervisorClient,
  type SupervisorStoryLoaded,
} from './supervisor-grid.support.js';

interface Args {
  theme: Theme;
  view: SupervisorView;
  search: string;
  statuses: RosterStatus[];
  sort: RosterSort;
  descending: boolean;
  favouritesFirst: boolean;
  favouritesOnly: boolean;
}

const description = (story: string) => ({ docs: { description: { story } } });

/** A loader: Camille Durand signed in as a supervisor on `scenario`. */
const camille = (scenario = stillFloor(), options: Parameters<typeof supervisorClient>[1] = {}) => [
  async (): Promise<SupervisorStoryLoaded> => supervisorClient(scenario, options),
];

type Play = NonNullable<StoryObj<Args>['play']>;
const widget = (canvas: HTMLElement) => widgetIn<CcSupervisorGrid>(canvas, 'cc-supervisor-grid');

/** The first agent row drawn with an actions button, once the virtualizer has drawn rows. */
async function firstActions(el: CcSupervisorGrid): Promise<HTMLButtonElement> {
  return waitFor(() => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="row"] [part="actions"]'), 'a row with actions');
}

/** Opens the actions menu of the first agent that has one. */
const openFirstMenu: Play = async ({ canvasElement }) => {
  const el = await widget(canvasElement);
  await clickOn(el, await firstActions(el));
  await waitFor(() => el.shadowRoot!.querySelector('[part="menu"]:popover-open'), 'the actions menu');
};

const meta: Meta<Args> = {
  title: 'Widgets/Supervisor grid',
  component: 'cc-supervisor-grid',
  args: {
    theme: 'auto',
    view: 'agents',
    search: '',
    statuses: [],
    sort: 'name',
    descending: false,
    favouritesFirst: false,
    favouritesOnly: false,
  },
  argTypes: {
    theme: { control: 'inline-radio', options: THEMES, description: 'Colour scheme: follows the system unless `light` or `dark`.' },
    view: { control: 'inline-radio', options: ['agents', 'queues'], description: 'Agents (SV-1) or the monitored queues (SV-2).' },
    search: { control: 'text', description: 'SV-1: search by name, id or team (case and accents ignored).' },
    statuses: { control: 'check', options: ROSTER_STATUSES, description: 'SV-1: only agents in these statuses.' },
    sort: { control: 'select', options: ROSTER_SORTS, description: 'SV-1: the sorted column.' },
    descending: { control: 'boolean', description: 'SV-1: the sort reversed.' },
    favouritesFirst: { control: 'boolean', description: 'SV-1: favourite agents first.' },
    favouritesOnly: { control: 'boolean', description: 'SV-1: favourite agents only.' },
  },
  render: (args, { loaded }) =>
    surface(
      args.theme,
      html`<cc-supervisor-grid
        .client=${(loaded as SupervisorStoryLoaded).client}
        theme=${args.theme}
        view=${args.view}
        .search=${args.search}
        .statuses=${args.statuses}
        sort=${args.sort}
        ?descending=${args.descending}
        ?favourites-first=${args.favouritesFirst}
        ?favourites-only=${args.favouritesOnly}
      ></cc-supervisor-grid>`,
      // Room for the actions menu below the last rows.
      { minBlockSize: '44rem' },
    ),
  parameters: {
    docs: {
      description: {
        component:
          'The supervisor’s floor. Agents (SV-1): name, status and reason, time in status, channels, interactions and queues, searched, ' +
          'filtered, sorted and starred by the core, with the actions the backend’s policy allows (SV-3, SV-4). Queues (SV-2): the ' +
          'monitored queues’ live figures and the no-agent warning (QL-6, QL-7). Thousands of agents scroll and update smoothly (SV-5). ' +
          'Stories run on the in-browser simulator: Camille Durand supervises Support EMEA, Retention and Billing (Finesse-style), or ' +
          'fifty teams of a hundred (8x8-style).',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

export const SmallTeam: Story = {
  name: 'Small team (live floor)',
  loaders: camille(SCENARIOS.supervisorFloor),
  parameters: description(
    'SV-1: about forty agents taking calls, chats and emails, going on breaks and wrapping up, live — every time ticks from one clock.',
  ),
};

export const FiveThousandAgents: Story = {
  name: '5,000 agents (8x8-style)',
  loaders: camille(SCENARIOS.supervisorLarge),
  parameters: description(
    'SV-5: fifty teams of a hundred, all busy. Only the rows in view are in the page; the grid draws at most once per frame.',
  ),
};

export const Filtered: Story = {
  name: 'Filtered: Not Ready on voice',
  args: { statuses: ['notReady'] },
  loaders: camille(),
  parameters: description(
    'SV-1: the status toggles, channel, team and queue filters and the search narrow the grid; the count says how many.',
  ),
};

export const Sorted: Story = {
  name: 'Sorted by time in status',
  args: { sort: 'timeInStatus' },
  loaders: camille(),
  parameters: description('SV-1: longest in their status first — who has been waiting or on break longest needs a look first.'),
};

export const FavouritesFirst: Story = {
  name: 'Favourites first',
  args: { favouritesFirst: true },
  loaders: camille(),
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement);
    const stars = await waitFor(() => {
      const found = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="row"] [part="favourite"]')];
      return found.length >= 4 && found;
    }, 'the stars');
    // The third and fourth agents by name: starred, they move to the top.
    await clickOn(el, stars[2]!);
    await clickOn(el, stars[3]!);
  },
  parameters: description('SV-1: a star per row (kept through reloads); starred agents first, each part in the chosen order.'),
};

export const ActionsMenuOpen: Story = {
  name: 'Actions menu (Finesse-style)',
  loaders: camille(),
  play: openFirstMenu,
  parameters: description(
    'SV-3/SV-4: Ready, Not Ready with a reason (the current one checked), Sign out when the agent holds no work, each queue on or off, ' +
      'and listen / whisper / barge on a connected call.',
  ),
};

export const RefusedAction: Story = {
  name: 'Refused action',
  loaders: [
    async (): Promise<SupervisorStoryLoaded> => {
      const loaded = await supervisorClient(stillFloor());
      loaded.engine!.failNext('supervisor.setAgentStatus', 'api', { message: 'The agent’s phone is being reset; try again in a minute.' });
      return loaded;
    },
  ],
  play: async (context) => {
    await openFirstMenu(context);
    const el = await widget(context.canvasElement);
    await clickOn(el, el.shadowRoot!.querySelector<HTMLElement>('[part="menu"] [role="menuitemradio"][aria-checked="false"]')!);
    await waitFor(() => el.shadowRoot!.querySelector('[part="menu"] [part="error"]'), 'the refusal');
  },
  parameters: description('SV-3: the backend’s words and its trace id, in the menu and marked on the row.'),
};

export const PolicyRestricted: Story = {
  name: 'Policy-restricted supervisor (8x8-style)',
  loaders: camille(stillFloor(EIGHT_BY_EIGHT)),
  play: openFirstMenu,
  parameters: description(
    'SV-3: this backend never lets a supervisor change an agent’s own status, so there is no control for it — only queues and joining calls.',
  ),
};

export const ReadOnly: Story = {
  name: 'Read-only supervisor',
  loaders: camille(stillFloor({ changeAgentStatus: false, changeAgentQueues: false, monitorModes: [] })),
  parameters: description('SV-3/SV-4: a policy that allows nothing shows no actions column at all — never a dead button.'),
};

export const QueuesView: Story = {
  name: 'Queues with the no-agent warning',
  args: { view: 'queues' },
  loaders: camille(),
  parameters: description(
    'SV-2: waiting, longest wait (ticking), busy, handled, accepted, abandoned, service level and agents ready / not ready / talking for ' +
      'each monitored queue (QL-7); the outage hotline has callers and nobody signed in (QL-6).',
  ),
};

export const NothingMatches: Story = {
  name: 'Empty: nothing matches',
  args: { search: 'nobody by this name' },
  loaders: camille(),
  parameters: description('SV-1: the filters hide every agent; “Clear filters” brings them back.'),
};

export const NoAgents: Story = {
  name: 'Empty: no agents',
  loaders: camille(EMPTY_FLOOR, { expectRoster: false }),
  parameters: description('SV-1: the supervisor’s teams have nobody in them yet.'),
};

export const NoMonitoredQueues: Story = {
  name: 'Empty: no monitored queue',
  args: { view: 'queues' },
  loaders: camille(NOTHING_MONITORED),
  parameters: description('QL-7: the supervisor has not ticked a queue to monitor yet.'),
};

export const NotASupervisor: Story = {
  name: 'Empty: signed in as an agent',
  loaders: [agentOnFloor],
  parameters: description('The grid needs a supervisor session; an agent sees why it is empty.'),
};

export const DarkTheme: Story = {
  name: 'Dark theme',
  args: { theme: 'dark' },
  loaders: camille(),
  parameters: description('PL-3: the same tokens in dark.'),
};
