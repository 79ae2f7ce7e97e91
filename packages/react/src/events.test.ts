// PL-1: the React components cover every widget and every event the custom-elements manifest
// lists for it, under the prop name React users expect (`cc-sign-in-request` → `onCcSignInRequest`).

import { describe, expect, it } from 'vitest';
import { analyzeWidgets, widgetsOf } from '../../widgets/test/manifest.js';
import { EVENTS, eventProp } from './events.js';

const widgets = widgetsOf(analyzeWidgets());

describe('PL-1 @cc-elements/react events', () => {
  it('PL-1: one component per tag in the manifest', () => {
    expect(Object.keys(EVENTS).sort()).toEqual(widgets.map((w) => w.tagName).sort());
  });

  it('PL-1: event props are named from their events', () => {
    expect(eventProp('cc-sign-in-request')).toBe('onCcSignInRequest');
    expect(eventProp('cc-unread')).toBe('onCcUnread');
  });

  it.each(widgets.map((w) => [w.tagName, w] as const))(
    'PL-1 <%s>: an on<Event> prop for each event in the manifest, and no other',
    (tag, widget) => {
      const manifest = Object.fromEntries((widget.events ?? []).map((e) => [eventProp(e.name), e.name]));
      expect({ ...EVENTS[tag as keyof typeof EVENTS] }).toEqual(manifest);
    },
  );
});
