// The Finesse resources as the adapter reads them: typed, readonly records decoded from the XML of
// the protocol brief (its section numbers are given on each type). Times are epoch milliseconds;
// empty elements, `-1` "none" ids and `-1` "not collected" statistics are `undefined`.

/** Agent (voice) states a User reports (§3.3). `LOGIN` is only ever requested, never reported. */
export const AGENT_STATES = [
  'LOGOUT',
  'NOT_READY',
  'READY',
  'RESERVED',
  'RESERVED_OUTBOUND',
  'RESERVED_OUTBOUND_PREVIEW',
  'TALKING',
  'HOLD',
  'WORK',
  'WORK_READY',
  'UNKNOWN',
] as const;
export type AgentState = (typeof AGENT_STATES)[number];

export const USER_ROLES = ['Agent', 'Supervisor'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** finesse.js `User.WrapUpMode` (§3.2). */
export const WRAP_UP_MODES = ['REQUIRED', 'REQUIRED_WITH_WRAP_UP_DATA', 'OPTIONAL', 'NOT_ALLOWED'] as const;
export type WrapUpMode = (typeof WRAP_UP_MODES)[number];

/** finesse.js `User.WorkMode`: how a mobile agent's phone is reached (§3.4). */
export const MOBILE_AGENT_MODES = ['CALL_BY_CALL', 'NAILED_CONNECTION'] as const;
export type MobileAgentMode = (typeof MOBILE_AGENT_MODES)[number];

export const REASON_CODE_CATEGORIES = ['NOT_READY', 'LOGOUT'] as const;
export type ReasonCodeCategory = (typeof REASON_CODE_CATEGORIES)[number];

/** Voice Dialog states (§5.3); HELD is a participant state, not one of these. */
export const VOICE_DIALOG_STATES = ['ALERTING', 'INITIATING', 'INITIATED', 'ACTIVE', 'FAILED', 'DROPPED', 'ACCEPTED'] as const;
export type VoiceDialogState = (typeof VOICE_DIALOG_STATES)[number];

/** Voice participant states (§5.3). */
export const PARTICIPANT_STATES = [
  'ALERTING',
  'INITIATING',
  'INITIATED',
  'ACTIVE',
  'HELD',
  'FAILED',
  'DROPPED',
  'WRAP_UP',
  'ACCEPTED',
] as const;
export type ParticipantState = (typeof PARTICIPANT_STATES)[number];

/** Non-voice task (MediaDialog) states (§8.2). */
export const TASK_STATES = ['OFFERED', 'ACCEPTED', 'ACTIVE', 'PAUSED', 'WRAPPING_UP', 'INTERRUPTED', 'CLOSED', 'UNKNOWN'] as const;
export type TaskState = (typeof TASK_STATES)[number];

/**
 * Media (MRD) states (§8.1). ACTIVE, BUSY and WORK_READY appear only in some docs (UNVERIFIED) and
 * are read so that a server sending them is not refused.
 */
export const MEDIA_STATES = ['LOGOUT', 'NOT_READY', 'READY', 'RESERVED', 'WORK', 'INTERRUPTED', 'ACTIVE', 'BUSY', 'WORK_READY'] as const;
export type MediaState = (typeof MEDIA_STATES)[number];

/** Actions a voice participant may be allowed (§5.3, §5.4) and task actions (§8.2). */
export const DIALOG_ACTIONS = [
  'ANSWER',
  'HOLD',
  'RETRIEVE',
  'DROP',
  'CONSULT_CALL',
  'TRANSFER',
  'TRANSFER_SST',
  'CONFERENCE',
  'PARTICIPANT_DROP',
  'BARGE_CALL',
  'SILENT_MONITOR',
  'MAKE_CALL',
  'UPDATE_CALL_DATA',
  'SEND_DTMF',
  'START_RECORDING',
  'UPDATE_SCHEDULED_CALLBACK',
  'CANCEL_SCHEDULED_CALLBACK',
  'RECLASSIFY',
  'ACCEPT',
  'REJECT',
  'CLOSE',
  'START',
  'PAUSE',
  'RESUME',
  'WRAP_UP',
] as const;
export type DialogAction = (typeof DIALOG_ACTIONS)[number];

export const SYSTEM_STATUSES = ['IN_SERVICE', 'OUT_OF_SERVICE'] as const;
export type SystemStatus = (typeof SYSTEM_STATUSES)[number];

/** §2: `NON_SSO` and `SSO` are confirmed, the others (e.g. `HYBRID`) are UNVERIFIED, so any string is kept. */
export type SystemAuthMode = 'NON_SSO' | 'SSO' | 'HYBRID' | (string & {});

/** One node of the cluster as SystemInfo describes it (§2). */
export interface SystemNode {
  readonly host: string;
  readonly httpsPort?: number;
  readonly xmppPort?: number;
  readonly xmppSecurePort?: number;
}

/** §2 SystemInfo. `secondaryNode` is absent on a single-node deployment. */
export interface SystemInfo {
  readonly uri?: string;
  readonly status: SystemStatus;
  readonly statusReason?: string;
  readonly deploymentType?: string;
  readonly xmppDomain: string;
  readonly xmppPubSubDomain?: string;
  readonly primaryNode?: SystemNode;
  readonly secondaryNode?: SystemNode;
  readonly systemAuthMode?: SystemAuthMode;
  /** As the server gives it (presumably minutes from UTC; the unit is UNVERIFIED). */
  readonly timezoneOffset?: number;
  readonly currentTimestamp?: number;
}

/** §4.1 ReasonCode; `id` is what a state change sends as `reasonCodeId`. */
export interface ReasonCode {
  readonly id: string;
  readonly label: string;
  readonly uri?: string;
  readonly category?: ReasonCodeCategory;
  readonly code?: number;
  readonly forAll?: boolean;
  readonly systemCode?: boolean;
}

export interface ReasonCodes {
  readonly category?: ReasonCodeCategory;
  readonly reasonCodes: readonly ReasonCode[];
}

/** §4.2 WrapUpReason; `label` is what `UPDATE_CALL_DATA` sets as `wrapUpReason`. */
export interface WrapUpReason {
  /** `<id>`, else the last segment of `<uri>`, else the label. */
  readonly id: string;
  readonly label: string;
  readonly uri?: string;
  readonly forAll?: boolean;
}

export interface TeamRef {
  readonly id: string;
  readonly name?: string;
  readonly uri?: string;
}

/** §3.2 User (also the summary users of a Team, §7, which carry fewer elements). */
export interface User {
  readonly uri?: string;
  readonly loginId: string;
  readonly loginName?: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly roles: readonly UserRole[];
  readonly extension?: string;
  readonly state: AgentState;
  readonly stateChangeTime?: number;
  /** The state that takes effect when the current call ends (§3.3). */
  readonly pendingState?: AgentState;
  readonly reasonCodeId?: string;
  readonly reasonCode?: ReasonCode;
  readonly settings: {
    readonly wrapUpOnIncoming?: WrapUpMode;
    readonly wrapUpOnOutgoing?: WrapUpMode;
    readonly deviceSelection?: string;
  };
  /** Only when signed in as a mobile agent. */
  readonly mobileAgent?: { readonly mode: MobileAgentMode; readonly dialNumber: string };
  readonly mediaType?: string;
  readonly teamId?: string;
  readonly teamName?: string;
  readonly skillTargetId?: string;
  readonly dialogsUri?: string;
  /** The teams a supervisor supervises (empty for an agent). */
  readonly teams: readonly TeamRef[];
}

export interface CallVariable {
  readonly name: string;
  readonly value: string;
}

/** §5.2 mediaProperties. */
export interface MediaProperties {
  readonly mediaId?: string;
  readonly dialedNumber?: string;
  /** `ACD_IN`, `OUT`, `CONSULT`, … (the outbound variants are UNVERIFIED, so any string is kept). */
  readonly callType?: string;
  readonly dnis?: string;
  readonly queueNumber?: string;
  readonly queueName?: string;
  readonly callKeyCallId?: string;
  readonly callKeySequenceNum?: string;
  readonly callKeyPrefix?: string;
  readonly wrapUpReason?: string;
  /** Standard (`callVariable1`…), ECC (`user.*`) and outbound (`BA*`) variables, in server order. */
  readonly callVariables: readonly CallVariable[];
}

/** §5.2 Participant; `actions` are those allowed now (unknown action names are left out). */
export interface Participant<State extends string = ParticipantState | TaskState> {
  readonly mediaAddress: string;
  readonly mediaAddressType?: string;
  readonly state: State;
  readonly stateCause?: string;
  readonly startTime?: number;
  readonly stateChangeTime?: number;
  readonly actions: readonly DialogAction[];
}

interface DialogCommon {
  readonly uri?: string;
  readonly id: string;
  readonly secondaryId?: string;
  /** Links a consult call to its primary call (§5.2). */
  readonly associatedDialogUri?: string;
  /** `Voice`, or the MRD name of a non-voice dialog. */
  readonly mediaType?: string;
  readonly fromAddress?: string;
  readonly toAddress?: string;
  readonly mediaProperties: MediaProperties;
}

/** §5.2 voice Dialog. */
export interface VoiceDialog extends DialogCommon {
  readonly kind: 'voice';
  readonly state: VoiceDialogState;
  readonly participants: readonly Participant<ParticipantState>[];
}

/** §8.2 non-voice Dialog (a chat or email task). */
export interface TaskDialog extends DialogCommon {
  readonly kind: 'task';
  readonly state: TaskState;
  readonly participants: readonly Participant[];
}

export type Dialog = VoiceDialog | TaskDialog;

/** §6 statistics; a statistic the queue type does not collect (`-1`) is undefined. */
export interface QueueStatistics {
  readonly callsInQueue?: number;
  /** Undefined when the queue is empty. */
  readonly startTimeOfLongestCallInQueue?: number;
  readonly agentsReady?: number;
  readonly agentsNotReady?: number;
  readonly agentsBusyOther?: number;
  readonly agentsLoggedOn?: number;
  readonly agentsTalkingInbound?: number;
  readonly agentsTalkingOutbound?: number;
  readonly agentsTalkingInternal?: number;
  readonly agentsWrapUpNotReady?: number;
  readonly agentsWrapUpReady?: number;
}

export interface Queue {
  /** `<id>`, else the last segment of `<uri>`. */
  readonly id: string;
  readonly uri?: string;
  readonly name: string;
  readonly statistics: QueueStatistics;
}

/** §7 Team with its agents' summary User data. */
export interface Team {
  readonly id: string;
  readonly uri?: string;
  readonly name?: string;
  readonly users: readonly User[];
}

/** §8.1 Media: the agent's state in one Media Routing Domain. */
export interface Media {
  /** The MRD id. */
  readonly id: string;
  readonly uri?: string;
  readonly name?: string;
  readonly description?: string;
  readonly state: MediaState;
  readonly stateChangeTime?: number;
  readonly reasonCodeId?: string;
  readonly reasonCode?: ReasonCode;
  readonly maxDialogLimit?: number;
  readonly interruptAction?: 'ACCEPT' | 'IGNORE';
  readonly dialogLogoutAction?: 'CLOSE' | 'TRANSFER';
  readonly interruptible?: boolean;
  readonly routable?: boolean;
  readonly mediaConnected?: boolean;
  /** 12.6(2) additions. */
  readonly channel?: string;
  readonly mediaClass?: string;
}

/** One error of `<ApiErrors>` (REST) or `<apiErrors>` (async notification), §1.2. */
export interface ApiError {
  /** `Invalid State`, `Device Busy`, `Call Operation Failure`, … (empty when the server gave none). */
  readonly type: string;
  readonly message: string;
  readonly data?: string;
  /** Media errors name their MRD. */
  readonly media?: string;
}

export const UPDATE_EVENTS = ['PUT', 'POST', 'DELETE'] as const;
export type UpdateEvent = (typeof UPDATE_EVENTS)[number];

/** What an Update carries, told apart by the root element of its `<data>` (any case). */
export type UpdateData =
  | { readonly kind: 'user'; readonly user: User }
  | { readonly kind: 'dialogs'; readonly dialogs: readonly Dialog[] }
  | { readonly kind: 'dialog'; readonly dialog: Dialog }
  | { readonly kind: 'queue'; readonly queue: Queue }
  | { readonly kind: 'queues'; readonly queues: readonly Queue[] }
  | { readonly kind: 'team'; readonly team: Team }
  | { readonly kind: 'media'; readonly media: Media }
  | { readonly kind: 'mediaList'; readonly mediaList: readonly Media[] }
  | { readonly kind: 'systemInfo'; readonly systemInfo: SystemInfo }
  | { readonly kind: 'apiErrors'; readonly errors: readonly ApiError[] }
  /** `<data>` absent or empty. */
  | { readonly kind: 'empty' }
  /** A root this adapter does not read; `root` is its element name. */
  | { readonly kind: 'unknown'; readonly root: string };

/** §9.4 the Update envelope inside a notification. */
export interface Update {
  readonly event: UpdateEvent;
  /** Echo of the request's `requestId` header; undefined when empty. */
  readonly requestId?: string;
  readonly source: string;
  readonly data: UpdateData;
}
