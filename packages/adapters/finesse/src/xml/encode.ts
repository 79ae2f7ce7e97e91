// Request bodies for the Finesse writes (PUT/POST with `application/xml`), built as ltx elements so
// every value is escaped: User state changes (§3.4), Dialog call control (§5.4), Media sign-in and
// state (§8.1) and task actions (§8.2, element names UNVERIFIED, hence options).

import { Element } from 'ltx';
import { CcError } from '@cc-elements/core';
import type { CallVariable, MobileAgentMode } from './records.js';

/** A User PUT (§3.4): sign in (with an extension, or as a mobile agent), Ready, Not Ready, sign out. */
export type UserStateRequest =
  | {
      readonly state: 'LOGIN';
      readonly extension: string;
      readonly mobileAgent?: { readonly mode: MobileAgentMode; readonly dialNumber: string };
    }
  | { readonly state: 'READY' }
  | { readonly state: 'NOT_READY' | 'LOGOUT'; readonly reasonCodeId?: string };

/** `<User>` body of a PUT `/finesse/api/User/{id}`. */
export function encodeUserState(request: UserStateRequest): string {
  const user = new Element('User');
  leaf(user, 'state', request.state);
  if (request.state === 'LOGIN') {
    leaf(user, 'extension', request.extension);
    if (request.mobileAgent) {
      const mobileAgent = user.c('mobileAgent');
      leaf(mobileAgent, 'mode', request.mobileAgent.mode);
      leaf(mobileAgent, 'dialNumber', request.mobileAgent.dialNumber);
    }
  } else if (request.state !== 'READY' && request.reasonCodeId !== undefined) {
    leaf(user, 'reasonCodeId', request.reasonCodeId);
  }
  return user.toString();
}

/** Keypad tones Finesse accepts in `SEND_DTMF` (§5.4: `0-9 * #`, UCCE also `A-D`). */
const DTMF = /^[0-9*#A-Da-d]+$/;

/**
 * A Dialog PUT (§5.4). `targetMediaAddress` is the acting agent's extension (or, for
 * `PARTICIPANT_DROP`, the participant to drop).
 */
export type DialogActionRequest =
  | {
      readonly action: 'ANSWER' | 'HOLD' | 'RETRIEVE' | 'DROP' | 'TRANSFER' | 'CONFERENCE' | 'PARTICIPANT_DROP';
      readonly targetMediaAddress: string;
    }
  | { readonly action: 'TRANSFER_SST' | 'CONSULT_CALL'; readonly targetMediaAddress: string; readonly toAddress: string }
  | { readonly action: 'SEND_DTMF'; readonly targetMediaAddress: string; readonly dtmf: string }
  | {
      readonly action: 'UPDATE_CALL_DATA';
      readonly targetMediaAddress?: string;
      /** The wrap-up reason's label (§4.2); an empty string clears it. */
      readonly wrapUpReason?: string;
      readonly callVariables?: readonly CallVariable[];
    };

/** `<Dialog>` body of a PUT `/finesse/api/Dialog/{dialogId}`. Refuses keypad tones Finesse would refuse (`dtmf.invalid`). */
export function encodeDialogAction(request: DialogActionRequest): string {
  const dialog = new Element('Dialog');
  leaf(dialog, 'requestedAction', request.action);
  if (request.targetMediaAddress !== undefined) leaf(dialog, 'targetMediaAddress', request.targetMediaAddress);
  switch (request.action) {
    case 'TRANSFER_SST':
    case 'CONSULT_CALL':
      leaf(dialog, 'toAddress', request.toAddress);
      break;
    case 'SEND_DTMF': {
      if (!DTMF.test(request.dtmf)) throw new CcError('dtmf.invalid');
      const param = dialog.c('actionParams').c('ActionParam');
      leaf(param, 'name', 'dtmfString');
      leaf(param, 'value', request.dtmf);
      break;
    }
    case 'UPDATE_CALL_DATA': {
      const properties = dialog.c('mediaProperties');
      if (request.wrapUpReason !== undefined) leaf(properties, 'wrapUpReason', request.wrapUpReason);
      if (request.callVariables !== undefined) {
        const variables = properties.c('callvariables');
        for (const variable of request.callVariables) {
          const element = variables.c('CallVariable');
          leaf(element, 'name', variable.name);
          leaf(element, 'value', variable.value);
        }
      }
      break;
    }
    default:
      break;
  }
  return dialog.toString();
}

/** `<Dialog>` body of a POST `/finesse/api/User/{id}/Dialogs` placing a call (§5.4). */
export function encodeMakeCall(request: { readonly fromAddress: string; readonly toAddress: string }): string {
  const dialog = new Element('Dialog');
  leaf(dialog, 'requestedAction', 'MAKE_CALL');
  leaf(dialog, 'fromAddress', request.fromAddress);
  leaf(dialog, 'toAddress', request.toAddress);
  return dialog.toString();
}

/** A Media PUT (§8.1): sign in to an MRD (with its dialog settings) or change state there. */
export type MediaStateRequest =
  | {
      readonly state: 'LOGIN';
      /** 1–10 dialogs at once. */
      readonly maxDialogLimit?: number;
      readonly interruptAction?: 'ACCEPT' | 'IGNORE';
      readonly dialogLogoutAction?: 'CLOSE' | 'TRANSFER';
    }
  | { readonly state: 'READY' }
  | { readonly state: 'NOT_READY' | 'LOGOUT'; readonly reasonCodeId?: string };

/** `<Media>` body of a PUT `/finesse/api/User/{id}/Media/{mrdId}`. */
export function encodeMediaState(request: MediaStateRequest): string {
  const media = new Element('Media');
  leaf(media, 'state', request.state);
  if (request.state === 'LOGIN') {
    if (request.maxDialogLimit !== undefined) leaf(media, 'maxDialogLimit', String(request.maxDialogLimit));
    if (request.interruptAction !== undefined) leaf(media, 'interruptAction', request.interruptAction);
    if (request.dialogLogoutAction !== undefined) leaf(media, 'dialogLogoutAction', request.dialogLogoutAction);
  } else if (request.state !== 'READY' && request.reasonCodeId !== undefined) {
    leaf(media, 'reasonCodeId', request.reasonCodeId);
  }
  return media.toString();
}

export const TASK_ACTIONS = ['ACCEPT', 'START', 'PAUSE', 'RESUME', 'WRAP_UP', 'CLOSE', 'TRANSFER'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/** A task action (§8.2); only `TRANSFER` takes a target (a script selector or dialed number). */
export type TaskActionRequest =
  { readonly action: Exclude<TaskAction, 'TRANSFER'> } | { readonly action: 'TRANSFER'; readonly target: string };

/** Element names of the task-action body, all UNVERIFIED in the protocol brief (§8.2). */
export interface TaskActionNames {
  /** Root element (default `Dialog`). */
  readonly root?: string;
  /** The action's element (default `requestedAction`, as for voice). */
  readonly action?: string;
  /** The transfer target's element (default `toAddress`). */
  readonly target?: string;
}

/** Body of a PUT `/finesse/api/Dialog/{id}` acting on a non-voice task. */
export function encodeTaskAction(request: TaskActionRequest, names: TaskActionNames = {}): string {
  const task = new Element(names.root ?? 'Dialog');
  leaf(task, names.action ?? 'requestedAction', request.action);
  if (request.action === 'TRANSFER') leaf(task, names.target ?? 'toAddress', request.target);
  return task.toString();
}

/** Adds `<name>value</name>` to `parent` (ltx escapes the text when it serializes). */
function leaf(parent: Element, name: string, value: string): void {
  parent.c(name).t(value);
}
