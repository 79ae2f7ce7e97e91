// The emulator's own XML: ltx elements to write responses and notifications, and a strict reader
// for request bodies (ltx's SAX parser with limits) that refuses what a Finesse server would:
// DTDs and entity declarations, unknown entities, mismatched or truncated tags, a second root,
// and bodies too large or too deep. Deliberately independent of the adapter's own XML codec.

import { Element } from 'ltx';
import SaxLtx from 'ltx/src/parsers/ltx.js';

/** What may be a child in `el()`: elements, text (numbers and booleans become text), or nothing. */
export type XmlChild = Element | string | number | boolean | undefined | null | readonly XmlChild[];

/** `<name>children…</name>`; `undefined`/`null` children are skipped, arrays are flattened. */
export function el(name: string, ...children: XmlChild[]): Element {
  return elWith(name, {}, ...children);
}

/** As `el`, with attributes. */
export function elWith(name: string, attrs: Readonly<Record<string, string>>, ...children: XmlChild[]): Element {
  const element = new Element(name, { ...attrs });
  append(element, children);
  return element;
}

function append(element: Element, children: readonly XmlChild[]): void {
  for (const child of children) {
    if (child === undefined || child === null) continue;
    if (Array.isArray(child)) append(element, child as readonly XmlChild[]);
    else if (child instanceof Element) element.cnode(child);
    else element.t(String(child));
  }
}

/** Why a request body was refused; the HTTP layer answers 400 with it. */
export class XmlBodyError extends Error {
  override readonly name = 'XmlBodyError';
}

export interface XmlLimits {
  /** Longest body in UTF-16 code units (the HTTP layer limits bytes before this). */
  readonly maxLength: number;
  /** Deepest nesting of elements. */
  readonly maxDepth: number;
  /** Most elements in one body. */
  readonly maxElements: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = { maxLength: 64 * 1024, maxDepth: 16, maxElements: 2_000 };

/** DTDs, entity and attribute-list declarations: a Finesse server refuses them before parsing. */
const DECLARATION = /<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i;

/**
 * Reads one XML document into an ltx element, or throws `XmlBodyError` with a reason a client
 * developer can act on. Comments, processing instructions and CDATA are allowed.
 */
export function parseXmlBody(body: string, limits: XmlLimits = DEFAULT_XML_LIMITS): Element {
  if (body.length > limits.maxLength) throw new XmlBodyError(`The body is longer than ${limits.maxLength} characters.`);
  if (DECLARATION.test(body)) throw new XmlBodyError('Document type and entity declarations are not accepted.');

  const parser = new SaxLtx();
  const stack: Element[] = [];
  let root: Element | undefined;
  let count = 0;
  let failure: string | undefined;
  const fail = (reason: string) => {
    failure ??= reason;
  };

  parser.on('startElement', (name: string, attrs: Record<string, string>) => {
    if (failure) return;
    if (root && stack.length === 0) return fail('There is content after the document element.');
    count += 1;
    if (count > limits.maxElements) return fail(`The body has more than ${limits.maxElements} elements.`);
    if (stack.length >= limits.maxDepth) return fail(`The body is nested deeper than ${limits.maxDepth} levels.`);
    const element = new Element(name, attrs);
    if (stack.length === 0) root = element;
    else stack[stack.length - 1]!.cnode(element);
    stack.push(element);
  });
  parser.on('endElement', (name: string) => {
    if (failure) return;
    const open = stack.pop();
    if (open?.name !== name) fail(`The end tag </${name}> does not match <${open?.name ?? 'nothing'}>.`);
  });
  parser.on('text', (text: string) => {
    if (failure) return;
    const open = stack[stack.length - 1];
    if (open) open.t(text);
    else if (text.trim() !== '') fail('There is text outside the document element.');
  });
  parser.on('error', (error: Error) => fail(error.message));

  try {
    parser.write(body);
    parser.end('');
  } catch (error) {
    // ltx's unescaping throws for unknown entities and illegal characters.
    fail(error instanceof Error ? error.message : String(error));
  }
  if (failure) throw new XmlBodyError(failure);
  if (!root) throw new XmlBodyError('The body holds no XML element.');
  if (stack.length > 0) throw new XmlBodyError(`The body ends before </${stack[stack.length - 1]!.name}>.`);
  return root;
}

/** The trimmed text of a direct child, or undefined when the child is absent. */
export function childText(parent: Element, name: string): string | undefined {
  const child = parent.getChild(name);
  return child ? child.getText().trim() : undefined;
}
