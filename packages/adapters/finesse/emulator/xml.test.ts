// The emulator's strict reader of request bodies, without servers: what it accepts and each
// hostile shape it refuses (the HTTP layer answers 400 with the reason).

import { describe, expect, it } from 'vitest';
import { childText, el, parseXmlBody, XmlBodyError } from './xml.js';

describe('parseXmlBody', () => {
  it('reads a Finesse request body, with an XML declaration, comments, CDATA and the predefined entities', () => {
    const body = parseXmlBody(
      '<?xml version="1.0"?><!-- sign in --><User><state>LOGIN</state><extension><![CDATA[1001]]></extension><x>&lt;&amp;&#65;</x></User>',
    );
    expect(body.name).toBe('User');
    expect(childText(body, 'state')).toBe('LOGIN');
    expect(childText(body, 'extension')).toBe('1001');
    expect(childText(body, 'x')).toBe('<&A');
    expect(childText(body, 'missing')).toBeUndefined();
  });

  it.each([
    ['a DTD with entity expansion', '<!DOCTYPE a [<!ENTITY b "bbbb"><!ENTITY c "&b;&b;">]><a>&c;</a>', /declarations/],
    ['an external entity', '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>', /declarations/],
    ['an unknown entity', '<a>&nbsp;</a>', /entity/i],
    ['an illegal character reference', '<a>&#0;</a>', /character/i],
    ['a truncated document', '<User><state>READY</sta', /ends before|Incomplete|match/],
    ['a mismatched end tag', '<User><state>READY</User></state>', /does not match/],
    ['a second root', '<a/><b/>', /after the document element/],
    ['text outside the root', 'hello <a/>', /outside/],
    ['no element at all', 'just text', /no XML element|outside/],
  ])('refuses %s', (_name, body, reason) => {
    expect(() => parseXmlBody(body)).toThrow(XmlBodyError);
    expect(() => parseXmlBody(body)).toThrow(reason);
  });

  it('refuses bodies beyond the limits of length, depth and element count', () => {
    const limits = { maxLength: 1_000, maxDepth: 4, maxElements: 10 };
    expect(() => parseXmlBody(`<a>${'x'.repeat(2_000)}</a>`, limits)).toThrow(/longer/);
    expect(() => parseXmlBody('<a><b><c><d><e/></d></c></b></a>', limits)).toThrow(/deeper/);
    expect(() => parseXmlBody(`<a>${'<b/>'.repeat(10)}</a>`, limits)).toThrow(/more than 10 elements/);
    expect(parseXmlBody(`<a>${'<b/>'.repeat(9)}</a>`, limits).getChildren('b')).toHaveLength(9);
  });
});

describe('el', () => {
  it('writes text escaped, skips absent children and flattens lists', () => {
    const written = el('Update', el('event', 'PUT'), undefined, [el('n', 1), el('b', true)], el('t', '<x>&'));
    expect(written.toString()).toBe('<Update><event>PUT</event><n>1</n><b>true</b><t>&lt;x&gt;&amp;</t></Update>');
  });
});
