// @cc-elements/react: one React component per widget, made with @lit/react. Props are the
// element's properties (typed from its class: `client`, `taskId`, `theme` …); `on<Event>` props
// listen to its `cc-*` events, typed with the widgets' detail types (events.ts).
//
// Using a component registers its tag. Each component is a pure call, so a bundler drops the
// components (and the widgets) a page does not use.

import React from 'react';
import { createComponent, type ReactWebComponent } from '@lit/react';
import {
  define,
  CcProvider as ProviderElement,
  CcStationLogin as StationLoginElement,
  CcAgentState as AgentStateElement,
  CcCallBanner as CallBannerElement,
  CcQueueList as QueueListElement,
  CcWrapupPicker as WrapupPickerElement,
  CcTaskPane as TaskPaneElement,
  CcEmailComposer as EmailComposerElement,
  CcSupervisorGrid as SupervisorGridElement,
} from '@cc-elements/widgets';
import { EVENTS, type WidgetTag } from './events.js';

/** Registers `tagName` (once per page, as the widgets' own registration does) and wraps it for React. */
function wrap<T extends WidgetTag, I extends HTMLElement>(
  displayName: string,
  tagName: T,
  elementClass: new () => I,
): ReactWebComponent<I, (typeof EVENTS)[T]> {
  define(tagName, elementClass);
  return createComponent({ react: React, displayName, tagName, elementClass, events: EVENTS[tagName] });
}

export const CcProvider = /* @__PURE__ */ wrap('CcProvider', 'cc-provider', ProviderElement);
export const CcStationLogin = /* @__PURE__ */ wrap('CcStationLogin', 'cc-station-login', StationLoginElement);
export const CcAgentState = /* @__PURE__ */ wrap('CcAgentState', 'cc-agent-state', AgentStateElement);
export const CcCallBanner = /* @__PURE__ */ wrap('CcCallBanner', 'cc-call-banner', CallBannerElement);
export const CcQueueList = /* @__PURE__ */ wrap('CcQueueList', 'cc-queue-list', QueueListElement);
export const CcWrapupPicker = /* @__PURE__ */ wrap('CcWrapupPicker', 'cc-wrapup-picker', WrapupPickerElement);
export const CcTaskPane = /* @__PURE__ */ wrap('CcTaskPane', 'cc-task-pane', TaskPaneElement);
export const CcEmailComposer = /* @__PURE__ */ wrap('CcEmailComposer', 'cc-email-composer', EmailComposerElement);
export const CcSupervisorGrid = /* @__PURE__ */ wrap('CcSupervisorGrid', 'cc-supervisor-grid', SupervisorGridElement);
