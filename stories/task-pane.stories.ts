// <cc-task-pane> in every state: offers on several channels, a RONA notice, a chat in progress,
// unread on another conversation, the thread loading or failed with Retry, templates (locked and
// with parameters), refused attachments, the limit exceeded, the unsaved-changes dialog, transfer
// with forced wrap-up or stopped by a voice call, social formatting, replies needing approval, a
// workflow with parameters, receipts, timers about to expire, an integration (BYOC) channel, an
// email, and no client.

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@cc-elements/widgets/cc-task-pane.js';
import { THEMES, clickOn, surface, typeInto, waitFor, widgetIn, type Theme } from './support.js';
import {
  CONTACTS,
  contacts,
  missedOffer,
  receipts,
  samChat,
  samChatDuringCall,
  timersExpiring,
  type TaskPaneLoaded,
} from './task-pane.support.js';

interface Args {
  theme: Theme;
  /** Starts with the task list collapsed. */
  listCollapsed: boolean;
}

const description = (story: string) => ({ docs: { description: { story } } });

type Widget = HTMLElement & { updateComplete: Promise<unknown>; shadowRoot: ShadowRoot };

async function pane(canvasElement: HTMLElement): Promise<Widget> {
  const el = await widgetIn<Widget>(canvasElement, 'cc-task-pane');
  await waitFor(() => el.shadowRoot.querySelector('[part="composer"], [part="offer"], [part="thread-status"]'), 'the pane');
  return el;
}

const meta: Meta<Args> = {
  title: 'Widgets/Task pane',
  component: 'cc-task-pane',
  args: { theme: 'auto', listCollapsed: false },
  argTypes: {
    theme: { control: 'inline-radio', options: THEMES, description: 'Colour scheme: follows the system unless `light` or `dark`.' },
    listCollapsed: { control: 'boolean', description: 'Starts with the task list collapsed (Ctrl+Alt+T toggles it).' },
  },
  render: (args, { loaded }) =>
    surface(
      args.theme,
      html`<div style="max-inline-size: 64rem">
        <cc-task-pane .client=${(loaded as TaskPaneLoaded).client} theme=${args.theme} ?list-collapsed=${args.listCollapsed}></cc-task-pane>
      </div>`,
    ),
  parameters: {
    docs: {
      description: {
        component:
          'The digital task pane (TP-1…TP-15, DX-1…DX-4, DX-6, DX-7, KB): offers on every channel, the list of conversations, ' +
          'and the shown one with its customer details, thread and composer. Stories run on the in-browser simulator’s digital ACD: ' +
          'Ana Popescu is Ready on Chat/Social and Email and customers write in.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

export const OffersOnSeveralChannels: Story = {
  name: 'Offers on several channels',
  loaders: [() => contacts([CONTACTS.sam, CONTACTS.ioana, CONTACTS.chloe])],
  parameters: description(
    'TP-1: a chat, an SMS and an email wait for Accept at once, each with the customer details the backend sends and its countdown; ' +
      'Decline returns one to its queue (DX-6) where its queue allows it — not the SMS queue (accept/reject per skill).',
  ),
};

export const RonaNotice: Story = {
  name: 'Missed offer (RONA)',
  loaders: [missedOffer],
  parameters: description(
    'ST-6: the chat was not accepted in time: it went to another agent and the whole Chat/Social group is Not Ready. (Scripted ' +
      'backend: on the simulator the core drops the notice while the group goes Not Ready medium by medium.)',
  ),
};

export const ChatInProgress: Story = {
  name: 'Chat in progress',
  loaders: [() => samChat()],
  parameters: description(
    'TP-2…TP-6: the accepted chat with its bot history, customer details (editable ones shaded on hover), the thread and the composer.',
  ),
};

export const UnreadOnAnotherTask: Story = {
  name: 'Unread on another conversation',
  loaders: [() => contacts([CONTACTS.sam, CONTACTS.ioana], { accept: true })],
  play: async ({ canvasElement, loaded }) => {
    const { engine, taskIds } = loaded as Required<TaskPaneLoaded>;
    const el = await pane(canvasElement);
    engine.customerWrites(taskIds[1]!, { text: 'Hello? Are you there?' });
    await waitFor(() => el.shadowRoot.querySelector('[part="toast"]'), 'the new-message pop-up');
  },
  parameters: description(
    'TP-2/TP-3: Ioana writes while Sam’s chat is shown: her row counts the unread message, a pop-up offers to show it, and the ' +
      'pane tells the host (cc-unread) for its red dot.',
  ),
};

export const LoadingThread: Story = {
  name: 'Thread loading',
  loaders: [() => samChat({ slowThreads: true })],
  parameters: description('TP-5: the thread has not arrived yet.'),
};

export const FailedThread: Story = {
  name: 'Thread failed, with Retry',
  loaders: [() => samChat({ failThread: true })],
  parameters: description('TP-5: the thread could not be loaded; Retry fetches it again.'),
};

export const TemplatePicker: Story = {
  name: 'Template picker',
  loaders: [() => samChat()],
  play: async ({ canvasElement }) => {
    const el = await pane(canvasElement);
    await clickOn(el, '[part="templates-toggle"]');
  },
  parameters: description('TP-8: groups and the “All templates” tab, a search field; locked templates carry a padlock.'),
};

export const TemplateWithParameters: Story = {
  name: 'Template with parameters',
  loaders: [() => samChat()],
  play: async ({ canvasElement }) => {
    const el = await pane(canvasElement);
    await clickOn(el, '[part="templates-toggle"]');
    await clickOn(el, '[part="template"][data-template-id="tpl-order-status"]');
  },
  parameters: description('TP-8: the order template is in the composer, its first field to replace selected; Tab moves to the next.'),
};

export const LockedTemplateEdited: Story = {
  name: 'Locked template edited',
  loaders: [() => samChat()],
  play: async ({ canvasElement }) => {
    const el = await pane(canvasElement);
    await clickOn(el, '[part="templates-toggle"]');
    const locked = await waitFor(() => el.shadowRoot.querySelector<HTMLElement>('[part="template"][data-locked]'), 'a locked template');
    await clickOn(el, locked);
    const area = el.shadowRoot.querySelector<HTMLTextAreaElement>('[part="input"]')!;
    await typeInto(el, '[part="input"]', `${area.value} and more`);
  },
  parameters: description('TP-8: a locked template is used as it is: the edit is undone and the composer says why.'),
};

export const AttachmentErrors: Story = {
  name: 'Attachments refused',
  loaders: [() => samChat()],
  play: async ({ canvasElement }) => {
    const el = await pane(canvasElement);
    const files = new DataTransfer();
    files.items.add(new File(['receipt'], 'receipt.png', { type: 'image/png' }));
    files.items.add(new File(['x'], 'setup.exe'));
    files.items.add(new File(['x'], 'card 4111 1111 1111 1111.png', { type: 'image/png' }));
    files.items.add(new File(['x'], 'song.mp3', { type: 'audio/mpeg' }));
    el.shadowRoot
      .querySelector('[part="composer"]')!
      .dispatchEvent(new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }));
    await el.updateComplete;
  },
  parameters: description(
    'TP-7: four files dropped on the composer: the picture is kept with its name and size (× removes it); the others are refused, each with why.',
  ),
};

export const LimitExceeded: Story = {
  name: 'Character limit exceeded',
  loaders: [() => samChat()],
  play: async ({ canvasElement }) => {
    const el = await pane(canvasElement);
    await typeInto(el, '[part="input"]', 'Thank you for waiting. '.repeat(44));
  },
  parameters: description('TP-6: past 1000 characters Send is disabled and a red message says by how much.'),
};

export const UnsavedChanges: Story = {
  name: 'Unsaved changes dialog',
  loaders: [() => samChat()],
  play: async ({ canvasElement }) => {
    const el = await pane(canvasElement);
    await typeInto(el, '[part="field-input"][data-field-id="notes"]', 'Asked for a refund');
    await clickOn(el, '[part="end"]');
    await waitFor(() => el.shadowRoot.querySelector('dialog[open]'), 'the dialog');
  },
  parameters: description('TP-4: End with an unsaved note asks first: go back to save it, or continue without saving.'),
};

export const TransferNeedsReason: Story = {
  name: 'Transfer with forced wrap-up',
  loaders: [() => samChat()],
  play: async ({ canvasElement }) => {
    const el = await pane(canvasElement);
    await clickOn(el, '[part="transfer"]');
    await waitFor(() => el.shadowRoot.querySelector('[part="transfer-reason"]'), 'the reasons');
  },
  parameters: description(
    'TP-15: wrap-up is forced, so Transfer asks for the wrap-up reason first; the routing points of chat (never the voice directory) ' +
      'wait until one is chosen.',
  ),
};

export const TransferDuringVoiceCall: Story = {
  name: 'Transfer stopped by a voice call',
  loaders: [samChatDuringCall],
  parameters: description(
    'TP-15: Ana took a call; this backend stops chats during calls, so Transfer is off and the conversation’s clock stands still ' +
      'until the call ends (emails carry on).',
  ),
};

export const SocialFormatting: Story = {
  name: 'Social formatting',
  loaders: [() => contacts([CONTACTS.leo], { accept: true })],
  play: async ({ canvasElement }) => {
    const el = await pane(canvasElement);
    await typeInto(el, '[part="input"]', 'Sorry about the delay');
    el.shadowRoot.querySelector<HTMLTextAreaElement>('[part="input"]')!.setSelectionRange(0, 5);
    await clickOn(el, '[part="style"][data-style="bold"]');
  },
  parameters: description('TP-9: bold, italic and strikethrough for social replies — one style per selection (“Sorry” in bold).'),
};

export const RepliesNeedApproval: Story = {
  name: 'Replies need approval',
  loaders: [() => contacts([CONTACTS.leo], { accept: true })],
  parameters: description(
    'DX-1: on social, Ana’s role may not reply: the composer says her messages are drafts to approve, and Send is off.',
  ),
};

export const WorkflowWithParameters: Story = {
  name: 'Workflow with parameters',
  loaders: [() => samChat()],
  play: async ({ canvasElement }) => {
    const el = await pane(canvasElement);
    await clickOn(el, '[part="workflows-toggle"]');
    await clickOn(el, '[part="workflow"][data-workflow-id="wf-create-ticket"]');
    await waitFor(() => el.shadowRoot.querySelector('dialog[open]'), 'the dialog');
  },
  parameters: description(
    'TP-10: “Create a support ticket” asks for its parameters first; once triggered the thread gets its announcement.',
  ),
};

export const Receipts: Story = {
  name: 'Receipts',
  loaders: [receipts],
  parameters: description(
    'TP-12: read, delivered, sent, and a reply the backend could not deliver, with its words and Resend. (Scripted backend: the ' +
      'simulator confirms within seconds, so the four states never stand side by side.)',
  ),
};

export const TimersAboutToExpire: Story = {
  name: 'Timers about to expire',
  loaders: [timersExpiring],
  parameters: description(
    'DX-2/DX-3: Sam wrote again and the follow-up reply is due in seconds; the customer-inactivity countdown is nearly out, with Extend. ' +
      '(Scripted backend: on the simulator these timers run minutes.)',
  ),
};

export const ByocChannel: Story = {
  name: 'Integration channel (BYOC)',
  loaders: [() => contacts([CONTACTS.acme], { accept: true })],
  parameters: description('DX-7: a chat through Acme Messenger shows with the integration’s name, icon and colour.'),
};

export const EmailConversation: Story = {
  name: 'Email',
  loaders: [() => contacts([CONTACTS.chloe], { accept: true })],
  parameters: description(
    'An email task: the thread is shown read-only (inbound HTML sanitised) and <cc-email-composer> takes the composer’s place when it is on the page.',
  ),
};

export const NoClient: Story = {
  name: 'No client',
  loaders: [() => ({})],
  parameters: description('Without a client (no <cc-provider>, no .client) the pane says so.'),
};
