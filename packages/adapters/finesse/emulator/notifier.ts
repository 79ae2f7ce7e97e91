// Turns changes into Finesse notifications (brief §9.4): after every change it compares each
// touched user's resources with what was last told and publishes `Update`s for the differences —
// User PUT, Dialogs POST/PUT/DELETE, Media PUT, Dialogs/Media, Team/{id}/Users — echoing the
// `requestId` on the resources a request acted on. Queue statistics go out on their own tick,
// only when they changed.

import type { Element } from 'ltx';
import type { DialogModel } from './models.js';
import type { DataElementCase, EmulatorSettings } from './options.js';
import { CALL_OPERATION_FAILURE } from './options.js';
import type { AsyncRefusal, RequestScope } from './requests.js';
import {
  API,
  apiErrorsXml,
  dialogXml,
  mediaXml,
  queueXml,
  systemInfoXml,
  updateXml,
  userSummaryXml,
  userXml,
  type UpdateEvent,
} from './resources.js';
import type { SystemInfoModel } from './models.js';
import type { FinesseWorld } from './world.js';
import { el } from './xml.js';

/** Where an update goes: the pubsub node, and the Update itself. */
export type Publish = (node: string, update: Element) => void;

type Root = 'user' | 'dialogs' | 'dialog' | 'media' | 'queue' | 'systemInfo' | 'apiErrors';

const ROOTS: Readonly<Record<DataElementCase, Readonly<Record<Root, string>>>> = {
  mixed: {
    user: 'user',
    dialogs: 'dialogs',
    dialog: 'dialog',
    media: 'media',
    queue: 'Queue',
    systemInfo: 'systemInfo',
    apiErrors: 'apiErrors',
  },
  lower: {
    user: 'user',
    dialogs: 'dialogs',
    dialog: 'dialog',
    media: 'media',
    queue: 'queue',
    systemInfo: 'systemInfo',
    apiErrors: 'apiErrors',
  },
  capitalized: {
    user: 'User',
    dialogs: 'Dialogs',
    dialog: 'Dialog',
    media: 'Media',
    queue: 'Queue',
    systemInfo: 'SystemInfo',
    apiErrors: 'ApiErrors',
  },
};

/** The pubsub node names of brief §9.2. */
export const NODES = {
  user: (id: string) => `${API}/User/${id}`,
  dialogs: (id: string) => `${API}/User/${id}/Dialogs`,
  media: (id: string) => `${API}/User/${id}/Media`,
  mediaDialogs: (id: string) => `${API}/User/${id}/Dialogs/Media`,
  queues: (id: string) => `${API}/User/${id}/Queues`,
  queue: (id: string) => `${API}/Queue/${id}`,
  teamUsers: (id: string) => `${API}/Team/${id}/Users`,
  systemInfo: () => `${API}/SystemInfo`,
};

interface Told {
  user: string;
  summary: string;
  readonly dialogs: Map<string, { model: DialogModel; xml: string }>;
  readonly media: Map<string, string>;
  readonly mediaDialogs: Map<string, { model: DialogModel; xml: string }>;
}

const NO_SCOPE: RequestScope = { userIds: new Set(), dialogIds: new Set(), mediaKeys: new Set() };

export class Notifier {
  readonly #world: FinesseWorld;
  readonly #publish: Publish;
  readonly #roots: Readonly<Record<Root, string>>;
  readonly #told = new Map<string, Told>();
  readonly #queuesTold = new Map<string, string>();
  readonly #dirty = new Set<string>();
  #scheduled = false;
  #closed = false;

  constructor(world: FinesseWorld, settings: EmulatorSettings, publish: Publish) {
    this.#world = world;
    this.#publish = publish;
    this.#roots = ROOTS[settings.dataElementCase];
    // What exists now is known, not news: only later changes are published.
    for (const id of world.userIds) this.#compare(id, '', NO_SCOPE, false);
    for (const queue of world.scenario.queues) {
      const model = world.queue(queue.id);
      if (model) this.#queuesTold.set(queue.id, queueXml(model).toString());
    }
  }

  /** A user's resources may have changed: compare them soon (after the current change settles). */
  touch(agentId: string): void {
    if (this.#closed) return;
    this.#dirty.add(agentId);
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => this.flush());
  }

  /** Publishes what changed for every touched user; a request's scope gets its requestId. */
  flush(requestId = '', scope: RequestScope = NO_SCOPE): void {
    this.#scheduled = false;
    if (this.#closed) return;
    const ids = [...this.#dirty];
    this.#dirty.clear();
    for (const id of ids) this.#compare(id, requestId, scope, true);
  }

  /** Queue statistics (brief §6): each queue whose figures changed since last told. */
  publishQueues(): void {
    if (this.#closed) return;
    for (const queue of this.#world.scenario.queues) {
      const model = this.#world.queue(queue.id);
      if (!model) continue;
      const xml = queueXml(model).toString();
      if (this.#queuesTold.get(queue.id) === xml) continue;
      this.#queuesTold.set(queue.id, xml);
      this.#publish(NODES.queue(queue.id), updateXml('PUT', '', NODES.queue(queue.id), queueXml(model, this.#roots.queue)));
    }
  }

  /** A call-control or task refusal from the CTI, after the 202 (brief §1.2). */
  publishRefusal(refusal: AsyncRefusal, requestId: string): void {
    if (this.#closed) return;
    const { dialog } = refusal;
    const node = dialog.kind === 'media' ? NODES.mediaDialogs(refusal.agentId) : NODES.dialogs(refusal.agentId);
    const error = {
      type: CALL_OPERATION_FAILURE,
      message: refusal.message,
      data: refusal.code,
      ...(dialog.mrdId === undefined ? {} : { media: dialog.mrdId }),
    };
    this.#publish(
      node,
      updateXml('PUT', requestId, `${API}/Dialog/${dialog.id}`, apiErrorsXml([error], 'notification', this.#roots.apiErrors)),
    );
  }

  /** A node's SystemInfo changed (brief §2, §10). */
  systemInfoUpdate(info: SystemInfoModel): Element {
    return updateXml('PUT', '', NODES.systemInfo(), systemInfoXml(info, this.#roots.systemInfo));
  }

  close(): void {
    this.#closed = true;
    this.#dirty.clear();
  }

  #compare(agentId: string, requestId: string, scope: RequestScope, publish: boolean): void {
    const world = this.#world;
    const snapshot = world.snapshot(agentId);
    const told = this.#told.get(agentId) ?? { user: '', summary: '', dialogs: new Map(), media: new Map(), mediaDialogs: new Map() };
    this.#told.set(agentId, told);
    const send = (node: string, event: UpdateEvent, rid: string, source: string, data: Element) => {
      if (publish) this.#publish(node, updateXml(event, rid, source, data));
    };

    const user = world.user(agentId, snapshot);
    const userRid = scope.userIds.has(agentId) ? requestId : '';
    const userXmlText = userXml(user).toString();
    if (userXmlText !== told.user) {
      told.user = userXmlText;
      send(NODES.user(agentId), 'PUT', userRid, NODES.user(agentId), userXml(user, this.#roots.user));
    }
    const summary = userSummaryXml(user).toString();
    if (summary !== told.summary) {
      told.summary = summary;
      if (world.isAgent(snapshot.profile)) {
        for (const team of snapshot.profile.teams) {
          send(NODES.teamUsers(team.id), 'PUT', userRid, NODES.user(agentId), userSummaryXml(user, this.#roots.user));
        }
      }
    }

    this.#compareDialogs(agentId, world.dialogs(agentId, snapshot), told.dialogs, requestId, scope, send, NODES.dialogs(agentId), () =>
      NODES.dialogs(agentId),
    );

    for (const media of world.mediaList(agentId, snapshot)) {
      const xml = mediaXml(agentId, media).toString();
      if (told.media.get(media.id) === xml) continue;
      told.media.set(media.id, xml);
      const rid = scope.mediaKeys.has(`${agentId}/${media.id}`) ? requestId : '';
      send(NODES.media(agentId), 'PUT', rid, `${NODES.media(agentId)}/${media.id}`, mediaXml(agentId, media, this.#roots.media));
    }

    this.#compareDialogs(
      agentId,
      world.mediaDialogs(agentId, snapshot),
      told.mediaDialogs,
      requestId,
      scope,
      send,
      NODES.mediaDialogs(agentId),
      (d) => `${NODES.media(agentId)}/${d.mrdId ?? ''}/Dialogs`,
    );
  }

  #compareDialogs(
    agentId: string,
    current: readonly DialogModel[],
    told: Map<string, { model: DialogModel; xml: string }>,
    requestId: string,
    scope: RequestScope,
    send: (node: string, event: UpdateEvent, rid: string, source: string, data: Element) => void,
    node: string,
    collection: (d: DialogModel) => string,
  ): void {
    const roots = this.#roots;
    const rid = (d: DialogModel) =>
      scope.dialogIds.has(d.id) || (d.associatedDialogId !== undefined && scope.dialogIds.has(d.associatedDialogId)) ? requestId : '';
    const seen = new Set<string>();
    for (const dialog of current) {
      seen.add(dialog.id);
      const xml = dialogXml(dialog).toString();
      const before = told.get(dialog.id);
      if (before?.xml === xml) continue;
      told.set(dialog.id, { model: dialog, xml });
      if (before) send(node, 'PUT', rid(dialog), `${API}/Dialog/${dialog.id}`, dialogXml(dialog, roots.dialog));
      else send(node, 'POST', rid(dialog), collection(dialog), el(roots.dialogs, dialogXml(dialog)));
    }
    for (const [id, { model }] of [...told]) {
      if (seen.has(id)) continue;
      told.delete(id);
      send(node, 'DELETE', rid(model), collection(model), el(roots.dialogs, dialogXml(endedDialog(model))));
      // The id is not used again; a call's own records (call variables, wrap-up reason) go with it.
      const ref = this.#world.directory.dialogRef(id);
      if (!ref) continue;
      this.#world.directory.forget(ref);
      if (ref.kind !== 'consult') this.#world.forgetTask(agentId, ref.taskId);
    }
  }
}

/** The final form of a deleted dialog: every participant dropped, nothing left to do. */
function endedDialog(dialog: DialogModel): DialogModel {
  const state = dialog.kind === 'media' ? 'CLOSED' : 'DROPPED';
  return {
    ...dialog,
    state,
    participants: dialog.participants.map((p) => ({ ...p, actions: [], state })),
  };
}
