// <cc-agent-state>: the channel indicator (ST-5), each channel group's state with its time
// (ST-1, ST-9) and the menu that moves one group or all of them (ST-3, ST-4).

import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { combineLatest, type Observable } from 'rxjs';
import {
  CcError,
  CHANNELS,
  reasonLabel,
  type Channel,
  type ChannelTarget,
  type ChannelView,
  type CcState,
  type ErrorInfo,
  type IndicatorState,
  type MediaState,
  type StateChangeRequest,
} from '@cc-elements/core';
import { CcElement } from '../internal/cc-element.js';
import { StoreController } from '../internal/store-controller.js';
import { controls } from '../internal/tokens.js';
import { channelName, errorMessage, indicatorName, mediaName, statusName, systemReasonName } from '../internal/messages.js';
import { formatDuration } from '../internal/format.js';
import { formatSpokenDuration } from '../internal/locale.js';
import { ShortcutController, type ShortcutAction, type Shortcuts } from '../internal/shortcuts.js';
import { styles } from './agent-state.styles.js';

/** What a state-change event carries: the core's request, as the menu offered it. */
export type StateChangeDetail = StateChangeRequest;

/** The menu's sections, in order: "All channels", then each group. */
const TARGETS: readonly ChannelTarget[] = ['all', ...CHANNELS];

/** KB (seed 002): the state shortcuts — the groups they move and where they go. "Digital" is every group but Voice. */
const STATE_SHORTCUTS: Readonly<
  Partial<Record<ShortcutAction, { readonly groups: readonly Channel[]; readonly status: 'ready' | 'notReady' }>>
> = {
  readyEmail: { groups: ['email'], status: 'ready' },
  readyChat: { groups: ['chatSocial'], status: 'ready' },
  notReadyEmail: { groups: ['email'], status: 'notReady' },
  notReadyChat: { groups: ['chatSocial'], status: 'notReady' },
  readyDigital: { groups: ['chatSocial', 'email'], status: 'ready' },
  notReadyDigital: { groups: ['chatSocial', 'email'], status: 'notReady' },
};

let nextId = 0;

/**
 * @summary The agent's channel states: an indicator of all channels, each group (Voice,
 * Chat/Social, Email) with its reason and time in state, and a menu to go Ready or Not Ready.
 *
 * Keyboard (KB, seed 002; remap through `shortcuts`, page-wide with `global-shortcuts`): while focus
 * is in a widget on the same client, Ctrl+Shift+4 / Ctrl+Shift+6 Email Ready / Not Ready,
 * Ctrl+Shift+5 / Ctrl+Shift+7 Chat/Social Ready / Not Ready, Ctrl+Shift+V / Ctrl+Shift+Z every
 * digital group Ready / Not Ready, Ctrl+Shift+L opens the menu. Each goes through
 * `cc-state-change-request` like a menu choice; focus stays where it was. In the menu Arrow keys,
 * Home/End move and Escape closes.
 *
 * @fires cc-state-change-request - Before a change is sent; cancelable. Detail: target, status, reason id.
 * @fires cc-state-changed - The backend accepted a change. Detail: target, status, reason id.
 * @fires cc-state-error - A change or a channel sign-in failed. Detail: code, message, trace id.
 *
 * @csspart connection-lost - SE-4: the banner while the backend connection is lost and being re-established.
 * @csspart trigger - The button that opens the menu.
 * @csspart indicator - The coloured dot; `data-state` is the ST-5 indicator state.
 * @csspart channel - One channel group's state and time.
 * @csspart menu - The state menu.
 * @csspart errors - Sign-in and state-change failures.
 *
 * @cssproperty --cc-agent-state-indicator-size - Diameter of the indicator dot.
 * @cssproperty --cc-agent-state-menu-inline-size - Width of the menu.
 */
@localized()
export class CcAgentState extends CcElement {
  static override styles = [CcElement.styles, controls, styles];

  /** Whether the state menu is open. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** KB: the host's shortcut table — only the actions to change, over `<cc-provider>`'s and the defaults; `null` turns one off. */
  @property({ attribute: false }) shortcuts: Shortcuts = {};

  /** KB: the shortcuts act wherever focus is on the page (never in the host's own fields), not only inside the widgets. */
  @property({ type: Boolean, attribute: 'global-shortcuts' }) globalShortcuts = false;

  @state() private pending = false;
  @state() private failure: ErrorInfo | undefined;

  readonly #id = `cc-agent-state-${nextId++}`;
  #reportedErrors = new WeakSet<ErrorInfo>();

  readonly #store = new StoreController<{
    indicator: IndicatorState;
    channels: readonly ChannelView[];
    times: readonly (number | undefined)[];
    state: CcState;
    menus: readonly (readonly StateChangeRequest[])[];
  }>(this, (client) => ({
    indicator: client.indicator$,
    channels: client.channels$,
    times: combineLatest(CHANNELS.map((c) => client.timeInState$(c))),
    state: client.state$,
    menus: combineLatest(TARGETS.map((target): Observable<readonly StateChangeRequest[]> => client.stateMenu$(target))),
  }));

  readonly #keys = new ShortcutController(
    this,
    {
      ...Object.fromEntries(
        Object.entries(STATE_SHORTCUTS).map(([action, change]) => [action, () => this.#shortcut(change.groups, change.status)]),
      ),
      openStateMenu: () => this.#openMenu(),
    },
    2,
  );

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pointerdown', this.#onOutsidePointer);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.#onOutsidePointer);
  }

  readonly #onOutsidePointer = (event: PointerEvent): void => {
    if (this.open && !event.composedPath().includes(this)) {
      this.open = false;
      this.#opener = undefined;
    }
  };

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open && changed.get('open') === false) this.#focusItem(0);
    // ST-5: each new channel failure is reported once to the host.
    for (const view of this.#store.value.channels ?? []) {
      for (const error of view.errors) {
        if (!this.#reportedErrors.has(error)) {
          this.#reportedErrors.add(error);
          this.emit('cc-state-error', error);
        }
      }
    }
  }

  get #items(): HTMLElement[] {
    return [...(this.renderRoot.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  }

  #focusItem(index: number): void {
    const items = this.#items;
    if (items.length === 0) return;
    items[(index + items.length) % items.length]!.focus();
  }

  #onMenuKey(event: KeyboardEvent): void {
    const items = this.#items;
    const current = items.indexOf(this.renderRoot.querySelector<HTMLElement>(':focus') ?? items[0]!);
    switch (event.key) {
      case 'ArrowDown':
        this.#focusItem(current + 1);
        break;
      case 'ArrowUp':
        this.#focusItem(current - 1);
        break;
      case 'Home':
        this.#focusItem(0);
        break;
      case 'End':
        this.#focusItem(items.length - 1);
        break;
      case 'Escape':
        this.#close();
        break;
      case 'Tab':
        this.open = false;
        this.#opener = undefined;
        return;
      default:
        return;
    }
    event.preventDefault();
  }

  #onTriggerKey(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.open = true;
    }
  }

  #close(): void {
    this.open = false;
    const opener = this.#opener;
    this.#opener = undefined;
    (opener?.isConnected ? opener : this.renderRoot.querySelector<HTMLElement>('[part="trigger"]'))?.focus();
  }

  get #signedIn(): boolean {
    const { state, channels } = this.#store.value;
    return state?.session !== undefined && (channels?.length ?? 0) > 0;
  }

  /** Where focus was when Ctrl+Shift+L opened the menu from elsewhere: it goes back there when the menu closes. */
  #opener: HTMLElement | undefined;

  /** Ctrl+Shift+L: the menu opens with focus on its first entry. */
  #openMenu(): boolean {
    if (!this.#signedIn) return false;
    if (this.open) {
      this.#focusItem(0);
      return true;
    }
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    this.#opener = active instanceof HTMLElement && active !== document.body && !this.shadowRoot?.contains(active) ? active : undefined;
    this.open = true;
    return true;
  }

  /**
   * KB: the groups go Ready or plain Not Ready through the entries the core offers them (ST-3), as
   * if chosen in the menu; a group already there (or not signed in) is left alone.
   */
  #shortcut(groups: readonly Channel[], status: 'ready' | 'notReady'): boolean {
    const menus = this.#store.value.menus;
    if (!this.#signedIn || !menus) return false;
    for (const group of groups) {
      const entry = menus[TARGETS.indexOf(group)]?.find((e) => e.status === status && e.reasonId === undefined);
      if (entry) void this.#choose(entry, false);
    }
    return true;
  }

  async #choose(detail: StateChangeDetail, fromMenu = true): Promise<void> {
    const client = this.activeClient;
    if (!client) return;
    if (fromMenu) this.#close();
    if (!this.emit('cc-state-change-request', detail, { cancelable: true })) return;
    this.pending = true;
    this.failure = undefined;
    try {
      await client.setChannelState(detail.target, detail.status, detail.reasonId);
      this.emit('cc-state-changed', detail);
    } catch (error) {
      this.failure = CcError.from(error).toInfo();
      this.emit('cc-state-error', this.failure);
    } finally {
      this.pending = false;
    }
  }

  /** Words for a menu entry the core chose (ST-3). */
  #entryLabel(entry: StateChangeRequest, state: CcState): string {
    if (entry.status === 'ready') return msg('Ready');
    const reason = reasonLabel(state, entry.reasonId);
    return reason ? msg(str`Not Ready – ${reason}`) : msg('Not Ready');
  }

  #statusText(view: ChannelView, state: CcState): string {
    // ST-6/ST-8: after a missed or declined offer the backend's own reason shows.
    const reason = reasonLabel(state, view.reasonId) ?? (view.reasonId === undefined ? undefined : systemReasonName(view.reasonId));
    return reason ? msg(str`Not Ready – ${reason}`) : statusName(view.status);
  }

  override render() {
    const { indicator, channels, times, state, menus } = this.#store.value;
    if (!this.activeClient) return html`<p role="status">${msg('No contact-center client is connected to this widget.')}</p>`;
    if (!indicator || !channels || !state || !times || !menus) return html`<p role="status" aria-busy="true">${msg('Loading…')}</p>`;
    const signedIn = state.session !== undefined && channels.length > 0;
    const menuId = `${this.#id}-menu`;
    return html`
      ${this.renderConnectionBanner()}
      <div class="bar">
        <button
          part="trigger"
          type="button"
          aria-haspopup="menu"
          aria-expanded=${this.open ? 'true' : 'false'}
          aria-controls=${menuId}
          aria-keyshortcuts=${this.#keys.aria('openStateMenu') ?? nothing}
          ?disabled=${!signedIn}
          aria-busy=${this.pending ? 'true' : 'false'}
          @click=${() => (this.open = !this.open)}
          @keydown=${this.#onTriggerKey}
        >
          <span part="indicator" data-state=${indicator} aria-hidden="true"></span>
          <span>${indicatorName(indicator)}</span>
        </button>
        ${
          signedIn
            ? html`<ul class="channels" aria-label=${msg('Channel states')}>
                ${channels.map((view) => this.#renderChannel(view, times[CHANNELS.indexOf(view.channel)], state))}
              </ul>`
            : nothing
        }
      </div>
      ${this.open && signedIn ? this.#renderMenu(menuId, channels, times, menus, state) : nothing} ${this.#renderErrors(channels, state)}
    `;
  }

  #renderChannel(view: ChannelView, elapsed: number | undefined, state: CcState): TemplateResult {
    return html`
      <li part="channel" data-channel=${view.channel}>
        <span>${msg(str`${channelName(view.channel)}:`)}</span>
        <strong class="status-${view.status}">${this.#statusText(view, state)}</strong>
        <time aria-label=${msg(str`for ${elapsed === undefined ? '' : formatSpokenDuration(elapsed)}`)}>${formatDuration(elapsed)}</time>
      </li>
    `;
  }

  #renderMenu(
    menuId: string,
    channels: readonly ChannelView[],
    times: readonly (number | undefined)[],
    menus: readonly (readonly StateChangeRequest[])[],
    state: CcState,
  ): TemplateResult {
    return html`
      <div part="menu" id=${menuId} role="menu" aria-label=${msg('Change channel state')} @keydown=${this.#onMenuKey}>
        ${TARGETS.map((target, i) => {
          const entries = menus[i] ?? [];
          if (entries.length === 0) return nothing;
          const view = channels.find((v) => v.channel === target);
          const label = channelName(target);
          return html`
            <div role="group" aria-label=${label} data-target=${target}>
              <div class="group-label" aria-hidden="true">
                <span>${label}</span>
                ${view ? html`<span>${this.#statusText(view, state)} · ${formatDuration(times[CHANNELS.indexOf(view.channel)])}</span>` : nothing}
              </div>
              ${entries.map(
                (entry) =>
                  html`<button role="menuitem" type="button" tabindex="-1" data-status=${entry.status} @click=${() => this.#choose(entry)}>
                    ${this.#entryLabel(entry, state)}
                  </button>`,
              )}
            </div>
          `;
        })}
      </div>
    `;
  }

  #renderErrors(channels: readonly ChannelView[], state: CcState): TemplateResult {
    const failed: MediaState[] = channels.flatMap((v) => v.media.filter((m) => m.error !== undefined));
    const limit = state.tenant.retryAttempts;
    return html`
      <div part="errors" role="alert">
        ${
          failed.length > 0 || this.failure
            ? html`<ul>
                ${this.failure ? html`<li>${errorMessage(this.failure)}${this.failure.traceId ? ` (${this.failure.traceId})` : ''}</li>` : nothing}
                ${failed.map(
                  (m) =>
                    html`<li data-media=${m.media}>
                      ${msg(str`${mediaName(m.media)}: ${channelFailure(m.error!)}`)}
                      ${m.status === 'failed' && m.attempts !== undefined ? msg(str`(attempt ${m.attempts} of ${limit})`) : nothing}
                    </li>`,
                )}
              </ul>`
            : nothing
        }
      </div>
    `;
  }
}

/** ST-5: a channel failure reads with the backend's own reason when it gives one. */
function channelFailure(error: ErrorInfo): string {
  return error.message.trim() !== '' ? error.message : errorMessage(error);
}

declare global {
  interface HTMLElementEventMap {
    'cc-state-change-request': CustomEvent<StateChangeDetail>;
    'cc-state-changed': CustomEvent<StateChangeDetail>;
    'cc-state-error': CustomEvent<ErrorInfo>;
  }
}
