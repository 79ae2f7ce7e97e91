// What the simulated server checks before an agent's message goes out, and what it checks on the
// files customers send: the reply permission (DX-1), the composer limit (TP-6), the attachment
// rules of the medium (TP-7, EM-5) and the PCI rule — outbound files failing it are removed and
// the rest is sent; inbound ones are kept but blocked, with the reason (EM-5).

import {
  can,
  checkAttachments,
  composerCheck,
  failsPci,
  fileFormat,
  formatBytes,
  type Attachment,
  type AttachmentRules,
  type CcError,
  type DigitalSettings,
  type ErrorCode,
  type ErrorInfo,
  type Media,
  type OutgoingMessage,
  type Role,
} from '@cc-elements/core';
import { toAttachment, type InboundAttachment } from './customers.js';

export const MEDIA_NAMES: Readonly<Record<Media, string>> = { voice: 'Voice', chat: 'Chat', sms: 'SMS', social: 'Social', email: 'Email' };

type Refuse = (code: ErrorCode, message: string) => CcError;

/** EM-5: why a file fails the PCI rule, in words, or undefined when it passes (the core's rule decides). */
export function pciFailure(name: string, rules: AttachmentRules): string | undefined {
  if (!failsPci(name, rules)) return undefined;
  const format = fileFormat(name);
  return format !== '' && rules.pciBlockedFormats.includes(format)
    ? `.${format} files are not allowed (PCI).`
    : 'The file name looks like a card number (PCI).';
}

/** EM-5: files a customer sent, each kept; those failing PCI are blocked with the reason and no link. */
export function receivedAttachments(
  files: readonly InboundAttachment[],
  rules: AttachmentRules | undefined,
  idOf: (index: number) => string,
  blocked: (reason: string) => ErrorInfo,
): Attachment[] {
  return files.map((file, index) => {
    const attachment = toAttachment(idOf(index), file);
    const reason = rules && pciFailure(file.name, rules);
    if (!reason) return attachment;
    const { url: _withheld, ...rest } = attachment;
    return { ...rest, blocked: blocked(reason) };
  });
}

export interface CheckedMessage {
  /** The files that go out. */
  readonly attachments: Attachment[];
  /** EM-5: names of the files the PCI rule removed. */
  readonly removed: string[];
}

export interface MessageContext {
  readonly media: Media;
  readonly settings: DigitalSettings;
  readonly role: Role;
}

const EMAIL_ADDRESS = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;

/**
 * Everything the server checks before a message goes out. Throws the refusal a person can act on;
 * otherwise returns the files that go and the ones PCI removed.
 */
export function checkOutgoing(message: OutgoingMessage, { media, settings, role }: MessageContext, refuse: Refuse): CheckedMessage {
  const name = MEDIA_NAMES[media];
  // DX-1: without `reply` the agent's messages are drafts someone else approves.
  if (!can(settings, media, role, 'reply')) {
    throw refuse(
      'profile.forbidden',
      `You may not reply on ${name} yourself: your messages need a supervisor's approval. Ask a supervisor to send it.`,
    );
  }
  if (message.clientId.trim() === '') throw refuse('payload.malformed', 'A message needs a clientId to follow its receipts.');
  checkEmail(message, media, refuse);
  // TP-6: the chat, SMS and social composer has a limit, counted as a person counts characters; an email body has none (seed 002).
  const { length, over } = composerCheck(message.text ?? '', settings.composerLimit);
  if (media !== 'email' && over > 0) {
    throw refuse('message.tooLong', `The message is ${length} characters long; the limit is ${settings.composerLimit}. Remove ${over}.`);
  }
  const { attachments, removed } = checkFiles(message, media, settings.attachments[media], refuse);
  const hasBody = (message.text ?? '').trim() !== '' || (message.html ?? '').trim() !== '';
  if (!hasBody && attachments.length === 0) {
    throw refuse(
      'command.notAllowed',
      removed.length > 0
        ? `Nothing was sent: every file failed the PCI rule (${removed.join(', ')}).`
        : 'Type a message or attach a file first.',
    );
  }
  return { attachments, removed };
}

function checkEmail(message: OutgoingMessage, media: Media, refuse: Refuse): void {
  const { email } = message;
  if (media !== 'email') {
    if (email) throw refuse('command.notAllowed', `A ${MEDIA_NAMES[media]} message has no email fields.`);
    return;
  }
  if (!email) throw refuse('command.notAllowed', 'An email needs its recipients and subject.');
  if (email.to.length === 0) throw refuse('command.notAllowed', 'Add at least one recipient in To.');
  const wrong = [...email.to, ...email.cc].find((address) => !EMAIL_ADDRESS.test(address));
  if (wrong !== undefined) throw refuse('command.notAllowed', `"${wrong}" is not an email address.`);
  if (email.subject.trim() === '') throw refuse('command.notAllowed', 'The email needs a subject.');
}

/** TP-7/EM-5: the core's attachment rule; files failing PCI are removed, any other refusal refuses the message. */
function checkFiles(message: OutgoingMessage, media: Media, rules: AttachmentRules | undefined, refuse: Refuse): CheckedMessage {
  const files = message.attachments ?? [];
  if (files.length === 0) return { attachments: [], removed: [] };
  if (!rules) throw refuse('attachment.refused', `${MEDIA_NAMES[media]} messages cannot carry files.`);
  const { accepted, refused } = checkAttachments([], files, rules);
  const problem = refused.find((r) => r.reason !== 'pci');
  if (problem) {
    const { file } = problem;
    switch (problem.reason) {
      case 'format':
        throw refuse('attachment.refused', `${file.name} cannot be sent: allowed formats are ${rules.formats.join(', ')}.`);
      case 'tooLarge':
        throw refuse('attachment.refused', `${file.name} is ${size(file.size)}; files may be up to ${size(rules.maxSizeBytes)}.`);
      default:
        throw refuse(
          'attachment.refused',
          `Attach at most ${rules.maxCount} files; this message has ${files.length - refused.filter((r) => r.reason === 'pci').length}.`,
        );
    }
  }
  const attachments = accepted.map((file, index) => ({
    id: `${message.clientId}-a${index + 1}`,
    name: file.name,
    size: file.size,
    type: file.type,
    ...(file.inline ? { inline: true } : {}),
  }));
  return { attachments, removed: refused.map((r) => r.file.name) };
}

function size(bytes: number): string {
  return formatBytes(bytes, 'en');
}
