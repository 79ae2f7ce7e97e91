// ST-7: presence-style statuses (the 8x8 Work model) and what each means for the contact center,
// as a table a widget or an adapter can use when a backend speaks presence instead of channel states.

import type { MediaStatus } from '../model/channel.js';

export const PRESENCE_STATUSES = ['available', 'doNotDisturb', 'busy', 'onThePhone', 'away', 'invisible', 'offline'] as const;
export type PresenceStatus = (typeof PRESENCE_STATUSES)[number];

export const CONTACT_CENTER_STATUSES = ['available', 'workingOffline', 'onPhone', 'loggedOut'] as const;
export type ContactCenterStatus = (typeof CONTACT_CENTER_STATUSES)[number];

export interface PresenceMapping {
  readonly contactCenter: ContactCenterStatus;
  /** Whether queue calls are still routed to the person. */
  readonly routed: boolean;
  /** The channel status the core shows for voice. */
  readonly voice: MediaStatus;
}

/** Only Do not disturb stops routing; Busy, Away and Invisible still take queue calls (seed 000). */
export const PRESENCE_MAPPING: Readonly<Record<PresenceStatus, PresenceMapping>> = {
  available: { contactCenter: 'available', routed: true, voice: 'ready' },
  doNotDisturb: { contactCenter: 'workingOffline', routed: false, voice: 'notReady' },
  busy: { contactCenter: 'available', routed: true, voice: 'ready' },
  onThePhone: { contactCenter: 'onPhone', routed: false, voice: 'ready' },
  away: { contactCenter: 'available', routed: true, voice: 'ready' },
  invisible: { contactCenter: 'available', routed: true, voice: 'ready' },
  offline: { contactCenter: 'loggedOut', routed: false, voice: 'signedOut' },
};

export function presenceMapping(status: PresenceStatus): PresenceMapping {
  return PRESENCE_MAPPING[status];
}
