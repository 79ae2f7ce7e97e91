// Finesse resources written as XML (brief §2–§9): the bodies of GET responses, the `<data>` of
// notifications and the `ApiErrors` of refusals, all built as ltx elements.

import type { Element } from 'ltx';
import type { ReasonCategory, ReasonCodeEntry, WrapUpReasonEntry } from './directory.js';
import type { DialogModel, MediaModel, QueueModel, SystemInfoModel, TeamModel, UserModel } from './models.js';
import { el, elWith, type XmlChild } from './xml.js';

export const API = '/finesse/api';

/** `YYYY-MM-DDThh:MM:ss.SSSZ`, UTC (brief §3.2). */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** `YYYY-MM-DDThh:MM:ssZ` (brief §6, queue statistics). */
function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function reasonCodeXml(reason: ReasonCodeEntry): Element {
  return el(
    'ReasonCode',
    el('uri', `${API}/ReasonCode/${reason.id}`),
    el('category', reason.category),
    el('code', reason.code),
    el('label', reason.label),
    el('forAll', reason.forAll),
    el('systemCode', reason.systemCode),
    el('id', reason.id),
  );
}

export function reasonCodesXml(category: ReasonCategory | undefined, reasons: readonly ReasonCodeEntry[]): Element {
  return elWith('ReasonCodes', category ? { category } : {}, reasons.map(reasonCodeXml));
}

export function wrapUpReasonXml(reason: WrapUpReasonEntry): Element {
  return el(
    'WrapUpReason',
    el('uri', `${API}/WrapUpReason/${reason.id}`),
    el('label', reason.label),
    el('forAll', true),
    el('id', reason.id),
  );
}

export function wrapUpReasonsXml(reasons: readonly WrapUpReasonEntry[]): Element {
  return el('WrapUpReasons', reasons.map(wrapUpReasonXml));
}

/** The full User (brief §3.2); `name` is the root element (`user` inside notifications). */
export function userXml(user: UserModel, name = 'User'): Element {
  return el(
    name,
    el('uri', `${API}/User/${user.loginId}`),
    el('loginId', user.loginId),
    el('loginName', user.loginName),
    el('firstName', user.firstName),
    el('lastName', user.lastName),
    el(
      'roles',
      user.roles.map((role) => el('role', role)),
    ),
    el('extension', user.extension),
    el('state', user.state),
    el('stateChangeTime', isoTime(user.stateChangeTime)),
    el('pendingState', user.pendingState),
    el('reasonCodeId', user.reasonCode?.id ?? -1),
    user.reasonCode ? reasonCodeXml(user.reasonCode) : undefined,
    el('settings', el('wrapUpOnIncoming', user.wrapUpOnIncoming), el('wrapUpOnOutgoing', user.wrapUpOnOutgoing)),
    user.mobileAgent ? el('mobileAgent', el('mode', user.mobileAgent.mode), el('dialNumber', user.mobileAgent.dialNumber)) : undefined,
    el('mediaType', 1),
    el('teamId', user.teamId),
    el('teamName', user.teamName),
    el('skillTargetId', user.loginId),
    el('dialogs', `${API}/User/${user.loginId}/Dialogs`),
    el(
      'teams',
      user.teams.map((team) => el('Team', el('uri', `${API}/Team/${team.id}`), el('id', team.id), el('name', team.name))),
    ),
  );
}

/** The summary User of a Team (brief §7), also the data of Team/{id}/Users notifications. */
export function userSummaryXml(user: UserModel, name = 'User'): Element {
  return el(
    name,
    el('uri', `${API}/User/${user.loginId}`),
    el('loginId', user.loginId),
    el('firstName', user.firstName),
    el('lastName', user.lastName),
    el('extension', user.extension),
    el('state', user.state),
    el('stateChangeTime', isoTime(user.stateChangeTime)),
    el('pendingState', user.pendingState),
    el('reasonCodeId', user.reasonCode?.id ?? -1),
    user.reasonCode ? reasonCodeXml(user.reasonCode) : el('reasonCode'),
    el('dialogs', `${API}/User/${user.loginId}/Dialogs`),
  );
}

export function dialogXml(dialog: DialogModel, name = 'Dialog'): Element {
  return el(
    name,
    el('uri', `${API}/Dialog/${dialog.id}`),
    el('id', dialog.id),
    el('secondaryId'),
    el('associatedDialogUri', dialog.associatedDialogId === undefined ? '' : `${API}/Dialog/${dialog.associatedDialogId}`),
    el('mediaType', dialog.mediaType),
    el('fromAddress', dialog.fromAddress),
    el('toAddress', dialog.toAddress),
    el('state', dialog.state),
    el(
      'mediaProperties',
      el('mediaId', dialog.mediaId),
      el('dialedNumber', dialog.dialedNumber),
      el('callType', dialog.callType),
      el('DNIS', dialog.dnis),
      el('queueNumber', dialog.queueNumber),
      el('queueName', dialog.queueName),
      dialog.kind === 'media' ? undefined : [el('callKeyCallId', dialog.id), el('callKeySequenceNum', 1), el('callKeyPrefix', 1)],
      el('wrapUpReason', dialog.wrapUpReason),
      el(
        'callvariables',
        dialog.callVariables.map(([name, value]) => el('CallVariable', el('name', name), el('value', value))),
      ),
    ),
    el(
      'participants',
      dialog.participants.map((p) =>
        el(
          'Participant',
          el(
            'actions',
            p.actions.map((action) => el('action', action)),
          ),
          el('mediaAddress', p.mediaAddress),
          el('mediaAddressType', p.mediaAddressType),
          el('startTime', isoTime(p.startTime)),
          el('state', p.state),
          el('stateCause', p.stateCause),
          el('stateChangeTime', isoTime(p.stateChangeTime)),
        ),
      ),
    ),
  );
}

export function dialogsXml(dialogs: readonly DialogModel[], name = 'Dialogs'): Element {
  return el(
    name,
    dialogs.map((d) => dialogXml(d)),
  );
}

export function mediaXml(agentId: string, media: MediaModel, name = 'Media'): Element {
  return el(
    name,
    el('uri', `${API}/User/${agentId}/Media/${media.id}`),
    el('id', media.id),
    el('name', media.name),
    el('description', media.name),
    el('state', media.state),
    el('stateChangeTime', isoTime(media.stateChangeTime)),
    el('reasonCodeId', media.reasonCode?.id ?? -1),
    media.reasonCode ? reasonCodeXml(media.reasonCode) : undefined,
    el('maxDialogLimit', media.maxDialogLimit),
    el('interruptAction', media.interruptAction),
    el('dialogLogoutAction', media.dialogLogoutAction),
    el('interruptible', true),
    el('routable', media.routable),
    el('mediaConnected', true),
    el('dialogs', `${API}/User/${agentId}/Media/${media.id}/Dialogs`),
  );
}

export function mediaListXml(agentId: string, list: readonly MediaModel[]): Element {
  return el(
    'MediaList',
    list.map((m) => mediaXml(agentId, m)),
  );
}

export function queueXml(queue: QueueModel, name = 'Queue'): Element {
  const s = queue.statistics;
  return el(
    name,
    el('uri', `${API}/Queue/${queue.id}`),
    el('id', queue.id),
    el('name', queue.name),
    queue.mediaType === undefined ? undefined : el('mediaType', queue.mediaType),
    el(
      'statistics',
      el('callsInQueue', s.callsInQueue),
      el('startTimeOfLongestCallInQueue', s.startTimeOfLongestCallInQueue === undefined ? '' : isoSeconds(s.startTimeOfLongestCallInQueue)),
      el('agentsReady', s.agentsReady),
      el('agentsNotReady', s.agentsNotReady),
      el('agentsBusyOther', s.agentsBusyOther),
      el('agentsLoggedOn', s.agentsLoggedOn),
      el('agentsTalkingInbound', s.agentsTalkingInbound),
      el('agentsTalkingOutbound', s.agentsTalkingOutbound),
      el('agentsTalkingInternal', s.agentsTalkingInternal),
      el('agentsWrapUpNotReady', s.agentsWrapUpNotReady),
      el('agentsWrapUpReady', s.agentsWrapUpReady),
    ),
  );
}

export function queuesXml(queues: readonly QueueModel[]): Element {
  return el(
    'Queues',
    queues.map((q) => queueXml(q)),
  );
}

export function teamXml(team: TeamModel, name = 'Team'): Element {
  return el(
    name,
    el('uri', `${API}/Team/${team.id}`),
    el('id', team.id),
    el('name', team.name),
    el(
      'users',
      team.users.map((u) => userSummaryXml(u)),
    ),
  );
}

function nodeXml(name: string, node: SystemInfoModel['primaryNode'] | undefined): Element | undefined {
  if (!node) return undefined;
  return el(name, el('host', node.host), el('httpsPort', node.restPort), el('xmppPort', node.xmppPort), el('xmppSecurePort'));
}

export function systemInfoXml(info: SystemInfoModel, name = 'SystemInfo'): Element {
  return el(
    name,
    el('uri', `${API}/SystemInfo`),
    el('status', info.status),
    el('statusReason', info.statusReason),
    el('deploymentType', info.deploymentType),
    el('license'),
    el('xmppDomain', info.xmppDomain),
    el('xmppPubSubDomain', info.xmppPubSubDomain),
    nodeXml('primaryNode', info.primaryNode),
    nodeXml('secondaryNode', info.secondaryNode),
    el('systemAuthMode', info.systemAuthMode),
    el('timezoneOffset', info.timezoneOffset),
    el('currentTimestamp', isoTime(info.currentTimestamp)),
  );
}

/** One refusal: Finesse's ErrorType, a readable message and the data it concerns. */
export interface ApiErrorInfo {
  readonly type: string;
  readonly message: string;
  readonly data: string;
  /** Non-voice errors name the MRD (brief §1.2). */
  readonly media?: string;
}

/** `ApiErrors` of a synchronous refusal (capitalized) or `apiErrors` of a notification (lower case). */
export function apiErrorsXml(errors: readonly ApiErrorInfo[], style: 'response' | 'notification', rootName?: string): Element {
  if (style === 'response') {
    return el(
      rootName ?? 'ApiErrors',
      errors.map((e) => el('ApiError', el('ErrorType', e.type), el('ErrorMessage', e.message), el('ErrorData', e.data))),
    );
  }
  return el(
    rootName ?? 'apiErrors',
    errors.map((e) =>
      el(
        'apiError',
        el('errorData', e.data),
        el('errorMessage', e.message),
        el('errorType', e.type),
        e.media === undefined ? undefined : el('errorMedia', e.media),
      ),
    ),
  );
}

export type UpdateEvent = 'PUT' | 'POST' | 'DELETE';

/** The `Update` envelope of a notification (brief §9.4). */
export function updateXml(event: UpdateEvent, requestId: string, source: string, data: XmlChild): Element {
  return el('Update', el('event', event), el('requestId', requestId), el('source', source), el('data', data));
}
