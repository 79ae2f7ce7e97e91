// Station-login rules (SL-2, SL-4, SL-5, SL-6, SL-8): what the form offers and what a sign-in
// may carry. The widget shows them; the client enforces them before anything is sent.

import type { Capabilities } from '../adapter.js';
import { CcError } from '../errors.js';
import { roleNeedsTeam, type AgentProfile, type Role, type Station, type StationKind } from '../model/agent.js';
import type { TenantSettings } from '../model/tenant.js';
import { isE164 } from '../validate/dial-number.js';
import { validateExtension } from '../validate/extension.js';

/** SL-2: the station options to show — allowed by the tenant and supported by the backend. */
export function stationKindsOffered(tenant: TenantSettings, capabilities: Capabilities): StationKind[] {
  return tenant.stationKinds.filter((kind) => capabilities.stationKinds.includes(kind));
}

/** SL-5: the tenant restricts Dial Number and Extension to its default dial number. */
export function restrictedToDefaultDialNumber(tenant: TenantSettings): boolean {
  return tenant.restrictToDefaultDialNumber && tenant.defaultDialNumber !== undefined;
}

/** SL-8: a team is asked of roles that take work, when the profile has teams to choose from. */
export function teamRequired(profile: AgentProfile | undefined, role: Role): boolean {
  return roleNeedsTeam(role) && (profile?.teams.length ?? 0) > 0;
}

export interface SignInCheck {
  readonly role: Role;
  readonly station: Station;
  readonly teamId?: string;
}

/** Throws the CcError a backend would give for a sign-in that cannot succeed, before it is sent. */
export function checkSignIn(
  request: SignInCheck,
  profile: AgentProfile | undefined,
  tenant: TenantSettings,
  capabilities: Capabilities,
): void {
  const { role, station, teamId } = request;
  if (profile && !profile.roles.includes(role)) throw new CcError('profile.forbidden');
  if (!stationKindsOffered(tenant, capabilities).includes(station.kind)) {
    throw new CcError('command.notAllowed', 'This station option is not available.');
  }
  if (station.kind === 'dialNumber') {
    if (!isE164(station.number)) throw new CcError('dialNumber.invalid');
    if (restrictedToDefaultDialNumber(tenant) && station.number !== tenant.defaultDialNumber) {
      throw new CcError('command.notAllowed', 'Your administrator restricts sign-in to the default dial number.');
    }
  }
  if (station.kind === 'extension' && !validateExtension(station.extension).ok) throw new CcError('extension.invalid');
  if (teamRequired(profile, role) && !profile?.teams.some((t) => t.id === teamId)) {
    throw new CcError('command.notAllowed', 'Choose your team.');
  }
}
