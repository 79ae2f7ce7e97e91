import type { AgentProfile, AgentSession } from '../model/agent.js';
import type { Media, MediaState } from '../model/channel.js';
import type { ConnectionState } from '../model/connection.js';
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
  /** Why the last session ended when the agent did not ask for it (taken over, expired). */
  readonly signedOutReason?: import('../model/channel.js').ErrorInfo;
}

export const INITIAL_STATE: CcState = {
  connection: { status: 'idle', since: 0 },
  tenant: DEFAULT_TENANT,
  media: {},
  tasks: [],
};
