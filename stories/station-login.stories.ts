// <cc-station-login> in every state an agent can meet (SL-1…SL-11, SE-2), each on the simulator.

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { Observable } from 'rxjs';
import { CcError, REMEMBERED_STATION_KEY, memoryStorage, type RememberedStation } from '@cc-elements/core';
import { SCENARIOS, type SimScenario } from '@cc-elements/adapter-sim';
import type { CcStationLogin } from '@cc-elements/widgets';
import '@cc-elements/widgets/cc-station-login.js';
import {
  THEMES,
  brokenStorage,
  choiceLabelled,
  clickOn,
  connectedClient,
  leave,
  select,
  signedInClient,
  slowCommand,
  storyClient,
  surface,
  typeInto,
  waitFor,
  widgetIn,
  type Loaded,
  type StoryClientOptions,
  type Theme,
} from './support.js';

interface Args {
  theme: Theme;
  /** Whether this browser can run the Desktop (WebRTC) station; fixed so stories look the same everywhere. */
  webRtcSupported: boolean;
}

const NUMBER = 'input[type="tel"]';
const COUNTRY_SEARCH = 'input[type="search"][aria-controls$="-country"]';
const TEAM = 'select[id$="-team"]';
const TEAM_SEARCH = 'input[type="search"][aria-controls$="-team"]';
const EXTENSION = 'input[id$="-extension"]';
const SUBMIT = '[part="submit"]';

const login = (canvas: HTMLElement) => widgetIn<CcStationLogin>(canvas, 'cc-station-login');

/**
 * A story's loader: a client whose profile has arrived, so the form is there at once. Loaders are
 * per story: Storybook runs a meta's loaders as well as a story's, which would make two clients.
 */
const connected = (options: StoryClientOptions) => [async (): Promise<Loaded> => ({ client: await connectedClient(options) })];

/** Fills a valid form (team, then number) and clicks Sign in; the backend answers later. */
async function signIn(canvas: HTMLElement, number: string, options: { remember?: boolean } = {}): Promise<CcStationLogin> {
  const el = await login(canvas);
  await select(el, TEAM, 'team-billing');
  await typeInto(el, NUMBER, number);
  if (options.remember) await clickOn(el, choiceLabelled(el, 'Remember my credentials'));
  await clickOn(el, SUBMIT);
  return el;
}

/** Signs in with a number the backend refuses, and waits for its words (SL-10). */
async function refusedSignIn(canvas: HTMLElement, number: string): Promise<void> {
  const el = await signIn(canvas, number);
  await waitFor(() => el.shadowRoot?.querySelector('[part="server-error"]'), 'the server error');
  await el.updateComplete;
}

const description = (story: string) => ({ docs: { description: { story } } });

const meta: Meta<Args> = {
  title: 'Widgets/Station login',
  component: 'cc-station-login',
  args: { theme: 'auto', webRtcSupported: true },
  argTypes: {
    theme: { control: 'inline-radio', options: THEMES, description: 'Colour scheme: follows the system unless `light` or `dark`.' },
    webRtcSupported: { control: 'boolean', description: 'Whether the browser can run the Desktop (WebRTC) station (SL-7).' },
  },
  render: (args, { loaded }) =>
    surface(
      args.theme,
      html`<cc-station-login
        .client=${(loaded as Loaded).client}
        theme=${args.theme}
        .webRtcSupported=${args.webRtcSupported}
      ></cc-station-login>`,
    ),
  parameters: {
    docs: {
      description: {
        component:
          'The agent’s sign-in form: role, station (dial number, extension or browser desktop), team and “remember my credentials”. ' +
          'It checks the number before anything is sent, shows the backend’s refusals in words the agent can act on, and once signed in ' +
          'shows the station with a sign-out that says why it is not allowed yet. Every story runs on the in-browser simulator.',
      },
      story: { autoplay: true },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

// ---- the form as it opens ------------------------------------------------------------------------

export const FreshFormSeveralRoles: Story = {
  name: 'Fresh form, several roles',
  loaders: connected({ scenario: 'default' }),
  parameters: description(
    'SL-1, SL-2, SL-3: a profile that may sign in as Agent, Supervisor or Supervisor and Agent sees the role field. Dial Number is preselected, in international format with +1.',
  ),
};

export const AgentOnly: Story = {
  name: 'Agent only: no role field',
  loaders: connected({ scenario: 'agentOnly' }),
  parameters: description('SL-1: the profile allows one role, so there is no role to choose.'),
};

export const NoDesktopOption: Story = {
  name: 'No Desktop option',
  loaders: connected({ scenario: 'noDesktop' }),
  parameters: description('SL-2: the tenant allows Dial Number and Extension only, so Desktop is not offered.'),
};

export const DesktopUnavailable: Story = {
  name: 'Desktop unavailable in this browser',
  args: { webRtcSupported: false },
  loaders: connected({ scenario: 'agentOnly' }),
  parameters: description('SL-7: without WebRTC the Desktop option is disabled and says why.'),
};

export const DesktopChosen: Story = {
  name: 'Desktop chosen',
  loaders: connected({ scenario: 'agentOnly' }),
  parameters: description('SL-7: the browser softphone needs no number; choosing a team is enough to sign in.'),
  play: async ({ canvasElement }) => {
    const el = await login(canvasElement);
    await clickOn(el, 'input[name="station"][value="desktop"]');
    await select(el, TEAM, 'team-billing');
  },
};

// ---- dial number formats (SL-3, SL-4) ----------------------------------------------------------------

export const InternationalValidNumber: Story = {
  name: 'International format, valid number',
  loaders: connected({ scenario: 'agentOnly' }),
  parameters: description('SL-3: +1 chosen, a valid national number typed and a team chosen: Sign in is enabled.'),
  play: async ({ canvasElement }) => {
    const el = await login(canvasElement);
    await typeInto(el, NUMBER, '201 555 0123');
    await select(el, TEAM, 'team-billing');
  },
};

export const CountrySearchFiltered: Story = {
  name: 'Country code search',
  loaders: connected({ scenario: 'agentOnly' }),
  parameters: description('SL-3: the country-code list filters by name or code; “france” leaves France (+33), which is picked.'),
  play: async ({ canvasElement }) => {
    const el = await login(canvasElement);
    await typeInto(el, COUNTRY_SEARCH, 'france');
  },
};

export const OtherFormatE164: Story = {
  name: 'Other format: E.164',
  loaders: connected({ scenario: 'agentOnly' }),
  parameters: description('SL-4: international format off; +11234567890 (E.164) is accepted.'),
  play: async ({ canvasElement }) => {
    const el = await login(canvasElement);
    await clickOn(el, choiceLabelled(el, 'International format'));
    await typeInto(el, NUMBER, '+11234567890');
    await select(el, TEAM, 'team-billing');
  },
};

export const OtherFormatIdd: Story = {
  name: 'Other format: IDD',
  loaders: connected({ scenario: 'agentOnly' }),
  parameters: description('SL-4: international format off; 01161123456789 (IDD 011, then +61) is accepted.'),
  play: async ({ canvasElement }) => {
    const el = await login(canvasElement);
    await clickOn(el, choiceLabelled(el, 'International format'));
    await typeInto(el, NUMBER, '01161123456789');
    await select(el, TEAM, 'team-billing');
  },
};

// ---- validation errors (SL-3, SL-4, SL-6): shown inline, Sign in disabled, nothing sent --------------

export const ErrorEmptyNumber: Story = {
  name: 'Error: number left empty',
  loaders: connected({ scenario: 'agentOnly' }),
  parameters: description('SL-3: leaving the number field empty says “Enter a dial number.”'),
  play: async ({ canvasElement }) => {
    const el = await login(canvasElement);
    await leave(el, NUMBER);
  },
};

export const ErrorLetters: Story = {
  name: 'Error: letters in the number',
  loaders: connected({ scenario: 'agentOnly' }),
  parameters: description('SL-3: letters are refused with a message that says which characters are fine.'),
  play: async ({ canvasElement }) => {
    const el = await login(canvasElement);
    await typeInto(el, NUMBER, '555-CALL-NOW');
    await leave(el, NUMBER);
  },
};

export const ErrorTooShort: Story = {
  name: 'Error: number too short',
  loaders: connected({ scenario: 'agentOnly' }),
  parameters: description('SL-3: the number is checked against the chosen country code; 12 is too short for +1.'),
  play: async ({ canvasElement }) => {
    const el = await login(canvasElement);
    await typeInto(el, NUMBER, '12');
    await leave(el, NUMBER);
  },
};

export const ErrorNeedsPrefix: Story = {
  name: 'Error: other format without a prefix',
  loaders: connected({ scenario: 'agentOnly' }),
  parameters: description('SL-4: in other formats a bare national number is refused: start with + (E.164) or the IDD prefix.'),
  play: async ({ canvasElement }) => {
    const el = await login(canvasElement);
    await clickOn(el, choiceLabelled(el, 'International format'));
    await typeInto(el, NUMBER, '2015550123');
    await leave(el, NUMBER);
  },
};

export const ErrorExtensionNotDigits: Story = {
  name: 'Error: extension not digits',
  loaders: connected({ scenario: 'agentOnly' }),
  parameters: description('SL-6: an extension is digits only.'),
  play: async ({ canvasElement }) => {
    const el = await login(canvasElement);
    await clickOn(el, 'input[name="station"][value="extension"]');
    await typeInto(el, EXTENSION, '10a1');
    await leave(el, EXTENSION);
  },
};

// ---- what the tenant and the last sign-in decide (SL-5, SL-8, SL-9) ---------------------------------

export const DefaultDialNumber: Story = {
  name: 'Default dial number prefilled',
  loaders: connected({ scenario: 'defaultDialNumber' }),
  parameters: description('SL-5: the tenant’s default dial number is prefilled and the agent may change it.'),
};

export const RestrictedDialNumber: Story = {
  name: 'Restricted to the default dial number',
  loaders: connected({ scenario: 'restrictedDialNumber' }),
  parameters: description('SL-5: the tenant restricts sign-in to its default number, so the number, its format and country are read-only.'),
};

export const TeamRequired: Story = {
  name: 'Team required',
  loaders: connected({ scenario: 'default' }),
  parameters: description(
    'SL-8: Supervisor and Agent takes work, so a team is required; leaving the team unchosen says so and keeps Sign in disabled.',
  ),
  play: async ({ canvasElement }) => {
    const el = await login(canvasElement);
    await clickOn(el, 'input[name="role"][value="supervisorAgent"]');
    await typeInto(el, NUMBER, '201 555 0123');
    await leave(el, TEAM);
  },
};

export const SupervisorNoTeam: Story = {
  name: 'Supervisor: no team field',
  loaders: connected({ scenario: 'default' }),
  parameters: description('SL-8: a pure supervisor takes no work, so the team field is not shown.'),
  play: async ({ canvasElement }) => {
    const el = await login(canvasElement);
    await clickOn(el, 'input[name="role"][value="supervisor"]');
  },
};

const TEAM_NAMES = ['Billing', 'Claims', 'Collections', 'Onboarding', 'Retention', 'Sales North America', 'Sales EMEA', 'Support EMEA'];

/** An agent in more teams than fit a plain dropdown, so the team field gets its search (SL-8). */
const MANY_TEAMS: SimScenario = {
  ...SCENARIOS.agentOnly,
  title: 'Many teams',
  description: 'An agent in eight teams.',
  // Only Ana is in this world, so the queues (whose members name the others) are left out.
  queues: [],
  agents: [
    {
      id: 'ana.popescu',
      name: 'Ana Popescu',
      roles: ['agent'],
      teams: TEAM_NAMES.map((name) => ({ id: `team-${name.toLowerCase().replace(/\s+/g, '-')}`, name })),
    },
  ],
};

export const TeamSearch: Story = {
  name: 'Team search',
  loaders: connected({ scenario: MANY_TEAMS }),
  parameters: description('SL-8: with many teams the dropdown gets a search filter; “sales” leaves the two sales teams.'),
  play: async ({ canvasElement }) => {
    const el = await login(canvasElement);
    await typeInto(el, TEAM_SEARCH, 'sales');
  },
};

const REMEMBERED: RememberedStation = {
  role: 'supervisorAgent',
  stationKind: 'dialNumber',
  international: true,
  country: 'GB',
  dialNumber: '20 7946 0321',
  teamId: 'team-support-emea',
};

export const RememberedCredentials: Story = {
  name: 'Remembered credentials prefilled',
  loaders: connected({ scenario: 'default', storage: memoryStorage({ [REMEMBERED_STATION_KEY]: JSON.stringify(REMEMBERED) }) }),
  parameters: description(
    'SL-9: the station details saved at the last sign-in (role, station kind, number, team — never a secret) are prefilled, and “Remember my credentials” stays ticked.',
  ),
};

// ---- server errors (SL-10): the form is filled and sent, the backend refuses --------------------------

export const ServerErrorNumberInUse: Story = {
  name: 'Server error: number in use',
  loaders: connected({ scenario: 'numberInUse' }),
  parameters: description('SL-10: another agent holds +1 415 555 0100; the refusal says so, with the trace id to quote to support.'),
  play: ({ canvasElement }) => refusedSignIn(canvasElement, '415 555 0100'),
};

export const ServerErrorNotRegistered: Story = {
  name: 'Server error: number not registered',
  loaders: connected({ scenario: 'registryRequired' }),
  parameters: description('SL-10: the tenant accepts registered dial numbers only; +1 201 555 0123 is not one of them.'),
  play: ({ canvasElement }) => refusedSignIn(canvasElement, '201 555 0123'),
};

export const ServerErrorProfileForbidden: Story = {
  name: 'Server error: profile not allowed',
  loaders: connected({ scenario: 'agentOnly', adapt: (adapter) => adapter.engine.failNext('session.signIn', 'profile.forbidden') }),
  parameters: description('SL-10: the backend refuses the profile or its permissions; the agent is told to ask an administrator.'),
  play: ({ canvasElement }) => refusedSignIn(canvasElement, '201 555 0123'),
};

export const ServerErrorNetwork: Story = {
  name: 'Server error: network',
  loaders: connected({ scenario: 'agentOnly', adapt: (adapter) => adapter.engine.failNext('session.signIn', 'network') }),
  parameters: description('SL-10: the server could not be reached; the agent is told to check the network and try again.'),
  play: ({ canvasElement }) => refusedSignIn(canvasElement, '201 555 0123'),
};

export const ServerErrorApi: Story = {
  name: 'Server error: API refusal',
  loaders: connected({
    scenario: 'agentOnly',
    adapt: (adapter) => adapter.engine.failNext('session.signIn', 'api', { message: 'Sign-in is paused for maintenance until 14:00 UTC.' }),
  }),
  parameters: description('SL-10: any other refusal is shown in the server’s own words, with its trace id.'),
  play: ({ canvasElement }) => refusedSignIn(canvasElement, '201 555 0123'),
};

// ---- sending and signed in (SL-9, SL-10, SL-11) --------------------------------------------------------

export const Submitting: Story = {
  name: 'Signing in (waiting for the server)',
  loaders: connected({ scenario: 'agentOnly', adapt: (adapter) => slowCommand(adapter, 'session.signIn', 10 * 60_000) }),
  parameters: description('SL-10: the server takes its time; the button says “Signing in…” and is busy until it answers.'),
  play: async ({ canvasElement }) => {
    const el = await signIn(canvasElement, '201 555 0123');
    await waitFor(() => el.shadowRoot?.querySelector(`${SUBMIT}[aria-busy="true"]`), 'the busy Sign in button');
  },
};

export const CredentialsNotSaved: Story = {
  name: 'Signed in, credentials not saved',
  loaders: connected({ scenario: 'agentOnly', storage: brokenStorage() }),
  parameters: description('SL-9: the sign-in worked but the browser storage refused to save the details; the agent is told so.'),
  play: async ({ canvasElement }) => {
    const el = await signIn(canvasElement, '201 555 0123', { remember: true });
    await waitFor(() => el.shadowRoot?.querySelector('.notice'), 'the “not saved” notice');
  },
};

const STATION = { kind: 'dialNumber', number: '+14155550123' } as const;

export const SignedInSignOutAllowed: Story = {
  name: 'Signed in, sign-out allowed',
  loaders: [
    async (): Promise<Loaded> => ({
      client: await signedInClient('default', { role: 'supervisorAgent', station: STATION, teamId: 'team-billing' }),
    }),
  ],
  parameters: description('SL-11: every channel is Not Ready (ST-2) and no work is open, so Sign out is available.'),
};

export const SignedInSignOutBlocked: Story = {
  name: 'Signed in, sign-out blocked (a channel is Ready)',
  loaders: [
    async (): Promise<Loaded> => ({
      client: await signedInClient('default', {
        role: 'supervisorAgent',
        station: STATION,
        teamId: 'team-billing',
        channels: [{ target: 'voice', status: 'ready' }],
      }),
    }),
  ],
  parameters: description('SL-11: Voice is Ready, so Sign out is disabled and says to set every channel to Not Ready first.'),
};

export const DarkTheme: Story = {
  name: 'Dark theme',
  args: { theme: 'dark' },
  globals: { theme: 'dark' },
  loaders: connected({ scenario: 'agentOnly' }),
  parameters: description('PL-3: the same tokens in dark, with an inline error (SL-3) to show the danger colour on the dark surface.'),
  play: async ({ canvasElement }) => {
    const el = await login(canvasElement);
    await typeInto(el, NUMBER, '12');
    await leave(el, NUMBER);
  },
};

// ---- loading (SE-2) ------------------------------------------------------------------------------------

export const Loading: Story = {
  name: 'Loading the profile',
  loaders: [async (): Promise<Loaded> => ({ client: storyClient({ scenario: 'default', latencyMs: 24 * 60 * 60_000 }) })],
  parameters: description(
    'SE-2: the first load can take seconds; the widget says it is loading the profile (here the server never answers).',
  ),
};

export const LoadingFailed: Story = {
  name: 'Loading failed',
  loaders: [
    async (): Promise<Loaded> => ({
      client: storyClient({
        scenario: 'default',
        adapt: (adapter) => ({
          ...adapter,
          events$: new Observable<never>((subscriber) => subscriber.error(new CcError('network'))),
        }),
      }),
    }),
  ],
  parameters: description('SE-2: the contact center could not be loaded; the error is readable and announced.'),
};
