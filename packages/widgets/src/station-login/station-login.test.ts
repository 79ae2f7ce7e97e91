import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createClient, memoryStorage, type CcClient, type StoragePort } from '@cc-elements/core';
import { createSimAdapter } from '@cc-elements/adapter-sim';
import '../cc-station-login.js';
import type { CcStationLogin } from './station-login.js';
import { settle, settled, shadow, shadowAll, simClient, type SimClientOptions, type } from '../../test/helpers.js';

async function mount(
  options: SimClientOptions & { client?: CcClient; webRtcSupported?: boolean } = {},
): Promise<{ el: CcStationLogin; client: CcClient }> {
  const client = options.client ?? simClient(options);
  const el = await fixture<CcStationLogin>(
    html`<cc-station-login .client=${client} .webRtcSupported=${options.webRtcSupported}></cc-station-login>`,
  );
  await waitUntil(() => el.shadowRoot?.querySelector('form, [part="summary"]'), 'form did not appear');
  await el.updateComplete;
  return { el, client };
}

const submit = (el: CcStationLogin) => shadow<HTMLButtonElement>(el, '[part="submit"]');
const number = (el: CcStationLogin) => shadow<HTMLInputElement>(el, 'input[type="tel"]');
const checkbox = (el: CcStationLogin, label: string) =>
  shadowAll<HTMLLabelElement>(el, 'label.choice')
    .find((l) => l.textContent?.includes(label))!
    .querySelector('input')!;
const radio = (el: CcStationLogin, name: string, value: string) => shadow<HTMLInputElement>(el, `input[name="${name}"][value="${value}"]`);
const errorText = (el: CcStationLogin) => el.shadowRoot!.querySelector('.error')?.textContent?.trim();

async function choose(input: HTMLInputElement | HTMLSelectElement, value?: string): Promise<void> {
  if (input instanceof HTMLSelectElement) input.value = value!;
  else input.checked = !input.checked || input.type === 'radio';
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await settled(input);
}

async function blur(input: HTMLElement): Promise<void> {
  input.dispatchEvent(new Event('blur'));
  await settled(input);
}

async function chooseTeam(el: CcStationLogin, teamId: string): Promise<void> {
  await choose(shadow<HTMLSelectElement>(el, 'select[id$="-team"]'), teamId);
}

describe('<cc-station-login>', () => {
  it('SL-1: shows the role field only when the profile has several roles', async () => {
    const { el } = await mount({ scenario: 'default' });
    expect(shadowAll(el, 'input[name="role"]').map((r) => (r as HTMLInputElement).value)).to.deep.equal([
      'agent',
      'supervisor',
      'supervisorAgent',
    ]);
    const { el: single } = await mount({ scenario: 'agentOnly' });
    expect(shadowAll(single, 'input[name="role"]')).to.have.length(0);
  });

  it('SL-2: shows only the station options the tenant allows, Dial Number preselected', async () => {
    const { el } = await mount({ scenario: 'noDesktop' });
    expect(shadowAll<HTMLInputElement>(el, 'input[name="station"]').map((r) => r.value)).to.deep.equal(['dialNumber', 'extension']);
    expect(radio(el, 'station', 'dialNumber').checked).to.equal(true);
  });

  it('SL-3: international format is on by default with +1, and a valid national number enables sign-in', async () => {
    const { el } = await mount({ scenario: 'agentOnly' });
    expect(checkbox(el, 'International format').checked).to.equal(true);
    expect(shadow<HTMLSelectElement>(el, 'select[id$="-country"]').value).to.equal('US');
    await type(number(el), '201 555 0123');
    await chooseTeam(el, 'team-billing');
    expect(submit(el).disabled).to.equal(false);
  });

  it('SL-3: the country list filters by code or by name and picks the match', async () => {
    const { el } = await mount({ scenario: 'agentOnly' });
    const search = shadow<HTMLInputElement>(el, 'input[type="search"]');
    await type(search, '+40');
    const select = shadow<HTMLSelectElement>(el, 'select[id$="-country"]');
    expect(select.value).to.equal('RO');
    await type(search, 'france');
    expect(select.value).to.equal('FR');
    expect([...select.options].some((o) => o.textContent?.includes('France (+33)'))).to.equal(true);
    await type(search, 'zzzz');
    expect(el.shadowRoot!.textContent).to.include('No country matches.');
  });

  it('SL-3/SL-4: an invalid number shows an inline message, disables submit, and nothing is sent', async () => {
    const adapter = createSimAdapter({ scenario: 'agentOnly', latencyMs: 0 });
    const sent: string[] = [];
    const execute = adapter.execute.bind(adapter);
    adapter.execute = (command) => (sent.push(command.type), execute(command));
    const { el } = await mount({ client: createClient({ adapter, storage: memoryStorage() }) });
    await chooseTeam(el, 'team-billing');
    await type(number(el), '12');
    await blur(number(el));
    expect(errorText(el)).to.equal('The number is too short for this country code.');
    expect(number(el).getAttribute('aria-invalid')).to.equal('true');
    expect(submit(el).disabled).to.equal(true);
    shadow<HTMLFormElement>(el, 'form').requestSubmit();
    await settle();
    expect(sent).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('SL-4: other formats accept E.164 and IDD and refuse a bare national number', async () => {
    const { el } = await mount({ scenario: 'agentOnly' });
    await chooseTeam(el, 'team-billing');
    await choose(checkbox(el, 'International format'));
    expect(checkbox(el, 'International format').checked).to.equal(false);
    await type(number(el), '+11234567890');
    expect(submit(el).disabled).to.equal(false);
    await type(number(el), '01161123456789');
    expect(submit(el).disabled).to.equal(false);
    await type(number(el), '2015550123');
    await blur(number(el));
    expect(errorText(el)).to.match(/^Start with \+ and the country code/);
    expect(submit(el).disabled).to.equal(true);
    await type(number(el), '+1 abc');
    expect(errorText(el)).to.match(/digits only/);
  });

  it('SL-5: a restricted default number is prefilled and read-only', async () => {
    const { el, client } = await mount({ scenario: 'restrictedDialNumber' });
    const input = number(el);
    expect(input.readOnly).to.equal(true);
    expect(input.value).to.not.equal('');
    expect(checkbox(el, 'International format').disabled).to.equal(true);
    expect(shadow<HTMLSelectElement>(el, 'select[id$="-country"]').disabled).to.equal(true);
    expect(client.state.tenant.defaultDialNumber).to.be.a('string');
    await choose(radio(el, 'station', 'extension'));
    expect(shadow<HTMLInputElement>(el, 'input[id$="-extension"]').readOnly).to.equal(true);
  });

  it('SL-5: a default number that is not restricted is prefilled and editable', async () => {
    const { el } = await mount({ scenario: 'defaultDialNumber' });
    expect(number(el).value).to.not.equal('');
    expect(number(el).readOnly).to.equal(false);
  });

  it('SL-6: an extension must be digits', async () => {
    const { el } = await mount({ scenario: 'agentOnly' });
    await chooseTeam(el, 'team-billing');
    await choose(radio(el, 'station', 'extension'));
    const ext = shadow<HTMLInputElement>(el, 'input[id$="-extension"]');
    await type(ext, '10a1');
    await blur(ext);
    expect(errorText(el)).to.equal('An extension contains digits only.');
    expect(submit(el).disabled).to.equal(true);
    await type(ext, '1001');
    expect(submit(el).disabled).to.equal(false);
  });

  it('SL-7: Desktop is unavailable, with the reason, where the browser has no WebRTC', async () => {
    const { el } = await mount({ scenario: 'agentOnly', webRtcSupported: false });
    const desktop = radio(el, 'station', 'desktop');
    expect(desktop.disabled).to.equal(true);
    const why = el.shadowRoot!.getElementById(desktop.getAttribute('aria-describedby')!);
    expect(why?.textContent).to.include('WebRTC');
  });

  it('SL-7: Desktop needs no other input', async () => {
    const { el } = await mount({ scenario: 'agentOnly', webRtcSupported: true });
    await chooseTeam(el, 'team-billing');
    await choose(radio(el, 'station', 'desktop'));
    expect(el.shadowRoot!.querySelector('input[type="tel"], input[id$="-extension"]')).to.equal(null);
    expect(submit(el).disabled).to.equal(false);
  });

  it('SL-8: the team is asked of agents and of Supervisor+Agent, not of supervisors', async () => {
    const { el } = await mount({ scenario: 'default' });
    expect(el.shadowRoot!.querySelector('select[id$="-team"]')).to.not.equal(null);
    await choose(radio(el, 'role', 'supervisor'));
    expect(el.shadowRoot!.querySelector('select[id$="-team"]')).to.equal(null);
    await choose(radio(el, 'role', 'supervisorAgent'));
    expect(el.shadowRoot!.querySelector('select[id$="-team"]')).to.not.equal(null);
    await type(number(el), '2015550123');
    expect(submit(el).disabled, 'no team chosen yet').to.equal(true);
    await chooseTeam(el, 'team-billing');
    expect(submit(el).disabled).to.equal(false);
  });

  it('SL-9/SL-10: signs in, remembers the station (never a secret) and prefills it next time', async () => {
    const storage = memoryStorage();
    const { el } = await mount({ scenario: 'agentOnly', storage });
    await chooseTeam(el, 'team-billing');
    await type(number(el), '2015550123');
    await choose(checkbox(el, 'Remember my credentials'));
    const signedIn = oneEvent(el, 'cc-signed-in');
    submit(el).click();
    const event = await signedIn;
    expect(event.detail.station).to.deep.equal({ kind: 'dialNumber', number: '+12015550123' });
    await waitUntil(() => el.shadowRoot!.querySelector('[part="summary"]'));
    const saved = JSON.parse(storage.entries.get('station')!);
    expect(saved).to.deep.equal({
      role: 'agent',
      stationKind: 'dialNumber',
      international: true,
      country: 'US',
      dialNumber: '2015550123',
      teamId: 'team-billing',
    });

    const { el: next } = await mount({ scenario: 'agentOnly', storage });
    expect(number(next).value).to.equal('2015550123');
    expect(shadow<HTMLSelectElement>(next, 'select[id$="-team"]').value).to.equal('team-billing');
    expect(checkbox(next, 'Remember my credentials').checked).to.equal(true);
  });

  it('SL-9: says so when the credentials could not be saved', async () => {
    const broken: StoragePort = {
      get: async () => undefined,
      set: async () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      remove: async () => {},
    };
    const { el } = await mount({ scenario: 'agentOnly', storage: broken });
    await chooseTeam(el, 'team-billing');
    await type(number(el), '2015550123');
    await choose(checkbox(el, 'Remember my credentials'));
    submit(el).click();
    await waitUntil(() => el.shadowRoot!.querySelector('.notice'));
    expect(el.shadowRoot!.querySelector('.notice')!.textContent).to.include('your credentials were not saved');
  });

  it('SL-10: a server refusal is shown in words the agent can act on, with the trace id', async () => {
    const { el } = await mount({ scenario: 'numberInUse' });
    await chooseTeam(el, shadowAll<HTMLOptionElement>(el, 'select[id$="-team"] option')[1]!.value);
    await choose(checkbox(el, 'International format'));
    await type(number(el), '+14155550100');
    const failed = oneEvent(el, 'cc-sign-in-error');
    submit(el).click();
    const event = await failed;
    expect(event.detail.code).to.equal('dialNumber.notUnique');
    await settle();
    const alert = shadow(el, '[part="server-error"]');
    expect(alert.textContent).to.include('already used by another agent');
    expect(alert.textContent).to.include(`Trace id: ${event.detail.traceId}`);
    expect(submit(el).disabled).to.equal(false);
  });

  it('cancelling cc-sign-in-request sends nothing', async () => {
    const { el, client } = await mount({ scenario: 'agentOnly' });
    await chooseTeam(el, 'team-billing');
    await type(number(el), '2015550123');
    el.addEventListener('cc-sign-in-request', (e) => e.preventDefault());
    submit(el).click();
    await settle();
    expect(client.state.session).to.equal(undefined);
    expect(el.shadowRoot!.querySelector('form')).to.not.equal(null);
  });

  it('SL-11: sign-out says why it is not allowed while a channel is Ready, then signs out', async () => {
    const { el, client } = await mount({ scenario: 'agentOnly' });
    await chooseTeam(el, 'team-billing');
    await type(number(el), '2015550123');
    submit(el).click();
    await waitUntil(() => client.state.media.email?.status === 'notReady');
    await client.setChannelState('voice', 'ready');
    await settle();
    const signOut = shadow<HTMLButtonElement>(el, '[part="sign-out"]');
    expect(signOut.disabled).to.equal(true);
    expect(el.shadowRoot!.getElementById(signOut.getAttribute('aria-describedby')!)!.textContent).to.include(
      'Set every channel to Not Ready',
    );
    await expect(el).to.be.accessible();
    await client.setChannelState('all', 'notReady');
    await settle();
    expect(signOut.disabled).to.equal(false);
    const out = oneEvent(el, 'cc-signed-out');
    signOut.click();
    await out;
    await waitUntil(() => el.shadowRoot!.querySelector('form'));
    expect(client.state.session).to.equal(undefined);
  });

  it('SE-2: shows a loading state until the profile arrives, then the form passes axe', async () => {
    const client = simClient({ scenario: 'default', latencyMs: 300 });
    const el = await fixture<CcStationLogin>(html`<cc-station-login .client=${client}></cc-station-login>`);
    expect(el.shadowRoot!.querySelector('[aria-busy="true"]')?.textContent).to.include('Loading your profile');
    await waitUntil(() => el.shadowRoot?.querySelector('form'));
    await expect(el).to.be.accessible();
  });

  it('the form is usable by keyboard alone: every control is in the tab order', async () => {
    const { el } = await mount({ scenario: 'default' });
    const controls = shadowAll<HTMLElement>(el, 'input, select, button');
    expect(controls.every((e) => e.tabIndex >= 0)).to.equal(true);
    expect(new Set(controls.map((e) => e.localName))).to.deep.equal(new Set(['input', 'select', 'button']));
  });
});

describe('<cc-station-login> layout', () => {
  for (const width of [500, 320]) {
    it(`SL-12: usable at ${width}px wide — nothing overflows sideways`, async () => {
      const client = simClient({ scenario: 'default' });
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="inline-size: ${width}px"><cc-station-login .client=${client}></cc-station-login></div>`,
      );
      const el = wrapper.querySelector<CcStationLogin>('cc-station-login')!;
      await waitUntil(() => el.shadowRoot?.querySelector('form'));
      await el.updateComplete;
      const form = shadow(el, 'form');
      expect(form.scrollWidth).to.be.at.most(form.clientWidth + 1);
      for (const control of shadowAll(el, 'input:not([type="radio"]):not([type="checkbox"]), select, button')) {
        expect(control.getBoundingClientRect().right, control.outerHTML.slice(0, 60)).to.be.at.most(
          wrapper.getBoundingClientRect().right + 1,
        );
      }
    });
  }
});
