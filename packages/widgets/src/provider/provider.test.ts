import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../cc-provider.js';
import '../cc-agent-state.js';
import '../cc-station-login.js';
import type { CcProvider } from './provider.js';
import type { CcAgentState } from '../agent-state/agent-state.js';
import type { CcStationLogin } from '../station-login/station-login.js';
import { define } from '../internal/define.js';
import { settle, simClient } from '../../test/helpers.js';

describe('<cc-provider>', () => {
  it('PL-2: every widget inside shares the provider’s client, through nested shadow roots too', async () => {
    const client = simClient({ scenario: 'agentOnly' });
    const el = await fixture<CcProvider>(
      html`<cc-provider .client=${client}
        ><div><cc-agent-state></cc-agent-state><cc-station-login></cc-station-login></div
      ></cc-provider>`,
    );
    const state = el.querySelector<CcAgentState>('cc-agent-state')!;
    const login = el.querySelector<CcStationLogin>('cc-station-login')!;
    await waitUntil(() => login.shadowRoot?.querySelector('form'));
    expect(state.activeClient).to.equal(client);
    expect(login.activeClient).to.equal(client);
    await expect(el).to.be.accessible();
  });

  it('PL-2: an explicit .client wins over the provider’s, and replacing the provider’s client rebinds', async () => {
    const shared = simClient({ scenario: 'agentOnly' });
    const own = simClient({ scenario: 'default' });
    const el = await fixture<CcProvider>(
      html`<cc-provider .client=${shared}
        ><cc-station-login .client=${own}></cc-station-login><cc-agent-state></cc-agent-state
      ></cc-provider>`,
    );
    const login = el.querySelector<CcStationLogin>('cc-station-login')!;
    const state = el.querySelector<CcAgentState>('cc-agent-state')!;
    expect(login.activeClient).to.equal(own);
    const next = simClient({ scenario: 'agentOnly' });
    el.client = next;
    await settle();
    expect(state.activeClient).to.equal(next);
  });

  it('a widget with no client says so instead of failing', async () => {
    const el = await fixture<CcAgentState>(html`<cc-agent-state></cc-agent-state>`);
    expect(el.shadowRoot!.textContent).to.include('No contact-center client');
  });
});

describe('define()', () => {
  async function capturingWarnings(body: () => void): Promise<string[]> {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      body();
    } finally {
      console.warn = warn;
    }
    return warnings;
  }

  it('skips a tag this copy already registered, silently', async () => {
    class Again extends HTMLElement {}
    const warnings = await capturingWarnings(() => define('cc-provider', Again));
    expect(customElements.get('cc-provider')).to.not.equal(Again);
    expect(warnings).to.deep.equal([]);
  });

  it('skips a tag another version registered, and warns with both versions', async () => {
    class FromOtherCopy extends HTMLElement {
      static ccVersion = '9.9.9';
    }
    customElements.define('cc-define-test', FromOtherCopy);
    class Ours extends HTMLElement {}
    const warnings = await capturingWarnings(() => define('cc-define-test', Ours));
    expect(customElements.get('cc-define-test')).to.equal(FromOtherCopy);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include('<cc-define-test> is already defined by cc-elements 9.9.9');
  });
});
