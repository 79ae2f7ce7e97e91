// PL-1: the React components in a React 18 root on the simulator — props reach the elements as
// properties, and the widgets' `cc-*` events reach the on<Event> props as the real, typed DOM events.

import { expect, waitUntil } from '@open-wc/testing';
import { createRoot, type Root } from 'react-dom/client';
import { createClient, memoryStorage, type AgentSession, type CcClient } from '@cc-elements/core';
import { createSimAdapter } from '@cc-elements/adapter-sim';
import {
  CcCallBanner as CallBannerElement,
  CcStationLogin as StationLoginElement,
  type CcProvider as ProviderElement,
  type CcTaskPane as TaskPaneElement,
  type CallDetail,
} from '@cc-elements/widgets';
import { settled, shadow, type } from '../../widgets/test/helpers.js';
import { CcAgentState, CcCallBanner, CcProvider, CcStationLogin, CcTaskPane } from './index.js';

interface HostProps {
  readonly client: CcClient;
  readonly theme: 'light' | 'dark';
  /** Cancels the next sign-in request, as a host may. */
  readonly refuseSignIn: boolean;
  readonly log: string[];
  readonly screenPops: CallDetail[];
}

/** A host app: the widgets under one provider, logging what the host hears. */
function Host({ client, theme, refuseSignIn, log, screenPops }: HostProps) {
  return (
    <CcProvider client={client}>
      <CcStationLogin
        theme={theme}
        onCcSignInRequest={(event) => {
          log.push(`request ${event.detail.role} ${event.detail.station.kind}`);
          if (refuseSignIn) event.preventDefault();
        }}
        onCcSignedIn={(event) => log.push(`signed in ${stationOf(event.detail)}`)}
      />
      <CcAgentState theme={theme} />
      <CcCallBanner theme={theme} onCcCallOffered={(event) => screenPops.push(event.detail)} />
      <CcTaskPane theme={theme} listCollapsed />
    </CcProvider>
  );
}

const stationOf = (session: AgentSession) => (session.station.kind === 'dialNumber' ? session.station.number : session.station.kind);

// Never called: it compiles only if the components' props and events are typed (npm run typecheck).
export function typedProps(client: CcClient) {
  return [
    <CcCallBanner client={client} taskId="call-1" focusOnOffer />,
    // @ts-expect-error taskId is a string
    <CcCallBanner taskId={42} />,
    // @ts-expect-error theme is 'light' | 'dark' | 'auto'
    <CcAgentState theme="sepia" />,
    // @ts-expect-error the detail is a CallDetail, which has no `caller`
    <CcCallBanner onCcCallOffered={(event) => event.detail.caller} />,
    // @ts-expect-error the station login fires no call events
    <CcStationLogin onCcCallOffered={() => undefined} />,
  ];
}

describe('PL-1 @cc-elements/react', () => {
  let container: HTMLElement;
  let root: Root;
  let client: CcClient;
  let adapter: ReturnType<typeof createSimAdapter>;

  beforeEach(() => {
    adapter = createSimAdapter({ scenario: 'agentOnly', latencyMs: 0 });
    client = createClient({ adapter, storage: memoryStorage() });
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(() => {
    root.unmount();
    container.remove();
    client.dispose();
    adapter.engine.dispose();
  });

  it('PL-1: props flow into the elements as properties, and follow a re-render', async () => {
    const props: HostProps = { client, theme: 'dark', refuseSignIn: false, log: [], screenPops: [] };
    root.render(<Host {...props} />);
    const login = await waitUntilElement<StationLoginElement>(container, 'cc-station-login');
    expect(login).to.be.instanceOf(StationLoginElement);
    expect(container.querySelector<ProviderElement>('cc-provider')!.client, 'the client, as a property').to.equal(client);
    expect(login.theme).to.equal('dark');
    expect(login.getAttribute('theme'), 'reflected by the element').to.equal('dark');
    const pane = container.querySelector<TaskPaneElement>('cc-task-pane')!;
    expect(pane.listCollapsed, 'a boolean property').to.equal(true);
    expect(container.querySelector('cc-call-banner')).to.be.instanceOf(CallBannerElement);

    root.render(<Host {...props} theme="light" />);
    await waitUntil(() => login.theme === 'light', 'theme did not follow the re-render');
    expect(container.querySelector('cc-agent-state')!.getAttribute('theme')).to.equal('light');
  });

  it('PL-1: signing in on the simulator — a cancelable cc-sign-in-request, then cc-signed-in, reach the on<Event> props', async () => {
    const log: string[] = [];
    root.render(<Host client={client} theme="light" refuseSignIn log={log} screenPops={[]} />);
    const login = await waitUntilElement<StationLoginElement>(container, 'cc-station-login');
    await waitUntil(() => login.shadowRoot?.querySelector('form'), 'no sign-in form');
    await login.updateComplete;
    const team = shadow<HTMLSelectElement>(login, 'select[id$="-team"]');
    team.value = 'team-billing';
    team.dispatchEvent(new Event('change', { bubbles: true }));
    await settled(team);
    await type(shadow<HTMLInputElement>(login, 'input[type="tel"]'), '2015550123');

    shadow<HTMLButtonElement>(login, '[part="submit"]').click();
    await waitUntil(() => log.length === 1);
    expect(log).to.deep.equal(['request agent dialNumber']);
    expect(client.state.session, 'the host cancelled it: nothing sent').to.equal(undefined);

    root.render(<Host client={client} theme="light" refuseSignIn={false} log={log} screenPops={[]} />);
    await settled(login);
    shadow<HTMLButtonElement>(login, '[part="submit"]').click();
    await waitUntil(() => log.length === 3, 'not signed in');
    expect(log.slice(1)).to.deep.equal(['request agent dialNumber', 'signed in +12015550123']);
  });

  it('PL-1/CB-5: a call offered to the signed-in agent reaches onCcCallOffered with the caller and queue (screen-pop)', async () => {
    const screenPops: CallDetail[] = [];
    root.render(<Host client={client} theme="light" refuseSignIn={false} log={[]} screenPops={screenPops} />);
    await waitUntilElement(container, 'cc-call-banner');
    await client.signIn({ role: 'agent', station: { kind: 'extension', extension: '1001' }, teamId: 'team-billing' });
    await client.setChannelState('voice', 'ready');

    const taskId = adapter.engine.injectCall({ queueId: 'q-sales', from: '+14155550188', customerName: 'Sam Carter' });
    await waitUntil(() => screenPops.length > 0, 'no cc-call-offered');
    expect(screenPops).to.have.length(1);
    expect(screenPops[0]).to.include({ taskId, callerId: '+14155550188', customerName: 'Sam Carter', queueName: 'Sales', callback: false });
  });
});

async function waitUntilElement<T extends HTMLElement>(container: HTMLElement, tag: string): Promise<T> {
  await waitUntil(() => container.querySelector(tag), `<${tag}> was not rendered`);
  const element = container.querySelector(tag) as T & { updateComplete?: Promise<unknown> };
  await element.updateComplete;
  return element;
}
