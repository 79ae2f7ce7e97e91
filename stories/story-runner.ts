// Runs a stories module as Storybook would (args, loaders, render, play) in real Chromium: every
// story must reach the state its name promises (its check), log no error, leave no unhandled
// rejection and pass axe. A story without a check fails, so a new story cannot skip this.

import { expect, fixture, html } from '@open-wc/testing';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { disposeStoryClients } from './support.js';

export type Widget = HTMLElement & { updateComplete: Promise<unknown> };
/** What a story must show once rendered and played; may wait (a countdown, a late event). */
export type Check = (el: Widget) => unknown;
export type StoriesModule = { default: Meta } & Record<string, unknown>;

// ---- running a story as Storybook does -------------------------------------------------------------

type Loader = (context: StoryContext) => Promise<Record<string, unknown> | void> | Record<string, unknown> | void;
const asArray = <T>(value: T | readonly T[] | undefined): readonly T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value as T];

let errors: unknown[][] = [];
let rejections: unknown[] = [];
const originalError = console.error;
const onRejection = (event: PromiseRejectionEvent) => rejections.push(event.reason);

beforeEach(() => {
  errors = [];
  rejections = [];
  console.error = (...args: unknown[]) => {
    errors.push(args);
    originalError.apply(console, args);
  };
  window.addEventListener('unhandledrejection', onRejection);
});

afterEach(() => {
  console.error = originalError;
  window.removeEventListener('unhandledrejection', onRejection);
  disposeStoryClients();
});

/** One `describe` per module: each export is a story and needs an entry in `checks`. */
export function describeStories(module: StoriesModule, checks: Readonly<Record<string, Check>>): void {
  const { default: meta, ...exports } = module;
  const title = meta.title!;
  const stories = Object.entries(exports) as [string, StoryObj][];
  describe('stories', () => {
    it(`${title}: every story has a check`, () => {
      expect(Object.keys(checks)).to.have.members(stories.map(([name]) => name));
    });

    for (const [exportName, story] of stories) {
      it(`${title} / ${story.name ?? exportName}`, async () => {
        const args = { ...meta.args, ...story.args };
        const context = {
          args,
          loaded: {} as Record<string, unknown>,
          parameters: { ...meta.parameters, ...story.parameters },
        } as unknown as StoryContext;
        for (const loaders of [meta.loaders, story.loaders]) {
          const results = await Promise.all(asArray(loaders as Loader | readonly Loader[] | undefined).map((load) => load(context)));
          Object.assign(context.loaded, ...results);
        }

        const render = story.render ?? meta.render;
        if (!render) throw new Error(`${title} / ${exportName} has no render`);
        const canvasElement = await fixture<HTMLElement>(html`<div>${render(args, context)}</div>`);
        const widget = canvasElement.querySelector<Widget>(meta.component!);
        expect(widget, `<${meta.component}> in the story`).to.not.equal(null);
        await widget!.updateComplete;

        if (story.play) await story.play({ ...context, canvasElement } as StoryContext);
        await widget!.updateComplete;

        const check = checks[exportName];
        if (!check) throw new Error(`No check for ${title} / ${exportName}: add one to its checks.`);
        await check(widget!);

        // The whole canvas: the story's own markup is held to axe as well as the widget.
        await expect(canvasElement).to.be.accessible();

        // Judged last: Chromium reports an unhandled rejection in a task of its own, after axe's many.
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(
          errors.map((call) => call.map(String).join(' ')),
          'console.error calls',
        ).to.deep.equal([]);
        expect(rejections.map(String), 'unhandled rejections').to.deep.equal([]);
      });
    }
  });
}
