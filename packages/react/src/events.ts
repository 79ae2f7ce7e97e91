// Which `cc-*` events each widget fires, as React event props: `cc-sign-in-request` is
// `onCcSignInRequest`. DOM-free (only names and types), so Node tests can hold it against the
// custom-elements manifest. The event types come from the widgets' `HTMLElementEventMap`
// declarations: `onCcSignInRequest` receives a `CustomEvent<SignInRequestDetail>`.

import type { EventName } from '@lit/react';
import type {} from '@cc-elements/widgets';

/** The event named `name`, typed as the widgets declare it. */
const event = <K extends keyof HTMLElementEventMap & `cc-${string}`>(name: K) => name as K & EventName<HTMLElementEventMap[K]>;

export const EVENTS = {
  'cc-provider': {},
  'cc-station-login': {
    onCcSignInRequest: event('cc-sign-in-request'),
    onCcSignedIn: event('cc-signed-in'),
    onCcSignInError: event('cc-sign-in-error'),
    onCcSignedOut: event('cc-signed-out'),
  },
  'cc-agent-state': {
    onCcStateChangeRequest: event('cc-state-change-request'),
    onCcStateChanged: event('cc-state-changed'),
    onCcStateError: event('cc-state-error'),
  },
  'cc-call-banner': {
    onCcCallOffered: event('cc-call-offered'),
    onCcCallAccepted: event('cc-call-accepted'),
    onCcCallDeclined: event('cc-call-declined'),
    onCcCallEnded: event('cc-call-ended'),
    onCcCallError: event('cc-call-error'),
  },
  'cc-queue-list': {
    onCcQueuesConfirmed: event('cc-queues-confirmed'),
    onCcQueuesError: event('cc-queues-error'),
  },
  'cc-wrapup-picker': {
    onCcWrapupReasonChosen: event('cc-wrapup-reason-chosen'),
    onCcWrapupClosed: event('cc-wrapup-closed'),
    onCcWrapupError: event('cc-wrapup-error'),
  },
  'cc-task-pane': {
    onCcTaskOffered: event('cc-task-offered'),
    onCcTaskAccepted: event('cc-task-accepted'),
    onCcTaskError: event('cc-task-error'),
    onCcUnread: event('cc-unread'),
  },
  'cc-email-composer': {
    onCcEmailSent: event('cc-email-sent'),
    onCcEmailError: event('cc-email-error'),
    onCcDraftSaved: event('cc-draft-saved'),
    onCcEmailShowAll: event('cc-email-show-all'),
  },
  'cc-supervisor-grid': {
    onCcAgentSelected: event('cc-agent-selected'),
    onCcFavouriteToggled: event('cc-favourite-toggled'),
    onCcSupervisorAction: event('cc-supervisor-action'),
    onCcSupervisorError: event('cc-supervisor-error'),
    onCcSupervisorQueryChanged: event('cc-supervisor-query-changed'),
    onCcSupervisorViewChanged: event('cc-supervisor-view-changed'),
  },
} as const;

/** The tags that have a React component. */
export type WidgetTag = keyof typeof EVENTS;

/** The React prop for an event: `cc-sign-in-request` → `onCcSignInRequest`. */
export function eventProp(eventName: string): string {
  return 'on' + eventName.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase());
}
