// Finesse notifications (§9.3, §9.4): the pubsub items of an XMPP message, and the Update XML
// carried as text inside each, decoded by the root element of its `<data>`.

import type { Element } from 'ltx';
import {
  decodeApiErrors,
  decodeDialog,
  decodeDialogs,
  decodeMedia,
  decodeMediaList,
  decodeQueue,
  decodeQueues,
  decodeSystemInfo,
  decodeTeam,
  decodeUser,
} from './decode.js';
import { parseXml, type XmlLimits } from './parse.js';
import { XmlReader } from './read.js';
import { UPDATE_EVENTS, type Update, type UpdateData } from './records.js';

const PUBSUB_EVENT_NS = 'http://jabber.org/protocol/pubsub#event';

/** One pubsub item of an XMPP message: the node it was published on and the Update XML text. */
export interface PubsubNotification {
  readonly node: string;
  readonly itemId?: string;
  /** The Update document, still as text (parse it with `decodeUpdate`). */
  readonly text: string;
}

/**
 * The Finesse notifications an XMPP `<message>` carries (none for any other stanza). The namespace
 * of `<notification>` is UNVERIFIED, so only the pubsub event's is checked. A server that puts the
 * Update in as an element rather than escaped text is read too.
 */
export function readPubsubNotifications(message: Element): PubsubNotification[] {
  const found: PubsubNotification[] = [];
  for (const event of message.getChildren('event', PUBSUB_EVENT_NS)) {
    for (const items of event.getChildren('items')) {
      const node = items.attrs.node;
      if (typeof node !== 'string') continue;
      for (const item of items.getChildren('item')) {
        const notification = item.getChildElements().find((child) => child.getName() === 'notification');
        if (!notification) continue;
        const embedded = notification.getChildElements()[0];
        const text = notification.getText().trim() !== '' || !embedded ? notification.getText() : embedded.toString();
        const itemId = typeof item.attrs.id === 'string' ? item.attrs.id : undefined;
        found.push(itemId === undefined ? { node, text } : { node, itemId, text });
      }
    }
  }
  return found;
}

/**
 * Parses and decodes the Update text of a notification. Throws `CcError('payload.malformed')`
 * for hostile or ill-formed XML, a root other than `<Update>`, a missing `event` or `source`, or
 * data the decoders refuse; a `<data>` root this adapter does not read is `{ kind: 'unknown' }`.
 */
export function decodeUpdate(text: string, limits?: XmlLimits): Update {
  const root = parseXml(text, limits ? { what: 'notification', root: 'Update', limits } : { what: 'notification', root: 'Update' });
  return decodeUpdateElement(root);
}

/** Decodes an already parsed `<Update>` element (see `decodeUpdate`). */
export function decodeUpdateElement(root: Element): Update {
  const xml = new XmlReader(root, 'notification');
  const event = xml.requiredOneOf('event', UPDATE_EVENTS, 'event');
  const source = xml.requiredToken('source');
  const requestId = xml.token('requestId');
  const data = decodeData(xml.child('data'));
  return requestId === undefined ? { event, source, data } : { event, requestId, source, data };
}

function decodeData(data: XmlReader | undefined): UpdateData {
  const content = data?.elements()[0];
  if (content === undefined) return { kind: 'empty' };
  const root = content.element.getName();
  // A fresh reader per resource, so messages say "the server's Dialog notification has no <state>".
  const element = content.element;
  switch (root.toLowerCase()) {
    case 'user':
      return { kind: 'user', user: decodeUser(element, 'User notification') };
    case 'dialogs':
      return { kind: 'dialogs', dialogs: decodeDialogs(element, 'Dialogs notification') };
    case 'dialog':
      return { kind: 'dialog', dialog: decodeDialog(element, 'Dialog notification') };
    case 'queue':
      return { kind: 'queue', queue: decodeQueue(element, 'Queue notification') };
    case 'queues':
      return { kind: 'queues', queues: decodeQueues(element, 'Queues notification') };
    case 'team':
      return { kind: 'team', team: decodeTeam(element, 'Team notification') };
    case 'media':
      return { kind: 'media', media: decodeMedia(element, 'Media notification') };
    case 'medialist':
      return { kind: 'mediaList', mediaList: decodeMediaList(element, 'MediaList notification') };
    case 'systeminfo':
      return { kind: 'systemInfo', systemInfo: decodeSystemInfo(element, 'SystemInfo notification') };
    case 'apierrors':
      return { kind: 'apiErrors', errors: decodeApiErrors(element, 'error notification') };
    default:
      return { kind: 'unknown', root };
  }
}
