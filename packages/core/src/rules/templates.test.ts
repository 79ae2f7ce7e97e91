import { describe, expect, it } from 'vitest';
import type { Template } from '../model/digital.js';
import {
  applyEdit,
  fillTemplate,
  lockedEditAllowed,
  nextParameter,
  searchTemplates,
  templateGroups,
  templateParameters,
} from './templates.js';

const template = (id: string, group: string, body: string, more: Partial<Template> = {}): Template => ({
  id,
  name: `Modèle ${id}`,
  group,
  body,
  ...more,
});

const TEMPLATES: readonly Template[] = [
  template('hello', 'Accueil', 'Bonjour {{system.customerName}}, je suis {{system.agentName}}.'),
  template('delay', 'Livraison', 'Votre colis arrivera le {{date}}.', { media: ['email'] }),
  template('thanks', 'Accueil', 'Merci pour votre patience.', { name: 'Remerciement', locked: true }),
  template('sms', 'Livraison', 'Colis {{numero}} expédié', { media: ['sms', 'chat'] }),
  template('refund', 'Réclamations', 'Le remboursement sera effectué sous 5 jours.', { name: 'Échéance remboursement' }),
];
const ids = (templates: readonly Template[]) => templates.map((t) => t.id);

describe('templateGroups', () => {
  it('TP-8: groups in the order first seen, and the "all templates" tab', () => {
    const { groups, all } = templateGroups(TEMPLATES);
    expect(groups.map((g) => [g.name, ids(g.templates)])).toEqual([
      ['Accueil', ['hello', 'thanks']],
      ['Livraison', ['delay', 'sms']],
      ['Réclamations', ['refund']],
    ]);
    expect(ids(all)).toEqual(['hello', 'delay', 'thanks', 'sms', 'refund']);
  });

  it('TP-8: only templates for the medium (or for every medium); a group left empty disappears', () => {
    const { groups, all } = templateGroups(TEMPLATES, 'chat');
    expect(ids(all)).toEqual(['hello', 'thanks', 'sms', 'refund']);
    expect(groups.map((g) => [g.name, ids(g.templates)])).toEqual([
      ['Accueil', ['hello', 'thanks']],
      ['Livraison', ['sms']],
      ['Réclamations', ['refund']],
    ]);
    expect(ids(templateGroups(TEMPLATES, 'email').groups.find((g) => g.name === 'Livraison')!.templates)).toEqual(['delay']);
  });
});

describe('searchTemplates', () => {
  it('TP-8: matches name or body, ignoring case, accents and surrounding spaces', () => {
    expect(ids(searchTemplates(TEMPLATES, '  ECHEANCE '))).toEqual(['refund']);
    expect(ids(searchTemplates(TEMPLATES, 'remerciement'))).toEqual(['thanks']);
    expect(ids(searchTemplates(TEMPLATES, 'expedie'))).toEqual(['sms']);
    expect(ids(searchTemplates(TEMPLATES, 'colis'))).toEqual(['delay', 'sms']);
    expect(searchTemplates(TEMPLATES, 'rien de tel')).toEqual([]);
    expect(ids(searchTemplates(TEMPLATES, ' '))).toEqual(ids(TEMPLATES));
  });
});

describe('fillTemplate', () => {
  it('TP-8: system parameters are substituted on insertion', () => {
    expect(fillTemplate(TEMPLATES[0]!, { customerName: 'Zoé Martin', agentName: 'Paul' })).toEqual({
      text: 'Bonjour Zoé Martin, je suis Paul.',
      parameters: [],
      missingSystem: [],
    });
  });

  it('TP-8: a system parameter without a value stays visible, is reported, and is a Tab stop', () => {
    const filled = fillTemplate(TEMPLATES[0]!, { agentName: 'Paul', customerName: '  ' });
    expect(filled.text).toBe('Bonjour {{system.customerName}}, je suis Paul.');
    expect(filled.missingSystem).toEqual(['customerName']);
    expect(filled.parameters).toEqual([{ name: 'system.customerName', start: 8, end: 31 }]);
  });

  it('TP-8: replaceable parameters are left as ranges, measured in the text after substitution', () => {
    const filled = fillTemplate({ body: '{{system.customerName}}: colis {{ numero }} le {{date}}.' }, { customerName: 'Zoé' });
    expect(filled.text).toBe('Zoé: colis {{ numero }} le {{date}}.');
    expect(filled.parameters).toEqual([
      { name: 'numero', start: 11, end: 23 },
      { name: 'date', start: 27, end: 35 },
    ]);
    for (const p of filled.parameters) expect(filled.text.slice(p.start, p.end)).toMatch(/^\{\{.*\}\}$/);
  });

  it('TP-8: braces that are not a placeholder are plain text; a value is inserted as is, once', () => {
    expect(fillTemplate({ body: 'Code {{}} et { {x} } {{system.x}}' }, { x: '{{y}}' })).toEqual({
      text: 'Code {{}} et { {x} } {{y}}',
      parameters: [],
      missingSystem: [],
    });
  });
});

describe('nextParameter', () => {
  const TEXT = 'Colis {{numero}} livré le {{date}} à {{adresse}}.';
  const numero = { name: 'numero', start: 6, end: 16 };
  const date = { name: 'date', start: 26, end: 34 };
  const adresse = { name: 'adresse', start: 37, end: 48 };

  it('TP-8: Tab goes from the caret to the next parameter, then the next', () => {
    expect(nextParameter(TEXT, 0)).toEqual(numero);
    expect(nextParameter(TEXT, numero.end)).toEqual(date);
    expect(nextParameter(TEXT, date.end)).toEqual(adresse);
    expect(nextParameter(TEXT, 10), 'from inside one, the next one').toEqual(date);
  });

  it('TP-8: Shift+Tab goes back to the previous one', () => {
    expect(nextParameter(TEXT, adresse.start, true)).toEqual(date);
    expect(nextParameter(TEXT, date.start, true)).toEqual(numero);
    expect(nextParameter(TEXT, TEXT.length, true)).toEqual(adresse);
  });

  it('TP-8: past the last (or before the first) there is none, so Tab leaves the composer', () => {
    expect(nextParameter(TEXT, adresse.end)).toBeUndefined();
    expect(nextParameter(TEXT, numero.start, true)).toBeUndefined();
  });

  it('TP-8: a parameter the agent filled in is no longer a stop', () => {
    const typed = TEXT.replace('{{date}}', 'lundi');
    expect(templateParameters(typed).map((p) => p.name)).toEqual(['numero', 'adresse']);
    expect(nextParameter(typed, numero.end)).toMatchObject({ name: 'adresse' });
  });
});

describe('locked templates', () => {
  it('TP-8: a locked template cannot be edited; the text stays the template’s', () => {
    const text = 'Merci pour votre patience.';
    expect(lockedEditAllowed(TEMPLATES[2]!)).toBe(false);
    expect(lockedEditAllowed(TEMPLATES[0]!)).toBe(true);
    expect(applyEdit(text, true, 'Merci pour votre patience !')).toEqual({ ok: false, reason: 'locked', text });
    expect(applyEdit(text, true, text)).toEqual({ ok: true, text });
  });

  it('TP-8: a locked template can still be removed whole; an unlocked one is edited freely', () => {
    expect(applyEdit('Merci.', true, '')).toEqual({ ok: true, text: '' });
    expect(applyEdit('Bonjour {{nom}}', false, 'Bonjour Zoé')).toEqual({ ok: true, text: 'Bonjour Zoé' });
  });
});
