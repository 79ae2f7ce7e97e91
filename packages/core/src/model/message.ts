// The conversation of a digital task (TP-5, EM-2): customer, agent and bot messages, life-cycle
// announcements (TP-11), delivery receipts (TP-12), attachments (TP-7, EM-5) and, for email, the
// headers each email carries. Bodies are kept as the backend sent them; widgets sanitise HTML
// (DOMPurify) before showing it and never trust it.

import type { ErrorInfo } from './channel.js';

export const MESSAGE_AUTHORS = ['customer', 'agent', 'bot', 'system'] as const;
/** `bot`: self-service history before the agent (TP-5); `system`: an announcement (TP-11). */
export type MessageAuthor = (typeof MESSAGE_AUTHORS)[number];

/** TP-12: an outgoing message's progress; `failed` carries its error. */
export const RECEIPTS = ['sending', 'sent', 'delivered', 'read', 'failed'] as const;
export type Receipt = (typeof RECEIPTS)[number];

export interface Attachment {
  readonly id: string;
  readonly name: string;
  /** Bytes. */
  readonly size: number;
  /** MIME type, as the sender declared it. */
  readonly type: string;
  /** Where to download it (received attachments). */
  readonly url?: string;
  /** EM-5: an image shown in the email body rather than listed. */
  readonly inline?: boolean;
  /** EM-5: an inbound attachment that failed PCI validation: greyed out, not downloadable, with the reason. */
  readonly blocked?: ErrorInfo;
}

/** EM-2: what an email adds to a message. */
export interface EmailHeaders {
  readonly from: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
  /** EM-2: a delivery report (bounce, out of office) is shown as such. */
  readonly kind: 'received' | 'sent' | 'deliveryReport';
}

export const ANNOUNCEMENT_KINDS = ['assigned', 'transferred', 'workflow', 'closed', 'customerLeft', 'inactivityExtended'] as const;
export type AnnouncementKind = (typeof ANNOUNCEMENT_KINDS)[number];

export interface Message {
  readonly id: string;
  readonly taskId: string;
  readonly author: MessageAuthor;
  /** The person or bot shown with the bubble (TP-5: agent name; history keeps earlier agents after a transfer). */
  readonly authorName?: string;
  /** Scheduler time (ms) it was written or received. */
  readonly at: number;
  /** Plain text (chat, SMS, social, or an email's text part). */
  readonly text?: string;
  /** An email's HTML body, untrusted: sanitise before display. */
  readonly html?: string;
  readonly attachments?: readonly Attachment[];
  /** TP-12: only on agent messages. */
  readonly receipt?: Receipt;
  readonly error?: ErrorInfo;
  readonly email?: EmailHeaders;
  /** TP-11: a life-cycle event, with its own words from the backend when it has them. */
  readonly announcement?: AnnouncementKind;
}

/** TP-5: the thread as loaded for a task. */
export interface Thread {
  readonly status: 'loading' | 'loaded' | 'failed';
  readonly messages: readonly Message[];
  readonly error?: ErrorInfo;
}

/** TP-13/EM-7: what the agent typed and has not sent, per conversation. Attachments are not kept. */
export interface Draft {
  readonly text?: string;
  /** EM-4: the editor's HTML (produced from its schema). */
  readonly html?: string;
  /** EM-3: the email's fields as the agent left them. */
  readonly email?: {
    readonly mode: 'reply' | 'replyAll' | 'forward' | 'new';
    readonly to: readonly string[];
    readonly cc: readonly string[];
    readonly subject: string;
  };
}
