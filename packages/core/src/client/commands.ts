// Commands are data: every adapter receives the same discriminated union, so commands can be
// logged, replayed and checked against capabilities before anything is sent.

import type { Role, Station } from '../model/agent.js';
import type { Media } from '../model/channel.js';
import type { EmailHeaders } from '../model/message.js';
import type { MonitorMode } from '../model/supervisor.js';

export type Command =
  | { readonly type: 'session.signIn'; readonly role: Role; readonly station: Station; readonly teamId?: string }
  | { readonly type: 'session.signOut' }
  | {
      readonly type: 'media.setState';
      readonly media: readonly Media[];
      readonly status: 'ready' | 'notReady';
      /** A specific Not Ready reason; absent for a plain "Not Ready". */
      readonly reasonId?: string;
    }
  /** Sign a failed medium in again (ST-5 automatic retries). */
  | { readonly type: 'media.signIn'; readonly media: Media }
  /** CB-1/CB-4: take an offered call, callback or (later) digital task. */
  | { readonly type: 'task.accept'; readonly taskId: string }
  /** CB-2/ST-8: refuse an offer; it goes back to its queue. */
  | { readonly type: 'task.decline'; readonly taskId: string }
  /** CB-3: hang up / end; the task goes to wrap-up or closes (WU-1). */
  | { readonly type: 'task.end'; readonly taskId: string }
  /** WU-2: close the wrap-up, with the reason chosen (required when forced, unless the timer ran out). */
  | { readonly type: 'task.close'; readonly taskId: string; readonly reasonId?: string }
  | { readonly type: 'call.hold'; readonly taskId: string }
  | { readonly type: 'call.resume'; readonly taskId: string }
  | { readonly type: 'call.mute'; readonly taskId: string; readonly muted: boolean }
  /** CB-3: blind transfer to a queue, routing point or agent. */
  | { readonly type: 'call.transfer'; readonly taskId: string; readonly targetId: string }
  /** CB-3: put the customer on hold and call a target first. */
  | { readonly type: 'call.consult'; readonly taskId: string; readonly targetId: string }
  /** Hand the customer to the consulted party. */
  | { readonly type: 'call.consultComplete'; readonly taskId: string }
  /** Drop the consultation; the customer stays on hold with the agent. */
  | { readonly type: 'call.consultCancel'; readonly taskId: string }
  /** CB-3: keypad tones on a Desktop (WebRTC) station. */
  | { readonly type: 'call.dtmf'; readonly taskId: string; readonly digits: string }
  /** QL-5: every enable/disable the agent confirmed, applied at once. */
  | { readonly type: 'queues.setEnabled'; readonly changes: readonly QueueChange[] }
  /** QL-7: the queues a supervisor monitors, applied at once. */
  | { readonly type: 'queues.setMonitored'; readonly changes: readonly QueueChange[] }
  /** TP-5: fetch (or fetch again, "Retry") a task's thread. */
  | { readonly type: 'thread.load'; readonly taskId: string }
  /** TP-6/TP-7/EM-3: send a message; `clientId` lets the sender follow its receipt (TP-12). */
  | { readonly type: 'message.send'; readonly taskId: string; readonly message: OutgoingMessage }
  /** TP-4: save edited customer fields. */
  | { readonly type: 'customer.save'; readonly taskId: string; readonly fields: readonly { readonly id: string; readonly value: string }[] }
  /** TP-10: trigger a workflow with its parameters. */
  | {
      readonly type: 'workflow.run';
      readonly taskId: string;
      readonly workflowId: string;
      readonly parameters: Readonly<Record<string, string>>;
    }
  /** TP-15: hand a digital task to a routing point of its medium. */
  | {
      readonly type: 'task.transfer';
      readonly taskId: string;
      readonly targetId: string;
      /** TP-15: with forced wrap-up, the reason the agent chose before transferring. */
      readonly reasonId?: string;
    }
  /** DX-3: give the customer more time before the contact is unassigned. */
  | { readonly type: 'inactivity.extend'; readonly taskId: string }
  /** SV-3: move an agent to Ready, Not Ready (with a reason) or sign them out, where the policy allows. */
  | {
      readonly type: 'supervisor.setAgentStatus';
      readonly agentId: string;
      readonly status: 'ready' | 'notReady' | 'signedOut';
      readonly reasonId?: string;
    }
  /** SV-3: enable or disable one of an agent's queues for them. */
  | { readonly type: 'supervisor.setAgentQueue'; readonly agentId: string; readonly queueId: string; readonly enabled: boolean }
  /** SV-4: join an agent's call to listen, whisper to the agent, or barge in. */
  | { readonly type: 'supervisor.monitor'; readonly agentId: string; readonly taskId: string; readonly mode: MonitorMode }
  | { readonly type: 'supervisor.stopMonitor'; readonly agentId: string; readonly taskId: string };

/** An attachment on its way out: the bytes stay with the sender until the adapter uploads them. */
export interface OutgoingAttachment {
  readonly name: string;
  readonly size: number;
  readonly type: string;
  readonly inline?: boolean;
  /** The file's bytes (a Blob in browsers); adapters upload it. */
  readonly data: unknown;
}

export interface OutgoingMessage {
  /** Chosen by the sender, unique: the message comes back as an agent message with this id. */
  readonly clientId: string;
  readonly text?: string;
  /** EM-4: HTML produced from the editor's schema, never typed HTML. */
  readonly html?: string;
  readonly attachments?: readonly OutgoingAttachment[];
  /**
   * EM-3 Forward: attachments of the conversation's received emails to send along, by id; the
   * backend copies them (their bytes never pass through the browser).
   */
  readonly forwardedAttachmentIds?: readonly string[];
  /** EM-3: the email's headers (to, cc, subject) as the mode filled them. */
  readonly email?: Omit<EmailHeaders, 'from' | 'kind'> & { readonly mode: 'reply' | 'replyAll' | 'forward' | 'new' };
}

/** One ticked or unticked queue: `on` is enabled (QL-5) or monitored (QL-7). */
export interface QueueChange {
  readonly queueId: string;
  readonly on: boolean;
}

export type CommandType = Command['type'];
/** Commands only a digital conversation (chat, SMS, social, email) takes. */
export const DIGITAL_COMMAND_TYPES = [
  'thread.load',
  'message.send',
  'customer.save',
  'workflow.run',
  'task.transfer',
  'inactivity.extend',
] as const satisfies readonly CommandType[];

/** SV-3/SV-4: what a supervisor does to an agent. */
export const SUPERVISOR_COMMAND_TYPES = [
  'supervisor.setAgentStatus',
  'supervisor.setAgentQueue',
  'supervisor.monitor',
  'supervisor.stopMonitor',
] as const satisfies readonly CommandType[];

export const COMMAND_TYPES = [
  'session.signIn',
  'session.signOut',
  'media.setState',
  'media.signIn',
  'task.accept',
  'task.decline',
  'task.end',
  'task.close',
  'call.hold',
  'call.resume',
  'call.mute',
  'call.transfer',
  'call.consult',
  'call.consultComplete',
  'call.consultCancel',
  'call.dtmf',
  'queues.setEnabled',
  'queues.setMonitored',
  ...DIGITAL_COMMAND_TYPES,
  ...SUPERVISOR_COMMAND_TYPES,
] as const satisfies readonly CommandType[];
