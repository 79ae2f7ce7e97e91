// PL-6: HTML made quiet for a strict CSP before any parse — style attributes moved aside (and set
// back through the CSSOM), event handlers and <style> elements out — read as the HTML tokenizer
// reads tags, comments and raw text, so nothing else changes.

import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { MOVED_STYLE, neutralizeHtml, parseInertHtml, restoreStyles } from './inert-html.js';
import { inlineStyle } from './inline-style.js';

const quiet = (input: string) => neutralizeHtml(input).html;

describe('neutralizeHtml (PL-6)', () => {
  it('PL-6: a style attribute is moved aside in every spelling; event handlers go; the rest is left as written', () => {
    expect(quiet('<p style="color: red">a</p>')).to.equal(`<p ${MOVED_STYLE}="color: red">a</p>`);
    expect(quiet("<P STYLE='color: red' class=x>a</P>")).to.equal(`<P ${MOVED_STYLE}='color: red' class=x>a</P>`);
    expect(quiet('<p style=color:red>a</p>')).to.equal(`<p ${MOVED_STYLE}=color:red>a</p>`);
    expect(quiet('<p style = "color: red">a</p>')).to.equal(`<p ${MOVED_STYLE} = "color: red">a</p>`);
    expect(quiet('<img src=x onerror="alert(1)" alt="a">')).to.equal('<img src=x  alt="a">');
    expect(quiet("<div onclick=go() onmouseover = 'x'/>b")).to.equal('<div  />b');
    expect(quiet('<p title="x"style="a"onclick="b">c</p>')).to.equal(`<p title="x"${MOVED_STYLE}="a">c</p>`);
    expect(quiet('<svg onload=alert(1) style="fill:red"><rect/></svg>')).to.equal(`<svg  ${MOVED_STYLE}="fill:red"><rect/></svg>`);
    expect(quiet('<p>1 < 2 > 0 &amp; style="x"</p>')).to.equal('<p>1 < 2 > 0 &amp; style="x"</p>');
  });

  it('PL-6: a data-cc-style in the input is dropped, so only a real style attribute comes back', () => {
    expect(quiet(`<p ${MOVED_STYLE}="position: fixed" style="color: red">a</p>`)).to.equal(`<p  ${MOVED_STYLE}="color: red">a</p>`);
  });

  it('PL-6: attribute values, comments, doctypes and raw text are read as the tokenizer reads them, and not changed', () => {
    for (const same of [
      '<p title="a style=b onclick=c">x</p>',
      '<p title=\'<b style="x">\'>x</p>',
      '<!-- <p style="x" onclick="y"> -->after',
      '<!---->',
      '<!DOCTYPE html><p>a</p>',
      '<?xml version="1.0"?><p>a</p>',
      '<![CDATA[<p style="x">]]>',
      '</p style="x">',
      '<textarea><p style="x"></textarea>',
      '<title>a <b onclick=x></title>',
      '<script>if (a <b && c> d) x.style="y"</script>',
      '<xmp><p style="x"></xmp>',
      '<plaintext><p style="x"> and <i onclick=y>',
    ]) {
      expect(quiet(same), same).to.equal(same);
    }
    // After raw text, tags are read again.
    expect(quiet('<textarea><b style=x></textarea><b style=y>')).to.equal(`<textarea><b style=x></textarea><b ${MOVED_STYLE}=y>`);
    // Abrupt comments end where the tokenizer ends them.
    expect(quiet('<!--><p style=x>')).to.equal(`<!--><p ${MOVED_STYLE}=x>`);
    expect(quiet('<!-- a --!><p style=x>')).to.equal(`<!-- a --!><p ${MOVED_STYLE}=x>`);
  });

  it('PL-6: <style> elements are taken out and their text returned, in order', () => {
    const result = neutralizeHtml(
      '<style>p { color: red }</style><p>a</p><STYLE media="print">\n<!-- b { x: y } -->\n</Style ><i>i</i><style>c{}',
    );
    expect(result.html).to.equal('<p>a</p><i>i</i>');
    expect(result.css).to.deep.equal(['p { color: red }', '\n<!-- b { x: y } -->\n', 'c{}']);
  });

  it('PL-6: styles: "drop" removes style attributes instead of moving them', () => {
    expect(neutralizeHtml('<p style="color: red" onclick="x" class="k">a</p>', { styles: 'drop' }).html).to.equal('<p   class="k">a</p>');
  });

  it('PL-6: a tag the input ends inside is left to the parser (which drops it)', () => {
    expect(quiet('<p>a</p><p style="x')).to.equal(`<p>a</p><p ${MOVED_STYLE}="x`);
    expect(quiet('<p onclick')).to.equal('<p ');
  });
});

describe('restoreStyles and parseInertHtml (PL-6)', () => {
  it('PL-6: moved styles come back through the CSSOM, with the entities the parser decoded', () => {
    const body = parseInertHtml('<p style="color: rgb(1, 2, 3); margin-left: 40px">a</p><span style="color:&#x72;ed">b</span>');
    const [p, span] = [body.querySelector('p')!, body.querySelector('span')!];
    expect(p.style.color).to.equal('rgb(1, 2, 3)');
    expect(p.style.marginLeft).to.equal('40px');
    expect(span.style.color).to.equal('red');
    expect(body.querySelector(`[${MOVED_STYLE}]`)).to.equal(null);
  });

  it('PL-6: the parsed document is inert — no handler, no <style>, nothing loaded into the page', () => {
    const body = parseInertHtml('<style>p{color:red}</style><img src="x" onerror="window.ccInert=1"><p onclick="x">a</p>');
    expect(body.querySelector('style')).to.equal(null);
    expect(body.querySelector('[onerror], [onclick]')).to.equal(null);
    expect(body.ownerDocument).not.to.equal(document);
    expect((window as { ccInert?: number }).ccInert).to.equal(undefined);
  });

  it('PL-6: restoreStyles sets the root element’s own moved style too', () => {
    const div = document.createElement('div');
    div.setAttribute(MOVED_STYLE, 'color: blue');
    div.append(Object.assign(document.createElement('b'), { textContent: 'x' }));
    div.firstElementChild!.setAttribute(MOVED_STYLE, 'font-weight: 300');
    restoreStyles(div);
    expect(div.style.color).to.equal('blue');
    expect((div.firstElementChild as HTMLElement).style.fontWeight).to.equal('300');
    expect(div.outerHTML).not.to.contain(MOVED_STYLE);
  });
});

describe('inlineStyle (PL-6)', () => {
  it('PL-6: sets, changes and removes inline properties through the CSSOM', () => {
    const host = document.createElement('div');
    const draw = (styles: Record<string, string | undefined>) => render(html`<span ${inlineStyle(styles)}>x</span>`, host);
    draw({ '--swatch': '#c62828', 'border-block-end': '3px solid red' });
    const span = host.querySelector('span')!;
    expect(span.style.getPropertyValue('--swatch')).to.equal('#c62828');
    expect(span.style.borderBlockEnd).to.equal('3px solid red');
    draw({ '--swatch': '#0b5cad', 'border-block-end': undefined });
    expect(span.style.getPropertyValue('--swatch')).to.equal('#0b5cad');
    expect(span.style.borderBlockEnd).to.equal('');
    draw({});
    expect(span.getAttribute('style') ?? '').to.equal('');
  });
});
