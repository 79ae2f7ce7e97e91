// PL-6: HTML from outside (emails, pasted content, stored drafts) parsed under a strict
// Content-Security-Policy with Trusted Types. Chromium holds a page's policy even while parsing
// into an inert document (DOMParser, a detached document, a <template>): each `style` attribute,
// event-handler attribute and <style> element met there is reported as a violation, and the inline
// styles are dropped. So the text is rewritten before any parse: `style="…"` becomes
// `data-cc-style="…"` (set back through the CSSOM, which no policy blocks), `on…` attributes go,
// and <style> elements are taken out (their text is returned). This is not a sanitizer — what it
// might miss in malformed markup is only reported and blocked by the browser; safety still comes
// from DOMPurify and the email editor's schema, which read the parsed result.

/** Where `neutralizeHtml` puts a `style` attribute's value until `restoreStyles` sets it through the CSSOM. */
export const MOVED_STYLE = 'data-cc-style';

export interface NeutralizedHtml {
  /** The HTML without style attributes (moved to `data-cc-style` or dropped), event handlers or <style> elements. */
  readonly html: string;
  /** The text of each <style> element, in document order. */
  readonly css: readonly string[];
}

const SPACE = /[\t\n\f\r ]/;
const ALPHA = /[a-z]/i;
/** Elements whose content the HTML tokenizer reads as text up to their end tag (in HTML content). */
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'textarea', 'title']);

interface Tag {
  readonly name: string;
  /** Index just after the tag's `>` (the input's length when the input ends inside the tag). */
  readonly end: number;
  readonly attributes: readonly { readonly name: string; readonly start: number; readonly nameEnd: number; readonly end: number }[];
}

/** Reads a tag from its name (at `at`, just after `<` or `</`) to its `>`, as the HTML tokenizer does. */
function readTag(input: string, at: number): Tag {
  const n = input.length;
  let i = at;
  while (i < n && !SPACE.test(input[i]!) && input[i] !== '/' && input[i] !== '>') i++;
  const name = input.slice(at, i).toLowerCase();
  const attributes: Tag['attributes'][number][] = [];
  for (;;) {
    while (i < n && (SPACE.test(input[i]!) || input[i] === '/')) i++;
    if (i >= n) return { name, end: n, attributes };
    if (input[i] === '>') return { name, end: i + 1, attributes };
    const start = i;
    // The first character belongs to the name whatever it is (even "=").
    i++;
    while (i < n && !SPACE.test(input[i]!) && !'/>='.includes(input[i]!)) i++;
    const nameEnd = i;
    let k = i;
    while (k < n && SPACE.test(input[k]!)) k++;
    if (input[k] === '=') {
      k++;
      while (k < n && SPACE.test(input[k]!)) k++;
      const quote = input[k];
      if (quote === '"' || quote === "'") {
        const close = input.indexOf(quote, k + 1);
        i = close < 0 ? n : close + 1;
      } else {
        while (k < n && !SPACE.test(input[k]!) && input[k] !== '>') k++;
        i = k;
      }
    }
    attributes.push({ name: input.slice(start, nameEnd).toLowerCase(), start, nameEnd, end: i });
  }
}

/** Index after the comment that starts at `at` (just after `<!--`). */
function commentEnd(input: string, at: number): number {
  if (input[at] === '>') return at + 1;
  if (input.startsWith('->', at)) return at + 2;
  const plain = input.indexOf('-->', at);
  const bang = input.indexOf('--!>', at);
  if (plain < 0 && bang < 0) return input.length;
  return bang < 0 || (plain >= 0 && plain < bang) ? plain + 3 : bang + 4;
}

/** Index of the end tag `</name` that closes raw text starting at `at`, or -1. */
function rawTextEnd(input: string, at: number, name: string): number {
  const lower = input.toLowerCase();
  for (let i = lower.indexOf(`</${name}`, at); i >= 0; i = lower.indexOf(`</${name}`, i + 1)) {
    const after = input[i + 2 + name.length];
    if (after === undefined || after === '>' || after === '/' || SPACE.test(after)) return i;
  }
  return -1;
}

/**
 * Rewrites `html` so that parsing it trips no Content-Security-Policy check. With `styles: 'move'`
 * (the default) `style` attributes become `data-cc-style` for `restoreStyles`; with `'drop'` they
 * go. A `data-cc-style` already in the input is dropped, so only a real style attribute comes back.
 */
export function neutralizeHtml(html: string, { styles = 'move' }: { styles?: 'move' | 'drop' } = {}): NeutralizedHtml {
  const css: string[] = [];
  let out = '';
  // Input before `copied` is in `out` already.
  let copied = 0;
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    const next = html[lt + 1] ?? '';
    if (html.startsWith('<!--', lt)) {
      i = commentEnd(html, lt + 4);
    } else if (next === '!' || next === '?') {
      // A doctype or a bogus comment: up to the next ">".
      const gt = html.indexOf('>', lt);
      i = gt < 0 ? n : gt + 1;
    } else if (next === '/') {
      if (ALPHA.test(html[lt + 2] ?? '')) i = readTag(html, lt + 2).end;
      else {
        const gt = html.indexOf('>', lt);
        i = gt < 0 ? n : gt + 1;
      }
    } else if (!ALPHA.test(next)) {
      i = lt + 1;
    } else {
      const tag = readTag(html, lt + 1);
      i = tag.end;
      if (tag.name === 'style') {
        // The whole element goes; its text is returned.
        const close = rawTextEnd(html, tag.end, 'style');
        css.push(html.slice(tag.end, close < 0 ? n : close));
        out += html.slice(copied, lt);
        i = close < 0 ? n : readTag(html, close + 2).end;
        copied = i;
        continue;
      }
      const changed = tag.attributes.filter((a) => a.name === 'style' || a.name === MOVED_STYLE || a.name.startsWith('on'));
      if (changed.length > 0) {
        out += html.slice(copied, changed[0]!.start);
        changed.forEach((attribute, index) => {
          if (attribute.name === 'style' && styles === 'move') out += MOVED_STYLE + html.slice(attribute.nameEnd, attribute.end);
          out += html.slice(attribute.end, changed[index + 1]?.start ?? tag.end);
        });
        copied = tag.end;
      }
      if (tag.name === 'plaintext') break;
      if (RAW_TEXT.has(tag.name)) {
        const close = rawTextEnd(html, tag.end, tag.name);
        i = close < 0 ? n : close;
      }
    }
  }
  return { html: out + html.slice(copied), css };
}

/** Sets the styles `neutralizeHtml` moved aside back on their elements, through the CSSOM. */
export function restoreStyles(root: Element | DocumentFragment): void {
  const moved = [...root.querySelectorAll(`[${MOVED_STYLE}]`)];
  if (root instanceof Element && root.hasAttribute(MOVED_STYLE)) moved.unshift(root);
  for (const element of moved) restoreStyle(element);
}

/** One element's moved style, set back through the CSSOM. */
export function restoreStyle(element: Element): void {
  const value = element.getAttribute(MOVED_STYLE);
  if (value === null) return;
  element.removeAttribute(MOVED_STYLE);
  // HTML, SVG and MathML elements have a `style`; others (no such thing in an HTML parse) keep none.
  const style = (element as Partial<ElementCSSInlineStyle>).style;
  if (style) style.cssText = value;
}

interface TrustedTypePolicyLike {
  createHTML(input: string): unknown;
  createScriptURL(input: string): unknown;
}
interface TrustedTypesLike {
  createPolicy(name: string, rules: { createHTML(input: string): string; createScriptURL(input: string): string }): TrustedTypePolicyLike;
}

/** The Trusted Types policy name these widgets use (besides Lit's 'lit-html'). */
export const POLICY_NAME = 'cc-elements';

let policy: TrustedTypePolicyLike | null | undefined;

/**
 * PL-6: the widgets' one Trusted Types policy, for HTML parsed into inert documents only (by
 * DOMPurify, given it as `TRUSTED_TYPES_POLICY`, and by `parseInertHtml`); nothing it signs is ever
 * put into a live document. No script URL is ever needed, so it signs none. Undefined where the
 * browser has no Trusted Types; null when the page's `trusted-types` directive does not allow the name.
 */
export function inertHtmlPolicy(): TrustedTypePolicyLike | null | undefined {
  if (policy !== undefined) return policy;
  const trustedTypes = (window as unknown as { trustedTypes?: TrustedTypesLike }).trustedTypes;
  if (!trustedTypes) return undefined;
  try {
    policy = trustedTypes.createPolicy(POLICY_NAME, {
      createHTML: (input) => input,
      createScriptURL: () => {
        throw new TypeError(`The ${POLICY_NAME} Trusted Types policy signs no script URL.`);
      },
    });
  } catch (error) {
    console.warn(
      `cc-elements: the Trusted Types policy "${POLICY_NAME}" could not be created; add it to the page's trusted-types directive.`,
      error,
    );
    policy = null;
  }
  return policy;
}

/**
 * HTML parsed into an inert document (nothing in it runs or loads) without tripping a strict CSP:
 * neutralised, parsed through the widgets' policy, the moved styles set back. Returns its body.
 */
export function parseInertHtml(html: string): HTMLElement {
  const markup = `<body>${neutralizeHtml(html).html}</body>`;
  const signed = inertHtmlPolicy()?.createHTML(markup) ?? markup;
  const doc = new DOMParser().parseFromString(signed as string, 'text/html');
  restoreStyles(doc.body);
  return doc.body;
}
