import { describe, expect, it } from 'vitest';
import { validateSkillName } from './skill-name.js';

describe('validateSkillName', () => {
  it.each(['Support', 'sav-fr_2', 'chat.niveau:1', 'ab', 'Réclamations', 'x'.repeat(30)])('DX-5: "%s" is a skill name', (name) => {
    expect(validateSkillName(name)).toEqual({ ok: true, name });
  });

  it('DX-5: surrounding spaces are trimmed; an accent typed as two code points counts once', () => {
    expect(validateSkillName('  Ventes ')).toEqual({ ok: true, name: 'Ventes' });
    expect(validateSkillName('e\u0301'.repeat(30))).toEqual({ ok: true, name: 'é'.repeat(30) });
  });

  it('DX-5: empty, too short, too long', () => {
    expect(validateSkillName('   ')).toEqual({ ok: false, problem: 'empty' });
    expect(validateSkillName('a')).toEqual({ ok: false, problem: 'tooShort' });
    expect(validateSkillName('x'.repeat(31))).toEqual({ ok: false, problem: 'tooLong' });
  });

  it('DX-5: characters outside the set are named, each once', () => {
    expect(validateSkillName('Service client!!')).toEqual({ ok: false, problem: 'characters', characters: [' ', '!'] });
    expect(validateSkillName('a/b')).toEqual({ ok: false, problem: 'characters', characters: ['/'] });
    expect(validateSkillName('vip😀')).toEqual({ ok: false, problem: 'characters', characters: ['😀'] });
  });

  it('DX-5: the rule is unverified upstream, so limits and characters can be given', () => {
    expect(validateSkillName('abc', { minLength: 4 })).toEqual({ ok: false, problem: 'tooShort' });
    expect(validateSkillName('a'.repeat(40), { maxLength: 64 })).toMatchObject({ ok: true });
    expect(validateSkillName('Réclamations', { allowedCharacter: /^[A-Za-z0-9_.:-]$/ })).toEqual({
      ok: false,
      problem: 'characters',
      characters: ['é'],
    });
  });
});
