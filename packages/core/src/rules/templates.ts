// TP-8: canned responses — the groups and "all templates" view, the search, system parameters
// ({{system.customerName}}) filled in on insertion, replaceable ones ({{name}}) left for the agent
// to Tab through, and locked templates that may be used only as they are.

import type { Media } from '../model/channel.js';
import type { Template } from '../model/digital.js';

export interface TemplateGroup {
  readonly name: string;
  readonly templates: readonly Template[];
}

export interface TemplateGroups {
  /** Groups in the order the backend first lists them. */
  readonly groups: readonly TemplateGroup[];
  /** The "all templates" tab. */
  readonly all: readonly Template[];
}

/** TP-8: the templates that apply to a medium (all of them when absent), by group and all together. */
export function templateGroups(templates: readonly Template[], media?: Media): TemplateGroups {
  const all = templates.filter((t) => media === undefined || t.media === undefined || t.media.includes(media));
  const groups = new Map<string, Template[]>();
  for (const template of all) {
    const group = groups.get(template.group);
    if (group) group.push(template);
    else groups.set(template.group, [template]);
  }
  return { groups: Array.from(groups, ([name, inGroup]) => ({ name, templates: inGroup })), all };
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase();

/** TP-8: templates whose name or body contains the query, ignoring case, accents and surrounding spaces. */
export function searchTemplates(templates: readonly Template[], query: string): Template[] {
  const search = fold(query.trim());
  if (search === '') return [...templates];
  return templates.filter((t) => fold(t.name).includes(search) || fold(t.body).includes(search));
}

/** A `{{…}}` left in the composer; offsets in UTF-16 code units, `end` exclusive, braces included. */
export interface TemplateParameter {
  /** The name inside the braces, trimmed (`system.x` for a system parameter that had no value). */
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

export interface FilledTemplate {
  readonly text: string;
  /** Every placeholder still in `text`, in order: the Tab stops. */
  readonly parameters: readonly TemplateParameter[];
  /** System parameters without a value, left visible so the agent fills them in (e.g. `customerName`). */
  readonly missingSystem: readonly string[];
}

const PLACEHOLDER = /\{\{\s*([^{}\s][^{}]*?)\s*\}\}/g;
const SYSTEM = 'system.';

/**
 * TP-8: the text a template puts in the composer (replacing what was typed). `{{system.x}}` takes
 * `system[x]`; one without a value (absent or blank) stays as written and is reported, rather
 * than leaving "Bonjour ," in a message. `{{name}}` stays for the agent to replace.
 */
export function fillTemplate(template: Pick<Template, 'body'>, system: Readonly<Record<string, string>>): FilledTemplate {
  let text = '';
  let last = 0;
  const parameters: TemplateParameter[] = [];
  const missing = new Set<string>();
  for (const match of template.body.matchAll(PLACEHOLDER)) {
    text += template.body.slice(last, match.index);
    last = match.index + match[0].length;
    const name = match[1]!;
    const value = name.startsWith(SYSTEM) ? system[name.slice(SYSTEM.length)] : undefined;
    if (value !== undefined && value.trim() !== '') {
      text += value;
      continue;
    }
    if (name.startsWith(SYSTEM)) missing.add(name.slice(SYSTEM.length));
    parameters.push({ name, start: text.length, end: text.length + match[0].length });
    text += match[0];
  }
  text += template.body.slice(last);
  return { text, parameters, missingSystem: [...missing] };
}

/** TP-8: the placeholders in the composer's text as it is now (the agent may have filled some). */
export function templateParameters(text: string): TemplateParameter[] {
  return Array.from(text.matchAll(PLACEHOLDER), (m) => ({ name: m[1]!, start: m.index, end: m.index + m[0].length }));
}

/**
 * TP-8: the placeholder Tab (or Shift+Tab) selects next. Forward: the first one starting at or after
 * `caret` (pass `selectionEnd`); backwards: the last one ending at or before it (pass
 * `selectionStart`). Undefined when there is none: the widget then lets Tab move focus on, so the
 * keyboard is never trapped in the composer.
 */
export function nextParameter(text: string, caret: number, backwards = false): TemplateParameter | undefined {
  const parameters = templateParameters(text);
  return backwards ? parameters.filter((p) => p.end <= caret).pop() : parameters.find((p) => p.start >= caret);
}

/** TP-8: whether the agent may change a template's text once inserted. */
export function lockedEditAllowed(template: Pick<Template, 'locked'>): boolean {
  return template.locked !== true;
}

export type TemplateEdit =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: 'locked'; readonly text: string };

/**
 * TP-8: an edit of the composer while it holds a template. A locked template's text may not change
 * (the widget keeps `text`, the template's, and shows the error); clearing it entirely is allowed,
 * since that is not using it.
 */
export function applyEdit(templateText: string, locked: boolean, newText: string): TemplateEdit {
  if (!locked || newText === templateText || newText === '') return { ok: true, text: newText };
  return { ok: false, reason: 'locked', text: templateText };
}
