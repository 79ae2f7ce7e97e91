import { describe, expect, it } from 'vitest';
import { MAX_EXTENSION_LENGTH, validateExtension } from './extension.js';

describe('validateExtension', () => {
  it('SL-6: digits are accepted, surrounding spaces trimmed', () => {
    expect(validateExtension('4021')).toEqual({ ok: true, extension: '4021' });
    expect(validateExtension('  0042 ')).toEqual({ ok: true, extension: '0042' });
  });

  it('SL-6: empty or blank input', () => {
    expect(validateExtension('')).toEqual({ ok: false, problem: 'empty' });
    expect(validateExtension('   ')).toEqual({ ok: false, problem: 'empty' });
  });

  it.each(['40 21', '+4021', '40-21', 'ext4021', '4021#', '٤٠٢١'])('SL-6: "%s" is refused: digits only', (value) => {
    expect(validateExtension(value)).toEqual({ ok: false, problem: 'digitsOnly' });
  });

  it('SL-6: up to MAX_EXTENSION_LENGTH digits', () => {
    expect(validateExtension('9'.repeat(MAX_EXTENSION_LENGTH))).toEqual({ ok: true, extension: '9'.repeat(MAX_EXTENSION_LENGTH) });
    expect(validateExtension('9'.repeat(MAX_EXTENSION_LENGTH + 1))).toEqual({ ok: false, problem: 'tooLong' });
  });
});
