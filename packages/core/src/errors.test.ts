import { describe, expect, it } from 'vitest';
import { CcError, isRetryable } from './errors.js';

describe('CcError', () => {
  it('SL-10: every code has a default message a person can act on', () => {
    const error = new CcError('dialNumber.notRegistered');
    expect(error.message).toBe('The dial number is not registered for this tenant.');
    expect(error.name).toBe('CcError');
    expect(error.toInfo()).toEqual({ code: 'dialNumber.notRegistered', message: 'The dial number is not registered for this tenant.' });
  });

  it('SL-10: the trace id travels with the error', () => {
    const error = new CcError('api', 'Refused.', { traceId: 'trc-9' });
    expect(error.toInfo()).toEqual({ code: 'api', message: 'Refused.', traceId: 'trc-9' });
  });

  it('SL-10: from() turns anything thrown into one shape', () => {
    const same = new CcError('network');
    expect(CcError.from(same)).toBe(same);
    expect(CcError.from({ code: 'extension.invalid', message: 'Bad extension 40a', traceId: 't1' }).toInfo()).toEqual({
      code: 'extension.invalid',
      message: 'Bad extension 40a',
      traceId: 't1',
    });
    expect(CcError.from({ code: 'E_LICENCE', message: 'No licence is free.' }).toInfo()).toEqual({
      code: 'api',
      message: 'No licence is free.',
    });
    const cause = new TypeError('Failed to fetch');
    const wrapped = CcError.from(cause);
    expect(wrapped).toMatchObject({ code: 'api', message: 'Failed to fetch', cause });
    expect(CcError.from('boom').message).toBe('boom');
    expect(CcError.from(new Error('')).message).toBe('The server refused the request.');
  });

  it('ST-5: only network and station.unavailable are worth retrying', () => {
    expect(new CcError('network').retryable).toBe(true);
    expect(new CcError('station.unavailable').retryable).toBe(true);
    expect(new CcError('api').retryable).toBe(false);
    expect(new CcError('profile.forbidden').retryable).toBe(false);
    expect(isRetryable('network')).toBe(true);
    expect(isRetryable('dialNumber.notUnique')).toBe(false);
    expect(isRetryable('something else')).toBe(false);
  });
});
