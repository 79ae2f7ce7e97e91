// Reading values out of a parsed Finesse element for the decoders: children are found without
// regard to case (the server mixes `ReasonCode`/`reasonCode`, `user`/`User`), and every refusal is
// a `payload.malformed` error naming the resource and the element path that was wrong.

import type { Element } from 'ltx';
import { CcError } from '@cc-elements/core';

const ISO_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;
const WHOLE_NUMBER = /^-?\d+$/;

/** One element of a resource, with the path from the resource's root for messages. */
export class XmlReader {
  /**
   * @param element the element read
   * @param resource names the whole document in messages, e.g. `User` or `Dialog notification`
   * @param path the element's path below the resource's root (empty for the root)
   */
  constructor(
    readonly element: Element,
    readonly resource: string,
    readonly path = '',
  ) {}

  /** The first child element called `name` (any case). */
  child(name: string): XmlReader | undefined {
    const wanted = name.toLowerCase();
    const found = this.element.getChildElements().find((child) => child.getName().toLowerCase() === wanted);
    return found && this.#reader(found);
  }

  /** Every child element called `name` (any case), in document order. */
  children(name: string): XmlReader[] {
    const wanted = name.toLowerCase();
    return this.element
      .getChildElements()
      .filter((child) => child.getName().toLowerCase() === wanted)
      .map((child) => this.#reader(child));
  }

  /** Every child element. */
  elements(): XmlReader[] {
    return this.element.getChildElements().map((child) => this.#reader(child));
  }

  /** The element's own text (child elements left out), exactly as sent. */
  ownText(): string {
    return this.element.getText();
  }

  /** True when the element has neither child elements nor text other than white space. */
  isEmpty(): boolean {
    return this.element.getChildElements().length === 0 && this.element.getText().trim() === '';
  }

  /** A free-text child (a label, a call variable's value) as sent; undefined when absent or empty. */
  text(name: string): string | undefined {
    const value = this.child(name)?.ownText();
    return value === undefined || value === '' ? undefined : value;
  }

  /** A child holding an identifier, a number or a keyword: trimmed; undefined when absent or blank. */
  token(name: string): string | undefined {
    const value = this.child(name)?.ownText().trim();
    return value === undefined || value === '' ? undefined : value;
  }

  /** Like `token`, but the child must be there and not blank. */
  requiredToken(name: string): string {
    const value = this.token(name);
    if (value === undefined) throw this.missing(name);
    return value;
  }

  /** Like `text`, but the child must be there and not empty. */
  requiredText(name: string): string {
    const value = this.text(name);
    if (value === undefined) throw this.missing(name);
    return value;
  }

  /** An id that uses `-1` for "none". */
  optionalId(name: string): string | undefined {
    const value = this.token(name);
    return value === '-1' ? undefined : value;
  }

  /** A whole number; with `notCollected`, that value reads as undefined (queue statistics use -1). */
  integer(name: string, notCollected?: number): number | undefined {
    const value = this.token(name);
    if (value === undefined) return undefined;
    if (!WHOLE_NUMBER.test(value)) throw this.wrong(name, value, 'is not a whole number');
    const number = Number(value);
    return number === notCollected ? undefined : number;
  }

  boolean(name: string): boolean | undefined {
    const value = this.token(name)?.toLowerCase();
    if (value === undefined) return undefined;
    if (value === 'true') return true;
    if (value === 'false') return false;
    throw this.wrong(name, value, 'is neither true nor false');
  }

  /** An ISO 8601 time with a zone (`2024-05-01T14:02:11.120Z`) as epoch milliseconds. */
  time(name: string): number | undefined {
    const value = this.token(name);
    if (value === undefined) return undefined;
    const parts = ISO_TIME.exec(value);
    const at = parts ? Date.parse(`${parts[1]}${(parts[2] ?? '').slice(0, 4)}${normalizeZone(parts[3] ?? '')}`) : NaN;
    if (Number.isNaN(at)) throw this.wrong(name, value, 'is not an ISO time');
    return at;
  }

  /** One of `values`, compared without regard to case; undefined when absent or blank. */
  oneOf<T extends string>(name: string, values: readonly T[], description: string): T | undefined {
    const value = this.token(name);
    if (value === undefined) return undefined;
    const found = values.find((known) => known.toLowerCase() === value.toLowerCase());
    if (found === undefined) throw this.wrong(name, value, `is not a known ${description}`);
    return found;
  }

  requiredOneOf<T extends string>(name: string, values: readonly T[], description: string): T {
    const value = this.oneOf(name, values, description);
    if (value === undefined) throw this.missing(name);
    return value;
  }

  /** The refusal for a required child that is absent or empty. */
  missing(name: string): CcError {
    return malformed(`The server's ${this.resource} has no <${this.#pathTo(name)}>`);
  }

  /** The refusal for a child whose value cannot be read. */
  wrong(name: string, value: string, problem: string): CcError {
    return malformed(`The server's ${this.resource} has a <${this.#pathTo(name)}> that ${problem}: "${clip(value)}"`);
  }

  #reader(child: Element): XmlReader {
    return new XmlReader(child, this.resource, this.#pathTo(child.getName()));
  }

  #pathTo(name: string): string {
    return this.path === '' ? name : `${this.path}/${name}`;
  }
}

/** `T` with every property that may be undefined made optional instead. */
export type Defined<T> = {
  [K in keyof T as undefined extends T[K] ? never : K]: T[K];
} & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/**
 * Drops the properties whose value is undefined, so a record satisfies `exactOptionalPropertyTypes`
 * and compares cleanly in tests (`toEqual` sees no `key: undefined`).
 */
export function defined<T extends object>(record: T): Defined<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Defined<T>;
}

export function malformed(message: string): CcError {
  return new CcError('payload.malformed', message);
}

/** The last segment of a resource URI (`/finesse/api/Queue/5001` → `5001`). */
export function lastSegment(uri: string | undefined): string | undefined {
  if (uri === undefined) return undefined;
  const segment = uri.split('?')[0]?.split('/').filter(Boolean).pop();
  return segment === undefined || segment === '' ? undefined : segment;
}

function normalizeZone(zone: string): string {
  return zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
}

function clip(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}
