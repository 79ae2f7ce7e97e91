// The email editor's toolbar commands (EM-4), apart from the editor itself: the composer draws the
// toolbar before the lazily loaded editor arrives.

/** The toolbar's commands (EM-4), in toolbar order. */
export const EDITOR_COMMANDS = [
  'heading',
  'bold',
  'italic',
  'underline',
  'strike',
  'color',
  'orderedList',
  'bulletList',
  'blockquote',
  'emoji',
  'link',
  'outdent',
  'indent',
  'table',
] as const;
export type EditorCommand = (typeof EDITOR_COMMANDS)[number];
