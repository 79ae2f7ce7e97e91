// Safe XML parsing for everything the Finesse server sends (REST replies and the Update text inside
// XMPP notifications): ltx's tokenizer underneath, with the checks ltx itself leaves out.
//
// What ltx does on its own (checked, see parse.test.ts): it never expands entity declarations and
// throws on any entity other than the five predefined ones and numeric references; but it skips a
// DOCTYPE like a comment (one without `]]>` silently swallows the rest of the document), ignores an
// end tag that does not match, keeps only the first of two roots, drops text outside the root and
// accepts any tag name. So the tree is built here from its events, and each of those is refused.

import { Element } from 'ltx';
import SaxLtx from 'ltx/src/parsers/ltx.js';
import { CcError } from '@cc-elements/core';

/** How much a single document may hold. */
export interface XmlLimits {
  /** Largest document in UTF-8 bytes (default 1 MiB). */
  readonly maxBytes?: number;
  /** Deepest element nesting, the root being depth 1 (default 32; Finesse payloads stay under 12). */
  readonly maxDepth?: number;
  /** Most elements in one document (default 50,000: a team of 2,000 agents fits). */
  readonly maxElements?: number;
}

export const DEFAULT_XML_LIMITS: Required<XmlLimits> = { maxBytes: 1_048_576, maxDepth: 32, maxElements: 50_000 };

export interface ParseXmlOptions {
  /** Names the document in error messages, e.g. `User reply` or `notification` (default `reply`). */
  readonly what?: string;
  /** Root element names accepted, compared without regard to case (any root when omitted). */
  readonly root?: string | readonly string[];
  readonly limits?: XmlLimits;
}

// A markup declaration that is neither a comment nor CDATA: <!DOCTYPE, <!ENTITY, <!ELEMENT, <!ATTLIST.
// Finesse never sends one, and ltx would skip it unseen, so any is refused before tokenizing.
// (Conservative: the same characters inside a comment or CDATA section are refused too.)
const DECLARATION = /<!(?!--|\[CDATA\[)\s*([A-Za-z]*)/;
const XML_NAME = /^[\p{L}_][\p{L}\p{N}_.-]*(?::[\p{L}_][\p{L}\p{N}_.-]*)?$/u;
const ONLY_WHITESPACE = /^[ \t\r\n]*$/;
const ENDS_WITH_MARKUP = />[ \t\r\n]*$/;

/**
 * Parses one XML document into an ltx element, or throws `CcError('payload.malformed')` with a
 * sentence naming what was wrong (too large, too deep, a DOCTYPE or entity, not well-formed, an
 * unexpected root). Runs in browsers and in Node alike.
 */
export function parseXml(text: string, options: ParseXmlOptions = {}): Element {
  const what = options.what ?? 'reply';
  const limits = { ...DEFAULT_XML_LIMITS, ...options.limits };
  const refuse = (reason: string): CcError => new CcError('payload.malformed', `The server's ${what} ${reason}`);
  const illFormed = (detail: string): CcError => refuse(`is not well-formed XML (${detail})`);

  const bytes = utf8Length(text, limits.maxBytes);
  if (bytes > limits.maxBytes) {
    throw refuse(`is too large (more than ${formatCount(limits.maxBytes)} bytes)`);
  }
  const declaration = DECLARATION.exec(text);
  if (declaration) {
    const kind = declaration[1] ? declaration[1].toUpperCase() : 'markup';
    throw refuse(`contains a ${kind} declaration, which is not accepted (it could define entities)`);
  }
  if (ONLY_WHITESPACE.test(text)) throw illFormed('the body is empty');

  const root = buildTree(text, limits, illFormed, refuse);
  const accepted = options.root === undefined ? undefined : typeof options.root === 'string' ? [options.root] : options.root;
  if (accepted && !accepted.some((name) => name.toLowerCase() === root.name.toLowerCase())) {
    throw refuse(`has the root <${root.name}> where <${accepted.join('> or <')}> was expected`);
  }
  return root;
}

function buildTree(
  text: string,
  limits: Required<XmlLimits>,
  illFormed: (detail: string) => CcError,
  refuse: (reason: string) => CcError,
): Element {
  const tokenizer = new SaxLtx();
  let root: Element | undefined;
  let current: Element | undefined;
  let depth = 0;
  let count = 0;

  tokenizer.on('startElement', (name: string, attrs: Record<string, string>) => {
    if (!XML_NAME.test(name)) throw illFormed(`"<${name}" is not an element name`);
    for (const attr of Object.keys(attrs)) {
      if (!XML_NAME.test(attr)) throw illFormed(`"${attr}" in <${name}> is not an attribute name`);
    }
    if (root && !current) throw illFormed(`a second root element <${name}> follows <${root.name}>`);
    depth += 1;
    count += 1;
    if (depth > limits.maxDepth) throw refuse(`nests elements more than ${limits.maxDepth} deep`);
    if (count > limits.maxElements) throw refuse(`has more than ${formatCount(limits.maxElements)} elements`);
    const element = new Element(name, attrs);
    if (current) current.cnode(element);
    else root = element;
    current = element;
  });

  tokenizer.on('endElement', (name: string) => {
    if (!current) throw illFormed(`the end tag </${name}> closes nothing`);
    if (name !== current.name) throw illFormed(`</${name}> where </${current.name}> was expected`);
    depth -= 1;
    current = current.parent ?? undefined;
  });

  tokenizer.on('text', (value: string) => {
    if (current) current.t(value);
    else if (!ONLY_WHITESPACE.test(value)) throw illFormed('text outside the root element');
  });

  try {
    tokenizer.write(text);
    tokenizer.end('');
  } catch (error) {
    if (error instanceof CcError) throw error;
    // ltx throws plain Errors for an unknown entity (`Illegal XML entity &lol;`) or a forbidden
    // character reference; keep its words, they name the culprit.
    throw illFormed(error instanceof Error ? lowerFirst(error.message) : String(error));
  }

  if (!root) throw illFormed('no root element');
  if (current || !ENDS_WITH_MARKUP.test(text)) throw illFormed('unexpected end');
  return root;
}

/** UTF-8 length of `text`, counted only as far as needed to know it is over `limit`. */
function utf8Length(text: string, limit: number): number {
  if (text.length > limit) return text.length; // every UTF-16 unit is at least one byte
  if (text.length * 3 <= limit) return text.length; // and at most three
  return new TextEncoder().encode(text).length;
}

function formatCount(value: number): string {
  return value.toLocaleString('en');
}

function lowerFirst(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1);
}
