// PL-6: inline styles through the CSSOM only. A `style` attribute written by a template (Lit's
// attribute binding, and Lit's own styleMap on its first render) is blocked and reported by a
// Content-Security-Policy without 'unsafe-inline'; `style.setProperty` never is. This directive goes
// on the element — `<span ${inlineStyle({ '--swatch': color })}>` — and sets each property itself.

import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/** CSS property names as CSS writes them (`border-block-end`, `--swatch`) → values; undefined removes one. */
export type InlineStyles = Readonly<Record<string, string | undefined>>;

class InlineStyleDirective extends Directive {
  readonly #set = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('inlineStyle() goes on an element: <span ${inlineStyle({...})}>');
  }

  render(_styles: InlineStyles) {
    return nothing;
  }

  override update(part: ElementPart, [styles]: [InlineStyles]) {
    const { style } = part.element as HTMLElement;
    for (const name of this.#set) {
      if (styles[name] !== undefined) continue;
      style.removeProperty(name);
      this.#set.delete(name);
    }
    for (const [name, value] of Object.entries(styles)) {
      if (value === undefined) continue;
      style.setProperty(name, value);
      this.#set.add(name);
    }
    return nothing;
  }
}

/** Sets inline CSS properties on the element through the CSSOM (never a `style` attribute). */
export const inlineStyle = directive(InlineStyleDirective);
