// The task pane's stories, each held to what its name promises (story-runner.ts renders them as
// Storybook does, with console-error and axe checks).

import { expect } from '@open-wc/testing';
import * as taskPane from './task-pane.stories.js';
import { allInShadow, inShadow, waitFor } from './support.js';
import { describeStories, type Check, type StoriesModule } from './story-runner.js';

const words = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const text = (el: Element, selector: string) => words(inShadow(el, selector));
const texts = (el: Element, selector: string) => allInShadow(el, selector).map(words);
const has = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector) !== null;
const input = (el: Element) => inShadow<HTMLTextAreaElement>(el, '[part="input"]');
const sendDisabled = (el: Element) => inShadow<HTMLButtonElement>(el, '[part="send"]').disabled;

/** Sam Carter's chat from Web chat is shown. */
const samShown: Check = (el) => {
  expect(text(el, '[part="customer-name"]')).to.equal('Sam Carter');
  expect(text(el, '[part="task"][aria-selected="true"] [part="task-customer"]')).to.equal('Sam Carter');
};

const checks: Record<string, Check> = {
  OffersOnSeveralChannels: (el) => {
    const offers = allInShadow(el, '[part="offer"]');
    expect(offers.map((o) => o.dataset['media'])).to.deep.equal(['chat', 'sms', 'email']);
    expect(offers.map((o) => words(o.querySelector('strong')))).to.deep.equal([
      'New Chat: Sam Carter',
      'New SMS: Ioana Radu',
      'New Email: Chloé Dubois',
    ]);
    for (const offer of offers) {
      expect(words(offer.querySelector('[part="countdown"]'))).to.match(/^Time left to accept: \d+:\d\d$/);
      expect(offer.querySelector('[part="accept"]')).to.not.equal(null);
      expect(offer.querySelector('[part="offer-details"]')).to.not.equal(null);
    }
    // DX-6: accept/reject per skill — the SMS queue does not allow declining.
    expect(offers.map((o) => o.querySelector('[part="decline"]') !== null)).to.deep.equal([true, false, true]);
    expect(words(offers[0]!.querySelector('[part="offer-details"]'))).to.include('Name Sam Carter');
  },
  RonaNotice: (el) => {
    expect(text(el, '[part="notice"] p')).to.equal(
      'You did not accept the conversation with Sam Carter in Web chat in time — Chat/Social is now Not Ready.',
    );
    expect(has(el, '[part="offer"]')).to.equal(false);
  },
  ChatInProgress: (el) => {
    samShown(el);
    expect(allInShadow(el, '[part="message"]').map((m) => m.dataset['author'])).to.include.members(['bot', 'customer']);
    expect(texts(el, '[part="message"][data-author="customer"] .text')).to.include('Hi, my parcel has not arrived.');
    expect(allInShadow(el, '[part="field-input"]').length).to.be.greaterThan(0);
    expect(text(el, '[part="count"]')).to.equal('0 / 1000 characters');
    expect(text(el, '.send-row .hint')).to.equal('Enter sends, Shift+Enter for a new line');
  },
  UnreadOnAnotherTask: (el) => {
    samShown(el);
    const ioana = allInShadow(el, '[part="task"]').find((r) => words(r.querySelector('[part="task-customer"]')) === 'Ioana Radu')!;
    expect(ioana.hasAttribute('data-unread')).to.equal(true);
    expect(words(ioana.querySelector('[part="unread"]'))).to.equal('1 unread message');
    expect(text(el, '[part="toast"] span')).to.equal('New message from Ioana Radu (SMS)');
  },
  LoadingThread: (el) => {
    samShown(el);
    expect(text(el, '[part="thread-status"]')).to.equal('Loading the conversation…');
  },
  FailedThread: (el) => {
    samShown(el);
    expect(inShadow(el, '[part="thread-status"]').getAttribute('role')).to.equal('alert');
    expect(text(el, '[part="thread-status"] p')).to.match(/^The conversation could not be loaded\./);
    expect(text(el, '[part="retry"]')).to.equal('Retry');
  },
  TemplatePicker: (el) => {
    expect(texts(el, '[part="template-tab"]')[0]).to.equal('All templates');
    expect(texts(el, '[part="template-tab"]').length).to.be.greaterThan(2);
    expect(allInShadow(el, '[part="template"][data-locked]').length).to.be.greaterThan(0);
    expect(has(el, '[part="template-search"]')).to.equal(true);
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('template-search');
  },
  TemplateWithParameters: async (el) => {
    const area = input(el);
    await waitFor(() => area.value.startsWith('Your order'), 'the template in the composer');
    expect(area.value).to.equal('Your order {{orderNumber}} left our warehouse on {{shippedOn}}; it should reach you by {{deliveryDate}}.');
    expect(area.value.slice(area.selectionStart, area.selectionEnd)).to.equal('{{orderNumber}}');
  },
  LockedTemplateEdited: (el) => {
    expect(input(el).value).to.not.include('and more');
    expect(text(el, '[part="locked-error"]')).to.equal('This template is locked: send it as it is, or clear it to write your own.');
  },
  AttachmentErrors: (el) => {
    expect(allInShadow(el, '[part="attachment-preview"]').map((p) => words(p.querySelector('span')))).to.deep.equal(['receipt.png']);
    expect(texts(el, '[part="attachment-errors"] li')).to.deep.equal([
      'setup.exe was removed: it failed the payment-card (PCI) check.',
      'card 4111 1111 1111 1111.png was removed: it failed the payment-card (PCI) check.',
      'song.mp3 is not a format you can send here.',
    ]);
    expect(has(el, '[part="remove-attachment"][aria-label="Remove receipt.png"]')).to.equal(true);
  },
  LimitExceeded: (el) => {
    expect(text(el, '[part="count"]')).to.equal('1012 / 1000 characters');
    expect(text(el, '[part="limit-error"]')).to.equal('12 characters over the limit: shorten your message.');
    expect(sendDisabled(el)).to.equal(true);
  },
  UnsavedChanges: (el) => {
    const dialog = inShadow<HTMLDialogElement>(el, 'dialog');
    expect(dialog.open && dialog.matches(':modal')).to.equal(true);
    expect(words(dialog.querySelector('h2'))).to.equal('Unsaved changes');
    expect(words(dialog.querySelector('[part="continue"]'))).to.equal('Continue without saving: End the conversation');
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('go-back');
  },
  TransferNeedsReason: (el) => {
    expect(text(el, 'label[for="transfer-reason"]')).to.equal('Wrap-up reason (required before transferring)');
    const targets = [...el.shadowRoot!.querySelectorAll('[part="target"]')];
    expect(targets.map((t) => words(t))).to.include('Billing (chat and email)');
    expect(targets.every((t) => t.getAttribute('aria-disabled') === 'true')).to.equal(true);
  },
  TransferDuringVoiceCall: (el) => {
    expect(inShadow<HTMLButtonElement>(el, '[part="transfer"]').disabled).to.equal(true);
    expect(text(el, '[part="voice-pause"]')).to.include('You are on a voice call');
  },
  SocialFormatting: (el) => {
    expect(input(el).value).to.equal('𝗦𝗼𝗿𝗿𝘆 about the delay');
    expect(inShadow(el, '[part="style"][data-style="bold"]').getAttribute('aria-pressed')).to.equal('true');
  },
  RepliesNeedApproval: (el) => {
    expect(text(el, '[part="permission"]')).to.include('your messages are drafts that need approval');
    expect(sendDisabled(el)).to.equal(true);
  },
  WorkflowWithParameters: (el) => {
    const dialog = inShadow<HTMLDialogElement>(el, 'dialog');
    expect(dialog.dataset['kind']).to.equal('workflow');
    expect(words(dialog.querySelector('h2'))).to.equal('Trigger Create a support ticket');
    expect([...dialog.querySelectorAll('input')].map((i) => i.name)).to.deep.equal(['summary', 'priority']);
  },
  Receipts: (el) => {
    expect(texts(el, '[part="receipt"]')).to.deep.equal([
      'Read',
      'Delivered',
      'Sent',
      'Not sent: The customer closed the chat window. Resend',
    ]);
  },
  TimersAboutToExpire: (el) => {
    expect(text(el, '[part="response-timer"]')).to.match(/^Reply due in 0:1\d$/);
    expect(inShadow(el, '[part="response-timer"]').hasAttribute('data-urgent')).to.equal(true);
    expect(text(el, '[part="inactivity-timer"]')).to.match(/^Unassigned if the customer stays silent for 0:2\d$/);
    expect(text(el, '[part="extend"]')).to.equal('Extend');
  },
  ByocChannel: (el) => {
    const icon = inShadow(el, '[part="task"] [part="channel-icon"]');
    expect(words(icon.querySelector('[aria-hidden]'))).to.equal('AM');
    expect(words(icon.querySelector('.visually-hidden'))).to.equal('Acme Messenger');
    expect(getComputedStyle(icon).borderTopColor).to.equal('rgb(109, 40, 217)');
  },
  EmailConversation: (el) => {
    expect(text(el, '[part="customer-name"]')).to.equal('Chloé Dubois');
    expect(has(el, '[part="email-composer"]')).to.equal(true);
    expect(has(el, '[part="composer"]')).to.equal(false);
    expect(text(el, '[part="message"] .email-head')).to.include('Invoice 2291');
  },
  NoClient: (el) => {
    expect(text(el, '[part="empty"]')).to.equal('Not connected: the task pane has no client.');
  },
};

describeStories(taskPane as unknown as StoriesModule, checks);
