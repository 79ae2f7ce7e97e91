import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CcClient } from '@cc-elements/core';
import '../cc-agent-state.js';
import type { CcAgentState } from './agent-state.js';
import { ManualTime, scriptedClient, settle, shadow, shadowAll, simClient, type SimClientOptions } from '../../test/helpers.js';

const STATION = { kind: 'extension', extension: '1001' } as const;

async function signedIn(options: SimClientOptions = {}): Promise<CcClient> {
  const client = simClient({ scenario: 'agentOnly', ...options });
  await waitUntil(() => client.state.connection.status === 'connected');
  await client.signIn({ role: 'agent', station: STATION, teamId: client.state.profile!.teams[0]!.id });
  await waitUntil(
    () => Object.values(client.state.media).every((m) => m?.status !== 'signingIn') && Object.keys(client.state.media).length > 0,
  );
  return client;
}

async function mount(client: CcClient): Promise<CcAgentState> {
  const el = await fixture<CcAgentState>(html`<cc-agent-state .client=${client}></cc-agent-state>`);
  await waitUntil(() => el.shadowRoot?.querySelector('[part="trigger"]'));
  await settle();
  return el;
}

const indicator = (el: CcAgentState) => shadow(el, '[part="indicator"]').dataset['state'];
const channelText = (el: CcAgentState, channel: string) =>
  shadow(el, `[part="channel"][data-channel="${channel}"]`).textContent!.replace(/\s+/g, ' ').trim();
const items = (el: CcAgentState, target: string) =>
  shadowAll<HTMLButtonElement>(el, `[role="group"][data-target="${target}"] [role="menuitem"]`);
const itemLabels = (el: CcAgentState, target: string) => items(el, target).map((b) => b.textContent!.trim());

async function openMenu(el: CcAgentState): Promise<void> {
  if (!el.open) shadow<HTMLButtonElement>(el, '[part="trigger"]').click();
  await settle();
}

async function pick(el: CcAgentState, target: string, label: string): Promise<void> {
  await openMenu(el);
  const item = items(el, target).find((b) => b.textContent!.trim() === label);
  if (!item) throw new Error(`No "${label}" in ${target}: ${itemLabels(el, target).join(', ')}`);
  const changed = oneEvent(el, 'cc-state-changed');
  item.click();
  await changed;
  await settle();
}

describe('<cc-agent-state>', () => {
  it('ST-5: not signed in — the indicator says so and the menu cannot open', async () => {
    const client = simClient({ scenario: 'agentOnly' });
    const el = await mount(client);
    await waitUntil(() => client.state.connection.status === 'connected');
    await settle();
    expect(indicator(el)).to.equal('signedOut');
    expect(shadow<HTMLButtonElement>(el, '[part="trigger"]').disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('SE-4: a lost connection shows a banner (actions unavailable) until the adapter is back', async () => {
    const { client, adapter } = scriptedClient();
    const el = await mount(client);
    expect(el.shadowRoot!.querySelector('[part="connection-lost"]')).to.equal(null);
    adapter.emit({ type: 'connection.changed', status: 'lost', error: { code: 'network', message: 'Dropped.' } });
    await settle();
    const banner = shadow(el, '[part="connection-lost"]');
    expect(banner.getAttribute('role')).to.equal('alert');
    expect(banner.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Connection to the contact center lost — reconnecting. Actions are unavailable until it is back; nothing is lost.',
    );
    await expect(el).to.be.accessible();
    adapter.emit({ type: 'connection.changed', status: 'connected' });
    await settle();
    expect(el.shadowRoot!.querySelector('[part="connection-lost"]')).to.equal(null);
  });

  it('ST-1/ST-2: after sign-in every group is listed and starts Not Ready', async () => {
    const el = await mount(await signedIn());
    expect(indicator(el)).to.equal('allNotReady');
    expect(shadowAll(el, '[part="channel"]').map((c) => c.dataset['channel'])).to.deep.equal(['voice', 'chatSocial', 'email']);
    expect(channelText(el, 'chatSocial')).to.match(/^Chat\/Social: Not Ready \d+:\d\d$/);
    await expect(el).to.be.accessible();
  });

  it('ST-1: "All → Ready" moves every channel and the indicator turns all Ready', async () => {
    const client = await signedIn();
    const el = await mount(client);
    await pick(el, 'all', 'Ready');
    expect(indicator(el)).to.equal('allReady');
    expect(Object.values(client.state.media).every((m) => m!.status === 'ready')).to.equal(true);
  });

  it('ST-3: "All" offers no specific reasons; a group never lists the reason it is in', async () => {
    const client = await signedIn();
    const el = await mount(client);
    await openMenu(el);
    expect(itemLabels(el, 'all')).to.deep.equal(['Ready', 'Not Ready']);
    expect(itemLabels(el, 'voice')).to.include('Not Ready – Lunch');
    await pick(el, 'voice', 'Not Ready – Lunch');
    expect(channelText(el, 'voice')).to.match(/^Voice: Not Ready – Lunch/);
    await openMenu(el);
    expect(itemLabels(el, 'voice')).to.not.include('Not Ready – Lunch');
    expect(itemLabels(el, 'voice')).to.include.members(['Ready', 'Not Ready', 'Not Ready – Break']);
  });

  it('ST-4: a specific reason outranks "All → Not Ready", and a reason chosen after it applies', async () => {
    const client = await signedIn();
    const el = await mount(client);
    await pick(el, 'all', 'Ready');
    await pick(el, 'voice', 'Not Ready – Lunch');
    await pick(el, 'all', 'Not Ready');
    expect(client.state.media.voice).to.include({ status: 'notReady', reasonId: 'lunch' });
    expect(client.state.media.email).to.include({ status: 'notReady' });
    expect(client.state.media.email!.reasonId).to.equal(undefined);
    await pick(el, 'email', 'Not Ready – Lunch');
    expect(client.state.media.email).to.include({ status: 'notReady', reasonId: 'lunch' });
  });

  it('ST-5: partial sign-in shows the partial indicator and each failure with its retry count', async () => {
    const time = new ManualTime();
    const client = simClient({ scenario: 'partialSignIn', scheduler: time.scheduler });
    const el = await mount(client);
    await time.advance(100);
    const errors: string[] = [];
    el.addEventListener('cc-state-error', (e) => errors.push(e.detail.code));
    const signIn = client.signIn({ role: 'agent', station: STATION, teamId: client.state.profile!.teams[0]!.id });
    await time.advance(100);
    await signIn;
    expect(indicator(el)).to.equal('partial');
    const failures = shadowAll(el, '[part="errors"] li').map((li) => li.dataset['media']);
    expect(failures).to.include.members(['email', 'sms']);
    expect(errors.length).to.be.greaterThan(0);
    // The core retries on the tenant's schedule: email recovers, SMS never does.
    await time.advance(client.state.tenant.retryDelayMs * (client.state.tenant.retryAttempts + 1));
    expect(client.state.media.email?.status).to.equal('notReady');
    expect(client.state.media.sms?.status).to.equal('failed');
    expect(shadow(el, '[part="errors"] li[data-media="sms"]').textContent).to.match(/attempt \d of \d/);
    expect(indicator(el)).to.equal('partial');
    await expect(el).to.be.accessible();
  });

  it('ST-5: sign-in failed on every channel', async () => {
    const el = await mount(await signedIn({ scenario: 'allChannelsFail' }));
    expect(indicator(el)).to.equal('failed');
  });

  it('ST-9: the time in the current state ticks and restarts on a change', async () => {
    const time = new ManualTime();
    const client = simClient({ scenario: 'agentOnly', scheduler: time.scheduler });
    const el = await mount(client);
    await time.advance(100);
    const signIn = client.signIn({ role: 'agent', station: STATION, teamId: client.state.profile!.teams[0]!.id });
    await time.advance(100);
    await signIn;
    await time.advance(65_000, 1000);
    expect(channelText(el, 'voice')).to.equal('Voice: Not Ready 1:05');
    const change = client.setChannelState('voice', 'ready');
    await time.advance(100);
    await change;
    await time.advance(3_000, 1000);
    expect(channelText(el, 'voice')).to.equal('Voice: Ready 0:03');
  });

  it('keyboard: Arrow keys open and move through the menu, Escape closes it and returns focus', async () => {
    const el = await mount(await signedIn());
    shadow<HTMLButtonElement>(el, '[part="trigger"]').focus();
    await sendKeys({ press: 'ArrowDown' });
    await settle();
    expect(el.open).to.equal(true);
    const menuItems = shadowAll<HTMLElement>(el, '[role="menuitem"]');
    expect(el.shadowRoot!.activeElement).to.equal(menuItems[0]);
    await sendKeys({ press: 'ArrowDown' });
    expect(el.shadowRoot!.activeElement).to.equal(menuItems[1]);
    await sendKeys({ press: 'End' });
    expect(el.shadowRoot!.activeElement).to.equal(menuItems.at(-1));
    await sendKeys({ press: 'ArrowDown' });
    expect(el.shadowRoot!.activeElement).to.equal(menuItems[0]);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await settle();
    expect(el.open).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(shadow(el, '[part="trigger"]'));
  });

  it('keyboard: Enter on a menu item changes the state', async () => {
    const client = await signedIn();
    const el = await mount(client);
    shadow<HTMLButtonElement>(el, '[part="trigger"]').focus();
    await sendKeys({ press: 'ArrowDown' });
    await settle();
    const changed = oneEvent(el, 'cc-state-changed');
    await sendKeys({ press: 'Enter' });
    expect((await changed).detail).to.deep.equal({ target: 'all', status: 'ready' });
  });

  it('cancelling cc-state-change-request sends nothing', async () => {
    const client = await signedIn();
    const el = await mount(client);
    el.addEventListener('cc-state-change-request', (e) => e.preventDefault());
    await openMenu(el);
    items(el, 'all')[0]!.click();
    await settle();
    expect(client.state.media.voice?.status).to.equal('notReady');
  });

  it('closes the menu on a click outside', async () => {
    const el = await mount(await signedIn());
    await openMenu(el);
    expect(el.open).to.equal(true);
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await settle();
    expect(el.open).to.equal(false);
  });
});
