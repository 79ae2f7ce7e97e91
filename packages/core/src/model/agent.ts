// The agent, the roles a profile allows and the station the agent signs in with (SL-1…SL-8).

export const ROLES = ['agent', 'supervisor', 'supervisorAgent'] as const;
export type Role = (typeof ROLES)[number];

export const STATION_KINDS = ['dialNumber', 'extension', 'desktop'] as const;
export type StationKind = (typeof STATION_KINDS)[number];

export interface Team {
  readonly id: string;
  readonly name: string;
}

/** What the backend knows of the signed-in user before a station is chosen. */
export interface AgentProfile {
  readonly id: string;
  readonly name: string;
  /** Roles this profile may sign in with; SL-1 shows the role field only when there are several. */
  readonly roles: readonly Role[];
  readonly teams: readonly Team[];
  /** ST-8: "configurable per user" — overrides the tenant's offer rules for this person. */
  readonly offerRules?: Partial<import('./tenant.js').OfferRules>;
}

/** The device the agent takes voice work on (SL-2). `number` is always E.164. */
export type Station =
  | { readonly kind: 'dialNumber'; readonly number: string }
  | { readonly kind: 'extension'; readonly extension: string }
  | { readonly kind: 'desktop' };

export interface AgentSession {
  readonly role: Role;
  readonly station: Station;
  readonly teamId?: string;
  readonly signedInAt: number;
}

/** Roles that take work and so have channels (a pure supervisor has none). */
export function roleTakesWork(role: Role): boolean {
  return role !== 'supervisor';
}

/** SL-8: the team field is shown to agents, and to supervisors only with Supervisor+Agent. */
export function roleNeedsTeam(role: Role): boolean {
  return role !== 'supervisor';
}
