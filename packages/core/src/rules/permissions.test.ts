import { describe, expect, it } from 'vitest';
import { DIGITAL_PERMISSIONS, type DigitalSettings } from '../model/digital.js';
import { can, permissionsFor } from './permissions.js';

const SETTINGS: Pick<DigitalSettings, 'permissions'> = {
  permissions: {
    social: { agent: ['reply', 'hideOnOrigin'], supervisor: ['approveDrafts', 'deleteOnOrigin', 'hideOnOrigin', 'assign', 'unassign'] },
    email: { agent: [] },
  },
};

describe('can / permissionsFor', () => {
  it('DX-1: a configured role has exactly what it was given on that medium', () => {
    expect(can(SETTINGS, 'social', 'agent', 'reply')).toBe(true);
    expect(can(SETTINGS, 'social', 'agent', 'deleteOnOrigin')).toBe(false);
    expect(permissionsFor(SETTINGS, 'social', 'agent')).toEqual(['reply', 'hideOnOrigin']);
    expect(permissionsFor(SETTINGS, 'social', 'supervisor')).toEqual([
      'approveDrafts',
      'deleteOnOrigin',
      'hideOnOrigin',
      'assign',
      'unassign',
    ]);
  });

  it('DX-1: an empty list takes everything away (the agent’s replies become drafts to approve)', () => {
    expect(can(SETTINGS, 'email', 'agent', 'reply')).toBe(false);
    expect(permissionsFor(SETTINGS, 'email', 'agent')).toEqual([]);
  });

  it('DX-1: a medium or a role the backend did not configure allows everything', () => {
    expect(permissionsFor(SETTINGS, 'chat', 'agent')).toEqual([...DIGITAL_PERMISSIONS]);
    expect(permissionsFor(SETTINGS, 'social', 'supervisorAgent')).toEqual([...DIGITAL_PERMISSIONS]);
    expect(permissionsFor({ permissions: {} }, 'sms', 'agent')).toEqual([...DIGITAL_PERMISSIONS]);
  });
});
