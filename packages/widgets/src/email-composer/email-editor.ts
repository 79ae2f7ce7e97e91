// EM-4: the email body editor, on ProseMirror. Loaded lazily by <cc-email-composer> the first time
// a composer is shown, so a page without email never downloads it. Everything the agent types,
// pastes or loads goes through one schema: the HTML sent is serialised from that model, never
// typed, and pasted or restored HTML keeps only what the schema can say (so it is cleaned too).
// PL-6: HTML is parsed only as inert-html.ts does it, so a strict CSP has nothing to report and the
// colours and indents in drafts, forwards and pastes survive it.

import {
  DOMParser as PmParser,
  DOMSerializer,
  Fragment,
  Schema,
  type MarkType,
  type Node as PmNode,
  type NodeSpec,
} from 'prosemirror-model';
import { EditorState, TextSelection, type Command, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { baseKeymap, chainCommands, exitCode, lift, setBlockType, toggleMark, wrapIn } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { addListNodes, liftListItem, sinkListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import { goToNextCell, isInTable, tableEditing, tableNodes } from 'prosemirror-tables';

import { EDITOR_COMMANDS, type EditorCommand } from './editor-commands.js';
import { neutralizeHtml, parseInertHtml, restoreStyles } from '../internal/inert-html.js';

export { EDITOR_COMMANDS, type EditorCommand };

/** Which toolbar toggles are on at the selection (aria-pressed), and which commands apply there. */
export interface EditorActive {
  readonly pressed: ReadonlySet<EditorCommand>;
  readonly enabled: ReadonlySet<EditorCommand>;
  /** The font colour at the selection, if one is set. */
  readonly color: string | undefined;
  /** The link at the selection, if any. */
  readonly href: string | undefined;
}

const MAX_INDENT = 8;
/** Links the agent may insert: the web and email, nothing that runs (EM-4). */
const LINK = /^(?:https?:\/\/[^\s/$.?#][^\s]*|mailto:[^\s@]+@[^\s@]+)$/i;
/** Colours as a picker or a pasted email gives them; anything else is dropped. */
const COLOR = /^(?:#[0-9a-f]{3,8}|rgba?\(\s*[\d.]+%?\s*,\s*[\d.]+%?\s*,\s*[\d.]+%?\s*(?:,\s*[\d.]+%?\s*)?\))$/i;
/** Images the body may hold: embedded or inline attachments (EM-5), never a remote address. */
const IMAGE = /^(?:data:image\/(?:png|gif|jpe?g|webp);base64,|blob:|cid:)/i;

/** EM-4: whether a link target is one the editor accepts (http, https or mailto). */
export function isSafeLink(href: string): boolean {
  return LINK.test(href.trim());
}

const indentAttrs = { indent: { default: 0 } };
const indentOf = (dom: HTMLElement) => {
  const margin = parseFloat(dom.style.marginLeft || dom.style.marginInlineStart || '0');
  return Math.max(0, Math.min(MAX_INDENT, Math.round(margin / 40)));
};
const indentStyle = (indent: number) => (indent > 0 ? { style: `margin-left: ${indent * 40}px` } : {});

const nodes: Record<string, NodeSpec> = {
  doc: { content: 'block+' },
  paragraph: {
    content: 'inline*',
    group: 'block',
    attrs: indentAttrs,
    parseDOM: [
      { tag: 'p', getAttrs: (dom) => ({ indent: indentOf(dom as HTMLElement) }) },
      { tag: 'div', getAttrs: (dom) => ({ indent: indentOf(dom as HTMLElement) }) },
    ],
    toDOM: (node) => ['p', indentStyle(node.attrs['indent'] as number), 0],
  },
  heading: {
    content: 'inline*',
    group: 'block',
    defining: true,
    attrs: indentAttrs,
    // Every heading level pasted becomes the one heading the toolbar offers (EM-4 "heading 1").
    parseDOM: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((tag) => ({
      tag,
      getAttrs: (dom: HTMLElement | string) => ({ indent: indentOf(dom as HTMLElement) }),
    })),
    toDOM: (node) => ['h1', indentStyle(node.attrs['indent'] as number), 0],
  },
  blockquote: {
    content: 'block+',
    group: 'block',
    defining: true,
    parseDOM: [{ tag: 'blockquote' }],
    toDOM: () => ['blockquote', { style: 'margin: 0 0 0 0.8ex; border-left: 2px solid #ccc; padding-left: 1ex' }, 0],
  },
  horizontal_rule: { group: 'block', parseDOM: [{ tag: 'hr' }], toDOM: () => ['hr'] },
  text: { group: 'inline' },
  image: {
    inline: true,
    group: 'inline',
    draggable: true,
    attrs: { src: {}, alt: { default: null }, title: { default: null } },
    parseDOM: [
      {
        tag: 'img[src]',
        getAttrs: (dom) => {
          const src = (dom as HTMLElement).getAttribute('src') ?? '';
          return IMAGE.test(src)
            ? { src, alt: (dom as HTMLElement).getAttribute('alt'), title: (dom as HTMLElement).getAttribute('title') }
            : false;
        },
      },
    ],
    toDOM: (node) => [
      'img',
      { src: node.attrs['src'] as string, alt: node.attrs['alt'] as string | null, title: node.attrs['title'] as string | null },
    ],
  },
  hard_break: { inline: true, group: 'inline', selectable: false, parseDOM: [{ tag: 'br' }], toDOM: () => ['br'] },
};

const marks = {
  link: {
    attrs: { href: {} },
    inclusive: false,
    parseDOM: [
      {
        tag: 'a[href]',
        getAttrs: (dom: HTMLElement | string) => {
          const href = (dom as HTMLElement).getAttribute('href') ?? '';
          return isSafeLink(href) ? { href: href.trim() } : false;
        },
      },
    ],
    toDOM: (mark: { attrs: Record<string, unknown> }) =>
      ['a', { href: mark.attrs['href'] as string, rel: 'noopener noreferrer', target: '_blank' }, 0] as const,
  },
  strong: {
    parseDOM: [
      { tag: 'strong' },
      { tag: 'b', getAttrs: (dom: HTMLElement | string) => (dom as HTMLElement).style.fontWeight !== 'normal' && null },
      { style: 'font-weight=400', clearMark: (m: { type: { name: string } }) => m.type.name === 'strong' },
      { style: 'font-weight', getAttrs: (value: HTMLElement | string) => /^(bold(er)?|[5-9]\d{2,})$/.test(value as string) && null },
    ],
    toDOM: () => ['strong', 0] as const,
  },
  em: {
    parseDOM: [{ tag: 'i' }, { tag: 'em' }, { style: 'font-style=italic' }],
    toDOM: () => ['em', 0] as const,
  },
  underline: {
    parseDOM: [
      { tag: 'u' },
      { style: 'text-decoration', getAttrs: (v: HTMLElement | string) => (v as string).includes('underline') && null },
    ],
    toDOM: () => ['u', 0] as const,
  },
  strike: {
    parseDOM: [
      { tag: 's' },
      { tag: 'strike' },
      { tag: 'del' },
      { style: 'text-decoration', getAttrs: (v: HTMLElement | string) => (v as string).includes('line-through') && null },
    ],
    toDOM: () => ['s', 0] as const,
  },
  color: {
    attrs: { color: {} },
    parseDOM: [
      {
        style: 'color',
        getAttrs: (v: HTMLElement | string) => (COLOR.test((v as string).trim()) ? { color: (v as string).trim() } : false),
      },
      {
        tag: 'font[color]',
        getAttrs: (dom: HTMLElement | string) => {
          const c = (dom as HTMLElement).getAttribute('color') ?? '';
          return COLOR.test(c) ? { color: c } : false;
        },
      },
    ],
    toDOM: (mark: { attrs: Record<string, unknown> }) => ['span', { style: `color: ${mark.attrs['color'] as string}` }, 0] as const,
  },
};

const base = new Schema({ nodes, marks });

/** EM-4: the one model of an email body: paragraphs, heading, quote, lists, tables, images; bold, italic, underline, strike, colour, link. */
export const emailSchema = new Schema({
  nodes: base.spec.nodes
    .append(addListNodes(base.spec.nodes, 'paragraph block*', 'block').subtract(base.spec.nodes))
    .append(tableNodes({ tableGroup: 'block', cellContent: 'block+', cellAttributes: {} })),
  marks: base.spec.marks,
});

const { nodes: n, marks: m } = emailSchema;

/** HTML → the schema's document. */
function parseHtml(html: string): PmNode {
  // An inert document: nothing in it loads or runs while the schema reads it.
  return PmParser.fromSchema(emailSchema).parse(parseInertHtml(html));
}

/**
 * PL-6: pasted or dropped HTML. ProseMirror parses it in a detached document (through its own
 * 'ProseMirrorClipboard' Trusted Types policy), so it is neutralised first (`transformPastedHTML`)
 * and, before the schema reads it, the moved inline styles are set back and the rules of its own
 * style sheets applied to the elements they match — as ProseMirror does when the sheets are there.
 */
class PasteParser extends PmParser {
  #css: readonly string[] = [];

  constructor() {
    const parser = PmParser.fromSchema(emailSchema);
    super(emailSchema, parser.rules);
  }

  transform(html: string): string {
    const { html: quiet, css } = neutralizeHtml(html);
    this.#css = css;
    return quiet;
  }

  override parseSlice(dom: Node, options?: Parameters<PmParser['parseSlice']>[1]) {
    if (dom instanceof Element || dom instanceof DocumentFragment) {
      restoreStyles(dom);
      for (const text of this.#css) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(text);
        for (const rule of Array.from(sheet.cssRules)) {
          if (!(rule instanceof CSSStyleRule)) continue;
          let matches: HTMLElement[];
          try {
            matches = [...dom.querySelectorAll<HTMLElement>(rule.selectorText)];
          } catch {
            continue; // A selector a style sheet takes but querySelectorAll does not.
          }
          for (const match of matches) match.style.cssText += rule.style.cssText;
        }
      }
    }
    this.#css = [];
    return super.parseSlice(dom, options);
  }
}

/** Plain text → paragraphs, one per line (templates, TP-8). */
function textDoc(text: string): PmNode {
  const lines = text.split(/\r?\n/);
  return n['doc']!.create(
    null,
    lines.map((line) => n['paragraph']!.create(null, line === '' ? null : emailSchema.text(line))),
  );
}

let inert: Document | undefined;

/** The document as HTML, from the schema's serializer (in an inert document: its images load nothing). */
function serialize(doc: PmNode): string {
  inert ??= document.implementation.createHTMLDocument('');
  const container = inert.createElement('div');
  container.append(DOMSerializer.fromSchema(emailSchema).serializeFragment(doc.content, { document: inert }));
  return container.innerHTML;
}

function markActive(state: EditorState, type: MarkType): boolean {
  const { from, $from, to, empty } = state.selection;
  if (empty) return !!type.isInSet(state.storedMarks ?? $from.marks());
  return state.doc.rangeHasMark(from, to, type);
}

function ancestor(state: EditorState, name: string): boolean {
  const { $from } = state.selection;
  for (let d = $from.depth; d > 0; d--) if ($from.node(d).type.name === name) return true;
  return false;
}

function nearestList(state: EditorState): string | undefined {
  const { $from } = state.selection;
  for (let d = $from.depth; d > 0; d--) {
    const name = $from.node(d).type.name;
    if (name === 'ordered_list' || name === 'bullet_list') return name;
  }
  return undefined;
}

/** Sets the indent of every paragraph and heading in the selection. */
function changeIndent(delta: number): Command {
  return (state, dispatch) => {
    const { from, to } = state.selection;
    const tr = state.tr;
    let changed = false;
    state.doc.nodesBetween(from, to, (node, pos) => {
      if (node.type !== n['paragraph'] && node.type !== n['heading']) return true;
      const indent = Math.max(0, Math.min(MAX_INDENT, (node.attrs['indent'] as number) + delta));
      if (indent !== node.attrs['indent']) {
        tr.setNodeMarkup(pos, undefined, { ...node.attrs, indent });
        changed = true;
      }
      return false;
    });
    if (!changed) return false;
    dispatch?.(tr);
    return true;
  };
}

/** Toggles a list of `type`: off when in one, converted when in the other kind, on otherwise. */
function toggleList(type: 'ordered_list' | 'bullet_list'): Command {
  return (state, dispatch) => {
    const current = nearestList(state);
    if (current === type) return liftListItem(n['list_item']!)(state, dispatch);
    if (current) {
      const { $from } = state.selection;
      for (let d = $from.depth; d > 0; d--) {
        if ($from.node(d).type.name === current) {
          dispatch?.(state.tr.setNodeMarkup($from.before(d), n[type]));
          return true;
        }
      }
    }
    return wrapInList(n[type]!)(state, dispatch);
  };
}

function toggleHeading(): Command {
  return (state, dispatch) =>
    ancestor(state, 'heading') ? setBlockType(n['paragraph']!)(state, dispatch) : setBlockType(n['heading']!)(state, dispatch);
}

function toggleQuote(): Command {
  return (state, dispatch) => (ancestor(state, 'blockquote') ? lift(state, dispatch) : wrapIn(n['blockquote']!)(state, dispatch));
}

function insertTable(rows = 3, cols = 3): Command {
  return (state, dispatch) => {
    if (isInTable(state)) return false;
    const cell = () => n['table_cell']!.createAndFill()!;
    const table = n['table']!.create(
      null,
      Array.from({ length: rows }, () => n['table_row']!.create(null, Array.from({ length: cols }, cell))),
    );
    if (dispatch) {
      const tr = state.tr.replaceSelectionWith(table);
      // The caret goes into the first cell (table › row › cell › paragraph), where typing naturally starts.
      let at = -1;
      tr.doc.descendants((node, pos) => {
        if (node === table) at = pos;
        return at < 0;
      });
      if (at >= 0) tr.setSelection(TextSelection.create(tr.doc, at + 4));
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/** Sets (or, with undefined, removes) the link on the selection; refuses unsafe targets. */
function setLink(href: string | undefined): Command {
  return (state, dispatch) => {
    const { from, to, empty } = state.selection;
    const type = m['link']!;
    if (href === undefined) {
      if (empty) return false;
      dispatch?.(state.tr.removeMark(from, to, type));
      return true;
    }
    if (!isSafeLink(href)) return false;
    if (!dispatch) return true;
    const mark = type.create({ href: href.trim() });
    if (empty) {
      // No selection: the address itself becomes the linked text.
      const text = href.trim().replace(/^mailto:/i, '');
      dispatch(state.tr.insert(from, emailSchema.text(text, [mark])).scrollIntoView());
    } else dispatch(state.tr.removeMark(from, to, type).addMark(from, to, mark));
    return true;
  };
}

function setColor(color: string | undefined): Command {
  return (state, dispatch) => {
    if (color !== undefined && !COLOR.test(color)) return false;
    const { from, to, empty } = state.selection;
    const type = m['color']!;
    if (!dispatch) return true;
    if (empty) {
      const stored = (state.storedMarks ?? state.selection.$from.marks()).filter((mk) => mk.type !== type);
      dispatch(state.tr.setStoredMarks(color === undefined ? stored : [...stored, type.create({ color })]));
    } else {
      const tr = state.tr.removeMark(from, to, type);
      dispatch(color === undefined ? tr : tr.addMark(from, to, type.create({ color })));
    }
    return true;
  };
}

export interface EmailEditorOptions {
  /** The body to start with (a draft, a forwarded email): parsed through the schema. */
  readonly html?: string;
  /** The accessible name of the editing area. */
  readonly label: string;
  /** Id of the element describing the editing area (hints, errors). */
  readonly describedBy?: string;
  /** After every change of the document. */
  readonly onChange: () => void;
  /** After every change of the selection or the document (toolbar states). */
  readonly onUpdate: () => void;
  /**
   * TP-8 locked templates: asked before each change of the text; return false to refuse it (the
   * composer shows why). `before`/`after` are the body's text.
   */
  readonly allowEdit?: (before: string, after: string) => boolean;
  /** TP-8: Tab in the body; return true when it was used (a template parameter selected). */
  readonly onTab?: (backwards: boolean) => boolean;
}

/** The composer's handle on its editor. */
export interface EmailEditor {
  readonly view: EditorView;
  /** EM-4: the body as HTML, serialised from the schema. */
  html(): string;
  /** The body as plain text, paragraphs on their own lines (the text part of the email). */
  text(): string;
  /** Replaces the body: HTML parsed through the schema (so cleaned). Not an undoable edit of the agent's. */
  setHtml(html: string): void;
  /** Replaces the body with plain text (a template, TP-8). */
  setText(text: string): void;
  isEmpty(): boolean;
  focus(): void;
  /** Runs a toolbar command; false when it does not apply (or the link is refused). */
  run(command: EditorCommand, value?: string): boolean;
  /** Inserts text at the caret (emoji). */
  insertText(text: string): boolean;
  /** EM-5: an inline image at the caret. */
  insertImage(src: string, alt: string): boolean;
  /** Selects characters `start`…`end` of `text()` (a template parameter, TP-8). */
  selectText(start: number, end: number): void;
  /** Offsets of the selection in `text()`. */
  textSelection(): { start: number; end: number };
  active(): EditorActive;
  destroy(): void;
}

/** Text of the document with one "\n" between blocks, and a map from text offsets to positions. */
function textWithPositions(doc: PmNode): { text: string; positions: number[] } {
  let text = '';
  const positions: number[] = [];
  let first = true;
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      if (!first) {
        positions.push(pos);
        text += '\n';
      }
      first = false;
      return true;
    }
    if (node.isText) {
      for (let i = 0; i < node.text!.length; i++) positions.push(pos + i);
      text += node.text!;
    } else if (node.type === n['hard_break']) {
      positions.push(pos);
      text += '\n';
    }
    return true;
  });
  positions.push(doc.content.size);
  return { text, positions };
}

export function createEmailEditor(mount: HTMLElement, options: EmailEditorOptions): EmailEditor {
  const commands: Record<Exclude<EditorCommand, 'emoji' | 'link' | 'color'>, Command> = {
    heading: toggleHeading(),
    bold: toggleMark(m['strong']!),
    italic: toggleMark(m['em']!),
    underline: toggleMark(m['underline']!),
    strike: toggleMark(m['strike']!),
    orderedList: toggleList('ordered_list'),
    bulletList: toggleList('bullet_list'),
    blockquote: toggleQuote(),
    // In a list, indenting nests the item; elsewhere it moves the paragraph.
    indent: chainCommands(sinkListItem(n['list_item']!), changeIndent(1)),
    outdent: chainCommands(liftListItem(n['list_item']!), changeIndent(-1)),
    table: insertTable(),
  };

  const tab =
    (backwards: boolean): Command =>
    (state, dispatch) => {
      if (isInTable(state)) return goToNextCell(backwards ? -1 : 1)(state, dispatch);
      return options.onTab?.(backwards) ?? false;
    };

  const state = EditorState.create({
    ...(options.html ? { doc: parseHtml(options.html) } : {}),
    schema: emailSchema,
    plugins: [
      history(),
      keymap({
        'Mod-z': undo,
        'Mod-y': redo,
        'Shift-Mod-z': redo,
        'Mod-b': commands.bold,
        'Mod-i': commands.italic,
        'Mod-u': commands.underline,
        Enter: splitListItem(n['list_item']!),
        'Shift-Enter': chainCommands(exitCode, (st, dispatch) => {
          dispatch?.(st.tr.replaceSelectionWith(n['hard_break']!.create()).scrollIntoView());
          return true;
        }),
        Tab: tab(false),
        'Shift-Tab': tab(true),
      }),
      keymap(baseKeymap),
      tableEditing(),
    ],
  });

  const textOf = (doc: PmNode) => doc.textBetween(0, doc.content.size, '\n', '\n');

  const pasted = new PasteParser();
  const view: EditorView = new EditorView(mount, {
    state,
    transformPastedHTML: (html) => pasted.transform(html),
    clipboardParser: pasted,
    attributes: {
      id: 'editor-area',
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-label': options.label,
      ...(options.describedBy ? { 'aria-describedby': options.describedBy } : {}),
      class: 'editor',
      part: 'editor',
      spellcheck: 'true',
    },
    dispatchTransaction(tr: Transaction) {
      if (tr.docChanged && options.allowEdit && !tr.getMeta('cc-load')) {
        if (!options.allowEdit(textOf(view.state.doc), textOf(tr.doc))) return;
      }
      view.updateState(view.state.apply(tr));
      // Loading a body (a draft, a template, a forward) is not the agent's edit.
      if (tr.docChanged && !tr.getMeta('cc-load')) options.onChange();
      options.onUpdate();
    },
  });

  const replaceDoc = (doc: PmNode) => {
    const tr = view.state.tr
      .replaceWith(0, view.state.doc.content.size, doc.content)
      .setMeta('cc-load', true)
      .setMeta('addToHistory', false);
    tr.setSelection(TextSelection.atEnd(tr.doc));
    view.dispatch(tr);
  };

  return {
    view,
    html: () => (isEmptyDoc(view.state.doc) ? '' : serialize(view.state.doc)),
    text: () => textOf(view.state.doc),
    setHtml: (html) => replaceDoc(parseHtml(html)),
    setText: (text) => replaceDoc(textDoc(text)),
    isEmpty: () => isEmptyDoc(view.state.doc),
    focus: () => view.focus(),
    run(command, value) {
      let done: boolean;
      if (command === 'link') done = setLink(value === undefined || value === '' ? undefined : value)(view.state, view.dispatch);
      else if (command === 'color') done = setColor(value === '' ? undefined : value)(view.state, view.dispatch);
      else if (command === 'emoji') done = value !== undefined && this.insertText(value);
      else done = commands[command](view.state, view.dispatch, view);
      view.focus();
      return done;
    },
    insertText(text) {
      view.dispatch(view.state.tr.insertText(text).scrollIntoView());
      return true;
    },
    insertImage(src, alt) {
      if (!IMAGE.test(src)) return false;
      view.dispatch(view.state.tr.replaceSelectionWith(n['image']!.create({ src, alt })).scrollIntoView());
      return true;
    },
    selectText(start, end) {
      const { positions } = textWithPositions(view.state.doc);
      const from = positions[start] ?? view.state.doc.content.size;
      const to = end > start ? (positions[end - 1] ?? from) + 1 : from;
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, to)).scrollIntoView());
    },
    textSelection() {
      const { positions } = textWithPositions(view.state.doc);
      const { from, to } = view.state.selection;
      const index = (pos: number) => {
        const i = positions.findIndex((p) => p >= pos);
        return i < 0 ? positions.length - 1 : i;
      };
      return { start: index(from), end: index(to) };
    },
    active() {
      const st = view.state;
      const pressed = new Set<EditorCommand>();
      if (ancestor(st, 'heading')) pressed.add('heading');
      if (markActive(st, m['strong']!)) pressed.add('bold');
      if (markActive(st, m['em']!)) pressed.add('italic');
      if (markActive(st, m['underline']!)) pressed.add('underline');
      if (markActive(st, m['strike']!)) pressed.add('strike');
      const list = nearestList(st);
      if (list === 'ordered_list') pressed.add('orderedList');
      if (list === 'bullet_list') pressed.add('bulletList');
      if (ancestor(st, 'blockquote')) pressed.add('blockquote');
      const marksHere = st.selection.empty ? (st.storedMarks ?? st.selection.$from.marks()) : st.selection.$from.marks();
      const link = marksHere.find((mk) => mk.type === m['link']) ?? (st.selection.empty ? undefined : linkInRange(st));
      if (link) pressed.add('link');
      const enabled = new Set<EditorCommand>(['emoji', 'link', 'color']);
      for (const [name, command] of Object.entries(commands) as [EditorCommand, Command][]) if (command(st)) enabled.add(name);
      const color = marksHere.find((mk) => mk.type === m['color'])?.attrs['color'] as string | undefined;
      return { pressed, enabled, color, href: link?.attrs['href'] as string | undefined };
    },
    destroy: () => view.destroy(),
  };
}

function linkInRange(state: EditorState) {
  let found: ReturnType<MarkType['create']> | undefined;
  state.doc.nodesBetween(state.selection.from, state.selection.to, (node) => {
    found ??= node.marks.find((mk) => mk.type === m['link']);
    return !found;
  });
  return found;
}

function isEmptyDoc(doc: PmNode): boolean {
  if (doc.childCount !== 1) return false;
  const only = doc.firstChild!;
  return only.type === n['paragraph'] && only.content.size === 0;
}

/** For tests and the composer: HTML as the schema keeps it (what would be sent for that input). */
export function normalizeHtml(html: string): string {
  const doc = parseHtml(html);
  return isEmptyDoc(doc) ? '' : serialize(doc);
}

/** EM-3 Forward: the email's body as the editor keeps it, under a header, in a quote. */
export function forwardedHtml(header: readonly string[], bodyHtml: string): string {
  const doc = parseHtml(bodyHtml);
  const head = header.map((line) => n['paragraph']!.create(null, line ? emailSchema.text(line) : null));
  const quote = n['blockquote']!.create(null, Fragment.from([...head, ...childrenOf(doc)]));
  return serialize(n['doc']!.create(null, [n['paragraph']!.create(), quote]));
}

function childrenOf(doc: PmNode): PmNode[] {
  const out: PmNode[] = [];
  doc.forEach((child) => out.push(child));
  return out;
}
