// The stories of the station login and the agent state, each held to what its name promises
// (story-runner.ts renders them as Storybook does, with console-error and axe checks).

import { expect } from '@open-wc/testing';
import * as stationLogin from './station-login.stories.js';
import * as agentState from './agent-state.stories.js';
import { allInShadow, inShadow } from './support.js';
import { describeStories, type Check, type StoriesModule } from './story-runner.js';

// ---- what each story must show, by title and export name ---------------------------------------------

const text = (el: Element, selector: string) => inShadow(el, selector).textContent!.replace(/\s+/g, ' ').trim();
const has = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector) !== null;
const input = (el: Element, selector: string) => inShadow<HTMLInputElement>(el, selector);
const submitEnabled = (el: Element) => !inShadow<HTMLButtonElement>(el, '[part="submit"]').disabled;
const intl = (el: Element) =>
  allInShadow<HTMLLabelElement>(el, 'label.choice')
    .find((l) => l.textContent!.includes('International format'))!
    .querySelector('input')!;
const describedBy = (el: Element, target: Element) =>
  el.shadowRoot!.getElementById(target.getAttribute('aria-describedby')!.split(' ')[0]!)!.textContent!;

function fieldError(expected: string | RegExp, field = 'input[type="tel"]'): Check {
  return (el) => {
    const message = text(el, '.error');
    if (typeof expected === 'string') expect(message).to.equal(expected);
    else expect(message).to.match(expected);
    expect(input(el, field).getAttribute('aria-invalid')).to.equal('true');
    expect(submitEnabled(el), 'Sign in stays disabled').to.equal(false);
  };
}

function validForm(more: Check = () => {}): Check {
  return (el) => {
    expect(has(el, '.error'), 'no inline error').to.equal(false);
    expect(submitEnabled(el), 'Sign in is enabled').to.equal(true);
    more(el);
  };
}

function serverError(words: string): Check {
  return (el) => {
    const alert = text(el, '[role="alert"] [part="server-error"]');
    expect(alert).to.include(words);
    expect(alert).to.match(/Trace id: sim-[0-9a-f]+/);
    expect(submitEnabled(el), 'the agent can try again').to.equal(true);
  };
}

function indicator(expected: string): Check {
  return (el) => expect(inShadow(el, '[part="indicator"]').dataset['state']).to.equal(expected);
}
const channelTexts = (el: Element) => allInShadow(el, '[part="channel"]').map((c) => c.textContent!.replace(/\s+/g, ' ').trim());
const menuItems = (el: Element, target: string) =>
  allInShadow(el, `[role="menu"] [role="group"][data-target="${target}"] [role="menuitem"]`).map((b) => b.textContent!.trim());

const EXPECTED: Record<string, Record<string, Check>> = {
  'Widgets/Station login': {
    FreshFormSeveralRoles: (el) => {
      expect(allInShadow<HTMLInputElement>(el, 'input[name="role"]').map((r) => r.value)).to.deep.equal([
        'agent',
        'supervisor',
        'supervisorAgent',
      ]);
      expect(input(el, 'input[name="station"][value="dialNumber"]').checked).to.equal(true);
      expect(intl(el).checked).to.equal(true);
      expect(inShadow<HTMLSelectElement>(el, 'select[id$="-country"]').value).to.equal('US');
    },
    AgentOnly: (el) => {
      expect(has(el, 'form'), 'the form').to.equal(true);
      expect(has(el, 'input[name="role"]'), 'a role field').to.equal(false);
    },
    NoDesktopOption: (el) =>
      expect(allInShadow<HTMLInputElement>(el, 'input[name="station"]').map((r) => r.value)).to.deep.equal(['dialNumber', 'extension']),
    DesktopUnavailable: (el) => {
      const desktop = input(el, 'input[name="station"][value="desktop"]');
      expect(desktop.disabled).to.equal(true);
      expect(describedBy(el, desktop)).to.include('WebRTC');
    },
    DesktopChosen: validForm((el) => {
      expect(input(el, 'input[name="station"][value="desktop"]').checked).to.equal(true);
      expect(has(el, 'input[type="tel"], input[id$="-extension"]'), 'a number field').to.equal(false);
    }),
    InternationalValidNumber: validForm((el) => expect(input(el, 'input[type="tel"]').value).to.equal('201 555 0123')),
    CountrySearchFiltered: (el) => {
      const country = inShadow<HTMLSelectElement>(el, 'select[id$="-country"]');
      expect(country.value).to.equal('FR');
      expect([...country.options].map((o) => o.textContent!.trim())).to.include('France (+33)');
      expect(country.options.length, 'the list is filtered').to.be.below(5);
    },
    OtherFormatE164: validForm((el) => expect(intl(el).checked).to.equal(false)),
    OtherFormatIdd: validForm((el) => expect(intl(el).checked).to.equal(false)),
    ErrorEmptyNumber: fieldError('Enter a dial number.'),
    ErrorLetters: fieldError('Use digits only (spaces, dashes and brackets are fine).'),
    ErrorTooShort: fieldError('The number is too short for this country code.'),
    ErrorNeedsPrefix: fieldError(/^Start with \+ and the country code/),
    ErrorExtensionNotDigits: fieldError('An extension contains digits only.', 'input[id$="-extension"]'),
    DefaultDialNumber: (el) => {
      const number = input(el, 'input[type="tel"]');
      expect(number.value.replace(/\D/g, '')).to.equal('4155550177');
      expect(number.readOnly).to.equal(false);
    },
    RestrictedDialNumber: (el) => {
      const number = input(el, 'input[type="tel"]');
      expect(number.value.replace(/\D/g, '')).to.equal('4155550142');
      expect(number.readOnly).to.equal(true);
      expect(intl(el).disabled).to.equal(true);
      expect(inShadow<HTMLSelectElement>(el, 'select[id$="-country"]').disabled).to.equal(true);
    },
    TeamRequired: (el) => {
      expect(input(el, 'input[name="role"][value="supervisorAgent"]').checked).to.equal(true);
      expect(text(el, '.error')).to.equal('Choose your team.');
      expect(inShadow(el, 'select[id$="-team"]').getAttribute('aria-invalid')).to.equal('true');
      expect(submitEnabled(el)).to.equal(false);
    },
    SupervisorNoTeam: (el) => {
      expect(input(el, 'input[name="role"][value="supervisor"]').checked).to.equal(true);
      expect(has(el, 'select[id$="-team"]'), 'a team field').to.equal(false);
    },
    TeamSearch: (el) => {
      const teams = [...inShadow<HTMLSelectElement>(el, 'select[id$="-team"]').options].filter((o) => o.value !== '');
      expect(teams.map((o) => o.textContent!.trim())).to.deep.equal(['Sales North America', 'Sales EMEA']);
    },
    RememberedCredentials: (el) => {
      expect(input(el, 'input[name="role"][value="supervisorAgent"]').checked).to.equal(true);
      expect(inShadow<HTMLSelectElement>(el, 'select[id$="-country"]').value).to.equal('GB');
      expect(input(el, 'input[type="tel"]').value).to.equal('20 7946 0321');
      expect(inShadow<HTMLSelectElement>(el, 'select[id$="-team"]').value).to.equal('team-support-emea');
      const remember = allInShadow<HTMLLabelElement>(el, 'label.choice').find((l) => l.textContent!.includes('Remember my credentials'))!;
      expect(remember.querySelector('input')!.checked).to.equal(true);
    },
    ServerErrorNumberInUse: serverError('already used by another agent'),
    ServerErrorNotRegistered: serverError('The dial number is not registered'),
    ServerErrorProfileForbidden: serverError('Ask your administrator to check your profile and permissions'),
    ServerErrorNetwork: serverError('Check your network connection'),
    ServerErrorApi: serverError('Sign-in is paused for maintenance until 14:00 UTC.'),
    Submitting: (el) => {
      const submit = inShadow<HTMLButtonElement>(el, '[part="submit"]');
      expect(submit.getAttribute('aria-busy')).to.equal('true');
      // PL-5: busy, not disabled, so keyboard focus stays on it while the server answers.
      expect(submit.getAttribute('aria-disabled')).to.equal('true');
      expect(submit.textContent!.trim()).to.equal('Signing in…');
    },
    CredentialsNotSaved: (el) => {
      expect(has(el, '[part="summary"]'), 'signed in').to.equal(true);
      expect(text(el, '.notice[role="status"]')).to.include('your credentials were not saved');
    },
    SignedInSignOutAllowed: (el) => {
      expect(text(el, '[part="summary"] h2')).to.equal('Signed in as Maya Patel');
      expect(inShadow<HTMLButtonElement>(el, '[part="sign-out"]').disabled).to.equal(false);
    },
    SignedInSignOutBlocked: (el) => {
      const signOut = inShadow<HTMLButtonElement>(el, '[part="sign-out"]');
      expect(signOut.disabled).to.equal(true);
      expect(describedBy(el, signOut)).to.include('Set every channel to Not Ready');
    },
    Loading: (el) => expect(text(el, '[role="status"][aria-busy="true"]')).to.include('Loading your profile'),
    DarkTheme: (el) => {
      expect(el.getAttribute('theme')).to.equal('dark');
      expect(getComputedStyle(inShadow(el, 'form')).backgroundColor).to.equal('rgb(29, 31, 35)');
      fieldError('The number is too short for this country code.')(el);
    },
    LoadingFailed: (el) => expect(text(el, '[part="server-error"][role="alert"]')).to.include('The contact center could not be loaded.'),
  },
  'Widgets/Agent state': {
    NotSignedIn: (el) => {
      indicator('signedOut')(el);
      expect(inShadow<HTMLButtonElement>(el, '[part="trigger"]').disabled).to.equal(true);
    },
    AllNotReady: (el) => {
      indicator('allNotReady')(el);
      expect(allInShadow(el, '[part="channel"]').map((c) => c.dataset['channel'])).to.deep.equal(['voice', 'chatSocial', 'email']);
      expect(channelTexts(el).every((t) => / Not Ready \d+:\d\d$/.test(t))).to.equal(true);
    },
    AllReady: (el) => {
      indicator('allReady')(el);
      expect(channelTexts(el).every((t) => /: Ready \d+:\d\d$/.test(t))).to.equal(true);
    },
    Partial: (el) => {
      indicator('partial')(el);
      expect(channelTexts(el)[0]).to.match(/^Voice: Ready /);
      expect(channelTexts(el)[2]).to.match(/^Email: Not Ready /);
    },
    ReasonSet: (el) => {
      indicator('allNotReady')(el);
      expect(channelTexts(el).every((t) => t.includes(': Not Ready – Lunch '))).to.equal(true);
    },
    ConnectionLost: (el) => {
      expect(text(el, '[part="connection-lost"]')).to.match(/^Connection to the contact center lost — reconnecting\./);
      expect(inShadowRole(el)).to.equal('alert');
      expect(channelTexts(el)[0]).to.match(/^Voice: Ready /);
    },
    SignInFailedEveryChannel: (el) => {
      indicator('failed')(el);
      expect(allInShadow(el, '[part="errors"] li[data-media]').map((li) => li.dataset['media'])).to.have.members([
        'voice',
        'chat',
        'sms',
        'social',
        'email',
      ]);
    },
    PartialSignIn: (el) => {
      indicator('partial')(el);
      expect(allInShadow(el, '[part="errors"] li[data-media]').map((li) => li.dataset['media'])).to.include.members(['email', 'sms']);
      expect(text(el, '[part="errors"] li[data-media="sms"]')).to.match(/^SMS: The SMS gateway could not be reached\./);
    },
    MenuOpenAllNotReady: (el) => {
      expect(has(el, '[role="menu"]'), 'the menu').to.equal(true);
      expect(menuItems(el, 'all')).to.deep.equal(['Ready', 'Not Ready']);
      expect(menuItems(el, 'voice')).to.include.members(['Ready', 'Not Ready – Lunch']);
      expect(menuItems(el, 'voice')).to.not.include('Not Ready');
    },
    MenuOpenReasonSet: (el) => {
      expect(has(el, '[role="menu"]'), 'the menu').to.equal(true);
      for (const group of ['voice', 'chatSocial', 'email']) {
        expect(menuItems(el, group), group).to.not.include('Not Ready – Lunch');
        expect(menuItems(el, group), group).to.include.members(['Ready', 'Not Ready', 'Not Ready – Break']);
      }
    },
    DarkTheme: (el) => {
      expect(el.getAttribute('theme')).to.equal('dark');
      expect(getComputedStyle(el).color).to.equal('rgb(236, 238, 242)');
      expect(has(el, '[role="menu"]'), 'the menu').to.equal(true);
      indicator('partial')(el);
    },
  },
};

const inShadowRole = (el: HTMLElement) => el.shadowRoot!.querySelector('[part="connection-lost"]')?.getAttribute('role');

// Each module's Args differ; the runner reads only the shape Storybook reads.
for (const module of [stationLogin, agentState] as unknown as readonly StoriesModule[]) {
  describeStories(module, EXPECTED[module.default.title!] ?? {});
}
