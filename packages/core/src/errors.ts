// Typed, readable errors. Every refusal a backend or the core can give has a code a widget can
// translate, a message a person can act on, and the backend's trace id when it gives one (SL-10).

import type { ErrorInfo } from './model/channel.js';

export const ERROR_CODES = [
  'dialNumber.invalid',
  'dialNumber.notRegistered',
  'dialNumber.notUnique',
  'extension.invalid',
  'extension.notRegistered',
  'station.unavailable',
  'profile.forbidden',
  'network',
  'api',
  'payload.malformed',
  'command.unsupported',
  'command.notAllowed',
  'session.required',
  'storage.failed',
  'offer.expired',
  'task.unknown',
  'queue.unknown',
  'wrapUp.reasonRequired',
  'dtmf.invalid',
  'consult.failed',
  'customer.unsaved',
  'message.tooLong',
  'workflow.parameterMissing',
  'attachment.refused',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Codes worth trying again: the same request may succeed a moment later. */
const RETRYABLE: ReadonlySet<ErrorCode> = new Set(['network', 'station.unavailable']);

const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  'dialNumber.invalid': 'The dial number is not valid.',
  'dialNumber.notRegistered': 'The dial number is not registered for this tenant.',
  'dialNumber.notUnique': 'The dial number is already in use by another agent.',
  'extension.invalid': 'The extension must contain digits only.',
  'extension.notRegistered': 'The extension is not registered.',
  'station.unavailable': 'The station could not be reached.',
  'profile.forbidden': 'Your profile does not allow this. Ask your administrator.',
  network: 'The server could not be reached. Check your network and try again.',
  api: 'The server refused the request.',
  'payload.malformed': 'The server sent a reply that could not be read.',
  'command.unsupported': 'This backend does not support that action.',
  'command.notAllowed': 'That action is not allowed right now.',
  'session.required': 'Sign in first.',
  'storage.failed': 'The browser storage could not be used.',
  'offer.expired': 'The offer has expired; it went to another agent.',
  'task.unknown': 'That interaction is no longer yours.',
  'queue.unknown': 'That queue is no longer assigned to you.',
  'wrapUp.reasonRequired': 'Choose a wrap-up reason first.',
  'dtmf.invalid': 'Keypad tones are digits, *, # and A–D only.',
  'consult.failed': 'The consultation did not connect; the caller is still on hold.',
  'customer.unsaved': 'The customer details have unsaved changes.',
  'message.tooLong': 'The message is longer than the limit.',
  'workflow.parameterMissing': 'Fill in every required parameter of the workflow.',
  'attachment.refused': 'An attachment cannot be sent.',
};

export class CcError extends Error {
  override readonly name = 'CcError';
  readonly code: ErrorCode;
  readonly traceId: string | undefined;

  constructor(code: ErrorCode, message?: string, options?: { traceId?: string; cause?: unknown }) {
    super(message ?? DEFAULT_MESSAGES[code], options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.traceId = options?.traceId;
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }

  toInfo(): ErrorInfo {
    return this.traceId === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, traceId: this.traceId };
  }

  /** Anything thrown becomes a CcError, so callers handle one shape. */
  static from(error: unknown): CcError {
    if (error instanceof CcError) return error;
    if (isErrorInfo(error)) {
      // A code the core does not know is still a backend refusal: keep its words and trace id (SL-10).
      const code = (ERROR_CODES as readonly string[]).includes(error.code) ? (error.code as ErrorCode) : 'api';
      return new CcError(code, error.message, error.traceId === undefined ? {} : { traceId: error.traceId });
    }
    const message = error instanceof Error ? error.message : String(error);
    return new CcError('api', message || undefined, { cause: error });
  }
}

function isErrorInfo(value: unknown): value is ErrorInfo {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorInfo).code === 'string' &&
    typeof (value as ErrorInfo).message === 'string'
  );
}

export function isRetryable(code: string): boolean {
  return RETRYABLE.has(code as ErrorCode);
}
