import { describe, expect, it } from 'vitest';
import type { Capabilities } from '../adapter.js';
import { COMMAND_TYPES } from '../client/commands.js';
import { CcError } from '../errors.js';
import type { AgentProfile } from '../model/agent.js';
import { MEDIA } from '../model/channel.js';
import { DEFAULT_TENANT, type TenantSettings } from '../model/tenant.js';
import { checkSignIn, restrictedToDefaultDialNumber, stationKindsOffered, teamRequired, type SignInCheck } from './station.js';

const capabilities: Capabilities = { commands: COMMAND_TYPES, stationKinds: ['dialNumber', 'extension'], media: MEDIA };
const profile: AgentProfile = { id: 'a', name: 'Ana', roles: ['agent', 'supervisor'], teams: [{ id: 'billing', name: 'Billing' }] };
const restricted: TenantSettings = { ...DEFAULT_TENANT, defaultDialNumber: '+14155550142', restrictToDefaultDialNumber: true };

function refusal(request: SignInCheck, tenant: TenantSettings = DEFAULT_TENANT): string | undefined {
  try {
    checkSignIn(request, profile, tenant, capabilities);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(CcError);
    return (error as CcError).code;
  }
}

describe('station rules', () => {
  it('SL-2: offers what the tenant allows and the backend supports, in the tenant’s order', () => {
    expect(stationKindsOffered(DEFAULT_TENANT, capabilities)).toEqual(['dialNumber', 'extension']);
    expect(stationKindsOffered({ ...DEFAULT_TENANT, stationKinds: ['extension', 'desktop'] }, capabilities)).toEqual(['extension']);
  });

  it('SL-5: restricted only when the tenant both sets a default number and restricts to it', () => {
    expect(restrictedToDefaultDialNumber(restricted)).toBe(true);
    expect(restrictedToDefaultDialNumber({ ...restricted, restrictToDefaultDialNumber: false })).toBe(false);
    expect(restrictedToDefaultDialNumber({ ...DEFAULT_TENANT, restrictToDefaultDialNumber: true })).toBe(false);
  });

  it('SL-8: a team is asked of agents, not of pure supervisors, and only when the profile has teams', () => {
    expect(teamRequired(profile, 'agent')).toBe(true);
    expect(teamRequired(profile, 'supervisorAgent')).toBe(true);
    expect(teamRequired(profile, 'supervisor')).toBe(false);
    expect(teamRequired({ ...profile, teams: [] }, 'agent')).toBe(false);
  });

  it('SL-1/SL-2/SL-4/SL-5/SL-6/SL-8: a sign-in that cannot succeed is refused with the code a backend would give', () => {
    const ok = { role: 'agent', station: { kind: 'extension', extension: '1001' }, teamId: 'billing' } as const;
    expect(refusal(ok)).toBeUndefined();
    expect(refusal({ ...ok, role: 'supervisorAgent' })).toBe('profile.forbidden');
    expect(refusal({ ...ok, station: { kind: 'desktop' } })).toBe('command.notAllowed');
    expect(refusal({ ...ok, station: { kind: 'dialNumber', number: '4155550142' } })).toBe('dialNumber.invalid');
    expect(refusal({ ...ok, station: { kind: 'dialNumber', number: '+14155550199' } }, restricted)).toBe('command.notAllowed');
    expect(refusal({ ...ok, station: { kind: 'dialNumber', number: '+14155550142' } }, restricted)).toBeUndefined();
    expect(refusal({ ...ok, station: { kind: 'extension', extension: '10a1' } })).toBe('extension.invalid');
    expect(refusal({ role: 'agent', station: ok.station })).toBe('command.notAllowed');
    expect(refusal({ ...ok, teamId: 'sales' })).toBe('command.notAllowed');
    expect(refusal({ role: 'supervisor', station: ok.station })).toBeUndefined();
  });
});
