// Registers a tag once. A page may load two copies of the widgets (a CRM and a gadget each
// bundling them): the first wins and a differing version is reported instead of throwing.

export const VERSION = '0.0.0';

const registered = new Map<string, string>();

export function define(tag: string, element: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing) {
    const version = (existing as { ccVersion?: string }).ccVersion ?? registered.get(tag);
    if (existing !== element && version !== VERSION) {
      console.warn(`<${tag}> is already defined by cc-elements ${version ?? '(unknown version)'}; this copy (${VERSION}) is not used.`);
    }
    return;
  }
  Object.defineProperty(element, 'ccVersion', { value: VERSION });
  customElements.define(tag, element);
  registered.set(tag, VERSION);
}
