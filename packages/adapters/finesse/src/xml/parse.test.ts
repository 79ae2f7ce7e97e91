// Safe parsing: hostile and ill-formed XML is refused with a readable payload.malformed error, and
// what is well-formed comes back as ltx elements with text kept as text.

import { describe, expect, it } from 'vitest';
import { CcError } from '@cc-elements/core';
import { parseXml } from './parse.js';

/** The CcError `parse` throws (the test fails when it throws none or another kind). */
function refusal(parse: () => unknown): CcError {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(CcError);
    expect((error as CcError).code).toBe('payload.malformed');
    return error as CcError;
  }
  throw new Error('expected a refusal, the document was accepted');
}

describe('parseXml: well-formed documents', () => {
  it('returns the root element with its children, attributes and text', () => {
    const root = parseXml(
      '<?xml version="1.0" encoding="UTF-8"?>\n<ReasonCodes category="NOT_READY"><!-- two --><a>1</a><b/></ReasonCodes>\n',
    );
    expect(root.name).toBe('ReasonCodes');
    expect(root.attrs).toEqual({ category: 'NOT_READY' });
    expect(root.getChildElements().map((child) => child.name)).toEqual(['a', 'b']);
    expect(root.getChildText('a')).toBe('1');
  });

  it('decodes the five predefined entities and numeric character references', () => {
    const root = parseXml('<label>&lt;&gt;&amp;&quot;&apos; &#65;&#x42; &#x1F600;</label>');
    expect(root.getText()).toBe('<>&"\' AB 😀');
  });

  it('keeps script-ish text as text, whether escaped or in CDATA (SL-10)', () => {
    const escaped = parseXml('<label>&lt;script&gt;alert(1)&lt;/script&gt;</label>');
    expect(escaped.getText()).toBe('<script>alert(1)</script>');
    expect(escaped.getChildElements()).toEqual([]);
    const cdata = parseXml('<label><![CDATA[<img src=x onerror=alert(1)>]]></label>');
    expect(cdata.getText()).toBe('<img src=x onerror=alert(1)>');
    expect(cdata.getChildElements()).toEqual([]);
  });

  it('accepts any of the allowed root names, without regard to case', () => {
    expect(parseXml('<user><state>READY</state></user>', { root: ['User'] }).name).toBe('user');
    expect(parseXml('<Dialogs/>', { root: ['Dialogs', 'Dialog'] }).name).toBe('Dialogs');
  });
});

describe('parseXml: entity tricks', () => {
  it('refuses a billion-laughs document before expanding anything', () => {
    const lol = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE lolz [',
      ' <!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, level) => ` <!ENTITY lol${level + 1} "${`&lol${level || ''};`.repeat(10)}">`),
      ']>',
      '<lolz>&lol9;</lolz>',
    ].join('\n');
    const error = refusal(() => parseXml(lol, { what: 'User reply' }));
    expect(error.message).toBe("The server's User reply contains a DOCTYPE declaration, which is not accepted (it could define entities)");
  });

  it('refuses an external entity', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><User>&xxe;</User>';
    expect(refusal(() => parseXml(xxe)).message).toContain('DOCTYPE declaration');
  });

  it('refuses a DOCTYPE even without entities, and a bare ENTITY declaration', () => {
    expect(refusal(() => parseXml('<!DOCTYPE User><User/>')).message).toContain('DOCTYPE');
    expect(refusal(() => parseXml('<!ENTITY x "y"><User/>')).message).toContain('ENTITY declaration');
    // After the root too: ltx would skip it as if it were a comment.
    expect(refusal(() => parseXml('<User/><!DOCTYPE x>')).message).toContain('DOCTYPE');
  });

  it('refuses an entity other than the five predefined ones, in text or in an attribute', () => {
    expect(refusal(() => parseXml('<label>&nbsp;</label>', { what: 'notification' })).message).toBe(
      "The server's notification is not well-formed XML (illegal XML entity &nbsp;)",
    );
    expect(refusal(() => parseXml('<a b="&lol;"/>')).message).toContain('&lol;');
  });

  it('refuses a character reference to a character XML forbids', () => {
    expect(refusal(() => parseXml('<label>&#0;</label>')).message).toContain('illegal XML character 0x0');
  });
});

describe('parseXml: size limits', () => {
  it('refuses a 5 MB payload without parsing it', () => {
    const huge = `<Dialogs>${'<Dialog><id>1</id></Dialog>'.repeat(200_000)}</Dialogs>`;
    expect(huge.length).toBeGreaterThan(5_000_000);
    expect(refusal(() => parseXml(huge, { what: 'Dialogs reply' })).message).toBe(
      "The server's Dialogs reply is too large (more than 1,048,576 bytes)",
    );
  });

  it('counts bytes, not characters: multi-byte text over the limit is refused', () => {
    const text = `<label>${'é'.repeat(600)}</label>`; // 1,215 bytes in 615 characters
    expect(refusal(() => parseXml(text, { limits: { maxBytes: 1000 } })).message).toContain('too large');
    expect(parseXml(text, { limits: { maxBytes: 1300 } }).getText()).toHaveLength(600);
  });

  it('refuses 10,000-deep nesting', () => {
    const deep = `${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}`;
    expect(refusal(() => parseXml(deep)).message).toBe("The server's reply nests elements more than 32 deep");
  });

  it('refuses more elements than the limit allows', () => {
    const many = `<Queues>${'<Queue/>'.repeat(11)}</Queues>`;
    expect(refusal(() => parseXml(many, { limits: { maxElements: 10 } })).message).toContain('more than 10 elements');
    expect(parseXml(many, { limits: { maxElements: 12 } }).getChildElements()).toHaveLength(11);
  });
});

describe('parseXml: ill-formed documents', () => {
  it('refuses a truncated document, naming the resource', () => {
    for (const truncated of ['<User><state>READY</state>', '<User><state>REA', '<User></User><x', '<User/><!-- never closed']) {
      expect(refusal(() => parseXml(truncated, { what: 'User reply' })).message).toBe(
        "The server's User reply is not well-formed XML (unexpected end)",
      );
    }
  });

  it('refuses an end tag that does not match, or closes nothing', () => {
    expect(refusal(() => parseXml('<User><state>READY</User></state>')).message).toContain('</User> where </state> was expected');
    expect(refusal(() => parseXml('<a><b></c></b></a>')).message).toContain('</c> where </b> was expected');
    expect(refusal(() => parseXml('<html><body><p>Error</body></html>')).message).toContain('where </p> was expected');
  });

  it('refuses two roots and text outside the root', () => {
    expect(refusal(() => parseXml('<User/><User/>')).message).toContain('a second root element <User>');
    expect(refusal(() => parseXml('hello<User/>')).message).toContain('text outside the root element');
    expect(refusal(() => parseXml('<User/>trailing')).message).toContain('unexpected end');
  });

  it('refuses what is not XML at all', () => {
    expect(refusal(() => parseXml('Internal Server Error')).message).toContain('not well-formed XML');
    expect(refusal(() => parseXml('{"state":"READY"}')).message).toContain('not well-formed XML');
    expect(refusal(() => parseXml('   ')).message).toBe("The server's reply is not well-formed XML (the body is empty)");
  });

  it('refuses bad names and unquoted attributes that ltx would let pass', () => {
    expect(refusal(() => parseXml('<1a>x</1a>')).message).toContain('"<1a" is not an element name');
    expect(refusal(() => parseXml('<a b=c>x</a>')).message).toContain('not well-formed XML');
    expect(refusal(() => parseXml('<a>1 < 2</a>')).message).toContain('not well-formed XML');
  });

  it('refuses an unexpected root, naming both', () => {
    expect(refusal(() => parseXml('<Dialog/>', { what: 'User reply', root: 'User' })).message).toBe(
      "The server's User reply has the root <Dialog> where <User> was expected",
    );
  });
});
