// The email composer's stories, each held to what its name promises (story-runner.ts renders them
// as Storybook does, with console-error and axe checks).

import { expect } from '@open-wc/testing';
import * as emailComposer from './email-composer.stories.js';
import { allInShadow, inShadow, waitFor } from './support.js';
import { describeStories, type Check, type StoriesModule, type Widget } from './story-runner.js';
import { CUSTOMER, MAILBOX, editorIn } from './email-composer.support.js';

const words = (node: Element | null | undefined) => ((node as HTMLElement | null)?.innerText ?? '').replace(/\s+/g, ' ').trim();
const text = (el: Element, selector: string) => words(inShadow(el, selector));
const has = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector) !== null;
const field = (el: Element, name: string) => inShadow<HTMLInputElement>(el, `#field-${name}`);
const pressed = (el: Element) => allInShadow(el, '[part="mode"][aria-pressed="true"]').map((b) => b.dataset['mode']);
const emails = (el: Element) => allInShadow(el, '[part~="email"]');
const SUBJECT = 'Invoice INV-2291 charged twice';

/** The reply area is there with its editor (loaded lazily). */
async function composer(el: Widget): Promise<HTMLElement> {
  const editor = await editorIn(el);
  await el.updateComplete;
  return editor;
}

const checks: Record<string, Check> = {
  Offer: (el) => {
    const details = Object.fromEntries(
      allInShadow(el, '[part="customer"] div').map((d) => [words(d.querySelector('dt')), words(d.querySelector('dd'))]),
    );
    expect(details).to.deep.include({ Name: CUSTOMER.customerName, Email: CUSTOMER.from, 'Question details': SUBJECT });
    expect(details['Account number']).to.match(/^AC-\d{8}$/);
    expect(details['Address']).to.have.length.greaterThan(5);
    expect(text(el, '[part="accept"]')).to.equal('Accept');
    expect(text(el, '[part="countdown"]')).to.match(/^\d:\d\d left$/);
    expect(has(el, '[part="composer"]'), 'no reply before Accept').to.equal(false);
  },
  Thread: async (el) => {
    await composer(el);
    const list = emails(el);
    expect(list.map((e) => e.dataset['state'])).to.deep.equal(['received', 'deliveryReport', 'failed', 'received']);
    expect(words(list[1]!.querySelector('[part="subject"]'))).to.match(/^Undeliverable: Re: Invoice/);
    expect(list[0]!.dataset['expanded']).to.equal('true');
    expect(list.slice(1).map((e) => e.dataset['expanded'])).to.deep.equal(['false', 'false', 'false']);
    expect(list[0]!.querySelector('[part="history-toggle"]')?.getAttribute('aria-expanded')).to.equal('false');
    expect(list.map((e) => e.querySelector('time')?.getAttribute('datetime'))).to.satisfy((times: string[]) => times.every(Boolean));
  },
  HostileEmail: async (el) => {
    await composer(el);
    const email = emails(el)[0]!;
    const root = email.querySelector<HTMLElement>('[part="body"]')!.shadowRoot!;
    expect(root.querySelector('script, iframe, [onclick], [onerror]')).to.equal(null);
    expect(root.querySelector('a')?.hasAttribute('href'), 'the javascript: link is inert').to.equal(false);
    expect(root.querySelector('img[data-cc-blocked]'), 'the tracking image waits').to.not.equal(null);
    expect(words(email.querySelector('[part="images-blocked"]'))).to.equal(
      'Remote images are hidden (1) to protect your privacy. Show images',
    );
    expect(words(root.querySelector('.cc-content'))).to.contain('My invoice INV-2291 charges me twice.');
  },
  PciBlockedAttachment: async (el) => {
    await composer(el);
    const chip = inShadow(el, '[part~="attachment-blocked"]');
    expect(chip.getAttribute('aria-disabled')).to.equal('true');
    expect(words(chip)).to.match(/^🚫 card 4111 1111 1111 1111\.jpg/);
    expect(inShadow<HTMLAnchorElement>(el, 'a[part="attachment"]').getAttribute('download')).to.equal('receipt-ORD-6020.pdf');
    const banner = inShadow(el, '[part="banner"][data-kind="blocked-attachment"]');
    expect(words(banner)).to.match(/^“card 4111 1111 1111 1111\.jpg” is disabled\. .+ ×$/);
  },
  Reply: async (el) => {
    await composer(el);
    expect(pressed(el)).to.deep.equal(['reply']);
    expect([field(el, 'to').value, field(el, 'to').readOnly]).to.deep.equal([CUSTOMER.from, true]);
    expect([field(el, 'subject').value, field(el, 'subject').readOnly]).to.deep.equal([`Re: ${SUBJECT}`, true]);
    expect(inShadow(el, '#cc-row').hidden).to.equal(true);
    expect(text(el, '[part="cc-toggle"]')).to.equal('Cc');
  },
  ReplyAll: async (el) => {
    await composer(el);
    expect(pressed(el)).to.deep.equal(['replyAll']);
    expect(field(el, 'to').value).to.equal(CUSTOMER.from);
    expect([field(el, 'cc').value, field(el, 'cc').readOnly], 'everyone else, never the mailbox').to.deep.equal([
      'partner@example.org',
      false,
    ]);
    expect(field(el, 'cc').value).to.not.contain(MAILBOX);
    expect(text(el, '[part="cc-toggle"]')).to.equal('Hide Cc');
  },
  Forward: async (el) => {
    const editor = await composer(el);
    expect(pressed(el)).to.deep.equal(['forward']);
    expect([field(el, 'to').value, field(el, 'to').readOnly, field(el, 'cc').value]).to.deep.equal(['', false, '']);
    expect([field(el, 'subject').value, field(el, 'subject').readOnly]).to.deep.equal([`Fwd: ${SUBJECT}`, false]);
    expect(words(editor)).to.contain('---------- Forwarded message ----------');
    expect(words(editor)).to.contain('Adding my partner, who pays the invoices.');
    expect(inShadow<HTMLButtonElement>(el, '[part="send"]').disabled).to.equal(true);
    expect(text(el, '[part="send-hint"]')).to.equal('Add at least one valid address in To to send.');
  },
  ModeSwitch: async (el) => {
    const editor = await composer(el);
    expect(pressed(el)).to.deep.equal(['forward']);
    expect([field(el, 'to').value, field(el, 'cc').value]).to.deep.equal(['', '']);
    expect(words(editor), 'the body is kept, not replaced by the forwarded email').to.equal('Please see the note below.');
  },
  AttachmentRefusals: async (el) => {
    await composer(el);
    expect(allInShadow(el, '[part~="file"]').map((f) => f.dataset['file'])).to.deep.equal(['refund-form.pdf']);
    expect(allInShadow(el, '[part="refusals"] li').map((li) => li.dataset['reason'])).to.deep.equal(['pci', 'pci', 'format', 'tooLarge']);
    expect(text(el, '[part="refusals"] li[data-reason="tooLarge"]')).to.equal('“scan.pdf” is too large: the limit is 1 MB.');
  },
  NewEmailWhileReplying: async (el) => {
    const editor = await composer(el);
    expect(text(el, '[data-kind="new-email"]')).to.equal('A new email arrived while you were replying. Show all messages');
    const top = emails(el)[0]!;
    expect(top.getAttribute('part')).to.equal('email email-new');
    expect(words(top.querySelector('[part="body"]')?.shadowRoot?.querySelector('.cc-content'))).to.contain('pre-authorisation');
    expect(words(editor)).to.equal('Dear Chloé,');
  },
  DraftRestored: async (el) => {
    const editor = await composer(el);
    await waitFor(() => words(editor).includes('pre-authorisation'), 'the draft in the body');
    expect(pressed(el)).to.deep.equal(['replyAll']);
    expect(field(el, 'cc').value).to.equal('partner@example.org');
    expect(editor.querySelector('strong')?.textContent).to.equal('pre-authorisation');
    expect(text(el, '[data-kind="draft-restored"]')).to.equal('Your draft was restored.');
  },
  Minimised: async (el) => {
    await composer(el);
    expect(el.getAttribute('size')).to.equal('minimised');
    expect(inShadow(el, '#compose-body').hidden).to.equal(true);
    expect(text(el, '.composer-bar .bar-title:not([hidden])')).to.equal(`Re: ${SUBJECT}`);
    expect(inShadow(el, '[data-action="minimise"]').getAttribute('aria-expanded')).to.equal('false');
  },
  SendRefused: async (el) => {
    const editor = await composer(el);
    expect(text(el, '[part="error"]')).to.match(/^The mail gateway is not answering\. Try again in a minute\. Trace id: \S+ ×$/);
    expect(words(editor)).to.equal('We refunded the second charge today.');
    expect(emails(el)[0]!.dataset['state']).to.equal('failed');
  },
  NoClient: (el) => {
    expect(text(el, '.empty')).to.equal('No contact-center client is connected to this widget.');
  },
};

describeStories(emailComposer as unknown as StoriesModule, checks);
