// Inbound HTML (email bodies, rich customer messages) is untrusted: it is shown only as the
// DocumentFragment this returns — never through innerHTML of the raw text — with scripts, event
// handlers, forms, frames, styles and remote content (images, links that load on view) removed.

import createDOMPurify, { type Config } from 'dompurify';

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

/** Untrusted HTML → a fragment safe to render (a Lit template renders a Node as is). */
export function sanitizeHtml(html: string): DocumentFragment {
  return purify.sanitize(html, CONFIG) as unknown as DocumentFragment;
}
