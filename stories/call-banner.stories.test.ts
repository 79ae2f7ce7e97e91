// The call banner's stories, each held to what its name promises (story-runner.ts renders them as
// Storybook does, with console-error and axe checks).

import { expect } from '@open-wc/testing';
import * as callBanner from './call-banner.stories.js';
import { allInShadow, inShadow, waitFor } from './support.js';
import { describeStories, type Check, type StoriesModule } from './story-runner.js';

const words = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const text = (el: Element, selector: string) => words(inShadow(el, selector));
const has = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector) !== null;
const status = (el: Element) => inShadow(el, '[part="call"]').dataset['status'];
const controls = (el: Element) => allInShadow(el, '[part="controls"] > button').map((b) => b.getAttribute('part'));
const live = (el: Element) => text(el, '[role="status"][aria-live]');
/** Seconds on a "m:ss" clock inside `selector`. */
const seconds = (el: Element, selector: string) => {
  const [m, s] = text(el, selector)
    .match(/(\d+):(\d\d)/)!
    .slice(1)
    .map(Number);
  return m! * 60 + s!;
};

const SIM_TARGETS = [
  'Sales queue',
  'Support queue',
  'Billing queue',
  'Escalations desk routing point',
  'After-hours line routing point',
  'Camille Durand (supervisor) agent',
];

/** Sam Carter on Sales, as every simulator story has him. */
const sam = (el: Element) => {
  expect(text(el, '[part="caller"]')).to.equal('Sam Carter');
  expect(text(el, '[part="number"]')).to.equal('+14155550188');
};

const onCall =
  (expected: 'active' | 'held', more: Check = () => {}): Check =>
  (el) => {
    expect(allInShadow(el, '[part="call"]')).to.have.length(1);
    expect(status(el)).to.equal(expected);
    sam(el);
    expect(text(el, '[part="queue"]')).to.equal('Sales');
    expect(text(el, '[part="duration"]')).to.match(/^Call duration: \d+:\d\d$/);
    return more(el);
  };

const empty: Check = (el) => {
  expect(allInShadow(el, '[part]')).to.have.length(0);
  expect(el.getBoundingClientRect().height).to.equal(0);
};

const checks: Record<string, Check> = {
  Ringing: (el) => {
    expect(status(el)).to.equal('offered');
    expect(text(el, '[part="heading"]')).to.equal('Incoming call');
    sam(el);
    expect(text(el, '[part="queue"]')).to.equal('Sales');
    expect(seconds(el, '[part="countdown"]')).to.be.within(10, 15);
    expect(text(el, '[part="accept"]')).to.equal('Accept');
    expect(text(el, '[part="decline"]')).to.equal('Decline');
    expect(live(el)).to.equal('Incoming call from Sam Carter (+14155550188), queue Sales.');
  },
  CountdownAlmostOut: (el) => {
    expect(status(el)).to.equal('offered');
    expect(seconds(el, '[part="countdown"]')).to.be.within(1, 8);
    expect(inShadow(el, '[part="countdown"]').hasAttribute('data-urgent')).to.equal(true);
    expect(live(el)).to.match(/^\d seconds left to answer the call from Sam Carter \(\+14155550188\)\.$/);
  },
  CallbackOffer: (el) => {
    expect(status(el)).to.equal('offered');
    expect(text(el, '[part="heading"]')).to.equal('Callback request');
    expect(text(el, '.hint')).to.equal('The customer asked to be called back at this number.');
    sam(el);
    expect(text(el, '[part="queue"]')).to.equal('Callbacks');
    expect(text(el, '[part="accept"]')).to.equal('Accept callback');
  },
  RonaNotice: (el) => {
    expect(has(el, '[part="call"]'), 'the call went back to the queue').to.equal(false);
    const notice = inShadow(el, '[part="notice"]');
    expect(notice.dataset['kind']).to.equal('rona');
    // The banner came after the call left, so it knows the number the notice carries, not the name.
    expect(words(notice.querySelector('p'))).to.equal(
      'You missed a call from Sam Carter (+14155550188) in Sales — Voice is now Not Ready.',
    );
    expect(live(el)).to.equal('You missed a call from Sam Carter (+14155550188) in Sales — Voice is now Not Ready.');
    expect(has(el, '[part="notice"] [part="dismiss"]')).to.equal(true);
  },
  DeclinedNotice: async (el) => {
    const notice = inShadow(el, '[part="notice"]');
    expect(notice.dataset['kind']).to.equal('declined');
    expect(words(notice.querySelector('p'))).to.match(
      /^You declined a call from Sam Carter \(\+14155550188\) in Sales; it went back to the queue\. Available again in 0:(09|10)\.$/,
    );
    // It counts down on screen, while the live region said it once.
    const first = seconds(el, '[part="notice"] p');
    await waitFor(() => seconds(el, '[part="notice"] p') < first, 'the unavailable time to tick');
    expect(live(el)).to.equal(
      'You declined a call from Sam Carter (+14155550188) in Sales; it went back to the queue. You are unavailable for 10 seconds.',
    );
  },
  Active: onCall('active', (el) => {
    expect(text(el, '[part="heading"]')).to.equal('On call');
    expect(controls(el)).to.deep.equal(['hold', 'mute', 'transfer', 'consult', 'end']);
  }),
  Held: onCall('held', (el) => {
    expect(text(el, '[part="heading"]')).to.equal('Call on hold');
    expect(text(el, '[part="resume"]')).to.equal('Resume');
  }),
  Muted: onCall('active', (el) => {
    expect(text(el, '[data-badge="muted"]')).to.equal('Muted');
    expect(text(el, '[part="unmute"]')).to.equal('Unmute');
  }),
  TransferPickerOpen: onCall('active', (el) => {
    expect(inShadow(el, '[part="picker"]').getAttribute('aria-label')).to.equal('Transfer the call to');
    expect(allInShadow(el, '[part="target"]').map(words)).to.deep.equal(SIM_TARGETS);
    expect(inShadow(el, '[part="transfer"]').getAttribute('aria-expanded')).to.equal('true');
  }),
  ConsultRinging: onCall('held', (el) => {
    expect(inShadow(el, '[part="consultation"]').dataset['consult']).to.equal('ringing');
    expect(text(el, '[part="consultation"] p')).to.equal('Calling Billing… The caller is on hold.');
    expect(text(el, '[part="consult-cancel"]')).to.equal('Cancel consult');
    expect(has(el, '[part="consult-complete"]')).to.equal(false);
  }),
  ConsultConnected: onCall('held', (el) => {
    expect(inShadow(el, '[part="consultation"]').dataset['consult']).to.equal('connected');
    expect(text(el, '[part="consultation"] p')).to.equal('Connected with Billing. The caller is on hold.');
    expect(text(el, '[part="consult-complete"]')).to.equal('Complete transfer');
    expect(text(el, '[part="consult-cancel"]')).to.equal('Cancel consult');
  }),
  ConsultFailed: onCall('held', (el) => {
    expect(inShadow(el, '[part="consultation"]').dataset['consult']).to.equal('failed');
    expect(text(el, '[part="consultation"] p')).to.match(/^The consultation with After-hours line failed: .+/);
    expect(text(el, '[part="consult-cancel"]')).to.equal('Back to the caller');
  }),
  DtmfKeypad: onCall('active', (el) => {
    expect(controls(el)).to.include('keypad-toggle');
    expect(allInShadow(el, '[part="key"]').map(words)).to.deep.equal(['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#']);
    expect(text(el, '[part="dtmf-digits"]')).to.equal('1');
  }),
  BasicBackend: onCall('active', (el) => {
    expect(controls(el)).to.deep.equal(['hold', 'end']);
  }),
  AcceptTooLate: (el) => {
    expect(status(el)).to.equal('offered');
    expect(text(el, '[part="error"]')).to.equal('Too late: the offer expired and went to another agent.');
    expect(inShadow(el, '[part="accept"]').getAttribute('aria-busy')).to.equal('false');
  },
  SupervisorListening: onCall('active', (el) => {
    expect(text(el, '[part="monitored"]')).to.equal('◉ Camille Durand is listening to this call.');
    expect(inShadow(el, '[part="monitored"]').dataset['mode']).to.equal('monitor');
    expect(live(el)).to.equal('Camille Durand is listening to this call.');
  }),
  DarkTheme: (el) => {
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(getComputedStyle(el).color).to.equal('rgb(236, 238, 242)');
    expect(status(el)).to.equal('offered');
  },
  SignedOut: empty,
  NoClient: empty,
};

describeStories(callBanner as unknown as StoriesModule, checks);
