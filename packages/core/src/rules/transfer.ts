// TP-15: what transferring a digital conversation needs right now — the routing points of its
// medium (never the voice directory), a wrap-up reason first when wrap-up is forced, and whether a
// voice call in progress has switched transfer off for this medium (seed 002, per medium setting).

import type { ReasonCode } from '../model/channel.js';
import { transferTargetsFor, type TransferTarget } from '../model/queue.js';
import type { Task } from '../model/task.js';
import type { CcState } from '../store/state.js';

export interface DigitalTransferView {
  readonly taskId: string;
  /** The routing points of the task's medium. */
  readonly targets: readonly TransferTarget[];
  /** TP-15: transfer is off (and the clock stopped) while the agent is on a voice call. */
  readonly pausedByVoiceCall: boolean;
  /** TP-15: wrap-up is forced, so a reason is chosen before a routing point. */
  readonly reasonRequired: boolean;
  readonly reasons: readonly ReasonCode[];
  /** The reason chosen so far (kept through reloads like any wrap-up choice, WU-4). */
  readonly reasonId: string | undefined;
  /** A routing point may be picked now. */
  readonly ready: boolean;
}

/** A conversation in progress, the only kind that can be transferred. */
export const transferable = (task: Task): boolean => task.media !== 'voice' && (task.status === 'active' || task.status === 'held');

/** TP-15: undefined for a task that cannot be transferred (a call, an offer, a wrap-up, a gone task). */
export function digitalTransferView(state: CcState, taskId: string): DigitalTransferView | undefined {
  const task = state.tasks.find((t) => t.id === taskId);
  if (!task || !transferable(task)) return undefined;
  const pausedByVoiceCall = task.pausedSince !== undefined;
  const reasonRequired = state.tenant.wrapUp.mode === 'forced' && state.tenant.wrapUpReasons.length > 0;
  const reasonId = state.wrapUpChoices[taskId];
  return {
    taskId,
    targets: transferTargetsFor(state.tenant.transferTargets, task.media),
    pausedByVoiceCall,
    reasonRequired,
    reasons: state.tenant.wrapUpReasons,
    reasonId,
    ready: !pausedByVoiceCall && (!reasonRequired || reasonId !== undefined),
  };
}

export function sameTransferView(a: DigitalTransferView | undefined, b: DigitalTransferView | undefined): boolean {
  return (
    a === b ||
    (a !== undefined &&
      b !== undefined &&
      a.taskId === b.taskId &&
      a.pausedByVoiceCall === b.pausedByVoiceCall &&
      a.reasonRequired === b.reasonRequired &&
      a.reasonId === b.reasonId &&
      a.reasons === b.reasons &&
      a.targets.length === b.targets.length &&
      a.targets.every((t, i) => t === b.targets[i]))
  );
}
