import type { AgentProfile, AgentSession } from '../model/agent.js';
import type { Media, MediaState } from '../model/channel.js';
import type { ConnectionState } from '../model/connection.js';
import type { Draft, Thread } from '../model/message.js';
import type { Notice } from '../model/notice.js';
import type { Queue } from '../model/queue.js';
import type { BeingMonitored, RosterAgent } from '../model/supervisor.js';
import type { Task } from '../model/task.js';
import { DEFAULT_TENANT, type TenantSettings } from '../model/tenant.js';

/** Everything the core knows, as one immutable value. */
export interface CcState {
  readonly connection: ConnectionState;
  readonly profile?: AgentProfile;
  readonly tenant: TenantSettings;
  readonly session?: AgentSession;
  /** Per-medium state, only for media the tenant enables and only while signed in. */
  readonly media: Readonly<Partial<Record<Media, MediaState>>>;
  readonly tasks: readonly Task[];
  /** QL-1: the agent's (or supervisor's) queues, only while signed in. */
  readonly queues: readonly Queue[];
  /** Told once, shown until dismissed or no longer true. */
  readonly notices: readonly Notice[];
  /** TP-5: each digital task's conversation, once its loading began. */
  readonly threads: Readonly<Record<string, Thread>>;
  /** TP-2: the task the agent is looking at. */
  readonly selectedTaskId?: string;
  /** TP-2/TP-3: messages from the customer the agent has not seen yet, per task. */
  readonly unread: Readonly<Record<string, number>>;
  /** TP-13/EM-7: unsent text per conversation, kept through task switches and reloads. */
  readonly drafts: Readonly<Record<string, Draft>>;
  /** TP-4: customer fields edited and not saved, per task (field id → value); they block End and Transfer. */
  readonly customerEdits: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** WU-2/WU-4: the wrap-up reason chosen so far, per task in wrap-up. */
  readonly wrapUpChoices: Readonly<Record<string, string>>;
  /** SV-1: the supervisor's agents by id, only while signed in as a supervisor. */
  readonly roster: Readonly<Record<string, RosterAgent>>;
  /** SV-4, agent side: a supervisor is listening to one of my calls (where the backend says so). */
  readonly beingMonitored?: BeingMonitored;
  /** Why the last session ended when the agent did not ask for it (taken over, expired). */
  readonly signedOutReason?: import('../model/channel.js').ErrorInfo;
}

export const INITIAL_STATE: CcState = {
  connection: { status: 'idle', since: 0 },
  tenant: DEFAULT_TENANT,
  media: {},
  tasks: [],
  queues: [],
  notices: [],
  wrapUpChoices: {},
  threads: {},
  unread: {},
  drafts: {},
  customerEdits: {},
  roster: {},
};
