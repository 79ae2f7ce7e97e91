// TP-7 and EM-5: which files the agent may attach (size, format, count and the PCI rule the
// backend configures), why a received attachment is greyed out, and the size shown in previews.

import type { ErrorInfo } from '../model/channel.js';
import type { AttachmentRules } from '../model/digital.js';
import type { Attachment } from '../model/message.js';

/** What the rules read of a file: a browser `File` fits as is. */
export interface FileFacts {
  readonly name: string;
  /** Bytes. */
  readonly size: number;
  /** MIME type, as the browser guessed it (not used for the format: extensions are what admins configure). */
  readonly type: string;
}

export const ATTACHMENT_REFUSALS = ['pci', 'format', 'tooLarge', 'tooMany'] as const;
export type AttachmentRefusal = (typeof ATTACHMENT_REFUSALS)[number];

export interface RefusedFile<F extends FileFacts = FileFacts> {
  readonly file: F;
  readonly reason: AttachmentRefusal;
  /** `tooLarge`: the most bytes; `tooMany`: the most files. */
  readonly limit?: number;
}

export interface AttachmentCheck<F extends FileFacts = FileFacts> {
  /** Files to add, in the order given. */
  readonly accepted: readonly F[];
  readonly refused: readonly RefusedFile<F>[];
}

/** A file's format: its extension, lower case, without the dot; '' when it has none (".env" has none). */
export function fileFormat(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/** A configured format as compared: lower case, a leading dot tolerated. */
const normalFormat = (format: string) => format.replace(/^\./, '').toLowerCase();

/**
 * EM-5: whether a file name fails the PCI rule (a blocked format, or a name matching a pattern).
 * A pattern the backend sent that is not a valid regular expression blocks every file: a broken
 * compliance rule must not let card data through.
 */
export function failsPci(name: string, rules: Pick<AttachmentRules, 'pciBlockedFormats' | 'pciNamePatterns'>): boolean {
  const format = fileFormat(name);
  if (format !== '' && rules.pciBlockedFormats.some((blocked) => normalFormat(blocked) === format)) return true;
  return rules.pciNamePatterns.some((source) => {
    try {
      return new RegExp(source, 'iu').test(name);
    } catch {
      return true;
    }
  });
}

/**
 * TP-7/EM-5: which of the files the agent dropped or picked are added next to those already
 * attached. Checked in this order, one reason per file: PCI (outbound files failing it are removed),
 * format (empty `formats` allows any), size, then the count (existing files first, then in order).
 */
export function checkAttachments<F extends FileFacts>(
  existing: readonly FileFacts[],
  added: readonly F[],
  rules: AttachmentRules,
): AttachmentCheck<F> {
  const formats = new Set(rules.formats.map(normalFormat));
  const accepted: F[] = [];
  const refused: RefusedFile<F>[] = [];
  for (const file of added) {
    if (failsPci(file.name, rules)) refused.push({ file, reason: 'pci' });
    else if (formats.size > 0 && !formats.has(fileFormat(file.name))) refused.push({ file, reason: 'format' });
    else if (file.size > rules.maxSizeBytes) refused.push({ file, reason: 'tooLarge', limit: rules.maxSizeBytes });
    else if (existing.length + accepted.length >= rules.maxCount) refused.push({ file, reason: 'tooMany', limit: rules.maxCount });
    else accepted.push(file);
  }
  return { accepted, refused };
}

/** EM-5: why a received attachment is greyed out — the backend's own reason, or the PCI rule. */
export type InboundBlock = { readonly reason: 'backend'; readonly error: ErrorInfo } | { readonly reason: 'pci' };

/**
 * EM-5: whether a received attachment is greyed out (not downloadable) and why, for the banner above
 * the composer; undefined when it may be downloaded. The backend's verdict wins; the medium's PCI
 * rule is applied too, so a file the backend let through is not offered if it fails it.
 */
export function inboundBlocked(attachment: Pick<Attachment, 'name' | 'blocked'>, rules?: AttachmentRules): InboundBlock | undefined {
  if (attachment.blocked) return { reason: 'backend', error: attachment.blocked };
  if (rules && failsPci(attachment.name, rules)) return { reason: 'pci' };
  return undefined;
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/**
 * TP-7/EM-5: a file size for previews and limits, in the agent's locale ("1,5 Mo" in French). Steps
 * of 1024, as file managers on Windows show them; whole bytes spelled out ("512 bytes").
 */
export function formatBytes(bytes: number, locale?: string | readonly string[]): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  // Rounding may reach 1024 ("1024 kB"): show the next unit instead.
  if (unit < UNITS.length - 1 && Math.round(value * 10) / 10 >= 1024) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale as string | string[] | undefined, {
    style: 'unit',
    unit: UNITS[unit]!,
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
