// WU-1…WU-4: the wrap-up as the picker shows it, and the auto-close at zero with the reason
// chosen so far. The deadline is the server's; the chosen reason is kept by the core (and in
// storage) so neither a reload nor a reconnect loses them.

import { distinctUntilChanged, EMPTY, map, merge, switchMap, type Observable, type SchedulerLike } from 'rxjs';
import type { ReasonCode } from '../model/channel.js';
import type { Task } from '../model/task.js';
import type { CcState } from '../store/state.js';
import { at } from './countdown.js';
import { transferable } from './transfer.js';

/** A task that may hold a chosen reason: one in wrap-up (WU-2), or a conversation about to be transferred (TP-15). */
export const holdsWrapUpChoice = (task: Task): boolean => task.status === 'wrapUp' || transferable(task);

export interface WrapUpView {
  readonly taskId: string;
  readonly task: Task;
  readonly forced: boolean;
  readonly reasons: readonly ReasonCode[];
  /** The reason chosen so far. */
  readonly reasonId?: string;
  readonly expiresAt?: number;
  /** WU-2: Close is enabled once a reason is chosen, or at once when wrap-up is not forced. */
  readonly canClose: boolean;
}

export function wrapUpView(state: CcState, taskId: string): WrapUpView | undefined {
  const task = state.tasks.find((t) => t.id === taskId);
  if (!task || task.status !== 'wrapUp') return undefined;
  const forced = task.wrapUp?.forced ?? false;
  const reasonId = state.wrapUpChoices[taskId];
  return {
    taskId,
    task,
    forced,
    reasons: state.tenant.wrapUpReasons,
    ...(reasonId === undefined ? {} : { reasonId }),
    ...(task.wrapUp?.expiresAt === undefined ? {} : { expiresAt: task.wrapUp.expiresAt }),
    canClose: !forced || reasonId !== undefined,
  };
}

export function sameWrapUpView(a: WrapUpView | undefined, b: WrapUpView | undefined): boolean {
  return (
    a === b ||
    (a !== undefined &&
      b !== undefined &&
      a.task === b.task &&
      a.reasonId === b.reasonId &&
      a.reasons === b.reasons &&
      a.canClose === b.canClose &&
      a.expiresAt === b.expiresAt)
  );
}

export interface WrapUpDue {
  readonly taskId: string;
  readonly expiresAt: number;
}

/** WU-2: emits each task whose wrap-up deadline has come; a task that leaves wrap-up cancels its timer. */
export function wrapUpsDue(state$: Observable<CcState>, scheduler: SchedulerLike): Observable<WrapUpDue> {
  return state$.pipe(
    map((s) =>
      s.tasks
        .filter((t) => t.status === 'wrapUp' && t.wrapUp?.expiresAt !== undefined)
        .map((t) => `${t.id}\u0000${t.wrapUp!.expiresAt!}`)
        .join('\u0001'),
    ),
    distinctUntilChanged(),
    switchMap((keys) => {
      if (keys === '') return EMPTY;
      return merge(
        ...keys.split('\u0001').map((key) => {
          const [taskId, expiresAt] = key.split('\u0000') as [string, string];
          return at(Number(expiresAt), scheduler).pipe(map(() => ({ taskId, expiresAt: Number(expiresAt) })));
        }),
      );
    }),
  );
}
