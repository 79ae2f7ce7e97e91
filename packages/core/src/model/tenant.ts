// Settings the tenant (the backend's administrator) decides: what a station login may offer and
// which reasons and media exist.

import type { StationKind } from './agent.js';
import type { Media, ReasonCode } from './channel.js';
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
};
