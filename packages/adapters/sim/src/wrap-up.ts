// WU-1…WU-3 on the server, the same for calls and digital conversations: which settings apply (the
// queue's, else the tenant's), whether ending leads to a wrap-up, and when a close is accepted.

import type { CcError, ErrorCode, Task, WrapUp, WrapUpSettings } from '@cc-elements/core';
import type { SimScenario } from './scenarios.js';

export function wrapUpSettingsFor(scenario: SimScenario, queueId: string | undefined): WrapUpSettings {
  const own = queueId === undefined ? undefined : scenario.queues.find((q) => q.id === queueId)?.wrapUp;
  return own ?? scenario.tenant.wrapUp;
}

/** The wrap-up that ending at `at` leads to; undefined when it closes at once (WU-1, or a zero timeout). */
export function wrapUpAfterEnd(settings: WrapUpSettings, at: number): WrapUp | undefined {
  if (settings.mode === 'off' || settings.timeoutSec === 0) return undefined;
  return { forced: settings.mode === 'forced', expiresAt: at + settings.timeoutSec * 1000 };
}

/** WU-2: a known reason, and a forced wrap-up needs one until its timer ran out. Throws the refusal. */
export function checkClose(
  scenario: SimScenario,
  task: Task,
  reasonId: string | undefined,
  at: number,
  refuse: (code: ErrorCode, message?: string) => CcError,
): void {
  if (task.status !== 'wrapUp') throw refuse('command.notAllowed', 'This interaction is not in wrap-up.');
  if (reasonId !== undefined && !scenario.tenant.wrapUpReasons.some((r) => r.id === reasonId)) {
    throw refuse('command.notAllowed', `Unknown wrap-up reason "${reasonId}".`);
  }
  const expiresAt = task.wrapUp?.expiresAt;
  if (task.wrapUp?.forced && reasonId === undefined && (expiresAt === undefined || at < expiresAt)) {
    throw refuse('wrapUp.reasonRequired');
  }
}
