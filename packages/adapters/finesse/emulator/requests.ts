// The writes of the Finesse API carried out on the simulator: User PUT (sign-in, state, sign-out,
// brief §3.3–§3.4), Dialog PUT (call control §5.4 and task actions §8.2) and Media PUT (MRD
// sign-in and state §8.1). What Finesse checks itself is refused at once (`ApiFailure`, HTTP
// 400); what the simulator (standing in for the CTI server) refuses after a Dialog request
// comes back as an asynchronous `apiErrors` notification.

import type { Element } from 'ltx';
import { CcError, type Command, type Media, type Station, type Task } from '@cc-elements/core';
import type { DialogRef, MrdEntry, ReasonCategory, ReasonCodeEntry } from './directory.js';
import type { DialogModel } from './models.js';
import type { FinesseWorld } from './world.js';
import { childText } from './xml.js';

/** A synchronous refusal: the HTTP status and Finesse's ErrorType, message and data. */
export class ApiFailure extends Error {
  override readonly name = 'ApiFailure';
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly data = '',
  ) {
    super(message);
  }
}

/** Which notifications of a write echo its `requestId`: the resources it acted on. */
export interface RequestScope {
  readonly userIds: ReadonlySet<string>;
  readonly dialogIds: ReadonlySet<string>;
  /** `agentId/mrdId` of media acted on. */
  readonly mediaKeys: ReadonlySet<string>;
}

/** A refusal the CTI (the simulator) gave after the request was accepted. */
export interface AsyncRefusal {
  readonly agentId: string;
  readonly dialog: DialogModel;
  readonly code: string;
  readonly message: string;
}

export interface WriteOutcome {
  readonly scope: RequestScope;
  readonly refusal?: AsyncRefusal;
  /** Users whose Finesse-only records changed (the simulator told nobody). */
  readonly touched: readonly string[];
}

const DTMF = /^[0-9*#A-D]+$/;
const CALL_VARIABLE = /^(callVariable([1-9]|10)|user\.[A-Za-z0-9_.]{1,32}|BA[A-Za-z]{1,30})$/;
const MAX_VARIABLE_BYTES = 40;
const MAX_ECC_BYTES = 210;
const MAX_WRAP_UP_BYTES = 39;
const STATES_REQUESTED = ['LOGIN', 'READY', 'NOT_READY', 'LOGOUT'];

function parameterMissing(name: string): ApiFailure {
  return new ApiFailure(400, 'Parameter Missing', `The request needs <${name}>.`, name);
}

function invalidInput(message: string, data = ''): ApiFailure {
  return new ApiFailure(400, 'Invalid Input', message, data);
}

function invalidState(message: string, data = ''): ApiFailure {
  return new ApiFailure(400, 'Invalid State', message, data);
}

/** Runs a command the simulator checks synchronously for Finesse (sign-in, state): its refusal is a 400. */
function applyNow(world: FinesseWorld, agentId: string, command: Command, data = ''): void {
  try {
    world.engine.apply(agentId, command);
  } catch (error) {
    const refusal = CcError.from(error);
    throw new ApiFailure(400, world.settings.errorTypes[refusal.code] ?? 'Invalid State', refusal.message, data || refusal.code);
  }
}

function scope(parts: Partial<RequestScope>): RequestScope {
  return { userIds: parts.userIds ?? new Set(), dialogIds: parts.dialogIds ?? new Set(), mediaKeys: parts.mediaKeys ?? new Set() };
}

/** A reason code id from a body: absent, or a configured code of the category. */
function reasonFrom(world: FinesseWorld, body: Element, category: ReasonCategory): ReasonCodeEntry | undefined {
  const given = childText(body, 'reasonCodeId');
  if (given === undefined || given === '' || given === '-1') {
    if (world.settings.reasonCodesRequired) throw parameterMissing('reasonCodeId');
    return undefined;
  }
  const reason = /^\d{1,9}$/.test(given) ? world.directory.reasonCode(Number(given)) : undefined;
  if (!reason || reason.category !== category) {
    throw invalidInput(`${given} is not a ${category} reason code id.`, given);
  }
  return reason;
}

// ——— User ———

/** PUT /finesse/api/User/{id}: LOGIN, READY, NOT_READY, LOGOUT (by the user, or forced by their supervisor). */
export function putUser(world: FinesseWorld, actorId: string, userId: string, body: Element): WriteOutcome {
  if (body.name !== 'User') throw invalidInput(`The body must be a <User>, not <${body.name}>.`, body.name);
  const state = childText(body, 'state');
  if (state === undefined || state === '') throw parameterMissing('state');
  if (!STATES_REQUESTED.includes(state))
    throw invalidInput(`${state} cannot be requested; ask for one of ${STATES_REQUESTED.join(', ')}.`, state);
  if (actorId !== userId && state === 'LOGIN') throw new ApiFailure(403, 'Unauthorized', 'Only the user can sign in.', userId);
  const done = { scope: scope({ userIds: new Set([userId]) }), touched: [userId] };
  const voice = world.voice(userId);
  const record = world.record(userId);
  const snapshot = world.snapshot(userId);
  const session = snapshot.session;

  if (state === 'LOGIN') {
    if (voice.state !== 'LOGOUT') throw invalidState('The user is already signed in.', voice.state);
    signIn(world, userId, body);
    return done;
  }
  if (!session) throw invalidState('Sign in first.', voice.state);

  if (state === 'LOGOUT') {
    if (!world.settings.logoutAllowedFrom.includes(voice.state)) {
      throw invalidState(`Sign-out is allowed from ${world.settings.logoutAllowedFrom.join(' or ')}, not ${voice.state}.`, voice.state);
    }
    const reason = reasonFrom(world, body, 'LOGOUT');
    const ready = snapshot.media.filter((m) => m.media !== 'voice' && m.status === 'ready').map((m) => m.media);
    if (ready.length > 0) applyNow(world, userId, { type: 'media.setState', media: ready, status: 'notReady' });
    applyNow(world, userId, { type: 'session.signOut' });
    record.logoutReasonId = reason?.id;
    record.mrds.clear();
    record.mobileAgent = undefined;
    return done;
  }

  const reason = state === 'NOT_READY' ? reasonFrom(world, body, 'NOT_READY') : undefined;
  if (session.role === 'supervisor') {
    record.supervisorState = { state: state === 'READY' ? 'READY' : 'NOT_READY', reasonCodeId: reason?.id };
    return done;
  }
  const status = state === 'READY' ? 'ready' : 'notReady';
  const setVoice = () =>
    applyNow(world, userId, {
      type: 'media.setState',
      media: ['voice'],
      status,
      ...(reason?.simId === undefined ? {} : { reasonId: reason.simId }),
    });
  const wrapping = voice.task?.status === 'wrapUp' ? voice.task : undefined;
  if (!wrapping) {
    setVoice();
    return done;
  }
  // Ending wrap-up (brief §3.3): closed with the reason set on the dialog, then the state chosen.
  const reasonId = checkWrapUpClose(world, userId, wrapping);
  if (status === 'notReady') setVoice();
  applyNow(world, userId, { type: 'task.close', taskId: wrapping.id, ...(reasonId === undefined ? {} : { reasonId }) }, 'wrapUpReason');
  if (status === 'ready') setVoice();
  return done;
}

/** The wrap-up reason (simulator id) a close will carry; refuses when a forced wrap-up has none yet. */
function checkWrapUpClose(world: FinesseWorld, agentId: string, task: Task): string | undefined {
  const label = world.taskRecord(agentId, task).wrapUpLabel;
  const reasonId = label === undefined ? undefined : world.directory.wrapUpReasonByLabel(label)?.simId;
  const expiresAt = task.wrapUp?.expiresAt;
  if (task.wrapUp?.forced && reasonId === undefined && (expiresAt === undefined || world.now() < expiresAt)) {
    throw invalidState('Set a wrap-up reason (UPDATE_CALL_DATA with mediaProperties/wrapUpReason) before ending wrap-up.', 'wrapUpReason');
  }
  return reasonId;
}

function signIn(world: FinesseWorld, userId: string, body: Element): void {
  const { scenario } = world;
  const extension = childText(body, 'extension') || childText(body, 'activeDeviceId');
  if (!extension) throw parameterMissing('extension');
  const profile = world.profile(userId);
  const role = world.simRole(profile);
  for (const other of world.userIds) {
    if (other !== userId && world.engine.isSignedIn(other) && world.record(other).extension === extension) {
      throw new ApiFailure(400, 'Device Busy', `Extension ${extension} is in use by another agent.`, extension);
    }
  }
  const mobile = body.getChild('mobileAgent');
  let station: Station;
  let mobileAgent: { mode: string; dialNumber: string } | undefined;
  if (mobile) {
    const mode = childText(mobile, 'mode');
    const dialNumber = childText(mobile, 'dialNumber');
    if (!mode) throw parameterMissing('mobileAgent/mode');
    if (!dialNumber) throw parameterMissing('mobileAgent/dialNumber');
    if (!world.settings.mobileAgentModes.includes(mode) || !scenario.tenant.stationKinds.includes('dialNumber')) {
      throw new ApiFailure(400, 'Mode Not Allowed', `Mobile agent mode ${mode} is not allowed.`, mode);
    }
    if (!scenario.extensions.includes(extension)) {
      throw new ApiFailure(400, 'Invalid Device', `Extension ${extension} is not a configured CTI port.`, extension);
    }
    station = { kind: 'dialNumber', number: dialNumber.startsWith('+') ? dialNumber : `+${dialNumber}` };
    mobileAgent = { mode, dialNumber };
  } else {
    if (!scenario.tenant.stationKinds.includes('extension')) {
      throw new ApiFailure(400, 'Invalid Device', 'This system does not sign in with extensions.', extension);
    }
    station = { kind: 'extension', extension };
  }
  const teamId = role === 'supervisor' ? undefined : profile.teams[0]?.id;
  applyNow(
    world,
    userId,
    { type: 'session.signIn', role, station, ...(teamId === undefined ? {} : { teamId }) },
    mobileAgent?.dialNumber ?? extension,
  );
  const record = world.record(userId);
  record.extension = extension;
  record.mobileAgent = mobileAgent;
  record.logoutReasonId = undefined;
  record.supervisorState = { state: 'NOT_READY', reasonCodeId: undefined };
  record.mrds.clear();
}

// ——— Media (MRD) ———

/** PUT /finesse/api/User/{id}/Media/{mrdId}: LOGIN, READY, NOT_READY, LOGOUT on one MRD. */
export function putMedia(world: FinesseWorld, userId: string, mrd: MrdEntry, body: Element): WriteOutcome {
  if (body.name !== 'Media') throw invalidInput(`The body must be a <Media>, not <${body.name}>.`, body.name);
  const state = childText(body, 'state');
  if (!state) throw parameterMissing('state');
  if (!STATES_REQUESTED.includes(state)) throw invalidInput(`${state} cannot be requested on a media.`, state);
  const done = { scope: scope({ mediaKeys: new Set([`${userId}/${mrd.id}`]) }), touched: [userId] };
  const snapshot = world.snapshot(userId);
  if (!snapshot.session) throw invalidState('Sign in to voice (the User) before signing in to a media.', 'LOGOUT');
  if (snapshot.session.role === 'supervisor') throw invalidState('A supervisor without the agent role has no media.', mrd.name);
  const record = world.record(userId);
  const signedIn = record.mrds.get(mrd.media);
  const medium = snapshot.media.find((m) => m.media === mrd.media);

  if (state === 'LOGIN') {
    if (signedIn) throw invalidState(`${mrd.name} is already signed in.`, mrd.id);
    const limit = childText(body, 'maxDialogLimit');
    const maxDialogLimit = limit === undefined || limit === '' ? 1 : Number(limit);
    if (!Number.isInteger(maxDialogLimit) || maxDialogLimit < 1 || maxDialogLimit > 10)
      throw invalidInput('maxDialogLimit must be 1–10.', limit);
    const interruptAction = childText(body, 'interruptAction') || 'ACCEPT';
    if (!['ACCEPT', 'IGNORE'].includes(interruptAction)) throw invalidInput('interruptAction must be ACCEPT or IGNORE.', interruptAction);
    const dialogLogoutAction = childText(body, 'dialogLogoutAction') || 'CLOSE';
    if (!['CLOSE', 'TRANSFER'].includes(dialogLogoutAction))
      throw invalidInput('dialogLogoutAction must be CLOSE or TRANSFER.', dialogLogoutAction);
    if (medium?.status !== 'ready' && medium?.status !== 'notReady')
      applyNow(world, userId, { type: 'media.signIn', media: mrd.media }, mrd.id);
    record.mrds.set(mrd.media, { maxDialogLimit, interruptAction, dialogLogoutAction });
    return done;
  }
  if (!signedIn) throw invalidState(`Sign in to ${mrd.name} first.`, mrd.id);
  if (state === 'LOGOUT') {
    reasonFrom(world, body, 'LOGOUT');
    if (snapshot.tasks.some((t) => t.media === mrd.media))
      throw invalidState(`Close your ${mrd.name} tasks before signing out of it.`, mrd.id);
    if (medium?.status === 'ready') applyNow(world, userId, { type: 'media.setState', media: [mrd.media], status: 'notReady' }, mrd.id);
    record.mrds.delete(mrd.media);
    return done;
  }
  const reason = state === 'NOT_READY' ? reasonFrom(world, body, 'NOT_READY') : undefined;
  applyNow(
    world,
    userId,
    {
      type: 'media.setState',
      media: [mrd.media],
      status: state === 'READY' ? 'ready' : 'notReady',
      ...(reason?.simId === undefined ? {} : { reasonId: reason.simId }),
    },
    mrd.id,
  );
  return done;
}

// ——— Dialog ———

/** PUT /finesse/api/Dialog/{id}: call control on a voice dialog, or a task action on a non-voice one. */
export function putDialog(world: FinesseWorld, actorId: string, dialogId: string, body: Element): WriteOutcome {
  if (body.name !== 'Dialog') throw invalidInput(`The body must be a <Dialog>, not <${body.name}>.`, body.name);
  const ref = world.directory.dialogRef(dialogId);
  const dialog = ref ? currentDialog(world, ref, dialogId) : undefined;
  if (!ref || !dialog) throw new ApiFailure(404, 'Not Found', `There is no dialog ${dialogId}.`, dialogId);
  if (ref.agentId !== actorId) throw new ApiFailure(403, 'Unauthorized', `Dialog ${dialogId} is not one of yours.`, dialogId);
  const action = childText(body, 'requestedAction');
  if (!action) throw parameterMissing('requestedAction');
  const agent = dialog.participants[0]!;
  const target = childText(body, 'targetMediaAddress');
  if (target && target !== agent.mediaAddress) throw invalidInput(`${target} is not your participant in dialog ${dialogId}.`, target);
  if (!agent.actions.includes(action)) {
    throw invalidState(`${action} is not allowed on dialog ${dialogId} now (allowed: ${agent.actions.join(', ') || 'none'}).`, action);
  }
  const outcome: WriteOutcome = { scope: scope({ dialogIds: new Set([dialogId]) }), touched: [] };
  const task = world.snapshot(ref.agentId).tasks.find((t) => t.id === ref.taskId)!;

  if (action === 'UPDATE_CALL_DATA') {
    updateCallData(world, ref.agentId, task, body);
    return { ...outcome, touched: [ref.agentId] };
  }
  const media: Media = ref.kind === 'media' ? task.media : 'voice';
  const commands = dialogCommands(world, ref, task, media, action, body);
  // From here the CTI decides: a refusal arrives as a notification, after the 202.
  for (const command of commands) {
    try {
      if (command instanceof CcError) throw command;
      world.engine.apply(ref.agentId, command);
    } catch (error) {
      const refusal = CcError.from(error);
      return { ...outcome, refusal: { agentId: ref.agentId, dialog, code: refusal.code, message: refusal.message } };
    }
  }
  return outcome;
}

function currentDialog(world: FinesseWorld, ref: DialogRef, dialogId: string): DialogModel | undefined {
  const snapshot = world.snapshot(ref.agentId);
  const list = ref.kind === 'media' ? world.mediaDialogs(ref.agentId, snapshot) : world.dialogs(ref.agentId, snapshot);
  return list.find((d) => d.id === dialogId);
}

/** The simulator commands a Dialog action needs; a `CcError` in the list is a refusal the CTI gives in its turn. */
function dialogCommands(
  world: FinesseWorld,
  ref: DialogRef,
  task: Task,
  media: Media,
  action: string,
  body: Element,
): (Command | CcError)[] {
  const taskId = task.id;
  const destination = (): { targetId: string } | CcError => {
    const address = childText(body, 'toAddress');
    if (!address) throw parameterMissing('toAddress');
    const target = world.directory.targetAt(address, media);
    return target ? { targetId: target.id } : new CcError('command.notAllowed', `${address} cannot be reached (BAD_DESTINATION).`);
  };
  const wrapUpReasonId = () => {
    const label = world.taskRecord(ref.agentId, task).wrapUpLabel;
    const id = label === undefined ? undefined : world.directory.wrapUpReasonByLabel(label)?.simId;
    return id === undefined ? {} : { reasonId: id };
  };
  switch (action) {
    case 'ANSWER':
    case 'ACCEPT':
      return [{ type: 'task.accept', taskId }];
    case 'HOLD':
      return [{ type: 'call.hold', taskId }];
    case 'RETRIEVE':
      return [{ type: 'call.resume', taskId }];
    case 'DROP':
      if (ref.kind === 'consult') return [{ type: 'call.consultCancel', taskId }];
      return [task.status === 'offered' ? { type: 'task.decline', taskId } : { type: 'task.end', taskId }];
    case 'TRANSFER_SST': {
      const to = destination();
      return [to instanceof CcError ? to : { type: 'call.transfer', taskId, targetId: to.targetId }];
    }
    case 'CONSULT_CALL': {
      const to = destination();
      return [to instanceof CcError ? to : { type: 'call.consult', taskId, targetId: to.targetId }];
    }
    case 'TRANSFER': {
      if (media === 'voice') return [{ type: 'call.consultComplete', taskId }];
      const to = destination();
      return [to instanceof CcError ? to : { type: 'task.transfer', taskId, targetId: to.targetId, ...wrapUpReasonId() }];
    }
    case 'SEND_DTMF': {
      const params = body.getChild('actionParams')?.getChildren('ActionParam') ?? [];
      const digits = params.find((p) => childText(p, 'name') === 'dtmfString');
      const value = digits ? childText(digits, 'value') : undefined;
      if (!value) throw parameterMissing('actionParams/ActionParam[dtmfString]');
      if (!DTMF.test(value)) throw invalidInput('DTMF digits are 0-9, *, # and A-D.', value);
      return [{ type: 'call.dtmf', taskId, digits: value }];
    }
    case 'WRAP_UP':
      return [{ type: 'task.end', taskId }];
    case 'CLOSE':
      return [
        ...(task.status === 'wrapUp' ? [] : [{ type: 'task.end', taskId } as const]),
        { type: 'task.close', taskId, ...wrapUpReasonId() },
      ];
    default:
      throw invalidInput(`${action} is not supported here.`, action);
  }
}

/** UPDATE_CALL_DATA: the wrap-up reason (by label) and call variables, kept by the emulator. */
function updateCallData(world: FinesseWorld, agentId: string, task: Task, body: Element): void {
  const properties = body.getChild('mediaProperties');
  if (!properties) throw parameterMissing('mediaProperties');
  const label = childText(properties, 'wrapUpReason');
  if (label !== undefined && label !== '') {
    if (Buffer.byteLength(label) > MAX_WRAP_UP_BYTES) throw invalidInput(`A wrap-up reason is at most ${MAX_WRAP_UP_BYTES} bytes.`, label);
    if (!world.directory.wrapUpReasonByLabel(label)) throw invalidInput(`"${label}" is not a wrap-up reason.`, label);
  }
  const changes: [string, string][] = [];
  for (const variable of properties.getChild('callvariables')?.getChildren('CallVariable') ?? []) {
    const name = childText(variable, 'name') ?? '';
    const value = childText(variable, 'value') ?? '';
    if (!CALL_VARIABLE.test(name)) throw invalidInput(`${name || '(empty)'} is not a call variable name.`, name);
    const limit = name.startsWith('callVariable') ? MAX_VARIABLE_BYTES : MAX_ECC_BYTES;
    if (Buffer.byteLength(value) > limit) throw invalidInput(`${name} holds at most ${limit} bytes.`, name);
    changes.push([name, value]);
  }
  const record = world.taskRecord(agentId, task);
  if (label !== undefined) record.wrapUpLabel = label === '' ? undefined : label;
  for (const [name, value] of changes) record.callVariables.set(name, value);
}
