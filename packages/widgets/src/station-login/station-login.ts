// <cc-station-login>: the agent's sign-in form (SL-1…SL-12) and, once signed in, the station
// summary with sign-out (SL-11). The form only collects and checks; the client signs in.

import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { localized, msg, str } from '@lit/localize';
import {
  CcError,
  countryOptions,
  filterCountries,
  restrictedToDefaultDialNumber,
  stationKindsOffered,
  teamRequired,
  splitE164,
  validateDialNumber,
  validateExtension,
  type AgentProfile,
  type AgentSession,
  type ConnectionState,
  type CountryOption,
  type DialNumberResult,
  type ErrorInfo,
  type RememberedStation,
  type Role,
  type SignOutAllowance,
  type Station,
  type StationKind,
  type TenantSettings,
} from '@cc-elements/core';
import { CcElement } from '../internal/cc-element.js';
import { formatLocale } from '../internal/locale.js';
import { StoreController } from '../internal/store-controller.js';
import { controls } from '../internal/tokens.js';
import { FocusKeeper } from '../internal/keep-focus.js';
import { dialNumberProblem, errorMessage, extensionProblem, roleName, signOutBlocker, stationKindName } from '../internal/messages.js';
import { styles } from './station-login.styles.js';

export interface SignInRequestDetail {
  readonly role: Role;
  readonly station: Station;
  readonly teamId?: string;
}

type Field = 'dialNumber' | 'extension' | 'team';

let nextId = 0;

/**
 * @summary Station login: role, station (dial number, extension or browser desktop), team and
 * "remember my credentials"; checks the number before anything is sent, then shows the signed-in
 * station with a sign-out that says why it is not allowed yet.
 *
 * @fires cc-sign-in-request - Before signing in; cancelable. Detail: role, station, team id.
 * @fires cc-signed-in - Signed in. Detail: the session.
 * @fires cc-sign-in-error - The backend refused. Detail: code, message, trace id.
 * @fires cc-signed-out - Signed out by the agent.
 *
 * @csspart connection-lost - SE-4: the banner while the backend connection is lost and being re-established.
 * @csspart form - The sign-in form.
 * @csspart submit - The sign-in button.
 * @csspart server-error - The backend's refusal, with its trace id.
 * @csspart summary - The signed-in station summary.
 * @csspart sign-out - The sign-out button.
 *
 * @cssproperty --cc-station-login-max-inline-size - Widest the form grows (default 32rem).
 * @cssproperty --cc-station-login-gap - Space between fields.
 */
@localized()
export class CcStationLogin extends CcElement {
  static override styles = [CcElement.styles, controls, styles];

  /** Locale for country names; defaults to the widgets' language (PL-4). */
  @property() locale: string | undefined;

  /**
   * Whether this browser can run the Desktop (WebRTC) station. Detected when unset; hosts that
   * know better (or tests) may set it.
   */
  @property({ attribute: false }) webRtcSupported: boolean | undefined;

  @state() private chosenRole: Role | undefined;
  @state() private stationKind: StationKind | undefined;
  @state() private international = true;
  @state() private country = 'US';
  @state() private countryQuery = '';
  @state() private nationalNumber = '';
  @state() private otherNumber = '';
  @state() private extension = '';
  @state() private teamId = '';
  @state() private teamQuery = '';
  @state() private remember = false;
  @state() private touched = new Set<Field>();
  @state() private dialResult: DialNumberResult | undefined;
  @state() private countries: CountryOption[] = [];
  @state() private submitting = false;
  @state() private signingOut = false;
  @state() private serverError: ErrorInfo | undefined;
  @state() private notice: string | undefined;

  readonly #id = `cc-station-login-${nextId++}`;
  #prefilledFor: AgentProfile | undefined;
  #validation = 0;
  /** Work started outside a render (country list, number checks, prefill) that updateComplete waits for. */
  #pending = new Set<Promise<unknown>>();

  readonly #store = new StoreController<{
    connection: ConnectionState;
    profile: AgentProfile | undefined;
    tenant: TenantSettings;
    session: AgentSession | undefined;
    signOut: SignOutAllowance;
  }>(this, (client) => ({
    connection: client.connection$,
    profile: client.profile$,
    tenant: client.tenant$,
    session: client.session$,
    signOut: client.signOutAllowance$,
  }));

  /**
   * PL-5: signed in, the form gives way to the summary (and signed out, the other way round): focus
   * goes to the new heading instead of dropping to the page, and a screen reader reads where it is.
   */
  constructor() {
    super();
    new FocusKeeper(this, () => this.renderRoot.querySelector<HTMLElement>('h2'));
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const { profile, tenant } = this.#store.value;
    if (profile && tenant && profile !== this.#prefilledFor) {
      this.#prefilledFor = profile;
      this.#track(this.#prefill(profile, tenant));
    }
    // The country list (numbering plans and 245 names) is worked out when a dial number is asked
    // for, not before: most of a page's first paint never needs it.
    if (this.stationKind === 'dialNumber' && this.#countriesIn !== this.#locale) {
      this.#countriesIn = this.#locale;
      this.#track(this.#loadCountries());
    }
  }

  /** Resolves once the form has settled: renders done and no country list or number check pending. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.#pending.size > 0) {
      await Promise.allSettled([...this.#pending]);
      complete = (await super.getUpdateComplete()) && complete;
    }
    return complete;
  }

  #track(work: Promise<unknown>): void {
    this.#pending.add(work);
    void work.finally(() => this.#pending.delete(work));
  }

  get #locale(): string {
    return this.locale ?? formatLocale();
  }

  /** The locale the country list is (being) worked out in. */
  #countriesIn: string | undefined;

  async #loadCountries(): Promise<void> {
    this.countries = await countryOptions(this.#locale);
  }

  /** SL-5 and SL-9: start from the remembered details, the tenant's default number and SL-2's preselection. */
  async #prefill(profile: AgentProfile, tenant: TenantSettings): Promise<void> {
    const remembered = await this.activeClient?.rememberedStation();
    const kinds = this.#stationKinds(tenant);
    this.chosenRole = remembered && profile.roles.includes(remembered.role) ? remembered.role : profile.roles[0];
    this.stationKind =
      remembered && kinds.includes(remembered.stationKind)
        ? remembered.stationKind
        : kinds.includes('dialNumber')
          ? 'dialNumber'
          : kinds[0];
    this.teamId = remembered?.teamId && profile.teams.some((t) => t.id === remembered.teamId) ? remembered.teamId : '';
    this.remember = remembered !== undefined;
    this.country = tenant.defaultCountry;
    this.international = true;
    this.nationalNumber = '';
    this.otherNumber = '';
    this.extension = '';
    const useDefault = tenant.defaultDialNumber !== undefined && (tenant.restrictToDefaultDialNumber || !remembered?.dialNumber);
    if (useDefault && tenant.defaultDialNumber) {
      const split = await splitE164(tenant.defaultDialNumber);
      if (split) {
        this.country = split.country;
        this.nationalNumber = split.number;
      } else {
        this.international = false;
        this.otherNumber = tenant.defaultDialNumber;
      }
      this.extension = tenant.defaultDialNumber.replace(/\D/g, '');
    } else if (remembered) {
      this.#applyRemembered(remembered);
    }
    await this.#validateDialNumber();
  }

  #applyRemembered(remembered: RememberedStation): void {
    this.international = remembered.international ?? true;
    if (remembered.country) this.country = remembered.country;
    if (remembered.dialNumber !== undefined) {
      if (this.international) this.nationalNumber = remembered.dialNumber;
      else this.otherNumber = remembered.dialNumber;
    }
    if (remembered.extension !== undefined) this.extension = remembered.extension;
  }

  #stationKinds(tenant: TenantSettings): StationKind[] {
    const client = this.activeClient;
    return client ? stationKindsOffered(tenant, client.capabilities) : [];
  }

  get #webRtc(): boolean {
    return this.webRtcSupported ?? (typeof RTCPeerConnection === 'function' && typeof navigator.mediaDevices?.getUserMedia === 'function');
  }

  async #validateDialNumber(): Promise<void> {
    const run = ++this.#validation;
    const tenant = this.#store.value.tenant;
    const result = await validateDialNumber(
      this.international
        ? { format: 'international', country: this.country, number: this.nationalNumber }
        : { format: 'other', value: this.otherNumber, origin: tenant?.defaultCountry ?? 'US' },
      tenant?.dialNumberCheck,
    );
    // A slower check of older input must not overwrite a newer one.
    if (run === this.#validation) this.dialResult = result;
  }

  get #restricted(): boolean {
    const tenant = this.#store.value.tenant;
    return tenant !== undefined && restrictedToDefaultDialNumber(tenant);
  }

  get #teamRequired(): boolean {
    return this.chosenRole !== undefined && teamRequired(this.#store.value.profile, this.chosenRole);
  }

  /** The station to send, or undefined while the form is not valid. */
  get #station(): Station | undefined {
    switch (this.stationKind) {
      case 'dialNumber':
        return this.dialResult?.ok ? { kind: 'dialNumber', number: this.dialResult.e164 } : undefined;
      case 'extension': {
        const result = validateExtension(this.extension);
        return result.ok ? { kind: 'extension', extension: result.extension } : undefined;
      }
      case 'desktop':
        return this.#webRtc ? { kind: 'desktop' } : undefined;
      default:
        return undefined;
    }
  }

  get #canSubmit(): boolean {
    return (
      !this.submitting &&
      this.#store.value.connection?.status === 'connected' &&
      this.chosenRole !== undefined &&
      this.#station !== undefined &&
      (!this.#teamRequired || this.teamId !== '')
    );
  }

  #touch(field: Field): void {
    if (!this.touched.has(field)) this.touched = new Set([...this.touched, field]);
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    // Busy, not disabled, while signing in: a disabled button would drop keyboard focus to the page.
    if (this.submitting) return;
    const client = this.activeClient;
    const station = this.#station;
    if (!client || !station || !this.chosenRole || !this.#canSubmit) {
      this.touched = new Set<Field>(['dialNumber', 'extension', 'team']);
      return;
    }
    const teamId = this.#teamRequired ? this.teamId : undefined;
    const detail: SignInRequestDetail = { role: this.chosenRole, station, ...(teamId ? { teamId } : {}) };
    if (!this.emit('cc-sign-in-request', detail, { cancelable: true })) return;
    this.submitting = true;
    this.serverError = undefined;
    this.notice = undefined;
    try {
      const result = await client.signIn({ ...detail, remember: this.remember ? this.#rememberedDetails(teamId) : false });
      if (result.remembered === 'failed') this.notice = msg('You are signed in, but your credentials were not saved.');
      const session = client.state.session;
      if (session) this.emit('cc-signed-in', session);
    } catch (error) {
      this.serverError = CcError.from(error).toInfo();
      this.emit('cc-sign-in-error', this.serverError);
    } finally {
      this.submitting = false;
    }
  }

  #rememberedDetails(teamId: string | undefined): RememberedStation {
    return {
      role: this.chosenRole!,
      stationKind: this.stationKind!,
      international: this.international,
      country: this.country,
      ...(this.stationKind === 'dialNumber' ? { dialNumber: this.international ? this.nationalNumber : this.otherNumber } : {}),
      ...(this.stationKind === 'extension' ? { extension: this.extension } : {}),
      ...(teamId ? { teamId } : {}),
    };
  }

  async #signOut(): Promise<void> {
    const client = this.activeClient;
    if (!client) return;
    this.signingOut = true;
    this.serverError = undefined;
    try {
      await client.signOut();
      this.notice = undefined;
      this.emit('cc-signed-out', undefined);
      // SL-9 prefill again from what was remembered.
      this.#prefilledFor = undefined;
      this.requestUpdate();
    } catch (error) {
      this.serverError = CcError.from(error).toInfo();
    } finally {
      this.signingOut = false;
    }
  }

  override render() {
    const { connection, profile, tenant, session } = this.#store.value;
    if (!this.activeClient) return html`<p role="status">${msg('No contact-center client is connected to this widget.')}</p>`;
    if (connection?.status === 'failed') {
      return html`<div part="server-error" role="alert">
        <p>${msg('The contact center could not be loaded.')} ${connection.error ? errorMessage(connection.error) : ''}</p>
      </div>`;
    }
    if (!profile || !tenant || (connection?.status !== 'connected' && connection?.status !== 'lost'))
      return html`<p role="status" aria-busy="true">${msg('Loading your profile…')}</p>`;
    return html`${this.renderConnectionBanner()}${session ? this.#renderSignedIn(session, profile) : this.#renderForm(profile, tenant)}`;
  }

  #renderForm(profile: AgentProfile, tenant: TenantSettings): TemplateResult {
    const kinds = this.#stationKinds(tenant);
    return html`
      <form part="form" novalidate @submit=${this.#submit} aria-labelledby="${this.#id}-title">
        <h2 id="${this.#id}-title" tabindex="-1">${msg('Station login')}</h2>
        ${profile.roles.length > 1 ? this.#renderRoles(profile.roles) : nothing} ${this.#renderStationKinds(kinds)}
        ${this.stationKind === 'dialNumber' ? this.#renderDialNumber() : nothing}
        ${this.stationKind === 'extension' ? this.#renderExtension() : nothing}
        ${this.stationKind === 'desktop' ? html`<p class="hint">${msg('Calls ring in this browser. Your microphone is used for calls.')}</p>` : nothing}
        ${this.#teamRequired ? this.#renderTeam(profile) : nothing}
        <label class="choice">
          <input
            type="checkbox"
            .checked=${live(this.remember)}
            @change=${(e: Event) => (this.remember = (e.target as HTMLInputElement).checked)}
          />
          ${msg('Remember my credentials')}
        </label>
        ${this.#renderServerError()}
        <div class="actions">
          <button
            part="submit"
            class="primary"
            type="submit"
            ?disabled=${!this.#canSubmit && !this.submitting}
            aria-disabled=${this.submitting ? 'true' : 'false'}
            aria-busy=${this.submitting ? 'true' : 'false'}
          >
            ${this.submitting ? msg('Signing in…') : msg('Sign in')}
          </button>
        </div>
      </form>
    `;
  }

  #renderRoles(roles: readonly Role[]): TemplateResult {
    return html`
      <fieldset>
        <legend>${msg('Role')}</legend>
        <div class="choices">
          ${roles.map(
            (role) => html`
              <label class="choice">
                <input
                  type="radio"
                  name="role"
                  .value=${role}
                  .checked=${live(this.chosenRole === role)}
                  @change=${() => (this.chosenRole = role)}
                />
                ${roleName(role)}
              </label>
            `,
          )}
        </div>
      </fieldset>
    `;
  }

  #renderStationKinds(kinds: readonly StationKind[]): TemplateResult {
    return html`
      <fieldset>
        <legend>${msg('Station')}</legend>
        <div class="choices">
          ${kinds.map((kind) => {
            const unavailable = kind === 'desktop' && !this.#webRtc;
            const whyId = `${this.#id}-${kind}-why`;
            return html`
              <label class="choice">
                <input
                  type="radio"
                  name="station"
                  .value=${kind}
                  .checked=${live(this.stationKind === kind)}
                  ?disabled=${unavailable}
                  aria-describedby=${ifDefined(unavailable ? whyId : undefined)}
                  @change=${() => (this.stationKind = kind)}
                />
                ${stationKindName(kind)}
                ${unavailable ? html`<small id=${whyId}>${msg('(this browser cannot place calls: WebRTC is not available)')}</small>` : nothing}
              </label>
            `;
          })}
        </div>
      </fieldset>
    `;
  }

  #renderDialNumber(): TemplateResult {
    const restricted = this.#restricted;
    const errorId = `${this.#id}-dial-error`;
    const hintId = `${this.#id}-dial-hint`;
    const showError = this.touched.has('dialNumber') && this.dialResult !== undefined && !this.dialResult.ok;
    const problem = this.dialResult && !this.dialResult.ok ? this.dialResult.problem : undefined;
    const onNumber = (e: Event) => {
      const value = (e.target as HTMLInputElement).value;
      if (this.international) this.nationalNumber = value;
      else this.otherNumber = value;
      this.#track(this.#validateDialNumber());
    };
    const describedBy = showError ? `${errorId} ${hintId}` : hintId;
    // One field for both formats: the label, autocomplete hint and value differ.
    const numberField = html`
      <label class="field-label" for="${this.#id}-number">${this.international ? msg('Number') : msg('Number (E.164 or IDD)')}</label>
      <input
        id="${this.#id}-number"
        type="tel"
        inputmode="tel"
        autocomplete=${this.international ? 'tel-national' : 'tel'}
        .value=${live(this.international ? this.nationalNumber : this.otherNumber)}
        ?readonly=${restricted}
        aria-invalid=${showError ? 'true' : 'false'}
        aria-describedby=${describedBy}
        @input=${onNumber}
        @blur=${() => this.#touch('dialNumber')}
      />
    `;
    return html`
      <fieldset>
        <legend>${msg('Dial number')}</legend>
        <label class="choice">
          <input
            type="checkbox"
            .checked=${live(this.international)}
            ?disabled=${restricted}
            @change=${(e: Event) => {
              this.international = (e.target as HTMLInputElement).checked;
              this.#track(this.#validateDialNumber());
            }}
          />
          ${msg('International format')}
        </label>
        ${
          this.international
            ? html`<div class="dial">
                ${this.#renderCountry(restricted)}
                <div>${numberField}</div>
              </div>`
            : numberField
        }
        <p class="hint" id=${hintId}>
          ${
            restricted
              ? msg('Your administrator set this number; it cannot be changed.')
              : this.international
                ? msg('Choose the country code, then type the number without it.')
                : msg('For example +11234567890 (E.164) or 01161123456789 (IDD).')
          }
        </p>
        ${showError && problem ? html`<p class="error" id=${errorId}>${dialNumberProblem(problem)}</p>` : nothing}
      </fieldset>
    `;
  }

  #renderCountry(restricted: boolean): TemplateResult {
    const matches = filterCountries(this.countries, this.countryQuery);
    const chosen = this.countries.find((c) => c.country === this.country);
    // The chosen country stays selectable even when the search hides it.
    const options = chosen && !matches.includes(chosen) ? [chosen, ...matches] : matches;
    return html`
      <div class="country">
        <label class="field-label" for="${this.#id}-country">${msg('Country code')}</label>
        <input
          type="search"
          aria-label=${msg('Search country or code')}
          placeholder=${msg('Search country or code')}
          aria-controls="${this.#id}-country"
          .value=${live(this.countryQuery)}
          ?disabled=${restricted}
          @input=${(e: Event) => {
            this.countryQuery = (e.target as HTMLInputElement).value;
            const first = filterCountries(this.countries, this.countryQuery)[0];
            if (first && !filterCountries(this.countries, this.countryQuery).some((c) => c.country === this.country)) {
              this.country = first.country;
              this.#track(this.#validateDialNumber());
            }
          }}
        />
        <select
          id="${this.#id}-country"
          ?disabled=${restricted}
          @change=${(e: Event) => {
            this.country = (e.target as HTMLSelectElement).value;
            this.#track(this.#validateDialNumber());
          }}
        >
          ${options.map((c) => html`<option value=${c.country} ?selected=${c.country === this.country}>${c.name} (+${c.callingCode})</option>`)}
        </select>
        ${matches.length === 0 ? html`<p class="hint" role="status">${msg('No country matches.')}</p>` : nothing}
      </div>
    `;
  }

  #renderExtension(): TemplateResult {
    const result = validateExtension(this.extension);
    const showError = this.touched.has('extension') && !result.ok;
    const errorId = `${this.#id}-extension-error`;
    return html`
      <div>
        <label class="field-label" for="${this.#id}-extension">${msg('Extension')}</label>
        <input
          id="${this.#id}-extension"
          inputmode="numeric"
          autocomplete="off"
          .value=${live(this.extension)}
          ?readonly=${this.#restricted}
          aria-invalid=${showError ? 'true' : 'false'}
          aria-describedby=${ifDefined(showError ? errorId : undefined)}
          @input=${(e: Event) => (this.extension = (e.target as HTMLInputElement).value)}
          @blur=${() => this.#touch('extension')}
        />
        ${showError && !result.ok ? html`<p class="error" id=${errorId}>${extensionProblem(result.problem)}</p>` : nothing}
      </div>
    `;
  }

  #renderTeam(profile: AgentProfile): TemplateResult {
    const q = this.teamQuery.trim().toLocaleLowerCase();
    const teams = profile.teams.filter((t) => q === '' || t.name.toLocaleLowerCase().includes(q) || t.id === this.teamId);
    const showError = this.touched.has('team') && this.teamId === '';
    const errorId = `${this.#id}-team-error`;
    return html`
      <div class="country">
        <label class="field-label" for="${this.#id}-team">${msg('Team')}</label>
        ${
          profile.teams.length > 5
            ? html`<input
                type="search"
                aria-label=${msg('Search teams')}
                placeholder=${msg('Search teams')}
                aria-controls="${this.#id}-team"
                .value=${live(this.teamQuery)}
                @input=${(e: Event) => (this.teamQuery = (e.target as HTMLInputElement).value)}
              />`
            : nothing
        }
        <select
          id="${this.#id}-team"
          aria-invalid=${showError ? 'true' : 'false'}
          aria-describedby=${ifDefined(showError ? errorId : undefined)}
          @change=${(e: Event) => (this.teamId = (e.target as HTMLSelectElement).value)}
          @blur=${() => this.#touch('team')}
        >
          <option value="" ?selected=${this.teamId === ''}>${msg('Choose a team')}</option>
          ${teams.map((t) => html`<option value=${t.id} ?selected=${t.id === this.teamId}>${t.name}</option>`)}
        </select>
        ${showError ? html`<p class="error" id=${errorId}>${msg('Choose your team.')}</p>` : nothing}
      </div>
    `;
  }

  #renderServerError(): TemplateResult {
    // The live region is always in the DOM so screen readers announce the message when it appears.
    return html`
      <div role="alert">
        ${
          this.serverError
            ? html`<div part="server-error">
                <p>${errorMessage(this.serverError)}</p>
                ${this.serverError.traceId ? html`<p class="trace">${msg(str`Trace id: ${this.serverError.traceId}`)}</p>` : nothing}
              </div>`
            : nothing
        }
      </div>
    `;
  }

  #renderSignedIn(session: AgentSession, profile: AgentProfile): TemplateResult {
    const allowance = this.#store.value.signOut;
    const team = profile.teams.find((t) => t.id === session.teamId);
    const whyId = `${this.#id}-why`;
    const blocked = !allowance?.allowed;
    return html`
      <section part="summary" aria-labelledby="${this.#id}-signed-in">
        <h2 id="${this.#id}-signed-in" tabindex="-1">${msg(str`Signed in as ${profile.name}`)}</h2>
        <dl>
          <dt>${msg('Role')}</dt>
          <dd>${roleName(session.role)}</dd>
          <dt>${msg('Station')}</dt>
          <dd>${this.#stationText(session.station)}</dd>
          ${
            team
              ? html`<dt>${msg('Team')}</dt>
                  <dd>${team.name}</dd>`
              : nothing
          }
        </dl>
        ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing} ${this.#renderServerError()}
        <div class="actions">
          <button
            part="sign-out"
            type="button"
            ?disabled=${blocked && !this.signingOut}
            aria-disabled=${this.signingOut ? 'true' : 'false'}
            aria-describedby=${ifDefined(blocked ? whyId : undefined)}
            @click=${() => !this.signingOut && this.#signOut()}
          >
            ${this.signingOut ? msg('Signing out…') : msg('Sign out')}
          </button>
        </div>
        ${blocked && allowance ? html`<p class="hint" id=${whyId}>${allowance.blockers.map(signOutBlocker).join(' ')}</p>` : nothing}
      </section>
    `;
  }

  #stationText(station: Station): string {
    switch (station.kind) {
      case 'dialNumber':
        return `${stationKindName('dialNumber')} ${station.number}`;
      case 'extension':
        return `${stationKindName('extension')} ${station.extension}`;
      case 'desktop':
        return stationKindName('desktop');
    }
  }
}

declare global {
  interface HTMLElementEventMap {
    'cc-sign-in-request': CustomEvent<SignInRequestDetail>;
    'cc-signed-in': CustomEvent<AgentSession>;
    'cc-sign-in-error': CustomEvent<ErrorInfo>;
    'cc-signed-out': CustomEvent<undefined>;
  }
}
