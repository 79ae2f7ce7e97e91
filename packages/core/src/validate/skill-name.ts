// DX-5: a digital skill's name, for admin-side tools. The rule (2–30 letters, digits, - _ . :) is
// not confirmed by any CXone source (protocols/cxone.md §7.3, UNVERIFIED), so each part can be changed.

export const SKILL_NAME_PROBLEMS = ['empty', 'tooShort', 'tooLong', 'characters'] as const;
export type SkillNameProblem = (typeof SKILL_NAME_PROBLEMS)[number];

export interface SkillNameRule {
  readonly minLength: number;
  readonly maxLength: number;
  /** Tested against each character alone. */
  readonly allowedCharacter: RegExp;
}

/** DX-5: letters of any script, decimal digits, `-`, `_`, `.`, `:`; 2 to 30 characters. */
export const DEFAULT_SKILL_NAME_RULE: SkillNameRule = {
  minLength: 2,
  maxLength: 30,
  allowedCharacter: /^[\p{L}\p{Nd}_.:-]$/u,
};

export type SkillNameResult =
  | { readonly ok: true; readonly name: string }
  | { readonly ok: false; readonly problem: Exclude<SkillNameProblem, 'characters'> }
  /** `characters`: the characters refused, each once, in the order they appear (for the message). */
  | { readonly ok: false; readonly problem: 'characters'; readonly characters: readonly string[] };

/**
 * DX-5: a skill name, surrounding spaces trimmed, counted in characters (code points, composed: "é"
 * is one). Characters are checked first, so a long name with a space is told about the space.
 */
export function validateSkillName(value: string, rule: Partial<SkillNameRule> = {}): SkillNameResult {
  const { minLength, maxLength, allowedCharacter } = { ...DEFAULT_SKILL_NAME_RULE, ...rule };
  const name = value.trim().normalize('NFC');
  if (name === '') return { ok: false, problem: 'empty' };
  const chars = [...name];
  const refused = [...new Set(chars.filter((char) => !allowedCharacter.test(char)))];
  if (refused.length > 0) return { ok: false, problem: 'characters', characters: refused };
  if (chars.length < minLength) return { ok: false, problem: 'tooShort' };
  if (chars.length > maxLength) return { ok: false, problem: 'tooLong' };
  return { ok: true, name };
}
