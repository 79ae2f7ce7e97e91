// What the email composer stories need beyond stories/support.ts: Ana signed in on the simulator's
// digital world with Email Ready, an email put through its ACD (offered, or accepted with its thread
// loaded), and plain-DOM steps for the body editor (a paste, as a person's clipboard would).

import type { CcClient, Draft } from '@cc-elements/core';
import { DEFAULT_MAILBOX, SCENARIOS, type InjectedContact, type SimContactCenter, type SimScenario } from '@cc-elements/adapter-sim';
import { inShadow, signedInClient, until, waitFor } from './support.js';

/** What the email stories' loaders hand to render and play. */
export interface EmailStoryLoaded {
  readonly client?: CcClient;
  /** The simulated contact center, for a story's play. */
  readonly engine?: SimContactCenter;
  /** The email conversation the story is about. */
  readonly taskId?: string;
}

/** The contact center's own address: Reply all never copies it. */
export const MAILBOX = DEFAULT_MAILBOX;

const MB = 1024 * 1024;

/**
 * The digital world with nobody waiting and customers who write only when a story says so; email
 * attachments limited to 3 files of 1 MB in PDF, PNG, JPG or TXT, so every refusal shows (EM-5).
 */
export function emailWorld(): SimScenario {
  const base = SCENARIOS.digital;
  const email = base.tenant.digital.attachments.email!;
  return {
    ...base,
    title: 'Email composer',
    queues: base.queues.map((queue) => ({ ...queue, waitingAtStart: 0 })),
    customersReply: false,
    tenant: {
      ...base.tenant,
      digital: {
        ...base.tenant.digital,
        attachments: {
          ...base.tenant.digital.attachments,
          email: { ...email, maxSizeBytes: MB, maxCount: 3, formats: ['pdf', 'png', 'jpg', 'txt'] },
        },
      },
    },
  };
}

export interface EmailOptions {
  /** The customer's first email; a plain question about an invoice when omitted. */
  readonly contact?: Omit<InjectedContact, 'queueId'>;
  /** Leave it ringing (EM-1) rather than accepting it. */
  readonly offerOnly?: boolean;
  /** Ready the world before the email arrives (inject faults). */
  readonly prepare?: (engine: SimContactCenter) => void;
  /** After the thread loaded: more of the conversation (the customer writing again, a reply sent). */
  readonly then?: (world: Required<EmailStoryLoaded>) => Promise<void> | void;
  /** A draft kept from before (EM-7). */
  readonly draft?: Draft;
}

export const CUSTOMER = { customerName: 'Chloé Dubois', from: 'chloe.dubois@example.com' } as const;

/** Ana on the digital world with Email Ready; Chloé Dubois writes to Email support and Ana accepts. */
export async function emailConversation(options: EmailOptions = {}): Promise<EmailStoryLoaded> {
  let engine: SimContactCenter | undefined;
  const client = await signedInClient(emailWorld(), {
    station: { kind: 'extension', extension: '1001' },
    teamId: 'team-billing',
    latencyMs: 20,
    channels: [{ target: 'email', status: 'ready' }],
    adapt: (sim) => {
      engine = sim.engine;
      options.prepare?.(sim.engine);
    },
  });
  const taskId = engine!.injectContact({
    queueId: 'dq-email',
    ...CUSTOMER,
    subject: 'Invoice INV-2291 charged twice',
    html: '<p>Hello,</p><p>My invoice <b>INV-2291</b> was charged twice this month. Could you refund one of the charges?</p><p>Thanks, Chloé</p>',
    ...options.contact,
  });
  await until(client, (s) => s.tasks.some((t) => t.id === taskId && t.status === 'offered'), 'the email to be offered');
  if (!options.offerOnly) {
    await client.accept(taskId);
    await until(client, (s) => s.threads[taskId]?.status === 'loaded', 'the thread to load');
  }
  const world = { client, engine: engine!, taskId };
  await options.then?.(world);
  if (options.draft) await client.saveDraft(taskId, options.draft);
  return world;
}

/** The customer writes again, with people in copy, and the story waits until the email is in. */
export async function customerWritesAgain(world: Required<EmailStoryLoaded>, html: string, cc: readonly string[] = []): Promise<void> {
  const id = world.engine.customerWrites(world.taskId, { html, cc });
  await until(world.client, (s) => s.threads[world.taskId]?.messages.some((m) => m.id === id) === true, 'the customer’s email');
}

/** Ana sends a reply (to a bouncing address in copy when asked) and the story waits for its receipts. */
export async function agentReplies(world: Required<EmailStoryLoaded>, options: { bounceCc?: string } = {}): Promise<void> {
  const clientId = `story-reply-${world.taskId}`;
  await world.client.sendMessage(world.taskId, {
    clientId,
    html: '<p>Hello Chloé,</p><p>I am looking into it and will come back to you today.</p>',
    text: 'Hello Chloé,\nI am looking into it and will come back to you today.',
    email: {
      mode: 'reply',
      to: [CUSTOMER.from],
      cc: options.bounceCc ? [options.bounceCc] : [],
      subject: 'Re: Invoice INV-2291 charged twice',
    },
  });
  const delivered = (receipt: string | undefined) => receipt === 'delivered' || receipt === 'failed';
  await until(
    world.client,
    (s) => delivered(s.threads[world.taskId]?.messages.find((m) => m.id === clientId)?.receipt),
    'the reply’s receipt',
  );
  if (options.bounceCc) {
    await until(
      world.client,
      (s) => s.threads[world.taskId]?.messages.some((m) => m.email?.kind === 'deliveryReport') === true,
      'the delivery report',
    );
  }
}

type Widget = HTMLElement & { readonly updateComplete: Promise<unknown> };

/** The body editor, once the lazily loaded editor is there. */
export function editorIn(el: Widget): Promise<HTMLElement> {
  return waitFor(() => el.shadowRoot?.querySelector<HTMLElement>('[part="editor"]'), 'the email editor');
}

/** Puts text in the body as a paste would (the editor reads it through its schema). */
export async function pasteInto(el: Widget, text: string): Promise<void> {
  const editor = await editorIn(el);
  editor.focus();
  const data = new DataTransfer();
  data.setData('text/plain', text);
  editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  await el.updateComplete;
}

/** Picks files as the file dialog would. */
export async function pickFiles(el: Widget, files: readonly File[]): Promise<void> {
  const input = inShadow<HTMLInputElement>(el, 'input[type="file"]');
  const data = new DataTransfer();
  for (const file of files) data.items.add(file);
  input.files = data.files;
  input.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

/** A file of `size` bytes. */
export function fakeFile(name: string, size: number, type = 'application/octet-stream'): File {
  return new File([new Uint8Array(size)], name, { type });
}
