// What a backend configures for digital work (seed 002, seed 003): the composer limit (TP-6),
// attachment rules and PCI (TP-7, EM-5), templates (TP-8), workflows (TP-10), customer fields
// (TP-4), response timers and SLAs (DX-2…DX-4), permissions (DX-1), concurrency caps (TP-1) and
// channel types defined by an integration (DX-7).

import type { Media } from './channel.js';
import type { Role } from './agent.js';

/** TP-4: one customer detail; `editable` ones get Save/Cancel. */
export interface CustomerField {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly editable?: boolean;
}

/** TP-7/EM-5: what may be attached, per medium. */
export interface AttachmentRules {
  readonly maxSizeBytes: number;
  readonly maxCount: number;
  /** Allowed file extensions, lower case without the dot; empty allows any. */
  readonly formats: readonly string[];
  /**
   * EM-5: outbound attachments failing the PCI rule are removed before sending: these extensions
   * (and names matching `pciNamePatterns`) fail it.
   */
  readonly pciBlockedFormats: readonly string[];
  /** Regular-expression sources tested against the file name, case-insensitive (e.g. card numbers). */
  readonly pciNamePatterns: readonly string[];
}

/** TP-8: a canned response. `{{name}}` is a replaceable parameter; `{{system.x}}` a system one. */
export interface Template {
  readonly id: string;
  readonly name: string;
  readonly group: string;
  readonly body: string;
  /** TP-8: used as is; an edit attempt shows an error. */
  readonly locked?: boolean;
  /** Media it applies to; every medium when absent. */
  readonly media?: readonly Media[];
}

export interface WorkflowParameter {
  readonly id: string;
  readonly label: string;
  readonly required?: boolean;
}

/** TP-10: an automation the agent can trigger; parameters are asked first. */
export interface Workflow {
  readonly id: string;
  readonly name: string;
  readonly parameters: readonly WorkflowParameter[];
}

/** DX-2/DX-3: per queue (skill). Durations in ms; absent timers are off. */
export interface ResponseTimers {
  /** DX-2: from assignment to the agent's first message. */
  readonly firstResponseMs?: number;
  /** DX-2: from each customer message to the agent's next reply. */
  readonly followUpMs?: number;
  /** DX-3: after the agent's message, the customer has this long before the contact is unassigned. */
  readonly customerInactivityMs?: number;
  /** DX-3: the "extend" button adds this much (and is shown only when set). */
  readonly inactivityExtensionMs?: number;
}

/** DX-4: business hours, per weekday (0 Sunday … 6 Saturday), as minutes since midnight in `timeZone`. */
export interface BusinessHours {
  readonly timeZone: string;
  readonly days: Readonly<Partial<Record<0 | 1 | 2 | 3 | 4 | 5 | 6, readonly { readonly from: number; readonly to: number }[]>>>;
}

/** DX-4: service levels, global with per-medium overrides, counted in business hours. */
export interface ServiceLevels {
  readonly firstResponseMs?: number;
  readonly solutionMs?: number;
}

export const DIGITAL_PERMISSIONS = ['reply', 'approveDrafts', 'deleteOnOrigin', 'hideOnOrigin', 'assign', 'unassign'] as const;
/** DX-1: without `reply`, an agent's messages are drafts that need approval. */
export type DigitalPermission = (typeof DIGITAL_PERMISSIONS)[number];

/** DX-7: a channel type an integration defines, shown like a built-in one. */
export interface ChannelType {
  readonly id: string;
  readonly name: string;
  /** A short text or emoji shown as the icon (no remote image). */
  readonly icon: string;
  /** A CSS colour. */
  readonly color: string;
  /** The medium it behaves as (its group, RONA, composer rules). */
  readonly media: Media;
}

export interface DigitalSettings {
  /** TP-6: characters per message (default 1000). */
  readonly composerLimit: number;
  readonly attachments: Readonly<Partial<Record<Media, AttachmentRules>>>;
  readonly templates: readonly Template[];
  readonly workflows: readonly Workflow[];
  /** TP-1: the most tasks of each medium at once. */
  readonly concurrency: Readonly<Partial<Record<Media, number>>>;
  readonly serviceLevels: ServiceLevels & { readonly perMedia?: Readonly<Partial<Record<Media, ServiceLevels>>> };
  readonly businessHours?: BusinessHours;
  /** DX-1: what each role may do on each medium; absent media allow everything. */
  readonly permissions: Readonly<Partial<Record<Media, Readonly<Partial<Record<Role, readonly DigitalPermission[]>>>>>>;
  /** DX-7: channel types defined by integrations. */
  readonly channelTypes: readonly ChannelType[];
  /**
   * TP-15 (seed 002, per medium): while the agent is on a voice call, `pause` disables Transfer and
   * stops the interaction's clock; `continue` (the default) leaves both as they are.
   */
  readonly duringVoiceCall?: Readonly<Partial<Record<Media, 'pause' | 'continue'>>>;
}

export const DEFAULT_DIGITAL: DigitalSettings = {
  composerLimit: 1000,
  attachments: {},
  templates: [],
  workflows: [],
  concurrency: {},
  serviceLevels: {},
  permissions: {},
  channelTypes: [],
};
