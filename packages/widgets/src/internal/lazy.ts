// Widgets whose code loads on first use. `lazyDefine(tag, load)` names a tag and how to load its
// registration; the code is fetched the first time an element with that tag is in the document
// (or in a widget's shadow root, or in a root handed to `defineWidgetsIn`) — after the frame that
// paints what is already there — and the browser then upgrades every such element. Properties set
// before the upgrade are kept (Lit replays them).

const pending = new Map<string, () => Promise<unknown>>();
let observer: MutationObserver | undefined;

/** True when `tag` is defined or will be on first use: a widget may render it. */
export function widgetAvailable(tag: string): boolean {
  return pending.has(tag) || customElements.get(tag) !== undefined;
}

/** Registers `tag` to be loaded by `load` (which defines it) the first time one is on the page. */
export function lazyDefine(tag: string, load: () => Promise<unknown>): void {
  if (customElements.get(tag) || pending.has(tag)) return;
  pending.set(tag, load);
  if (typeof document === 'undefined') return;
  watch();
  defineWidgetsIn(document);
}

function watch(): void {
  if (observer) return;
  observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) defineWidgetsIn(node);
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * Loads every lazily defined widget found in `root` (itself included). The document and the
 * widgets' own shadow roots are watched; call this for a shadow root of your own that holds widgets.
 */
export function defineWidgetsIn(root: ParentNode & Node): void {
  if (pending.size === 0) return;
  for (const [tag, load] of pending) {
    const here = root instanceof Element && root.localName === tag;
    if (!here && !root.querySelector(tag)) continue;
    pending.delete(tag);
    afterPaint(() =>
      load().catch((error: unknown) => {
        // Leave it pending so that the next element with this tag tries again.
        pending.set(tag, load);
        watch();
        console.error(`cc-elements could not load <${tag}>:`, error);
      }),
    );
  }
  if (pending.size === 0) {
    observer?.disconnect();
    observer = undefined;
  }
}

/**
 * Runs `work` once the browser has painted what the page shows now (the next frame, then a task):
 * loading and drawing a widget never holds back the paint of those already there.
 */
function afterPaint(work: () => void): void {
  if (document.visibilityState === 'hidden') setTimeout(work);
  else requestAnimationFrame(() => setTimeout(work));
}
