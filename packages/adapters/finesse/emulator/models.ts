// The Finesse resources as plain data, before they are written as XML: what the emulator derives
// from the simulator and its own records, what GETs return and what notifications compare.

import type { ReasonCodeEntry } from './directory.js';

/** Voice agent states (brief §3.3). LOGIN is only ever requested. */
export type UserState = 'LOGOUT' | 'NOT_READY' | 'READY' | 'RESERVED' | 'RESERVED_OUTBOUND' | 'TALKING' | 'HOLD' | 'WORK' | 'WORK_READY';

export interface TeamRef {
  readonly id: string;
  readonly name: string;
}

export interface UserModel {
  readonly loginId: string;
  readonly loginName: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly roles: readonly ('Agent' | 'Supervisor')[];
  /** Empty while signed out. */
  readonly extension: string;
  readonly state: UserState;
  /** Scheduler ms. */
  readonly stateChangeTime: number;
  /** `NOT_READY` when chosen during a call; empty otherwise. */
  readonly pendingState: '' | 'NOT_READY' | 'READY';
  readonly reasonCode: ReasonCodeEntry | undefined;
  readonly wrapUpOnIncoming: string;
  readonly wrapUpOnOutgoing: string;
  readonly mobileAgent: { readonly mode: string; readonly dialNumber: string } | undefined;
  readonly teamId: string;
  readonly teamName: string;
  /** Teams this user supervises (empty for agents). */
  readonly teams: readonly TeamRef[];
}

export interface ParticipantModel {
  readonly actions: readonly string[];
  readonly mediaAddress: string;
  readonly mediaAddressType: string;
  readonly startTime: number;
  readonly state: string;
  readonly stateCause: string;
  readonly stateChangeTime: number;
}

export interface DialogModel {
  readonly id: string;
  /** The agent whose Dialogs collection holds it. */
  readonly agentId: string;
  readonly kind: 'call' | 'consult' | 'media';
  readonly mediaType: string;
  readonly fromAddress: string;
  readonly toAddress: string;
  readonly state: string;
  readonly associatedDialogId: string | undefined;
  readonly mediaId: string;
  /** Non-voice only: the MRD id (for the Media/{mrdId}/Dialogs source). */
  readonly mrdId: string | undefined;
  readonly dialedNumber: string;
  readonly callType: string;
  readonly dnis: string;
  readonly queueNumber: string;
  readonly queueName: string;
  readonly wrapUpReason: string;
  readonly callVariables: readonly (readonly [string, string])[];
  readonly participants: readonly ParticipantModel[];
}

export interface MediaModel {
  readonly id: string;
  readonly name: string;
  readonly state: string;
  readonly stateChangeTime: number;
  readonly reasonCode: ReasonCodeEntry | undefined;
  readonly maxDialogLimit: number;
  readonly interruptAction: string;
  readonly dialogLogoutAction: string;
  readonly routable: boolean;
}

export interface QueueStatistics {
  readonly callsInQueue: number;
  /** Scheduler ms, or undefined when nothing waits. */
  readonly startTimeOfLongestCallInQueue: number | undefined;
  readonly agentsReady: number;
  readonly agentsNotReady: number;
  readonly agentsBusyOther: number;
  readonly agentsLoggedOn: number;
  readonly agentsTalkingInbound: number;
  readonly agentsTalkingOutbound: number;
  readonly agentsTalkingInternal: number;
  readonly agentsWrapUpNotReady: number;
  readonly agentsWrapUpReady: number;
}

export interface QueueModel {
  readonly id: string;
  readonly name: string;
  /** Set for non-voice queues only (listed with `includeDigitalQueues`): the MRD name. */
  readonly mediaType: string | undefined;
  readonly statistics: QueueStatistics;
}

export interface TeamModel {
  readonly id: string;
  readonly name: string;
  readonly users: readonly UserModel[];
}

export interface SystemInfoModel {
  readonly status: 'IN_SERVICE' | 'OUT_OF_SERVICE';
  readonly statusReason: string;
  readonly deploymentType: string;
  readonly xmppDomain: string;
  readonly xmppPubSubDomain: string;
  readonly primaryNode: NodeAddress;
  readonly secondaryNode: NodeAddress | undefined;
  readonly systemAuthMode: string;
  readonly timezoneOffset: number;
  readonly currentTimestamp: number;
}

export interface NodeAddress {
  readonly host: string;
  readonly restPort: number;
  readonly xmppPort: number;
}
