// KB (seed 002): the keyboard shortcuts of every widget — one table of actions and their default
// chords, the host's remapping (`shortcuts` on a widget or on <cc-provider>), and one listener on the
// document that gives each keystroke to at most one widget. By default a shortcut acts only while
// focus is inside a widget on the same client (a page with two providers on one client — header and
// desk — is one agent's desktop); page-wide only when the host asks (`global-shortcuts`).

import { ContextConsumer } from '@lit/context';
import type { ReactiveController } from 'lit';
import type { CcClient } from '@cc-elements/core';
import type { ClientHost } from './store-controller.js';
import { CcElement } from './cc-element.js';
import { shortcutContext, type ShortcutSettings } from './context.js';

/** KB: seed 002's chords, in the order of its table. */
export const DEFAULT_SHORTCUTS = {
  toggleDetails: 'Ctrl+Alt+8',
  readyEmail: 'Ctrl+Shift+4',
  readyChat: 'Ctrl+Shift+5',
  notReadyEmail: 'Ctrl+Shift+6',
  notReadyChat: 'Ctrl+Shift+7',
  nextTask: 'Ctrl+Shift+8',
  previousTask: 'Ctrl+Shift+9',
  send: 'Mod+Enter',
  toggleTaskList: 'Ctrl+Alt+T',
  readyDigital: 'Ctrl+Shift+V',
  openStateMenu: 'Ctrl+Shift+L',
  notReadyDigital: 'Ctrl+Shift+Z',
  acceptOffers: 'Ctrl+Alt+9',
} as const satisfies Readonly<Record<string, string>>;

export type ShortcutAction = keyof typeof DEFAULT_SHORTCUTS;

/** KB: every shortcut action. */
export const SHORTCUT_ACTIONS = Object.keys(DEFAULT_SHORTCUTS) as readonly ShortcutAction[];

/**
 * KB: a host's table — only the actions to change. A chord is written as "Ctrl+Shift+8", "Alt+L",
 * "Mod+Enter" (Mod is Ctrl, or Cmd on a Mac); `null` or `''` turns the action off.
 */
export type Shortcuts = { readonly [A in ShortcutAction]?: string | null };

// ---- chords ---------------------------------------------------------------------------------------

/** "Ctrl+Shift+8" → its modifiers (lower case) and its key as written ("8", "Enter", "Space"). */
function parse(shortcut: string | null | undefined): { readonly mods: readonly string[]; readonly key: string } | undefined {
  const parts = (shortcut ?? '').split('+').map((p) => p.trim());
  const key = parts.pop();
  return key ? { mods: parts.map((m) => m.toLowerCase()), key } : undefined;
}

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform);

// Digits and letters also match by the physical key: Shift turns "8" into "*", and on a Mac Option
// turns "t" into "†". A letter is matched by the character first, so Ctrl+Shift+Z is the key labelled
// Z on AZERTY too; by position only when the layout gives no Latin letter (Cyrillic, Option).
function sameKey(event: KeyboardEvent, written: string): boolean {
  const typed = event.key.toLowerCase();
  const key = written.toLowerCase() === 'space' ? ' ' : written.toLowerCase();
  if (/^[0-9]$/.test(key)) return event.code === `Digit${key}` || event.code === `Numpad${key}` || typed === key;
  if (/^[a-z]$/.test(key)) return typed === key || (!/^[a-z]$/.test(typed) && event.code === `Key${key.toUpperCase()}`);
  return typed === key;
}

/** Whether `event` is the chord `shortcut` (all its modifiers and no others); false for `null`/`''`. */
export function matches(event: KeyboardEvent, shortcut: string | null | undefined): boolean {
  const chord = parse(shortcut);
  // AltGr (Ctrl+Alt on Windows) types characters — "\" is AltGr+8 on a French keyboard: typing wins.
  if (!chord || event.getModifierState?.('AltGraph')) return false;
  const has = (...names: string[]) => chord.mods.some((m) => names.includes(m));
  // Mod takes either of Ctrl/Cmd, so a Mac user pressing Ctrl+Enter still sends.
  const ctrlMeta = has('mod')
    ? event.ctrlKey || event.metaKey
    : event.ctrlKey === has('ctrl', 'control') && event.metaKey === has('meta', 'cmd', 'command');
  return ctrlMeta && event.altKey === has('alt', 'option') && event.shiftKey === has('shift') && sameKey(event, chord.key);
}

/** The chord in `aria-keyshortcuts` form ("Control+Shift+8"; Mod is "Meta" on a Mac). */
export function ariaKeyShortcut(shortcut: string | null | undefined): string | undefined {
  const chord = parse(shortcut);
  if (!chord) return undefined;
  const names: Record<string, string> = {
    ctrl: 'Control',
    control: 'Control',
    mod: isMac() ? 'Meta' : 'Control',
    cmd: 'Meta',
    command: 'Meta',
    option: 'Alt',
  };
  const mods = chord.mods.map((m) => names[m] ?? m[0]!.toUpperCase() + m.slice(1));
  return [...mods, chord.key.length === 1 ? chord.key.toUpperCase() : chord.key].join('+');
}

// ---- the widgets' side --------------------------------------------------------------------------------

/** What a widget with shortcuts has: its own table and the page-wide switch, over its provider's. */
export interface ShortcutHost extends ClientHost, HTMLElement {
  /** KB: the host's table over the provider's and the defaults. */
  shortcuts: Shortcuts;
  /** KB: act on the keys wherever focus is on the page, not only inside the widgets on this client. */
  globalShortcuts: boolean;
}

/** Carries out an action; returns false when there is nothing to do, so another widget may take the key. */
export type ShortcutHandler = (event: KeyboardEvent) => boolean;

/**
 * The widgets that take shortcut keys. When two could act on one keystroke, the one holding focus
 * goes first, then the lower `rank`: the call banner (0) answers a ringing call before the task
 * pane (1) accepts digital offers, so Ctrl+Alt+9 does one thing per press.
 */
export class ShortcutController implements ReactiveController {
  readonly #host: ShortcutHost;
  readonly #handlers: Partial<Record<ShortcutAction, ShortcutHandler>>;
  readonly rank: number;
  #settings: ShortcutSettings | undefined;

  constructor(host: ShortcutHost, handlers: Partial<Record<ShortcutAction, ShortcutHandler>>, rank: number) {
    this.#host = host;
    this.#handlers = handlers;
    this.rank = rank;
    host.addController(this);
    new ContextConsumer(host, {
      context: shortcutContext,
      subscribe: true,
      callback: (settings) => {
        this.#settings = settings;
        host.requestUpdate();
      },
    });
  }

  get host(): ShortcutHost {
    return this.#host;
  }

  hostConnected(): void {
    listen(this);
  }

  hostDisconnected(): void {
    unlisten(this);
  }

  /** The chord in use for `action` (the widget's table, else its provider's, else the default); undefined when off. */
  chord(action: ShortcutAction): string | undefined {
    const own = this.#host.shortcuts?.[action];
    const provided = this.#settings?.shortcuts[action];
    const chord = own !== undefined ? own : provided !== undefined ? provided : DEFAULT_SHORTCUTS[action];
    return chord || undefined;
  }

  /** Whether `event` is `action`'s chord — for keys a widget handles where they are typed (Send). */
  matches(event: KeyboardEvent, action: ShortcutAction): boolean {
    return matches(event, this.chord(action));
  }

  /** `aria-keyshortcuts` for the control that does `action`. */
  aria(action: ShortcutAction): string | undefined {
    return ariaKeyShortcut(this.chord(action));
  }

  get global(): boolean {
    return this.#host.globalShortcuts || this.#settings?.global === true;
  }

  /** Tries this widget's actions bound to the keystroke; true once one acted. */
  handle(event: KeyboardEvent): boolean {
    return Object.entries(this.#handlers).some(([action, handler]) => this.matches(event, action as ShortcutAction) && handler(event));
  }
}

// ---- one listener for the page ----------------------------------------------------------------------------

const controllers = new Set<ShortcutController>();

function listen(controller: ShortcutController): void {
  if (controllers.size === 0) document.addEventListener('keydown', onKeydown);
  controllers.add(controller);
}

function unlisten(controller: ShortcutController): void {
  controllers.delete(controller);
  if (controllers.size === 0) document.removeEventListener('keydown', onKeydown);
}

/** A host's own form field (or editable text): its keys are the host's. */
const hostField = (node: EventTarget | undefined) =>
  node instanceof HTMLElement && (node.isContentEditable || node.matches('input, textarea, select'));

function onKeydown(event: KeyboardEvent): void {
  // Handled already (a widget's menu, the composer's Send, the host's own handler), held down, or mid-composition.
  if (event.defaultPrevented || event.repeat || event.isComposing) return;
  const path = event.composedPath();
  // The innermost widget holding focus decides the client; its own controller goes first.
  const focused = path.find((node): node is CcElement => node instanceof CcElement);
  const client: CcClient | undefined = focused?.activeClient;
  let candidates: ShortcutController[];
  if (focused) {
    if (!client) return;
    candidates = [...controllers].filter((c) => c.host.activeClient === client);
  } else {
    // Outside every widget: only page-wide shortcuts, and never from the host's own fields.
    if (hostField(path[0])) return;
    candidates = [...controllers].filter((c) => c.global && c.host.activeClient);
  }
  // Nearest the focused element first; widgets off the path after them, by rank.
  const depth = (c: ShortcutController) => {
    const at = path.indexOf(c.host);
    return at < 0 ? path.length : at;
  };
  candidates.sort((a, b) => depth(a) - depth(b) || a.rank - b.rank);
  for (const controller of candidates) {
    if (controller.handle(event)) {
      event.preventDefault();
      return;
    }
  }
}
