// The client's digital work on a scripted backend: threads (TP-5), unread counts and selection
// (TP-2, TP-3, TP-14), drafts (TP-13, EM-7), sending (TP-6, TP-12), customer edits (TP-4),
// workflows (TP-10), transfer (TP-15) and inactivity (DX-3).

import { describe, expect, it } from 'vitest';
import { firstValueFrom } from 'rxjs';
import { CcError } from '../errors.js';
import type { AgentProfile, AgentSession } from '../model/agent.js';
import { DEFAULT_DIGITAL } from '../model/digital.js';
import type { Message } from '../model/message.js';
import type { Task } from '../model/task.js';
import { DEFAULT_TENANT, type TenantSettings } from '../model/tenant.js';
import { DRAFTS_KEY } from '../session/drafts.js';
import { memoryStorage } from '../session/storage.js';
import { createTestAdapter } from '../testing.js';
import { createClient } from './client.js';
import { rejection, virtualTime } from './client.test-support.js';

const profile: AgentProfile = { id: 'a1', name: 'Ana Pop', roles: ['agent'], teams: [] };
const tenant: TenantSettings = {
  ...DEFAULT_TENANT,
  media: ['chat', 'sms', 'email'],
  transferTargets: [
    { id: 'rp-chat', name: 'Chat escalations', kind: 'routingPoint', media: ['chat'] },
    { id: 'q-voice', name: 'Sales', kind: 'queue' },
  ],
  digital: {
    ...DEFAULT_DIGITAL,
    composerLimit: 10,
    workflows: [{ id: 'refund', name: 'Refund', parameters: [{ id: 'amount', label: 'Amount', required: true }] }],
  },
};
const session: AgentSession = { role: 'agent', station: { kind: 'desktop' }, signedInAt: 0 };

function setup(storage = memoryStorage()) {
  const time = virtualTime();
  const adapter = createTestAdapter();
  const client = createClient({ adapter, scheduler: time.scheduler, storage });
  adapter.emit({ type: 'connection.changed', status: 'connected' });
  adapter.emit({ type: 'profile.loaded', profile, tenant });
  adapter.emit({ type: 'session.signedIn', session });
  for (const media of tenant.media) adapter.emit({ type: 'media.stateChanged', media, status: 'ready' });
  return { ...time, adapter, client, storage };
}

const chat = (overrides: Partial<Task> = {}): Task => ({
  id: 'chat-1',
  media: 'chat',
  status: 'active',
  since: 0,
  startedAt: 0,
  customerName: 'Ioana Marin',
  customer: [
    { id: 'name', label: 'Name', value: 'Ioana Marin' },
    { id: 'phone', label: 'Phone', value: '+40 721 000 000', editable: true },
  ],
  ...overrides,
});
const customerSays = (taskId: string, id: string, text: string, at = 0): Message => ({ id, taskId, author: 'customer', at, text });
const commandTypes = (adapter: ReturnType<typeof createTestAdapter>) => adapter.commands.map((c) => c.type);

describe('threads (TP-5)', () => {
  it('an accepted conversation loads its thread by itself; a failure keeps the error for Retry', async () => {
    const { client, adapter, advance } = setup();
    let fail = true;
    adapter.respond((command) => {
      if (command.type === 'thread.load' && fail) throw new CcError('network', undefined, { traceId: 't-9' });
    });
    adapter.emit({ type: 'task.updated', task: chat({ status: 'offered' }) });
    expect(commandTypes(adapter)).toEqual([]);
    adapter.emit({ type: 'task.updated', task: chat() });
    await advance(0);
    expect(commandTypes(adapter)).toEqual(['thread.load']);
    expect(client.state.threads['chat-1']).toMatchObject({ status: 'failed', error: { code: 'network', traceId: 't-9' } });
    fail = false;
    await client.loadThread('chat-1');
    expect(client.state.threads['chat-1']?.status).toBe('loading');
    adapter.emit({ type: 'thread.loaded', taskId: 'chat-1', messages: [customerSays('chat-1', 'm1', 'Hello')] });
    expect(await firstValueFrom(client.thread$('chat-1'))).toMatchObject({ status: 'loaded', messages: [{ text: 'Hello' }] });
  });
});

describe('unread and selection (TP-2, TP-3, TP-14)', () => {
  it('customer messages count as unread until the task is selected; the host gets the total', async () => {
    const { client, adapter } = setup();
    adapter.emit({ type: 'task.updated', task: chat() });
    // Seed 002: an accepted task becomes the one shown.
    adapter.emit({ type: 'task.updated', task: chat({ id: 'sms-1', media: 'sms', status: 'offered' }) });
    adapter.emit({ type: 'task.updated', task: chat({ id: 'sms-1', media: 'sms', startedAt: 5 }) });
    expect(client.state.selectedTaskId).toBe('sms-1');
    adapter.emit({ type: 'message.added', message: customerSays('chat-1', 'm1', 'Hi') });
    adapter.emit({ type: 'message.added', message: customerSays('chat-1', 'm2', 'Anyone?') });
    adapter.emit({ type: 'message.added', message: customerSays('sms-1', 'm3', 'Seen') });
    expect(client.state.unread).toEqual({ 'chat-1': 2 });
    expect(await firstValueFrom(client.totalUnread$)).toBe(2);
    client.selectTask('chat-1');
    expect(client.state.unread).toEqual({});
  });

  it('TP-14: when the selected conversation leaves, the last accepted one is shown', () => {
    const { client, adapter } = setup();
    adapter.emit({ type: 'task.updated', task: chat({ startedAt: 1 }) });
    adapter.emit({ type: 'task.updated', task: chat({ id: 'chat-2', startedAt: 3 }) });
    adapter.emit({ type: 'task.updated', task: chat({ id: 'chat-3', startedAt: 2 }) });
    client.selectTask('chat-1');
    adapter.emit({ type: 'task.removed', taskId: 'chat-1', reason: 'closed' });
    expect(client.state.selectedTaskId).toBe('chat-2');
  });
});

describe('drafts and sending (TP-6, TP-12, TP-13, EM-7)', () => {
  it('a draft survives a reload, and a sent message clears it', async () => {
    const storage = memoryStorage();
    const first = setup(storage);
    first.adapter.emit({ type: 'task.updated', task: chat() });
    await first.client.saveDraft('chat-1', { text: 'Half a thought' });
    expect(JSON.parse(storage.entries.get(DRAFTS_KEY)!)).toEqual({ 'chat-1': { text: 'Half a thought' } });
    first.client.dispose();

    const second = setup(storage);
    await second.advance(0);
    second.adapter.emit({ type: 'task.updated', task: chat() });
    expect(await firstValueFrom(second.client.draft$('chat-1'))).toEqual({ text: 'Half a thought' });
    await second.client.sendMessage('chat-1', { text: 'Done' });
    expect(second.client.state.drafts).toEqual({});
    expect(storage.entries.has(DRAFTS_KEY)).toBe(false);
  });

  it('TP-12: a message shows as sending at once; a failure keeps it with its error and keeps the draft', async () => {
    const { client, adapter } = setup();
    adapter.emit({ type: 'task.updated', task: chat() });
    await client.saveDraft('chat-1', { text: 'Try me' });
    adapter.respond((command) => {
      if (command.type === 'message.send') throw new CcError('network');
    });
    const sending = client.sendMessage('chat-1', { text: 'Try me', clientId: 'c-1' });
    expect(client.state.threads['chat-1']?.messages).toEqual([
      expect.objectContaining({ id: 'c-1', receipt: 'sending', authorName: 'Ana Pop' }),
    ]);
    expect((await rejection(sending)).code).toBe('network');
    expect(client.state.threads['chat-1']?.messages[0]).toMatchObject({ receipt: 'failed', error: { code: 'network' } });
    expect(client.state.drafts['chat-1']).toEqual({ text: 'Try me' });
  });

  it('EM-2: an email on its way shows its headers and files, from the task’s mailbox; email bodies have no composer limit', async () => {
    const { client, adapter } = setup();
    adapter.emit({ type: 'task.updated', task: chat({ id: 'mail-1', media: 'email', mailbox: 'support@acme.example' }) });
    const file = { name: 'invoice.pdf', size: 2048, type: 'application/pdf', data: new Uint8Array(1) };
    await client.sendMessage('mail-1', {
      clientId: 'e-1',
      html: '<p>' + 'long '.repeat(400) + '</p>',
      text: 'long '.repeat(400),
      attachments: [file],
      email: { mode: 'reply', to: ['ioana@example.com'], cc: [], subject: 'Re: Invoice' },
    });
    expect(client.state.threads['mail-1']?.messages[0]).toMatchObject({
      id: 'e-1',
      email: { from: 'support@acme.example', to: ['ioana@example.com'], cc: [], subject: 'Re: Invoice', kind: 'sent' },
      attachments: [{ id: 'e-1-a0', name: 'invoice.pdf', size: 2048, type: 'application/pdf' }],
    });
  });

  it('TP-6: past the limit nothing is sent and the error says by how much', async () => {
    const { client, adapter } = setup();
    adapter.emit({ type: 'task.updated', task: chat() });
    const error = await rejection(client.sendMessage('chat-1', { text: 'Twelve chars' }));
    expect(error).toMatchObject({ code: 'message.tooLong' });
    expect(error.message).toContain('2 characters over the limit of 10');
    expect((await rejection(client.sendMessage('chat-1', { text: '   ' }))).message).toBe('Write a message or attach a file first.');
    // Emoji count as one character each.
    await client.sendMessage('chat-1', { text: '👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽' });
    expect(commandTypes(adapter)).toEqual(['thread.load', 'message.send']);
  });
});

describe('customer details, workflows, transfer, inactivity (TP-4, TP-10, TP-15, DX-3)', () => {
  it('TP-4: unsaved edits block End and Transfer unless discarded; saving sends only editable fields', async () => {
    const { client, adapter } = setup();
    adapter.emit({ type: 'task.updated', task: chat() });
    client.editCustomer('chat-1', { phone: '+40 721 111 111' });
    expect((await rejection(client.end('chat-1'))).code).toBe('customer.unsaved');
    expect((await rejection(client.transferTask('chat-1', 'rp-chat'))).code).toBe('customer.unsaved');
    await client.saveCustomer('chat-1');
    expect(adapter.commands.at(-1)).toEqual({
      type: 'customer.save',
      taskId: 'chat-1',
      fields: [{ id: 'phone', value: '+40 721 111 111' }],
    });
    expect(client.state.customerEdits).toEqual({});
    client.editCustomer('chat-1', { name: 'Someone else' });
    expect((await rejection(client.saveCustomer('chat-1'))).message).toContain('"Name" cannot be edited');
    await client.end('chat-1', { discardUnsaved: true });
    expect(adapter.commands.at(-1)).toEqual({ type: 'task.end', taskId: 'chat-1' });
    expect(client.state.customerEdits).toEqual({});
  });

  it('TP-10: a workflow with a required parameter asks for it before sending', async () => {
    const { client, adapter } = setup();
    adapter.emit({ type: 'task.updated', task: chat() });
    expect(await rejection(client.runWorkflow('chat-1', 'refund', { amount: ' ' }))).toMatchObject({
      code: 'workflow.parameterMissing',
      message: 'Fill in Amount to run Refund.',
    });
    await client.runWorkflow('chat-1', 'refund', { amount: '20' });
    expect(adapter.commands.at(-1)).toEqual({ type: 'workflow.run', taskId: 'chat-1', workflowId: 'refund', parameters: { amount: '20' } });
  });

  it('TP-15: a digital task goes only to routing points of its medium, never the voice directory', async () => {
    const { client, adapter } = setup();
    adapter.emit({ type: 'task.updated', task: chat() });
    expect((await rejection(client.transferTask('chat-1', 'q-voice'))).code).toBe('command.notAllowed');
    await client.transferTask('chat-1', 'rp-chat');
    expect(adapter.commands.at(-1)).toEqual({ type: 'task.transfer', taskId: 'chat-1', targetId: 'rp-chat' });
  });

  it('TP-15: with forced wrap-up a reason is chosen before the routing point, kept through a resync, and sent along', async () => {
    const { client, adapter } = setup();
    const reasons = [{ id: 'wr-sale', label: 'Sale', category: 'wrapUp' as const }];
    adapter.emit({
      type: 'profile.loaded',
      profile,
      tenant: { ...tenant, wrapUpReasons: reasons, wrapUp: { mode: 'forced', timeoutSec: 30 } },
    });
    adapter.emit({ type: 'task.updated', task: chat() });
    expect(await firstValueFrom(client.transferView$('chat-1'))).toMatchObject({
      reasonRequired: true,
      ready: false,
      targets: [{ id: 'rp-chat' }],
    });
    expect(await rejection(client.transferTask('chat-1', 'rp-chat'))).toMatchObject({
      code: 'wrapUp.reasonRequired',
      message: 'Choose a wrap-up reason before transferring.',
    });
    expect(commandTypes(adapter)).not.toContain('task.transfer');
    await client.chooseWrapUpReason('chat-1', 'wr-sale');
    adapter.emit({ type: 'state.synced', snapshot: { profile, tenant: client.state.tenant, session, media: [], tasks: [chat()] } });
    expect(await firstValueFrom(client.transferView$('chat-1'))).toMatchObject({ reasonId: 'wr-sale', ready: true });
    await client.transferTask('chat-1', 'rp-chat');
    expect(adapter.commands.at(-1)).toEqual({ type: 'task.transfer', taskId: 'chat-1', targetId: 'rp-chat', reasonId: 'wr-sale' });
  });

  it('TP-15: while a voice call stops the conversation (backend setting), Transfer is refused and the clock stands still', async () => {
    const { client, adapter, advance } = setup();
    adapter.emit({ type: 'task.updated', task: chat() });
    const seen: (number | undefined)[] = [];
    const sub = client.callDuration$('chat-1').subscribe((ms) => seen.push(ms));
    await advance(10_000);
    adapter.emit({ type: 'task.updated', task: chat({ pausedSince: 10_000 }) });
    expect(await firstValueFrom(client.transferView$('chat-1'))).toMatchObject({ pausedByVoiceCall: true, ready: false });
    expect(await rejection(client.transferTask('chat-1', 'rp-chat'))).toMatchObject({
      code: 'command.notAllowed',
      message: 'Transfer is unavailable while you are on a voice call.',
    });
    await advance(60_000);
    expect(seen.at(-1)).toBe(10_000);
    // The call ended after a minute: the minute is left out and the clock runs on.
    adapter.emit({ type: 'task.updated', task: chat({ pausedMs: 60_000 }) });
    await advance(5_000);
    expect(seen.at(-1)).toBe(15_000);
    sub.unsubscribe();
    await client.transferTask('chat-1', 'rp-chat');
    expect(adapter.commands.at(-1)).toEqual({ type: 'task.transfer', taskId: 'chat-1', targetId: 'rp-chat' });
  });

  it('EM-3/EM-5: a forward carries only the conversation’s own, unblocked attachments; the local copy lists them', async () => {
    const { client, adapter } = setup();
    const email = chat({ id: 'em-1', media: 'email' });
    adapter.emit({ type: 'task.updated', task: email });
    adapter.emit({
      type: 'thread.loaded',
      taskId: 'em-1',
      messages: [
        {
          id: 'm1',
          taskId: 'em-1',
          author: 'customer',
          at: 0,
          text: 'Files',
          attachments: [
            { id: 'ok', name: 'statement.pdf', size: 10, type: 'application/pdf' },
            { id: 'bad', name: 'scan.pdf', size: 10, type: 'application/pdf', blocked: { code: 'pci', message: 'Card number.' } },
          ],
        },
      ],
    });
    const headers = { to: ['a@example.org'], cc: [], subject: 'Fwd: Files', mode: 'forward' as const };
    const send = (ids: string[]) =>
      client.sendMessage('em-1', { clientId: `c-${ids.join()}`, html: '<p>FYI</p>', email: headers, forwardedAttachmentIds: ids });
    expect(await rejection(send(['bad']))).toMatchObject({
      code: 'attachment.refused',
      message: 'scan.pdf failed PCI validation and cannot be forwarded.',
    });
    expect((await rejection(send(['elsewhere']))).code).toBe('attachment.refused');
    expect(commandTypes(adapter)).not.toContain('message.send');
    void send(['ok']);
    const local = client.state.threads['em-1']!.messages.at(-1)!;
    expect(local).toMatchObject({ receipt: 'sending', attachments: [{ name: 'statement.pdf', size: 10 }] });
  });

  it('DX-6: an offer whose queue forbids declining is refused before anything is sent', async () => {
    const { client, adapter } = setup();
    adapter.emit({ type: 'task.updated', task: chat({ status: 'offered', queueName: 'SMS', declinable: false }) });
    expect(await rejection(client.decline('chat-1'))).toMatchObject({
      code: 'command.notAllowed',
      message: 'SMS does not allow declining.',
    });
    expect(commandTypes(adapter)).toEqual([]);
  });

  it('DX-3: extend is refused where the queue has no extension', async () => {
    const { client, adapter } = setup();
    adapter.emit({ type: 'task.updated', task: chat() });
    expect((await rejection(client.extendInactivity('chat-1'))).code).toBe('command.notAllowed');
    adapter.emit({ type: 'task.updated', task: chat({ timers: { customerInactivityMs: 60_000, inactivityExtensionMs: 30_000 } }) });
    await client.extendInactivity('chat-1');
    expect(adapter.commands.at(-1)).toEqual({ type: 'inactivity.extend', taskId: 'chat-1' });
  });
});

describe('notices for digital work (ST-6, DX-3)', () => {
  it('ST-6: a missed chat’s notice stays while the group goes Not Ready medium by medium, and ends when chat is Ready again', () => {
    const { client, adapter } = setup();
    adapter.emit({ type: 'task.updated', task: chat({ status: 'offered', offerExpiresAt: 30_000 }) });
    adapter.emit({ type: 'task.removed', taskId: 'chat-1', reason: 'rona' });
    adapter.emit({ type: 'media.stateChanged', media: 'chat', status: 'notReady', reasonId: 'cc.rona' });
    adapter.emit({ type: 'media.stateChanged', media: 'sms', status: 'notReady', reasonId: 'cc.rona' });
    expect(client.state.notices.map((n) => n.id)).toEqual(['rona:chat-1']);
    adapter.emit({ type: 'media.stateChanged', media: 'email', status: 'ready' });
    expect(client.state.notices.map((n) => n.id)).toEqual(['rona:chat-1']);
    adapter.emit({ type: 'media.stateChanged', media: 'chat', status: 'ready' });
    expect(client.state.notices).toEqual([]);
  });

  it('DX-3: a conversation unassigned for customer inactivity is told, naming the customer', () => {
    const { client, adapter } = setup();
    adapter.emit({ type: 'task.updated', task: chat() });
    adapter.emit({ type: 'task.removed', taskId: 'chat-1', reason: 'unassigned' });
    expect(client.state.notices).toEqual([expect.objectContaining({ kind: 'unassigned', customerName: 'Ioana Marin', media: 'chat' })]);
  });
});

describe('reconnect and sign-out (SE-4)', () => {
  it('a resync keeps threads, unread counts, drafts and the selection of tasks the server still has', async () => {
    const { client, adapter, scheduler } = setup();
    adapter.emit({ type: 'task.updated', task: chat() });
    adapter.emit({ type: 'task.updated', task: chat({ id: 'chat-2', startedAt: 2 }) });
    adapter.emit({ type: 'message.added', message: customerSays('chat-1', 'm1', 'Still there?') });
    await client.saveDraft('chat-2', { text: 'Yes' });
    client.selectTask('chat-2');
    adapter.emit({
      type: 'state.synced',
      at: scheduler.now(),
      snapshot: { profile, tenant, session, media: [], tasks: [chat({ id: 'chat-2', startedAt: 2 })] },
    });
    expect(client.state.threads['chat-1']).toBeUndefined();
    expect(client.state.unread).toEqual({});
    expect(client.state.drafts).toEqual({ 'chat-2': { text: 'Yes' } });
    expect(client.state.selectedTaskId).toBe('chat-2');
    adapter.emit({ type: 'session.signedOut' });
    expect(client.state).toMatchObject({ threads: {}, unread: {}, drafts: {}, customerEdits: {} });
    expect(client.state.selectedTaskId).toBeUndefined();
  });
});
