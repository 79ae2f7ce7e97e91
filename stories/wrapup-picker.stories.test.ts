// The wrap-up picker's stories, each held to what its name promises (story-runner.ts renders them
// as Storybook does, with console-error and axe checks).

import { expect } from '@open-wc/testing';
import * as wrapUpPicker from './wrapup-picker.stories.js';
import { allInShadow, inShadow } from './support.js';
import { describeStories, type Check, type StoriesModule } from './story-runner.js';
import { MANY_REASONS } from './wrapup-picker.support.js';

const words = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();
const text = (el: Element, selector: string) => words(inShadow(el, selector));
const has = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector) !== null;
const closeDisabled = (el: Element) => inShadow<HTMLButtonElement>(el, '[part="close"]').disabled;
const chosen = (el: Element) => allInShadow(el, '[role="option"][aria-selected="true"]').map(words);
/** Seconds left on the countdown ("0:27 left" → 27). */
const secondsLeft = (el: Element) => {
  const [m, s] = text(el, '[part="countdown"]').replace(' left', '').split(':').map(Number);
  return m! * 60 + s!;
};
const SIM_REASONS = ['Resolved', 'Follow-up needed', 'Sale made', 'Wrong number', 'Escalated'];
const GREEN = 'rgb(26, 127, 55)';

/** One forced wrap-up of Sam Carter's call on Sales. */
const samInWrapUp: Check = (el) => {
  expect(allInShadow(el, '[part="wrapup"]')).to.have.length(1);
  expect(text(el, '[part="task"]')).to.equal('Wrap-up · Voice Sam Carter Sales');
};

const checks: Record<string, Check> = {
  ForcedNoReason: (el) => {
    samInWrapUp(el);
    expect(inShadow(el, '[part="wrapup"]').dataset['forced']).to.equal('true');
    expect(secondsLeft(el)).to.be.within(25, 30);
    expect(allInShadow(el, '[role="option"]').map(words)).to.deep.equal(SIM_REASONS);
    expect(chosen(el)).to.deep.equal([]);
    expect(closeDisabled(el), 'Close waits for a reason').to.equal(true);
    expect(text(el, '[part="hint"]')).to.equal('Choose a reason to close.');
  },
  ReasonChosen: (el) => {
    samInWrapUp(el);
    expect(chosen(el)).to.deep.equal(['✓ Resolved']);
    expect(getComputedStyle(inShadow(el, '[role="option"][aria-selected="true"]')).color).to.equal(GREEN);
    expect(text(el, '[part="hint"]')).to.equal('✓ Reason: Resolved');
    expect(closeDisabled(el)).to.equal(false);
  },
  AlmostOut: (el) => {
    samInWrapUp(el);
    expect(secondsLeft(el)).to.be.within(1, 10);
    expect(inShadow(el, '[part="countdown"]').classList.contains('urgent')).to.equal(true);
    expect(text(el, '.visually-hidden[role="status"]')).to.equal('Less than 10 seconds of wrap-up left for Voice – Sam Carter (Sales).');
    expect(chosen(el)).to.deep.equal(['✓ Sale made']);
  },
  AutoClosed: (el) => {
    expect(has(el, '[part="wrapup"]'), 'the call has left').to.equal(false);
    expect(text(el, '[part="notices"][role="status"] [part="notice"]')).to.match(
      /^Closed automatically with reason Follow-up needed\. Voice – Sam Carter \(Sales\)/,
    );
    expect(has(el, '[part="notice"] [part="dismiss"][aria-label="Dismiss"]')).to.equal(true);
  },
  Optional: (el) => {
    samInWrapUp(el);
    expect(inShadow(el, '[part="wrapup"]').dataset['forced']).to.equal('false');
    expect(closeDisabled(el), 'Close works without a reason').to.equal(false);
    expect(text(el, '[part="hint"]')).to.equal('Choosing a reason is optional.');
  },
  NoWrapUp: (el) => {
    expect(has(el, '[part="wrapup"]')).to.equal(false);
    expect(text(el, '[part="idle"]')).to.equal('No interaction is in wrap-up.');
  },
  LongReasonList: (el) => {
    samInWrapUp(el);
    expect(allInShadow(el, '[role="option"]').map(words)).to.deep.equal(MANY_REASONS.map((r) => r.label));
    const list = inShadow(el, '[role="listbox"]');
    expect(list.scrollHeight, 'the list scrolls inside the menu').to.be.greaterThan(list.clientHeight);
    expect(secondsLeft(el)).to.be.within(55, 60);
  },
  CloseRefused: (el) => {
    samInWrapUp(el);
    const error = text(el, '[part="error"][role="alert"]');
    expect(error).to.include('The wrap-up service is unavailable. Try again in a moment.');
    expect(error).to.match(/Trace id: sim-[0-9a-f]+/);
    expect(chosen(el), 'the reason is kept').to.deep.equal(['✓ Escalated']);
    expect(closeDisabled(el), 'the agent can try again').to.equal(false);
  },
  SeveralTasks: (el) => {
    const sections = allInShadow(el, '[part="wrapup"]');
    expect(sections.map((s) => s.dataset['media'])).to.deep.equal(['voice', 'chat']);
    expect(words(sections[1]!.querySelector('[part="task"]')!)).to.equal('Wrap-up · Chat Lena Fischer Web chat');
    const closes = allInShadow<HTMLButtonElement>(el, '[part="close"]');
    expect(closes.map((b) => b.disabled)).to.deep.equal([true, false]);
    expect(chosen(el)).to.deep.equal(['✓ Resolved']);
  },
  DarkTheme: (el) => {
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(getComputedStyle(inShadow(el, '[part="wrapup"]')).backgroundColor).to.equal('rgb(29, 31, 35)');
    expect(getComputedStyle(inShadow(el, '[role="option"][aria-selected="true"]')).color).to.equal('rgb(74, 194, 107)');
  },
  NoClient: (el) => expect(text(el, '[role="status"]')).to.equal('No contact-center client is connected to this widget.'),
};

describeStories(wrapUpPicker as unknown as StoriesModule, checks);
