// TP-6 and TP-9: what the chat/SMS/social composer allows — the character limit as a person counts
// characters, which keystroke sends on which medium, and the one-style-per-selection formatting
// social platforms can show.

import type { Media } from '../model/channel.js';
import type { ChannelType } from '../model/digital.js';

export interface ComposerCheck {
  /** User-perceived characters (graphemes): an emoji, a flag or an accented letter counts once. */
  readonly length: number;
  /** How many characters past the limit; 0 within it. */
  readonly over: number;
  readonly canSend: boolean;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function graphemesOf(text: string): { readonly segment: string; readonly index: number }[] {
  return Array.from(graphemes.segment(text), ({ segment, index }) => ({ segment, index }));
}

/** TP-6: the count shown under the composer and whether Send is enabled; attachments alone can be sent (TP-7). */
export function composerCheck(text: string, limit: number, attachments = 0): ComposerCheck {
  let length = 0;
  for (const _ of graphemes.segment(text)) length += 1;
  const over = Math.max(0, length - limit);
  return { length, over, canSend: over === 0 && (text.trim() !== '' || attachments > 0) };
}

export const SEND_KEYS = ['enter', 'modEnter'] as const;
/** `modEnter` is Ctrl+Enter, or Cmd+Enter on a Mac. */
export type SendKey = (typeof SEND_KEYS)[number];

/**
 * TP-6: Enter sends in chat; SMS and social, where a message costs more to take back, send with
 * Ctrl/Cmd+Enter. An integration channel type (DX-7) behaves as the medium it declares.
 */
export function sendKey(media: Media | Pick<ChannelType, 'media'>): SendKey {
  return (typeof media === 'string' ? media : media.media) === 'chat' ? 'enter' : 'modEnter';
}

/** The parts of a KeyboardEvent the rule reads (the core has no DOM types). */
export interface Keystroke {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  /** True while an input method (Japanese, Chinese, …) composes: Enter then confirms the word. */
  readonly isComposing: boolean;
}

/**
 * TP-6/KB: whether a keystroke in the composer sends. Shift+Enter is always a new line; Ctrl/Cmd+Enter
 * sends everywhere (KB); plain Enter sends only where `sendKey` is `enter`.
 */
export function isSendKeystroke(media: Media | Pick<ChannelType, 'media'>, key: Keystroke): boolean {
  if (key.key !== 'Enter' || key.isComposing || key.shiftKey) return false;
  return key.ctrlKey || key.metaKey || sendKey(media) === 'enter';
}

export const SOCIAL_STYLES = ['bold', 'italic', 'strikethrough'] as const;
export type SocialStyle = (typeof SOCIAL_STYLES)[number];

/** Offsets in UTF-16 code units, as a textarea's `selectionStart`/`selectionEnd`. */
export interface TextSelection {
  readonly start: number;
  readonly end: number;
}

export interface StyledText {
  readonly text: string;
  readonly selection: TextSelection;
}

// Social platforms show no markup, only characters: the "styles" are Unicode mathematical
// sans-serif letters (the sans-serif ranges have no holes, unlike serif italic's missing "h") and
// the combining long stroke overlay. Italic digits do not exist, so digits stay upright in italic.
const STRIKE = '\u0336';
const BOLD = { upper: 0x1d5d4, lower: 0x1d5ee, digit: 0x1d7ec } as const;
const ITALIC = { upper: 0x1d608, lower: 0x1d622 } as const;

const STYLED_TO_PLAIN = new Map<number, { readonly plain: string; readonly style: 'bold' | 'italic' }>();
for (let i = 0; i < 26; i += 1) {
  const upper = String.fromCharCode(65 + i);
  const lower = String.fromCharCode(97 + i);
  STYLED_TO_PLAIN.set(BOLD.upper + i, { plain: upper, style: 'bold' });
  STYLED_TO_PLAIN.set(BOLD.lower + i, { plain: lower, style: 'bold' });
  STYLED_TO_PLAIN.set(ITALIC.upper + i, { plain: upper, style: 'italic' });
  STYLED_TO_PLAIN.set(ITALIC.lower + i, { plain: lower, style: 'italic' });
}
for (let i = 0; i < 10; i += 1) STYLED_TO_PLAIN.set(BOLD.digit + i, { plain: String(i), style: 'bold' });

function styledChar(char: string, style: 'bold' | 'italic'): string | undefined {
  const code = char.charCodeAt(0);
  const base = style === 'bold' ? BOLD : ITALIC;
  if (char.length !== 1) return undefined;
  if (code >= 65 && code <= 90) return String.fromCodePoint(base.upper + code - 65);
  if (code >= 97 && code <= 122) return String.fromCodePoint(base.lower + code - 97);
  if (code >= 48 && code <= 57 && 'digit' in base) return String.fromCodePoint(base.digit + code - 48);
  return undefined;
}

/** The selection's text with every social style taken off (accented letters recomposed). */
function plainOf(text: string): string {
  let plain = '';
  for (const char of text) {
    if (char === STRIKE) continue;
    plain += STYLED_TO_PLAIN.get(char.codePointAt(0)!)?.plain ?? char;
  }
  return plain.normalize('NFC');
}

/** Plain text in one style. Accents are kept as combining marks on the styled letter ("é" → "𝗲́"). */
function applyStyle(plain: string, style: SocialStyle): string {
  if (style === 'strikethrough') {
    // After every grapheme but line breaks, spaces included, so the line runs unbroken.
    return graphemesOf(plain)
      .map(({ segment }) => (/^[\r\n]+$/.test(segment) ? segment : segment + STRIKE))
      .join('');
  }
  let styled = '';
  for (const char of plain.normalize('NFD')) styled += styledChar(char, style) ?? char;
  return styled;
}

/** Whether every character that can carry `style` carries it (and at least one does). */
function hasStyle(text: string, style: SocialStyle): boolean {
  if (style === 'strikethrough') {
    const marked = graphemesOf(text).filter(({ segment }) => !/^[\r\n]+$/.test(segment));
    return marked.length > 0 && marked.every(({ segment }) => segment.endsWith(STRIKE));
  }
  let any = false;
  for (const char of text.normalize('NFD')) {
    const styled = STYLED_TO_PLAIN.get(char.codePointAt(0)!);
    if (styled) {
      if (styled.style !== style) return false;
      any = true;
    } else if (styledChar(char, style) !== undefined) return false;
  }
  return any;
}

/** The selection, ordered, inside the text and widened so it never splits a character. */
function wholeCharacters(text: string, selection: TextSelection): TextSelection {
  const from = Math.max(0, Math.min(selection.start, selection.end, text.length));
  const to = Math.min(text.length, Math.max(selection.start, selection.end));
  let start = from;
  let end = to;
  for (const { segment, index } of graphemesOf(text)) {
    if (index < from && index + segment.length > from) start = index;
    if (index < to && index + segment.length > to) end = index + segment.length;
  }
  return { start, end };
}

/**
 * TP-9: one style per selection. Applying a style replaces any other on the selected text; applying
 * the style it already has removes it. The selection is widened to whole characters (an emoji, a
 * letter with its stroke) and returned around the restyled text; an empty selection changes nothing.
 */
export function toggleSocialStyle(text: string, selection: TextSelection, style: SocialStyle): StyledText {
  if (selection.start === selection.end) return { text, selection };
  const { start, end } = wholeCharacters(text, selection);
  const selected = text.slice(start, end);
  const plain = plainOf(selected);
  const restyled = hasStyle(selected, style) ? plain : applyStyle(plain, style);
  return { text: text.slice(0, start) + restyled + text.slice(end), selection: { start, end: start + restyled.length } };
}

/** TP-9: the style the selected text has, for the toolbar's pressed button; undefined when plain or mixed. */
export function socialStyleOf(text: string, selection: TextSelection): SocialStyle | undefined {
  const { start, end } = wholeCharacters(text, selection);
  const selected = text.slice(start, end);
  return SOCIAL_STYLES.find((style) => hasStyle(selected, style));
}
