// What the demo pages' end-to-end tests share.

/**
 * Waits until an element matching `selector` (searched through every shadow root) exists and, when
 * `expected` is given, contains that text. Polls: mutations inside shadow roots are not observed.
 */
export async function waitFor(page, selector, expected = '', { timeout = 10_000 } = {}) {
  await page.waitForFunction(
    (sel, want) => {
      const find = (root) =>
        root.querySelector(sel) ?? [...root.querySelectorAll('*')].map((e) => e.shadowRoot && find(e.shadowRoot)).find(Boolean);
      return find(document)?.textContent.replace(/\s+/g, ' ').includes(want);
    },
    { timeout, polling: 50 },
    selector,
    expected,
  );
}
