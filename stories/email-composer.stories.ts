// <cc-email-composer> in every state: the offer (EM-1), a thread with several emails and a delivery
// report (EM-2), a hostile email shown safely (EM-4), a PCI-blocked attachment (EM-5), Reply, Reply
// all, Forward and a switch (EM-3), refused files (EM-5), a new email while replying (EM-6), a
// restored draft (EM-7), the minimised reply area (EM-8), a refused Send, and no client.

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { HOSTILE_EMAIL_HTML } from '@cc-elements/adapter-sim';
import '@cc-elements/widgets/cc-email-composer.js';
import type { CcEmailComposer } from '@cc-elements/widgets';
import { THEMES, clickOn, surface, waitFor, widgetIn, type Theme } from './support.js';
import {
  CUSTOMER,
  MAILBOX,
  agentReplies,
  customerWritesAgain,
  editorIn,
  emailConversation,
  fakeFile,
  pasteInto,
  pickFiles,
  type EmailStoryLoaded,
} from './email-composer.support.js';

interface Args {
  theme: Theme;
  /** The mode a fresh reply starts in. */
  mode: 'reply' | 'replyAll' | 'forward';
  /** The reply area: normal, minimised or maximised. */
  size: 'normal' | 'minimised' | 'maximised';
}

const description = (story: string) => ({ docs: { description: { story } } });

const meta: Meta<Args> = {
  title: 'Widgets/Email composer',
  component: 'cc-email-composer',
  args: { theme: 'auto', mode: 'reply', size: 'normal' },
  argTypes: {
    theme: { control: 'inline-radio', options: THEMES, description: 'Colour scheme: follows the system unless `light` or `dark`.' },
    mode: { control: 'inline-radio', options: ['reply', 'replyAll', 'forward'], description: 'The mode a fresh reply starts in.' },
    size: { control: 'inline-radio', options: ['normal', 'minimised', 'maximised'], description: 'EM-8: the reply area’s size.' },
  },
  render: (args, { loaded }) => {
    const { client, taskId } = loaded as EmailStoryLoaded;
    return surface(
      args.theme,
      html`<div style="max-inline-size: 48rem">
        <cc-email-composer
          .client=${client}
          task-id=${taskId ?? 'email-1'}
          mailbox=${MAILBOX}
          mode=${args.mode}
          size=${args.size}
          theme=${args.theme}
        ></cc-email-composer>
      </div>`,
    );
  },
  parameters: {
    docs: {
      description: {
        component:
          'One email conversation (EM-1…EM-8): the offer’s customer details, the thread newest first (each email collapsible, its ' +
          'quoted history behind “…”, remote images blocked until “Show images”), and the reply with Reply / Reply all / Forward, a ' +
          'rich-text body (ProseMirror, loaded on first use), attachments, templates, workflows and drafts. Stories run on the ' +
          'in-browser simulator: Chloé Dubois writes to Email support and Ana Popescu, Email Ready, answers.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Offer: Story = {
  name: 'Offer: customer details',
  loaders: [() => emailConversation({ offerOnly: true })],
  parameters: description('EM-1: the email rings with the customer’s name, email, account number, address and question, and Accept.'),
};

export const Thread: Story = {
  name: 'Thread with several emails and a delivery report',
  loaders: [
    () =>
      emailConversation({
        then: async (world) => {
          await agentReplies(world, { bounceCc: 'accounts@billing.invalid' });
          await customerWritesAgain(
            world,
            '<p>Thanks. Is the refund already on its way?</p><blockquote><p>I am looking into it.</p></blockquote>',
          );
        },
      }),
  ],
  parameters: description(
    'EM-2: newest first — the customer’s follow-up (open, its quote behind “…”), the delivery report of the bounced copy, Ana’s ' +
      'reply (failed for the bad address) and the first email, each with its time and state.',
  ),
};

export const HostileEmail: Story = {
  name: 'Hostile email shown safely',
  loaders: [() => emailConversation({ contact: { subject: 'Invoice problem', html: HOSTILE_EMAIL_HTML } })],
  parameters: description(
    'EM-4: the email carries a script, event handlers, a javascript: link, an iframe and a tracking image. Nothing runs; the ' +
      'tracking image waits for “Show images”.',
  ),
};

export const PciBlockedAttachment: Story = {
  name: 'PCI-blocked attachment',
  loaders: [
    () =>
      emailConversation({
        contact: {
          subject: 'Refund for a damaged order',
          html: '<p>Hello, the photos and my card are attached.</p>',
          attachments: [
            { name: 'receipt-ORD-6020.pdf', size: 84_211, type: 'application/pdf' },
            { name: 'card 4111 1111 1111 1111.jpg', size: 402_112, type: 'image/jpeg' },
          ],
        },
      }),
  ],
  play: async ({ canvasElement }) => {
    const el = await widgetIn<CcEmailComposer>(canvasElement, 'cc-email-composer');
    const chip = await waitFor(() => el.shadowRoot!.querySelector<HTMLElement>('[part~="attachment-blocked"]'), 'the blocked attachment');
    await clickOn(el, chip);
  },
  parameters: description('EM-5: the card scan failed PCI validation: greyed out, and choosing it shows why above the composer.'),
};

const withCopy = (world: Required<EmailStoryLoaded>) =>
  customerWritesAgain(world, '<p>Adding my partner, who pays the invoices.</p>', ['partner@example.org']);

export const Reply: Story = {
  name: 'Reply',
  loaders: [() => emailConversation({ then: withCopy })],
  parameters: description('EM-3: To (the sender) and Subject (“Re: …”) are filled and read-only; Cc is hidden until asked for.'),
};

export const ReplyAll: Story = {
  name: 'Reply all',
  args: { mode: 'replyAll' },
  loaders: [() => emailConversation({ then: withCopy })],
  parameters: description('EM-3: To and Subject read-only; Cc filled with everyone else but the contact center, editable and hideable.'),
};

export const Forward: Story = {
  name: 'Forward',
  args: { mode: 'forward' },
  loaders: [() => emailConversation({ then: withCopy })],
  parameters: description('EM-3: Subject “Fwd: …”, To and Cc empty and editable, the body loaded with the last email.'),
};

export const ModeSwitch: Story = {
  name: 'Switching Reply all → Forward',
  args: { mode: 'replyAll' },
  loaders: [() => emailConversation({ then: withCopy })],
  play: async ({ canvasElement }) => {
    const el = await widgetIn<CcEmailComposer>(canvasElement, 'cc-email-composer');
    await pasteInto(el, 'Please see the note below.');
    await clickOn(el, '[part="mode"][data-mode="forward"]');
  },
  parameters: description('EM-3: switching to Forward clears To and Cc and keeps the body typed so far.'),
};

export const AttachmentRefusals: Story = {
  name: 'Attachments refused',
  loaders: [() => emailConversation()],
  play: async ({ canvasElement }) => {
    const el = await widgetIn<CcEmailComposer>(canvasElement, 'cc-email-composer');
    await editorIn(el);
    await pickFiles(el, [
      fakeFile('refund-form.pdf', 48_000, 'application/pdf'),
      fakeFile('setup.exe', 20_000),
      fakeFile('card 4111 1111 1111 1111.png', 9_000, 'image/png'),
      fakeFile('notes.docx', 12_000),
      fakeFile('scan.pdf', 3 * 1024 * 1024, 'application/pdf'),
    ]);
  },
  parameters: description(
    'EM-5: the backend allows 3 files of 1 MB in PDF, PNG, JPG or TXT; each refused file says why, and those failing PCI are removed.',
  ),
};

export const NewEmailWhileReplying: Story = {
  name: 'New email while replying',
  loaders: [() => emailConversation()],
  play: async ({ canvasElement, loaded }) => {
    const el = await widgetIn<CcEmailComposer>(canvasElement, 'cc-email-composer');
    await pasteInto(el, 'Dear Chloé, ');
    await customerWritesAgain(loaded as Required<EmailStoryLoaded>, '<p>Sorry, I found the second charge was a pre-authorisation.</p>');
    await waitFor(() => el.shadowRoot!.querySelector('[data-kind="new-email"]'), 'the banner');
  },
  parameters: description('EM-6: the banner offers “Show all messages” and the new email is blue at the top of the thread.'),
};

export const DraftRestored: Story = {
  name: 'Draft restored',
  loaders: [
    () =>
      emailConversation({
        then: withCopy,
        draft: {
          html: '<p>Dear Chloé,</p><p>The second charge is a <strong>pre-authorisation</strong>; it disappears within 5 days.</p>',
          email: { mode: 'replyAll', to: [CUSTOMER.from], cc: ['partner@example.org'], subject: 'Re: Invoice INV-2291 charged twice' },
        },
      }),
  ],
  parameters: description('EM-7: what Ana typed before switching conversations (or reloading) is back, in Reply all, with its fields.'),
};

export const Minimised: Story = {
  name: 'Minimised',
  args: { size: 'minimised' },
  loaders: [() => emailConversation()],
  parameters: description('EM-8: the reply area folds to a bar with the subject; the thread has the room.'),
};

export const SendRefused: Story = {
  name: 'Send refused',
  loaders: [
    () =>
      emailConversation({
        prepare: (engine) =>
          engine.failNext('message.send', 'api', { message: 'The mail gateway is not answering. Try again in a minute.' }),
      }),
  ],
  play: async ({ canvasElement }) => {
    const el = await widgetIn<CcEmailComposer>(canvasElement, 'cc-email-composer');
    await pasteInto(el, 'We refunded the second charge today.');
    await waitFor(() => !el.shadowRoot!.querySelector<HTMLButtonElement>('[part="send"]')!.disabled, 'Send to be enabled');
    await clickOn(el, '[part="send"]');
    await waitFor(() => el.shadowRoot!.querySelector('[part="error"]'), 'the refusal');
  },
  parameters: description('EM-8: the server refused the email: its words and trace id show, and the body is kept for another try.'),
};

export const NoClient: Story = {
  name: 'No client',
  loaders: [() => ({})],
  parameters: description('Without a client (no `client` property and no `<cc-provider>`), the composer says so.'),
};
