// TP-1 and TP-2: offers waiting for Accept (several channels at once, each with its countdown and
// the backend's customer details) and the list of conversations in hand — channel icon, queue,
// time since accepted, customer name in bold, unread count highlighted; Up/Down move through it.

import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import type { Task, TaskTimes, TenantSettings } from '@cc-elements/core';
import { formatDuration } from '../internal/format.js';
import { channelIcon, channelLabel, customerOf } from './look.js';

/** An offer is urgent (and announced once more) with this little time left. */
export const LOW_TIME_MS = 10_000;

export interface OffersView {
  readonly offers: readonly Task[];
  readonly times: ReadonlyMap<string, TaskTimes>;
  readonly tenant: TenantSettings;
  readonly canAccept: boolean;
  readonly canDecline: boolean;
  /** KB: `aria-keyshortcuts` of Accept. */
  readonly acceptKeys?: string | undefined;
  readonly busy: (taskId: string, action: string) => boolean;
}

export interface OfferActions {
  accept(task: Task): void;
  decline(task: Task): void;
}

export function renderOffers(view: OffersView, actions: OfferActions): TemplateResult | typeof nothing {
  if (view.offers.length === 0) return nothing;
  return html`<ul part="offers" class="offers" aria-label=${msg('New conversations')}>
    ${repeat(
      view.offers,
      (t) => t.id,
      (task) => {
        const left = view.times.get(task.id)?.offer;
        const urgent = left !== undefined && left <= LOW_TIME_MS;
        const headingId = `offer-${task.id}-heading`;
        const accepting = view.busy(task.id, 'accept');
        const declining = view.busy(task.id, 'decline');
        return html`<li part="offer" class="offer" data-task-id=${task.id} data-media=${task.media} aria-labelledby=${headingId}>
          <div class="head">
            ${channelIcon(task, view.tenant)}
            <strong id=${headingId}>${msg(str`New ${channelLabel(task, view.tenant)}: ${customerOf(task)}`)}</strong>
            ${
              left === undefined
                ? nothing
                : html`<span part="countdown" class="countdown" ?data-urgent=${urgent}
                    ><span class="visually-hidden">${msg('Time left to accept:')} </span>${formatDuration(left)}</span
                  >`
            }
          </div>
          ${task.queueName ? html`<p class="muted">${msg('Queue:')} <span part="queue">${task.queueName}</span></p>` : nothing}
          ${
            task.customer?.length
              ? html`<dl part="offer-details" class="offer-details">
                  ${task.customer.map(
                    (f) =>
                      html`<div>
                        <dt>${f.label}</dt>
                        <dd>${f.value}</dd>
                      </div>`,
                  )}
                </dl>`
              : nothing
          }
          <div class="actions">
            ${
              view.canAccept
                ? html`<button
                    part="accept"
                    class="primary"
                    type="button"
                    aria-keyshortcuts=${view.acceptKeys ?? nothing}
                    aria-busy=${accepting ? 'true' : 'false'}
                    aria-disabled=${accepting ? 'true' : 'false'}
                    @click=${() => !accepting && actions.accept(task)}
                  >
                    ${msg('Accept')}
                  </button>`
                : nothing
            }
            ${
              // DX-6: the backend declines at all, and this offer's queue (skill) allows it.
              view.canDecline && task.declinable !== false
                ? html`<button
                    part="decline"
                    type="button"
                    aria-busy=${declining ? 'true' : 'false'}
                    aria-disabled=${declining ? 'true' : 'false'}
                    @click=${() => !declining && actions.decline(task)}
                  >
                    ${msg('Decline')}
                  </button>`
                : nothing
            }
          </div>
        </li>`;
      },
    )}
  </ul>`;
}

export interface TaskListView {
  readonly tasks: readonly Task[];
  readonly selectedId: string | undefined;
  readonly unread: Readonly<Record<string, number>>;
  readonly totalUnread: number;
  readonly times: ReadonlyMap<string, TaskTimes>;
  readonly tenant: TenantSettings;
  readonly collapsed: boolean;
  /** KB: `aria-keyshortcuts` of the list's toggle. */
  readonly toggleKeys?: string | undefined;
}

export interface TaskListActions {
  select(task: Task): void;
  toggle(): void;
  keydown(event: KeyboardEvent): void;
}

export function renderTaskList(view: TaskListView, actions: TaskListActions): TemplateResult {
  const listId = 'task-list';
  return html`<nav part="task-list" class="task-list" aria-label=${msg('Conversations')} ?data-collapsed=${view.collapsed}>
    <button
      part="task-list-toggle"
      class="list-toggle"
      type="button"
      aria-expanded=${view.collapsed ? 'false' : 'true'}
      aria-controls=${listId}
      aria-keyshortcuts=${view.toggleKeys ?? nothing}
      @click=${() => actions.toggle()}
    >
      <span>${msg(str`Conversations (${view.tasks.length})`)}</span>
      ${
        view.collapsed && view.totalUnread > 0
          ? html`<span class="unread" part="unread-total">${view.totalUnread}<span class="visually-hidden"> ${msg('unread')}</span></span>`
          : nothing
      }
    </button>
    <ul
      id=${listId}
      role="listbox"
      aria-label=${msg('Conversations')}
      ?hidden=${view.collapsed}
      @keydown=${(e: KeyboardEvent) => actions.keydown(e)}
    >
      ${repeat(
        view.tasks,
        (t) => t.id,
        (task) => {
          const selected = task.id === view.selectedId;
          const unread = view.unread[task.id] ?? 0;
          const elapsed = view.times.get(task.id)?.elapsed;
          return html`<li
            part="task"
            role="option"
            class="task"
            data-task-id=${task.id}
            data-status=${task.status}
            ?data-unread=${unread > 0}
            aria-selected=${selected ? 'true' : 'false'}
            tabindex=${selected || (view.selectedId === undefined && task === view.tasks[0]) ? '0' : '-1'}
            @click=${() => actions.select(task)}
            @keydown=${(e: KeyboardEvent) => {
              if (e.key !== 'Enter' && e.key !== ' ') return;
              e.preventDefault();
              actions.select(task);
            }}
          >
            ${channelIcon(task, view.tenant)}
            <span class="task-main">
              <strong part="task-customer" class="task-name">${customerOf(task)}</strong>
              ${task.queueName ? html`<span part="task-queue" class="muted">${task.queueName}</span>` : nothing}
            </span>
            <span class="task-side">
              ${
                task.status === 'wrapUp'
                  ? html`<span class="muted">${msg('Wrap-up')}</span>`
                  : html`<time part="task-timer">${formatDuration(elapsed)}</time>`
              }
              ${
                unread > 0
                  ? html`<span part="unread" class="unread"
                      >${unread}<span class="visually-hidden"> ${unread === 1 ? msg('unread message') : msg('unread messages')}</span></span
                    >`
                  : nothing
              }
            </span>
          </li>`;
        },
      )}
    </ul>
  </nav>`;
}
