import { describe, expect, it } from 'vitest';
import {
  baseSubject,
  emailFields,
  isEmailAddress,
  parseAddressList,
  subjectFor,
  switchEmailMode,
  type EmailDraftFields,
  type EmailMode,
  type LastEmail,
} from './email-modes.js';

const ME = 'support@acme.example';
const LAST: LastEmail = {
  from: 'Zoé Martin <zoe@client.example>',
  to: ['Support <SUPPORT@acme.example>', 'paul@client.example'],
  cc: ['anne@client.example', 'zoe@client.example'],
  subject: 'RE: Commande 1234',
};
const SENDER = ['Zoé Martin <zoe@client.example>'];
const OTHERS = ['paul@client.example', 'anne@client.example'];

describe('emailFields', () => {
  it('EM-3: Reply all leaves out me (several addresses, any case) and the sender, and lists each address once', () => {
    const last = { ...LAST, to: ['queue@acme.example', 'PAUL@client.example'], cc: ['paul@client.example', 'agent@acme.example'] };
    expect(emailFields('replyAll', last, ['queue@acme.example', 'Agent@Acme.example']).cc).toEqual(['PAUL@client.example']);
  });

  it('EM-3: answering an email I sent goes to its recipients, not back to me', () => {
    const mine: LastEmail = { from: ME, to: ['zoe@client.example'], cc: ['paul@client.example'], subject: 'Votre commande' };
    expect(emailFields('reply', mine, ME)).toMatchObject({ to: ['zoe@client.example'], cc: [] });
    expect(emailFields('replyAll', mine, ME)).toMatchObject({ to: ['zoe@client.example'], cc: ['paul@client.example'] });
  });
});

describe('subjects', () => {
  it.each([
    ['Commande 1234', 'Commande 1234'],
    ['Re: Commande', 'Commande'],
    ['RE: RE: Commande', 'Commande'],
    ['Fwd: Re: Commande', 'Commande'],
    ['FW: Commande', 'Commande'],
    ['TR : Commande', 'Commande'],
    ['Réf. : Commande', 'Réf. : Commande'],
    ['Réf : Commande', 'Commande'],
    ['Re[2]: Commande', 'Commande'],
    ['AW: WG: Bestellung', 'Bestellung'],
    ['Retour: colis', 'Retour: colis'],
    ['Trop cher: avis', 'Trop cher: avis'],
    ['Re:', ''],
  ])('EM-3: prefixes do not stack: "%s" → "%s"', (subject, base) => {
    expect(baseSubject(subject)).toBe(base);
  });

  it('EM-3: Re: for replies, Fwd: for forwards', () => {
    expect(subjectFor('reply', 'TR: Facture')).toBe('Re: Facture');
    expect(subjectFor('replyAll', 'Facture')).toBe('Re: Facture');
    expect(subjectFor('forward', 'RE: Facture')).toBe('Fwd: Facture');
    expect(subjectFor('reply', '')).toBe('Re:');
  });
});

describe('switchEmailMode', () => {
  const BODY = '<p>Bonjour Zoé, voici</p>';
  const FWD = 'Fwd: Commande 1234';
  const RE = 'Re: Commande 1234';
  // What the agent had in each mode before switching (forward: recipients they typed).
  const BEFORE: Record<EmailMode, EmailDraftFields> = {
    reply: { to: SENDER, cc: [], subject: RE, body: BODY },
    replyAll: { to: SENDER, cc: ['anne@client.example'], subject: RE, body: BODY },
    forward: { to: ['compta@acme.example'], cc: ['chef@acme.example'], subject: 'Fwd: Commande 1234 (urgent)', body: BODY },
  };

  const REPLY = { to: SENDER, cc: [], subject: RE, toEditable: false, subjectEditable: false, ccEditable: true, ccHideable: true };
  const REPLY_ALL = { ...REPLY, cc: OTHERS };
  const FORWARD = { to: [], cc: [], subject: FWD, toEditable: true, subjectEditable: true, ccEditable: true };

  // One table for EM-3: the three modes as they open, then every switch between them.
  it.each<[EmailMode | 'open', EmailMode, string, object]>([
    ['open', 'reply', 'fills To and Subject (read-only), no Cc', { ...REPLY, ccShown: false, bodyFromLastEmail: false }],
    [
      'open',
      'replyAll',
      'fills To, Subject (read-only) and Cc (editable, hideable)',
      { ...REPLY_ALL, ccShown: true, bodyFromLastEmail: false },
    ],
    [
      'open',
      'forward',
      'fills Subject (editable), To and Cc editable and empty, body from the last email',
      { ...FORWARD, bodyFromLastEmail: true },
    ],
    ['reply', 'replyAll', 'fills To and Cc, keeps body', { ...REPLY_ALL, body: BODY }],
    ['reply', 'forward', 'clears To and Cc, keeps body', { ...FORWARD, body: BODY }],
    ['replyAll', 'forward', 'clears To and Cc, keeps body', { ...FORWARD, body: BODY }],
    ['replyAll', 'reply', 'fills To, clears Cc, keeps body', { ...REPLY, body: BODY }],
    ['forward', 'reply', 'fills To, keeps body', { ...REPLY, body: BODY }],
    ['forward', 'replyAll', 'fills To and Cc, keeps body', { ...REPLY_ALL, body: BODY }],
  ])('EM-3: %s → %s %s', (from, to, _what, expected) => {
    const fields = from === 'open' ? emailFields(to, LAST, ME) : switchEmailMode(from, to, BEFORE[from], LAST, ME);
    expect(fields).toMatchObject(expected);
    if (from !== 'open') expect(fields.bodyFromLastEmail, 'a switch never reloads the body').toBe(false);
  });

  it('EM-3: the body is kept on every switch, even an empty one', () => {
    for (const from of ['reply', 'replyAll', 'forward'] as const)
      for (const to of ['reply', 'replyAll', 'forward'] as const)
        expect(switchEmailMode(from, to, { ...BEFORE[from], body: '' }, LAST, ME).body).toBe('');
  });

  it('EM-3: choosing the mode already in use changes nothing the agent typed', () => {
    expect(switchEmailMode('forward', 'forward', BEFORE.forward, LAST, ME)).toMatchObject(BEFORE.forward);
  });
});

describe('isEmailAddress', () => {
  it.each(['zoe@client.example', 'z.o+tag@sub.client.fr', "o'neil@x.io", 'élodie@société.fr', 'a_b-c@x-y.co'])(
    'EM-3: "%s" is an address',
    (text) => expect(isEmailAddress(text)).toBe(true),
  );

  it.each([
    '',
    'zoe',
    'zoe@',
    '@client.example',
    'zoe@client',
    'zoe@@client.example',
    'zo e@client.example',
    'zoe@client..example',
    '.zoe@client.example',
    'zoe.@client.example',
    'zoe@-client.example',
    'zoe@client.c0m',
    'Zoé <zoe@client.example>',
    `${'a'.repeat(65)}@client.example`,
  ])('EM-3: "%s" is not an address', (text) => expect(isEmailAddress(text)).toBe(false));
});

describe('parseAddressList', () => {
  it('EM-3: commas and semicolons separate, spaces are trimmed, empty entries skipped, repeats kept once', () => {
    expect(parseAddressList(' zoe@client.example ; paul@client.example,, ZOE@client.example ,')).toEqual({
      addresses: ['zoe@client.example', 'paul@client.example'],
      invalid: [],
    });
  });

  it('EM-3: "Name <address>" entries are kept whole, a comma inside a quoted name does not split', () => {
    expect(parseAddressList('"Martin, Zoé" <zoe@client.example>, Paul <paul@client.example>')).toEqual({
      addresses: ['"Martin, Zoé" <zoe@client.example>', 'Paul <paul@client.example>'],
      invalid: [],
    });
  });

  it('EM-3: invalid entries are reported as typed, next to the valid ones', () => {
    expect(parseAddressList('zoe@client.example; paul@; Anne <anne>')).toEqual({
      addresses: ['zoe@client.example'],
      invalid: ['paul@', 'Anne <anne>'],
    });
    expect(parseAddressList('   ')).toEqual({ addresses: [], invalid: [] });
  });
});
