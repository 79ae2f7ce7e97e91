// DX-1: what an agent may do on a digital medium, per role, as the backend configures it. Controls
// follow these: without `reply` the agent's messages are drafts another person approves.

import type { Role } from '../model/agent.js';
import type { Media } from '../model/channel.js';
import { DIGITAL_PERMISSIONS, type DigitalPermission, type DigitalSettings } from '../model/digital.js';

/** DX-1: whether `role` may do `permission` on `media`; a medium or role the backend did not configure allows everything. */
export function can(settings: Pick<DigitalSettings, 'permissions'>, media: Media, role: Role, permission: DigitalPermission): boolean {
  const granted = settings.permissions[media]?.[role];
  return granted === undefined || granted.includes(permission);
}

/** DX-1: every permission `role` has on `media`, in the order of DIGITAL_PERMISSIONS. */
export function permissionsFor(settings: Pick<DigitalSettings, 'permissions'>, media: Media, role: Role): DigitalPermission[] {
  return DIGITAL_PERMISSIONS.filter((permission) => can(settings, media, role, permission));
}
