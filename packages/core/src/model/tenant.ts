// Settings the tenant (the backend's administrator) decides: what a station login may offer and
// which reasons and media exist.

import type { StationKind } from './agent.js';
import type { Media, ReasonCode } from './channel.js';
import type { TransferTarget } from './queue.js';
import { DEFAULT_DIGITAL, type DigitalSettings } from './digital.js';
import { DEFAULT_SUPERVISOR_POLICY, type SupervisorPolicy } from './supervisor.js';
import type { DialNumberCheck } from '../validate/dial-number.js';

export interface TenantSettings {
  /** SL-2: the station options this tenant allows, in display order. */
  readonly stationKinds: readonly StationKind[];
  /** SL-5: a default dial number (E.164) prefilled in the form. */
  readonly defaultDialNumber?: string;
  /** SL-5: when true the Dial Number and Extension fields are read-only. */
  readonly restrictToDefaultDialNumber: boolean;
  /** SL-3: the country preselected for the international format (ISO 3166 alpha-2, "US" → +1). */
  readonly defaultCountry: string;
  /** SL-3/SL-4: how strictly dial numbers are checked before anything is sent. */
  readonly dialNumberCheck: DialNumberCheck;
  /** ST-3: Not Ready reasons, shared by voice and digital. */
  readonly notReadyReasons: readonly ReasonCode[];
  /** Media configured for this tenant; channels without media are not shown. */
  readonly media: readonly Media[];
  /** ST-5: automatic retries of a failed sign-in or state change. */
  readonly retryAttempts: number;
  /** Milliseconds between those retries. */
  readonly retryDelayMs: number;
  /** WU-3: wrap-up reasons, from the backend. */
  readonly wrapUpReasons: readonly ReasonCode[];
  /** WU-1…WU-3: what ending an interaction leads to. Queues may override it; the task says what applies. */
  readonly wrapUp: WrapUpSettings;
  /** CB-3: where calls may be transferred or consulted; empty when the tenant allows neither. */
  readonly transferTargets: readonly TransferTarget[];
  /** ST-6/ST-8: what a declined or missed offer does to the agent's state. */
  readonly offerRules: OfferRules;
  /** Digital work: composer, attachments, templates, workflows, timers, permissions (TP, EM, DX). */
  readonly digital: DigitalSettings;
  /** SV-3/SV-4: what a supervisor may do to an agent on this backend. */
  readonly supervisor: SupervisorPolicy;
}

export interface WrapUpSettings {
  /** off: ending closes (WU-1); optional: reasons offered, Close always enabled; forced: WU-2. */
  readonly mode: 'off' | 'optional' | 'forced';
  /** WU-3: 0–60 s in 5 s steps — never "manual", or agents could be stuck in wrap-up. */
  readonly timeoutSec: number;
}

export interface OfferRules {
  /** ST-8: a declined call makes the agent unavailable this long, then Ready again. */
  readonly declinedUnavailableMs: number;
  /**
   * A missed call (no answer before the deadline): a number → unavailable that long then Ready
   * again (ST-8); null → Not Ready until the agent moves back (ST-6 RONA).
   */
  readonly missedUnavailableMs: number | null;
}

export const DEFAULT_TENANT: TenantSettings = {
  stationKinds: ['dialNumber', 'extension', 'desktop'],
  restrictToDefaultDialNumber: false,
  defaultCountry: 'US',
  dialNumberCheck: 'possible',
  notReadyReasons: [],
  media: ['voice', 'chat', 'sms', 'social', 'email'],
  retryAttempts: 3,
  retryDelayMs: 2000,
  wrapUpReasons: [],
  wrapUp: { mode: 'off', timeoutSec: 0 },
  transferTargets: [],
  offerRules: { declinedUnavailableMs: 10_000, missedUnavailableMs: null },
  digital: DEFAULT_DIGITAL,
  supervisor: DEFAULT_SUPERVISOR_POLICY,
};
