// The one pure reducer: (state, event) → state. No clock, no I/O.

import type { Media, MediaState } from '../model/channel.js';
import type { DomainEvent } from './events.js';
import type { CcState } from './state.js';
import { holdsWrapUpChoice } from '../rules/wrap-up.js';

export function reduce(state: CcState, event: DomainEvent): CcState {
  switch (event.type) {
    case 'connection.changed': {
      if (state.connection.status === event.status && state.connection.error === event.error) return state;
      const connection =
        event.error === undefined
          ? { status: event.status, since: event.at }
          : { status: event.status, since: event.at, error: event.error };
      return { ...state, connection };
    }
    case 'profile.loaded':
      return { ...state, profile: event.profile, tenant: event.tenant };
    case 'session.signedIn': {
      const { signedOutReason: _dropped, ...rest } = state;
      return { ...rest, session: event.session };
    }
    case 'session.signedOut': {
      const { session: _session, signedOutReason: _old, ...rest } = state;
      const { selectedTaskId: _selected, ...kept } = rest;
      const next: CcState = {
        ...kept,
        media: {},
        tasks: [],
        queues: [],
        notices: [],
        wrapUpChoices: {},
        threads: {},
        unread: {},
        drafts: {},
        roster: {},
      };
      const { beingMonitored: _heard, ...cleared } = next;
      return event.reason === undefined ? cleared : { ...cleared, signedOutReason: event.reason };
    }
    case 'media.stateChanged': {
      if (!state.session) return state;
      const previous = state.media[event.media];
      const sameStatus = previous?.status === event.status && previous.reasonId === event.reasonId;
      const next: MediaState = {
        media: event.media,
        status: event.status,
        // A repeated status (a retry that failed again, a resync) keeps its start time: ST-9 must not reset.
        since: sameStatus && previous ? previous.since : event.at,
        ...(event.reasonId === undefined ? {} : { reasonId: event.reasonId }),
        ...(event.error === undefined ? {} : { error: event.error }),
        // Attempts count until the medium recovers: an adapter reporting each retry as signingIn then
        // failed must not reset the count, or ST-5 retries would never stop.
        ...((event.status === 'failed' || event.status === 'signingIn') && previous?.attempts !== undefined
          ? { attempts: previous.attempts }
          : {}),
      };
      return { ...state, media: { ...state.media, [event.media]: next } };
    }
    case 'media.retrying': {
      const previous = state.media[event.media];
      if (!previous) return state;
      // Signing in again: the retry rule waits for this attempt's answer before it plans another,
      // and the agent still sees why the last attempt failed.
      return {
        ...state,
        media: { ...state.media, [event.media]: { ...previous, status: 'signingIn', since: event.at, attempts: event.attempt } },
      };
    }
    case 'task.updated': {
      const index = state.tasks.findIndex((t) => t.id === event.task.id);
      const tasks = index < 0 ? [...state.tasks, event.task] : state.tasks.map((t, i) => (i === index ? event.task : t));
      return { ...state, tasks };
    }
    case 'task.removed': {
      const tasks = state.tasks.filter((t) => t.id !== event.taskId);
      if (tasks.length === state.tasks.length) return state;
      const next: CcState = {
        ...state,
        tasks,
        wrapUpChoices: without(state.wrapUpChoices, event.taskId),
        threads: without(state.threads, event.taskId),
        unread: without(state.unread, event.taskId),
        drafts: without(state.drafts, event.taskId),
        customerEdits: without(state.customerEdits, event.taskId),
      };
      if (state.selectedTaskId !== event.taskId) return next;
      const { selectedTaskId: _gone, ...rest } = next;
      return rest;
    }
    case 'thread.loading': {
      const previous = state.threads[event.taskId];
      return { ...state, threads: { ...state.threads, [event.taskId]: { status: 'loading', messages: previous?.messages ?? [] } } };
    }
    case 'thread.loaded':
      return { ...state, threads: { ...state.threads, [event.taskId]: { status: 'loaded', messages: event.messages } } };
    case 'thread.failed': {
      const previous = state.threads[event.taskId];
      const thread = { status: 'failed' as const, messages: previous?.messages ?? [], error: event.error };
      return { ...state, threads: { ...state.threads, [event.taskId]: thread } };
    }
    case 'message.added':
    case 'message.updated': {
      const { message } = event;
      const previous = state.threads[message.taskId] ?? { status: 'loaded' as const, messages: [] };
      const index = previous.messages.findIndex((m) => m.id === message.id);
      if (event.type === 'message.updated' && index < 0) return state;
      const messages = index < 0 ? [...previous.messages, message] : previous.messages.map((m, i) => (i === index ? message : m));
      const threads = { ...state.threads, [message.taskId]: { ...previous, messages } };
      // TP-2/TP-3: a new customer message counts as unread unless the agent is looking at that task.
      const unseen =
        event.type === 'message.added' && index < 0 && message.author === 'customer' && state.selectedTaskId !== message.taskId;
      return unseen
        ? { ...state, threads, unread: { ...state.unread, [message.taskId]: (state.unread[message.taskId] ?? 0) + 1 } }
        : { ...state, threads };
    }
    case 'draft.changed': {
      if (event.draft === undefined)
        return event.taskId in state.drafts ? { ...state, drafts: without(state.drafts, event.taskId) } : state;
      return { ...state, drafts: { ...state.drafts, [event.taskId]: event.draft } };
    }
    case 'customer.edited': {
      if (event.edits === undefined || Object.keys(event.edits).length === 0) {
        return event.taskId in state.customerEdits ? { ...state, customerEdits: without(state.customerEdits, event.taskId) } : state;
      }
      return { ...state, customerEdits: { ...state.customerEdits, [event.taskId]: event.edits } };
    }
    case 'task.selected': {
      const { selectedTaskId: _previous, ...rest } = state;
      if (event.taskId === undefined) return state.selectedTaskId === undefined ? state : rest;
      return { ...rest, selectedTaskId: event.taskId, unread: without(state.unread, event.taskId) };
    }
    case 'queues.loaded':
      return { ...state, queues: event.queues };
    case 'queue.updated': {
      const index = state.queues.findIndex((q) => q.id === event.queue.id);
      const queues = index < 0 ? [...state.queues, event.queue] : state.queues.map((q, i) => (i === index ? event.queue : q));
      return { ...state, queues };
    }
    case 'queue.removed': {
      const queues = state.queues.filter((q) => q.id !== event.queueId);
      return queues.length === state.queues.length ? state : { ...state, queues };
    }
    case 'notice.raised': {
      const others = state.notices.filter((n) => n.id !== event.notice.id);
      return { ...state, notices: [...others, event.notice] };
    }
    case 'notice.dismissed': {
      const notices = state.notices.filter((n) => n.id !== event.id);
      return notices.length === state.notices.length ? state : { ...state, notices };
    }
    case 'wrapUp.reasonChosen': {
      if (event.reasonId === undefined) {
        return event.taskId in state.wrapUpChoices ? { ...state, wrapUpChoices: without(state.wrapUpChoices, event.taskId) } : state;
      }
      if (state.wrapUpChoices[event.taskId] === event.reasonId) return state;
      return { ...state, wrapUpChoices: { ...state.wrapUpChoices, [event.taskId]: event.reasonId } };
    }
    case 'roster.loaded':
      return state.session ? { ...state, roster: Object.fromEntries(event.agents.map((a) => [a.id, a])) } : state;
    case 'roster.changed': {
      if (!state.session || event.agents.length === 0) return state;
      const roster = { ...state.roster };
      for (const agent of event.agents) roster[agent.id] = agent;
      return { ...state, roster };
    }
    case 'roster.removed': {
      const gone = event.agentIds.filter((id) => id in state.roster);
      if (gone.length === 0) return state;
      const roster = { ...state.roster };
      for (const id of gone) delete roster[id];
      return { ...state, roster };
    }
    case 'monitoring.changed': {
      if (event.monitoring === undefined) {
        const { beingMonitored: _over, ...rest } = state;
        return state.beingMonitored === undefined ? state : rest;
      }
      return { ...state, beingMonitored: event.monitoring };
    }
    case 'state.synced':
      return reconcile(state, event);
  }
}

/** SE-4: take the server's word for everything, but keep local start times where nothing changed. */
function reconcile(state: CcState, event: Extract<DomainEvent, { type: 'state.synced' }>): CcState {
  const { snapshot } = event;
  const media: Partial<Record<Media, MediaState>> = {};
  if (snapshot.session) {
    for (const m of snapshot.media) {
      const previous = state.media[m.media];
      const unchanged = previous && previous.status === m.status && previous.reasonId === m.reasonId;
      media[m.media] = unchanged ? { ...m, since: previous.since } : m;
    }
  }
  const tasks = snapshot.tasks.map((task) => {
    const previous = state.tasks.find((t) => t.id === task.id);
    return previous && previous.status === task.status ? { ...task, since: previous.since } : task;
  });
  // A chosen wrap-up reason outlives the reconnect while its task can still use it (WU-4, TP-15).
  const wrapUpChoices = Object.fromEntries(
    Object.entries(state.wrapUpChoices).filter(([taskId]) => tasks.some((t) => t.id === taskId && holdsWrapUpChoice(t))),
  );
  const queues = snapshot.session ? (snapshot.queues ?? state.queues) : [];
  // Threads, unread counts and the selection stay for tasks the server still has.
  const present = (taskId: string) => tasks.some((t) => t.id === taskId);
  const threads = Object.fromEntries(Object.entries(state.threads).filter(([taskId]) => present(taskId)));
  const unread = Object.fromEntries(Object.entries(state.unread).filter(([taskId]) => present(taskId)));
  const drafts = Object.fromEntries(Object.entries(state.drafts).filter(([taskId]) => present(taskId)));
  const customerEdits = Object.fromEntries(Object.entries(state.customerEdits).filter(([taskId]) => present(taskId)));
  const { session: _s, selectedTaskId, beingMonitored: _heard, ...rest } = state;
  const roster = snapshot.session ? Object.fromEntries((snapshot.roster ?? Object.values(state.roster)).map((a) => [a.id, a])) : {};
  const base: CcState = {
    ...rest,
    roster,
    profile: snapshot.profile,
    tenant: snapshot.tenant,
    media,
    tasks,
    queues,
    wrapUpChoices,
    threads,
    unread,
    drafts,
    customerEdits,
    ...(selectedTaskId !== undefined && present(selectedTaskId) ? { selectedTaskId } : {}),
    ...(snapshot.session && snapshot.beingMonitored && present(snapshot.beingMonitored.taskId)
      ? { beingMonitored: snapshot.beingMonitored }
      : {}),
  };
  return snapshot.session ? { ...base, session: snapshot.session } : base;
}

function without<T>(record: Readonly<Record<string, T>>, key: string): Readonly<Record<string, T>> {
  if (!(key in record)) return record;
  const { [key]: _dropped, ...rest } = record;
  return rest;
}
