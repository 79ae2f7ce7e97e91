// SL-6: an extension is digits only, of a length a PBX would accept.

export const EXTENSION_PROBLEMS = ['empty', 'digitsOnly', 'tooLong'] as const;
export type ExtensionProblem = (typeof EXTENSION_PROBLEMS)[number];

export const MAX_EXTENSION_LENGTH = 15;

export type ExtensionResult =
  { readonly ok: true; readonly extension: string } | { readonly ok: false; readonly problem: ExtensionProblem };

export function validateExtension(value: string): ExtensionResult {
  const text = value.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  if (!/^\d+$/.test(text)) return { ok: false, problem: 'digitsOnly' };
  if (text.length > MAX_EXTENSION_LENGTH) return { ok: false, problem: 'tooLong' };
  return { ok: true, extension: text };
}
