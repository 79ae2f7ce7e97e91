// Decoders from parsed Finesse XML (REST replies and notification data) to the typed records of
// records.ts. Lenient where the protocol brief says servers vary (element case, optional parts,
// unknown extra elements are ignored); strict on what the adapter relies on: a missing required
// element or an unreadable value (a non-ISO time, an unknown state) is `payload.malformed`.

import type { Element } from 'ltx';
import {
  AGENT_STATES,
  DIALOG_ACTIONS,
  MEDIA_STATES,
  MOBILE_AGENT_MODES,
  PARTICIPANT_STATES,
  REASON_CODE_CATEGORIES,
  SYSTEM_STATUSES,
  TASK_STATES,
  USER_ROLES,
  VOICE_DIALOG_STATES,
  WRAP_UP_MODES,
  type ApiError,
  type CallVariable,
  type Dialog,
  type DialogAction,
  type Media,
  type MediaProperties,
  type Participant,
  type ParticipantState,
  type Queue,
  type QueueStatistics,
  type ReasonCode,
  type ReasonCodes,
  type SystemInfo,
  type SystemNode,
  type Team,
  type TeamRef,
  type User,
  type UserRole,
  type WrapUpReason,
} from './records.js';
import { XmlReader, defined, lastSegment } from './read.js';

/** Either a parsed element (its name labels messages) or a reader from an enclosing decoder. */
export type XmlSource = Element | XmlReader;

function reader(source: XmlSource, resource: string | undefined): XmlReader {
  return source instanceof XmlReader ? source : new XmlReader(source, resource ?? source.getName());
}

/** §2 SystemInfo. */
export function decodeSystemInfo(source: XmlSource, resource?: string): SystemInfo {
  const xml = reader(source, resource);
  return defined({
    uri: xml.token('uri'),
    status: xml.requiredOneOf('status', SYSTEM_STATUSES, 'status'),
    statusReason: xml.text('statusReason'),
    deploymentType: xml.token('deploymentType'),
    xmppDomain: xml.requiredToken('xmppDomain'),
    xmppPubSubDomain: xml.token('xmppPubSubDomain'),
    primaryNode: decodeNode(xml.child('primaryNode')),
    secondaryNode: decodeNode(xml.child('secondaryNode')),
    systemAuthMode: xml.token('systemAuthMode')?.toUpperCase(),
    timezoneOffset: xml.integer('timezoneOffset'),
    currentTimestamp: xml.time('currentTimestamp'),
  });
}

/** A node without a host (finesse.js `isSingleNode`) reads as absent. */
function decodeNode(xml: XmlReader | undefined): SystemNode | undefined {
  const host = xml?.token('host');
  if (xml === undefined || host === undefined) return undefined;
  return defined({
    host,
    httpsPort: xml.integer('httpsPort'),
    xmppPort: xml.integer('xmppPort'),
    xmppSecurePort: xml.integer('xmppSecurePort'),
  });
}

/** §4.1 one ReasonCode; its id is `<id>` or the last segment of `<uri>`. */
export function decodeReasonCode(source: XmlSource, resource?: string): ReasonCode {
  const xml = reader(source, resource);
  const uri = xml.token('uri');
  const id = xml.token('id') ?? lastSegment(uri);
  if (id === undefined) throw xml.missing('id');
  return defined({
    id,
    label: xml.requiredText('label'),
    uri,
    category: xml.oneOf('category', REASON_CODE_CATEGORIES, 'reason code category'),
    code: xml.integer('code'),
    forAll: xml.boolean('forAll'),
    systemCode: xml.boolean('systemCode'),
  });
}

/** §4.1 ReasonCodes (the list's category comes from its attribute, else from its codes). */
export function decodeReasonCodes(source: XmlSource, resource?: string): ReasonCodes {
  const xml = reader(source, resource);
  const reasonCodes = xml.children('ReasonCode').map((code) => decodeReasonCode(code));
  const attribute = attributeOf(xml, 'category')?.toUpperCase();
  const category = REASON_CODE_CATEGORIES.find((known) => known === attribute) ?? commonCategory(reasonCodes);
  return defined({ category, reasonCodes });
}

function commonCategory(codes: readonly ReasonCode[]): ReasonCode['category'] {
  const first = codes[0]?.category;
  return codes.every((code) => code.category === first) ? first : undefined;
}

/** §4.2 one WrapUpReason. */
export function decodeWrapUpReason(source: XmlSource, resource?: string): WrapUpReason {
  const xml = reader(source, resource);
  const label = xml.requiredText('label');
  const uri = xml.token('uri');
  return defined({ id: xml.token('id') ?? lastSegment(uri) ?? label, label, uri, forAll: xml.boolean('forAll') });
}

/** §4.2 WrapUpReasons. */
export function decodeWrapUpReasons(source: XmlSource, resource?: string): readonly WrapUpReason[] {
  return reader(source, resource)
    .children('WrapUpReason')
    .map((reason) => decodeWrapUpReason(reason));
}

/** §3.2 User, and the summary users of a Team (§7). */
export function decodeUser(source: XmlSource, resource?: string): User {
  const xml = reader(source, resource);
  const settings = xml.child('settings');
  return defined({
    uri: xml.token('uri'),
    loginId: xml.requiredToken('loginId'),
    loginName: xml.token('loginName'),
    firstName: xml.text('firstName'),
    lastName: xml.text('lastName'),
    roles: decodeRoles(xml.child('roles')),
    extension: xml.token('extension'),
    state: xml.requiredOneOf('state', AGENT_STATES, 'agent state'),
    stateChangeTime: xml.time('stateChangeTime'),
    pendingState: xml.oneOf('pendingState', AGENT_STATES, 'agent state'),
    reasonCodeId: xml.optionalId('reasonCodeId'),
    reasonCode: embeddedReasonCode(xml),
    settings: defined({
      wrapUpOnIncoming: settings?.oneOf('wrapUpOnIncoming', WRAP_UP_MODES, 'wrap-up mode'),
      wrapUpOnOutgoing: settings?.oneOf('wrapUpOnOutgoing', WRAP_UP_MODES, 'wrap-up mode'),
      deviceSelection: settings?.token('deviceSelection'),
    }),
    mobileAgent: decodeMobileAgent(xml.child('mobileAgent')),
    mediaType: xml.token('mediaType'),
    teamId: xml.token('teamId'),
    teamName: xml.text('teamName'),
    skillTargetId: xml.token('skillTargetId'),
    dialogsUri: xml.token('dialogs'),
    teams: (xml.child('teams')?.children('Team') ?? []).map(decodeTeamRef),
  });
}

/** Roles the adapter does not know (an administrator role, say) are left out. */
function decodeRoles(roles: XmlReader | undefined): readonly UserRole[] {
  const found: UserRole[] = [];
  for (const role of roles?.children('role') ?? []) {
    const name = role.ownText().trim().toLowerCase();
    const known = USER_ROLES.find((candidate) => candidate.toLowerCase() === name);
    if (known && !found.includes(known)) found.push(known);
  }
  return found;
}

/** A `ReasonCode` (any case) inside a User or Media; an empty `<reasonCode/>` means none. */
function embeddedReasonCode(xml: XmlReader): ReasonCode | undefined {
  const element = xml.child('ReasonCode');
  return element === undefined || element.isEmpty() ? undefined : decodeReasonCode(element);
}

function decodeMobileAgent(xml: XmlReader | undefined): User['mobileAgent'] {
  if (xml === undefined || xml.isEmpty()) return undefined;
  return {
    mode: xml.requiredOneOf('mode', MOBILE_AGENT_MODES, 'mobile agent mode'),
    dialNumber: xml.requiredToken('dialNumber'),
  };
}

function decodeTeamRef(xml: XmlReader): TeamRef {
  const uri = xml.token('uri');
  const id = xml.token('id') ?? lastSegment(uri);
  if (id === undefined) throw xml.missing('id');
  return defined({ id, name: xml.text('name'), uri });
}

/** §5.2 / §8.2 one Dialog: voice when `mediaType` is absent or `Voice`, otherwise a task. */
export function decodeDialog(source: XmlSource, resource?: string): Dialog {
  const xml = reader(source, resource);
  const uri = xml.token('uri');
  const id = xml.token('id') ?? lastSegment(uri);
  if (id === undefined) throw xml.missing('id');
  const mediaType = xml.token('mediaType');
  const common = {
    uri,
    id,
    secondaryId: xml.token('secondaryId'),
    associatedDialogUri: xml.token('associatedDialogUri'),
    mediaType,
    fromAddress: xml.token('fromAddress'),
    toAddress: xml.token('toAddress'),
    mediaProperties: decodeMediaProperties(xml.child('mediaProperties')),
  };
  const participants = xml.child('participants')?.children('Participant') ?? [];
  if (mediaType === undefined || mediaType.toLowerCase() === 'voice') {
    return defined({
      ...common,
      kind: 'voice' as const,
      state: xml.requiredOneOf('state', VOICE_DIALOG_STATES, 'dialog state'),
      participants: participants.map((participant) => decodeParticipant(participant, PARTICIPANT_STATES)),
    });
  }
  return defined({
    ...common,
    kind: 'task' as const,
    state: xml.requiredOneOf('state', TASK_STATES, 'task state'),
    participants: participants.map((participant) => decodeParticipant(participant, TASK_PARTICIPANT_STATES)),
  });
}

/** Task participants are documented less well than voice ones: either list is read. */
const TASK_PARTICIPANT_STATES = [...new Set([...TASK_STATES, ...PARTICIPANT_STATES])];

/** §5.2 Dialogs (voice) or the non-voice dialogs of §8.2. */
export function decodeDialogs(source: XmlSource, resource?: string): readonly Dialog[] {
  return reader(source, resource)
    .children('Dialog')
    .map((dialog) => decodeDialog(dialog));
}

function decodeParticipant<State extends ParticipantState | (typeof TASK_PARTICIPANT_STATES)[number]>(
  xml: XmlReader,
  states: readonly State[],
): Participant<State> {
  const actions: DialogAction[] = [];
  for (const action of xml.child('actions')?.children('action') ?? []) {
    const name = action.ownText().trim().toUpperCase();
    const known = DIALOG_ACTIONS.find((candidate) => candidate === name);
    if (known && !actions.includes(known)) actions.push(known);
  }
  const state: State = xml.requiredOneOf('state', states, 'participant state');
  return {
    ...defined({
      mediaAddress: xml.requiredToken('mediaAddress'),
      mediaAddressType: xml.token('mediaAddressType'),
      stateCause: xml.token('stateCause'),
      startTime: xml.time('startTime'),
      stateChangeTime: xml.time('stateChangeTime'),
      actions,
    }),
    state,
  };
}

function decodeMediaProperties(xml: XmlReader | undefined): MediaProperties {
  if (xml === undefined) return { callVariables: [] };
  const callVariables: CallVariable[] = (xml.child('callvariables')?.children('CallVariable') ?? []).map((variable) => ({
    name: variable.requiredToken('name'),
    value: variable.text('value') ?? '',
  }));
  return defined({
    mediaId: xml.token('mediaId'),
    dialedNumber: xml.token('dialedNumber'),
    callType: xml.token('callType'),
    dnis: xml.token('DNIS'),
    queueNumber: xml.token('queueNumber'),
    queueName: xml.text('queueName'),
    callKeyCallId: xml.token('callKeyCallId'),
    callKeySequenceNum: xml.token('callKeySequenceNum'),
    callKeyPrefix: xml.token('callKeyPrefix'),
    wrapUpReason: xml.text('wrapUpReason'),
    callVariables,
  });
}

const QUEUE_STATISTICS = [
  'callsInQueue',
  'agentsReady',
  'agentsNotReady',
  'agentsBusyOther',
  'agentsLoggedOn',
  'agentsTalkingInbound',
  'agentsTalkingOutbound',
  'agentsTalkingInternal',
  'agentsWrapUpNotReady',
  'agentsWrapUpReady',
] as const satisfies readonly (keyof QueueStatistics)[];

/** §6 Queue; statistics of -1 (not collected) and an empty longest-call time read as undefined. */
export function decodeQueue(source: XmlSource, resource?: string): Queue {
  const xml = reader(source, resource);
  const uri = xml.token('uri');
  const id = xml.token('id') ?? lastSegment(uri);
  if (id === undefined) throw xml.missing('uri');
  const statistics = xml.child('statistics');
  const counts = Object.fromEntries(QUEUE_STATISTICS.map((name) => [name, statistics?.integer(name, -1)]));
  return defined({
    id,
    uri,
    name: xml.requiredText('name'),
    statistics: defined({
      ...counts,
      startTimeOfLongestCallInQueue: statistics?.time('startTimeOfLongestCallInQueue'),
    }),
  });
}

/** §6 Queues (a user's queues). */
export function decodeQueues(source: XmlSource, resource?: string): readonly Queue[] {
  return reader(source, resource)
    .children('Queue')
    .map((queue) => decodeQueue(queue));
}

/** §7 Team with its users. */
export function decodeTeam(source: XmlSource, resource?: string): Team {
  const xml = reader(source, resource);
  const uri = xml.token('uri');
  const id = xml.token('id') ?? lastSegment(uri);
  if (id === undefined) throw xml.missing('id');
  return defined({
    id,
    uri,
    name: xml.text('name'),
    users: (xml.child('users')?.children('User') ?? []).map((user) => decodeUser(user)),
  });
}

/** §8.1 Media: the agent in one MRD. */
export function decodeMedia(source: XmlSource, resource?: string): Media {
  const xml = reader(source, resource);
  const uri = xml.token('uri');
  const id = xml.token('id') ?? lastSegment(uri);
  if (id === undefined) throw xml.missing('id');
  return defined({
    id,
    uri,
    name: xml.text('name'),
    description: xml.text('description'),
    state: xml.requiredOneOf('state', MEDIA_STATES, 'media state'),
    stateChangeTime: xml.time('stateChangeTime'),
    reasonCodeId: xml.optionalId('reasonCodeId'),
    reasonCode: embeddedReasonCode(xml),
    maxDialogLimit: xml.integer('maxDialogLimit'),
    interruptAction: xml.oneOf('interruptAction', ['ACCEPT', 'IGNORE'] as const, 'interrupt action'),
    dialogLogoutAction: xml.oneOf('dialogLogoutAction', ['CLOSE', 'TRANSFER'] as const, 'dialog logout action'),
    interruptible: xml.boolean('interruptible'),
    routable: xml.boolean('routable'),
    mediaConnected: xml.boolean('mediaConnected'),
    channel: xml.token('channel'),
    mediaClass: xml.token('mediaClass'),
  });
}

/** §8.1 MediaList. */
export function decodeMediaList(source: XmlSource, resource?: string): readonly Media[] {
  return reader(source, resource)
    .children('Media')
    .map((media) => decodeMedia(media));
}

/** §1.2 `<ApiErrors>` (REST) or `<apiErrors>` (notification): the same elements in either case. */
export function decodeApiErrors(source: XmlSource, resource?: string): readonly ApiError[] {
  return reader(source, resource)
    .children('ApiError')
    .map((error) =>
      defined({
        type: error.token('ErrorType') ?? '',
        message: error.text('ErrorMessage')?.trim() ?? '',
        data: error.text('ErrorData')?.trim() || undefined,
        media: error.token('ErrorMedia'),
      }),
    );
}

function attributeOf(xml: XmlReader, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const entry = Object.entries(xml.element.attrs as Record<string, unknown>).find(([key]) => key.toLowerCase() === wanted);
  return typeof entry?.[1] === 'string' ? entry[1] : undefined;
}
