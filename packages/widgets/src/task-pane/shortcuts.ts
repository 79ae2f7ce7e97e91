// KB: the task pane's keyboard shortcuts as a host writes them ("Ctrl+Shift+8"), and whether a
// keystroke matches one. Digits and letters are matched by the physical key, so Ctrl+Shift+8 works
// although Shift turns "8" into "*" on most layouts; "Mod" is Ctrl, or Cmd on a Mac.

/** KB (seed 002): what each action is bound to; an empty string turns the shortcut off. */
export interface TaskPaneShortcuts {
  /** Move to the next active conversation (default Ctrl+Shift+8). */
  readonly nextTask: string;
  /** Move to the previous conversation (default Ctrl+Shift+9). */
  readonly previousTask: string;
  /** Expand or collapse the task list (default Ctrl+Alt+T). */
  readonly toggleTaskList: string;
  /** Send the message in the composer from any medium (default Mod+Enter: Ctrl+Enter, Cmd+Enter on a Mac). */
  readonly send: string;
  /** Accept every digital offer waiting (default Ctrl+Alt+9). */
  readonly acceptOffers: string;
}

export const DEFAULT_SHORTCUTS: TaskPaneShortcuts = {
  nextTask: 'Ctrl+Shift+8',
  previousTask: 'Ctrl+Shift+9',
  toggleTaskList: 'Ctrl+Alt+T',
  send: 'Mod+Enter',
  acceptOffers: 'Ctrl+Alt+9',
};

interface Chord {
  readonly ctrl: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
  readonly meta: boolean;
  readonly mod: boolean;
  readonly key: string;
}

function parse(shortcut: string): Chord | undefined {
  const parts = shortcut
    .split('+')
    .map((p) => p.trim())
    .filter(Boolean);
  const key = parts.pop();
  if (!key) return undefined;
  const has = (name: string) => parts.some((p) => p.toLowerCase() === name);
  return {
    ctrl: has('ctrl') || has('control'),
    alt: has('alt') || has('option'),
    shift: has('shift'),
    meta: has('meta') || has('cmd') || has('command'),
    mod: has('mod'),
    key: key.toLowerCase(),
  };
}

function sameKey(event: KeyboardEvent, key: string): boolean {
  if (/^[0-9]$/.test(key)) return event.code === `Digit${key}` || event.code === `Numpad${key}` || event.key === key;
  if (/^[a-z]$/.test(key)) return event.code === `Key${key.toUpperCase()}` || event.key.toLowerCase() === key;
  return event.key.toLowerCase() === key;
}

/** Whether `event` is the shortcut (all its modifiers, no others). */
export function matches(event: KeyboardEvent, shortcut: string): boolean {
  const chord = parse(shortcut);
  if (!chord) return false;
  const mac = /Mac|iPhone|iPad/.test(navigator.platform);
  const ctrl = chord.ctrl || (chord.mod && !mac);
  const meta = chord.meta || (chord.mod && mac);
  // Mod also takes the other of Ctrl/Cmd, so a Mac user pressing Ctrl+Enter still sends.
  const modOk = chord.mod ? event.ctrlKey || event.metaKey : event.ctrlKey === ctrl && event.metaKey === meta;
  return modOk && event.altKey === chord.alt && event.shiftKey === chord.shift && sameKey(event, chord.key);
}
