// Inbound HTML (email bodies, rich customer messages) is untrusted: it is shown only as the
// DocumentFragment this returns — never through innerHTML of the raw text — with scripts, event
// handlers, forms, frames, styles and remote content (images, links that load on view) removed.
// Emails (EM-4) keep more of their look: `sanitizeEmail` keeps cleaned inline styles and the
// email's own style sheet, holds remote images back until the agent consents, and `safeHtml` /
// `mountSanitized` show each email in a shadow root of its own, so its CSS can neither restyle the
// page nor lay anything over it. PL-6: the HTML is first made quiet for a strict CSP (inert-html.ts)
// and DOMPurify parses it through the widgets' own Trusted Types policy.

import createDOMPurify, { type Config } from 'dompurify';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { nothing } from 'lit';
import { inertHtmlPolicy, neutralizeHtml, restoreStyle } from './inert-html.js';

// An instance of our own, so the hooks below never change another library's DOMPurify.
const purify = createDOMPurify(window);

const CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'style',
    'form',
    'input',
    'button',
    'select',
    'textarea',
    'iframe',
    'frame',
    'object',
    'embed',
    'link',
    'meta',
    'base',
    'svg',
    'math',
  ],
  FORBID_ATTR: ['style', 'srcset', 'background', 'poster', 'formaction', 'ping'],
  ALLOW_DATA_ATTR: false,
  RETURN_DOM_FRAGMENT: true,
};

const REMOTE = /^\s*(https?:|\/\/|ftp:)/i;

purify.addHook('afterSanitizeAttributes', (node) => {
  // No remote content without consent (EM-4): images load from the sender's server and tell it the
  // email was read; only embedded (data:, cid:) images stay.
  if (node.hasAttribute('src') && REMOTE.test(node.getAttribute('src') ?? '')) node.removeAttribute('src');
  if (node.tagName === 'A') {
    node.setAttribute('rel', 'noopener noreferrer nofollow');
    node.setAttribute('target', '_blank');
  }
});

/**
 * PL-6: DOMPurify parses through the widgets' Trusted Types policy (one name for a host's
 * `trusted-types` directive, however many DOMPurify instances); its own where there is none.
 */
function withPolicy<C extends Config>(config: C): C {
  const policy = inertHtmlPolicy();
  return policy ? { ...config, TRUSTED_TYPES_POLICY: policy as Config['TRUSTED_TYPES_POLICY'] } : config;
}

/** Untrusted HTML → a fragment safe to render (a Lit template renders a Node as is). */
export function sanitizeHtml(html: string): DocumentFragment {
  // Styles are not kept here: dropped before the parse, so a strict CSP has nothing to report.
  return purify.sanitize(neutralizeHtml(html, { styles: 'drop' }).html, withPolicy(CONFIG)) as unknown as DocumentFragment;
}

// ---- emails (EM-4) ---------------------------------------------------------------------------------

export interface SanitizeOptions {
  /**
   * Remote (http/https) images and CSS backgrounds load only once the agent chose "Show images"
   * for this message: until then they are held back (a tracking pixel tells a sender nothing).
   */
  readonly remoteImages?: boolean;
  /**
   * EM-5 inline images: the URL of the attachment a `cid:` reference names, or undefined. These
   * are the backend's copies of the message's own parts, not remote content, so they show at once.
   */
  readonly resolveCid?: (cid: string) => string | undefined;
}

export interface SanitizedHtml {
  /** The clean content, from an inert document: nothing in it has run or loaded. */
  readonly fragment: DocumentFragment;
  /** The message's own `<style>` rules, cleaned; apply them only inside the message's shadow root. */
  readonly css: string;
  /** How many remote images (img, CSS url()) were held back; 0 when allowed or when there were none. */
  readonly blockedRemote: number;
}

/** Elements that run code, load or submit things, or only make sense in a page's head. */
const EMAIL_FORBID_TAGS = [
  'style',
  'form',
  'input',
  'button',
  'select',
  'option',
  'optgroup',
  'textarea',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'audio',
  'video',
  'source',
  'track',
  'picture',
  'meta',
  'link',
  'base',
  'dialog',
  'portal',
];
/** Attributes that load remote content DOMPurify would let through (`background` on tables…). */
const EMAIL_FORBID_ATTR = ['srcset', 'background', 'poster', 'ping', 'action', 'formaction', 'autofocus', 'tabindex', 'accesskey'];

const SAFE_LINK = /^(?:https?:|mailto:|tel:)/i;
const REMOTE_URL = /^(?:https?:)?\/\//i;
/** Inline images in the message itself; SVG is not among them (it can carry script). */
const SAFE_DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|bmp);base64,[a-z0-9+/=\s]+$/i;

let emailPurifier: ReturnType<typeof createDOMPurify> | undefined;
/** The options and findings of the sanitize call in progress (DOMPurify runs synchronously). */
let current: { options: SanitizeOptions; css: string[]; blocked: number } | undefined;

/** The email purifier: an instance of its own, with hooks of its own. */
function emailPurify(): ReturnType<typeof createDOMPurify> {
  if (emailPurifier) return emailPurifier;
  const p = createDOMPurify(window);
  p.addHook('uponSanitizeElement', (node, event) => {
    // The message's own style sheet is kept, cleaned, for its shadow root; the element goes.
    if (event.tagName === 'style' && current) {
      const { css, blocked } = sanitizeCss(node.textContent ?? '', current.options.remoteImages === true);
      current.css.push(css);
      current.blocked += blocked;
    }
  });
  // PL-6: the style attribute neutralizeHtml moved aside comes back through the CSSOM, to be cleaned below.
  p.addHook('beforeSanitizeAttributes', (node) => {
    if (node instanceof Element) restoreStyle(node);
  });
  p.addHook('afterSanitizeAttributes', (node) => {
    if (!current || !(node instanceof Element)) return;
    const element = node as HTMLElement;
    if (element.hasAttribute('style')) current.blocked += cleanDeclarations(element.style, current.options.remoteImages === true);
    if (element.hasAttribute('style') && element.getAttribute('style')!.trim() === '') element.removeAttribute('style');
    const tag = element.localName;
    if (tag === 'a' || tag === 'area') {
      const href = element.getAttribute('href');
      if (href !== null && !SAFE_LINK.test(href.trim())) element.removeAttribute('href');
      if (element.hasAttribute('href')) {
        // A link opens beside the desktop, never in its place, and tells the target nothing.
        element.setAttribute('target', '_blank');
        element.setAttribute('rel', 'noopener noreferrer nofollow');
      } else element.removeAttribute('target');
    } else if (tag === 'img') {
      cleanImage(element as HTMLImageElement, current);
    }
    for (const name of ['src', 'href', 'xlink:href', 'cite', 'longdesc', 'usemap']) {
      if (tag === 'img' && name === 'src') continue;
      if ((tag === 'a' || tag === 'area') && name === 'href') continue;
      const value = element.getAttribute(name);
      if (value !== null && name !== 'usemap' && !SAFE_LINK.test(value.trim())) element.removeAttribute(name);
    }
  });
  emailPurifier = p;
  return p;
}

function cleanImage(img: HTMLImageElement, state: NonNullable<typeof current>): void {
  // An image its sender did not describe is decoration to a screen reader (a spacer, a tracking pixel).
  if (!img.hasAttribute('alt')) img.setAttribute('alt', '');
  const src = img.getAttribute('src')?.trim() ?? '';
  if (src === '') return;
  if (/^cid:/i.test(src)) {
    const url = state.options.resolveCid?.(src.slice(4).replace(/^<|>$/g, ''));
    if (url !== undefined && /^(?:https?:|blob:)/i.test(url)) img.setAttribute('src', url);
    else img.removeAttribute('src');
    return;
  }
  if (SAFE_DATA_IMAGE.test(src)) return;
  if (REMOTE_URL.test(src)) {
    if (state.options.remoteImages === true) return;
    state.blocked += 1;
    img.removeAttribute('src');
    img.setAttribute('data-cc-blocked', '');
    return;
  }
  img.removeAttribute('src');
}

/**
 * Removes what could reach outside the message or load without consent from one declaration
 * block: fixed/absolute/sticky positioning (an overlay over the desktop) and url()/image-set()
 * values (remote content, unless allowed and plain http/https). Returns how many remote images it held back.
 */
function cleanDeclarations(style: CSSStyleDeclaration, remoteImages: boolean): number {
  let blocked = 0;
  for (const property of Array.from(style)) {
    const value = style.getPropertyValue(property).toLowerCase();
    if (property === 'position' && !['static', 'relative', ''].includes(value.trim())) {
      style.removeProperty(property);
      continue;
    }
    if (/url\(|image-set\(|image\(|element\(|src\(/.test(value)) {
      const urls = [...value.matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)/g)].map((m) => m[2]!.trim());
      const remoteOnly = urls.length > 0 && urls.every((u) => REMOTE_URL.test(u)) && !/image-set\(|element\(|src\(/.test(value);
      if (remoteImages && remoteOnly) continue;
      if (urls.some((u) => REMOTE_URL.test(u))) blocked += 1;
      style.removeProperty(property);
    }
  }
  return blocked;
}

/**
 * A message's own style sheet, kept only as plain style rules (in media queries too): no @import,
 * @font-face or other at-rules, no rule aimed at the shadow host (`:host`, `::part`, `::slotted`),
 * and each declaration cleaned as inline styles are.
 */
export function sanitizeCss(text: string, remoteImages = false): { css: string; blocked: number } {
  const sheet = new CSSStyleSheet();
  try {
    // replaceSync ignores @import by design.
    sheet.replaceSync(text);
  } catch {
    return { css: '', blocked: 0 };
  }
  let blocked = 0;
  const rules = (list: CSSRuleList): string[] =>
    Array.from(list).flatMap((rule) => {
      if (rule instanceof CSSStyleRule) {
        if (/:host|::part|::slotted/i.test(rule.selectorText)) return [];
        blocked += cleanDeclarations(rule.style, remoteImages);
        return rule.style.length === 0 ? [] : [`${rule.selectorText} { ${rule.style.cssText} }`];
      }
      if (rule instanceof CSSMediaRule) {
        const inner = rules(rule.cssRules);
        return inner.length === 0 ? [] : [`@media ${rule.conditionText} { ${inner.join(' ')} }`];
      }
      return [];
    });
  const css = rules(sheet.cssRules).join('\n');
  return { css, blocked };
}

/** EM-4: an untrusted email made safe to show; nothing in the result has run or loaded. */
export function sanitizeEmail(html: string, options: SanitizeOptions = {}): SanitizedHtml {
  const state = { options, css: [] as string[], blocked: 0 };
  // PL-6: <style> elements, style and event-handler attributes never reach the parser (a strict CSP
  // would report each one); the sheets' text is cleaned here, the styles come back in the hook.
  const quiet = neutralizeHtml(html);
  for (const text of quiet.css) {
    const { css, blocked } = sanitizeCss(text, options.remoteImages === true);
    state.css.push(css);
    state.blocked += blocked;
  }
  current = state;
  try {
    const fragment = emailPurify().sanitize(
      quiet.html,
      withPolicy({
        USE_PROFILES: { html: true },
        FORBID_TAGS: EMAIL_FORBID_TAGS,
        FORBID_ATTR: EMAIL_FORBID_ATTR,
        // Reads the start of the email as body content (what used to keep a leading <style> for the hook).
        FORCE_BODY: true,
        ALLOW_DATA_ATTR: false,
        RETURN_DOM_FRAGMENT: true,
      }),
    );
    return { fragment, css: state.css.filter((c) => c !== '').join('\n'), blockedRemote: state.blocked };
  } finally {
    current = undefined;
  }
}

/** What every message's shadow root starts with: the walls of its box. */
const BASE_CSS = `
:host {
  display: block;
  position: relative;
  overflow: auto;
  /* A containing block for anything positioned inside, with its painting clipped to the box. */
  contain: content;
  isolation: isolate;
  max-inline-size: 100%;
  overflow-wrap: anywhere;
}
.cc-content { min-inline-size: 0; }
img { max-inline-size: 100%; block-size: auto; }
img[data-cc-blocked] {
  display: inline-block;
  min-inline-size: 2rem;
  min-block-size: 1.5rem;
  outline: 1px dashed currentColor;
  opacity: 0.6;
}
table { max-inline-size: 100%; }
`;

let baseSheet: CSSStyleSheet | undefined;

/**
 * Shows sanitized content in `host`'s own shadow root (created on first use), replacing what was
 * there. The message's CSS applies inside that root only.
 */
export function mountSanitized(host: HTMLElement, sanitized: SanitizedHtml): ShadowRoot {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  baseSheet ??= (() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(BASE_CSS);
    return sheet;
  })();
  const own = new CSSStyleSheet();
  own.replaceSync(sanitized.css);
  root.adoptedStyleSheets = [baseSheet, own];
  const content = document.createElement('div');
  content.className = 'cc-content';
  content.append(sanitized.fragment);
  root.replaceChildren(content);
  return root;
}

class SafeHtmlDirective extends Directive {
  #html: string | undefined;
  #remote: boolean | undefined;
  #resolve: SanitizeOptions['resolveCid'];

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('safeHtml() goes on an element: <div ${safeHtml(...)}></div>');
  }

  override update(part: ElementPart, [html, options = {}]: [string, SanitizeOptions?]) {
    const remote = options.remoteImages === true;
    if (html === this.#html && remote === this.#remote && options.resolveCid === this.#resolve) return nothing;
    this.#html = html;
    this.#remote = remote;
    this.#resolve = options.resolveCid;
    mountSanitized(part.element as HTMLElement, sanitizeEmail(html, options));
    return nothing;
  }

  render(_html: string, _options?: SanitizeOptions) {
    return nothing;
  }
}

/**
 * Lit: shows untrusted HTML sanitized in the element's own shadow root —
 * `<div class="body" ${safeHtml(message.html, { remoteImages })}></div>`. Sanitized again only
 * when the HTML or the options change.
 */
export const safeHtml = directive(SafeHtmlDirective);
