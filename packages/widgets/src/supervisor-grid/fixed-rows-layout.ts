// SV-5: the virtualizer's layout for the supervisor grid's rows: its `grid` layout with one column of
// full-width rows, all one height (CSS gives every row the header row's block size; the grid tells the
// layout that height, in px, fractions kept). Which rows are in range, where each goes and how tall all
// of them are is the grid layout's arithmetic on the scroll position and the number of rows: nothing
// asks the virtualizer to measure a row (no `measureChildren`), so rows coming into range or moved by
// a re-sort are only placed, never read back.
//
// @lit-labs/virtualizer 2.1 exports its layouts (`layouts/grid.js`, `layouts/flow.js`) but not their
// `BaseLayout` (package "exports"), so this extends the exported `GridLayout` and replaces only what
// is about its columns and item sizes.

import { GridLayout } from '@lit-labs/virtualizer/layouts/grid.js';

export interface FixedRowsConfig {
  /** Every row's height, px (fractions kept). */
  rowHeight?: number;
  /** How far beyond the view rows are kept in the DOM, on each side, px. */
  overscan?: number;
}

type GridConfig = NonNullable<ConstructorParameters<typeof GridLayout>[1]>;
type Positions = ReturnType<GridLayout['_getItemPosition']>;

/** Vertical only: the grid scrolls its rows down. */
export class FixedRowsLayout extends GridLayout {
  private _rowHeight = 44;

  constructor(...args: ConstructorParameters<typeof GridLayout>) {
    super(...args);
    this._updateLayout();
  }

  /**
   * Only the direction: without the grid's item size, gap and padding in its defaults, setting the
   * config again (the directive does on every render) changes nothing and reflows nothing.
   */
  protected override _getDefaultConfig(): GridConfig {
    const config: GridConfig & FixedRowsConfig = { direction: 'vertical', rowHeight: this._rowHeight, overscan: this._overhang };
    return config;
  }

  set rowHeight(px: number) {
    if (px > 0 && px !== this._rowHeight) {
      this._rowHeight = px;
      this._triggerReflow();
    }
  }

  get rowHeight(): number {
    return this._rowHeight;
  }

  set overscan(px: number) {
    if (px >= 0 && px !== this._overhang) {
      this._overhang = px;
      this._triggerReflow();
    }
  }

  get overscan(): number {
    return this._overhang;
  }

  /** One column, rows `rowHeight` apart, no gap or padding: the grid layout's range and scroll size follow. */
  protected override _updateLayout(): void {
    this._metrics = {
      rolumns: 1,
      itemSize1: this._rowHeight,
      itemSize2: 0,
      gap1: 0,
      gap2: 0,
      padding1: { start: 0, end: 0 },
      padding2: { start: 0, end: 0 },
      positions: [0],
    };
  }

  /** Only the row's offset: the virtualizer writes no width or height, the row's size is the grid's CSS. */
  override _getItemPosition(index: number): Positions {
    return { top: index * this._rowHeight, left: 0 };
  }

  /**
   * Where `element(index).scrollIntoView()` scrolls, left for the browser to clamp. The base layout
   * clamps with the rows' offset in their scroller as the virtualizer measures it — from the scroller's
   * box, so it shrinks as the scroller scrolls — and in a scrolled grid (whose rows' box is not itself
   * the scroller) it refuses every position above the current one: a row far above never came into
   * view (as in lit/lit#3963).
   */
  override _clampScrollPosition(position: number): number {
    return position;
  }

  /**
   * `element(index).scrollIntoView()` scrolls to the row once. The base layout keeps the pin until the
   * person scrolls, setting the scroll position again on every reflow — and the grid reflows whenever
   * its list changes, so a pinned grid would undo the small scroll that then clears the sticky header row.
   */
  protected override _setPositionFromPin(): void {
    super._setPositionFromPin();
    this._pin = null;
  }
}

/** The layout specifier for the virtualizer's `layout` option. */
export const fixedRows = (config: FixedRowsConfig = {}) => ({ ...config, type: FixedRowsLayout });
