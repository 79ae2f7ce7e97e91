// TP-6…TP-10, DX-1, DX-4: the chat/SMS/social composer — character count and the limit, the send
// keystroke of the medium, attachments with previews and per-file refusals (chat), the template
// picker (groups, all, search, locked ones), social formatting (one style per selection), the
// workflow list, the reply permission and the SLA while the reply field has focus.

import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import {
  formatBytes,
  SOCIAL_STYLES,
  type ComposerCheck,
  type ErrorInfo,
  type RefusedFile,
  type SocialStyle,
  type Task,
  type Template,
  type TemplateGroups,
  type Workflow,
} from '@cc-elements/core';
import { errorMessage } from '../internal/messages.js';
import { formatLocale } from '../internal/locale.js';

export interface PendingFile {
  readonly id: string;
  readonly file: File;
}

export interface ComposerView {
  readonly task: Task;
  readonly text: string;
  readonly check: ComposerCheck;
  readonly limit: number;
  /** Words for the send keystroke of this medium ("Enter sends", "Ctrl+Enter sends"). */
  readonly sendHint: string;
  /** KB: `aria-keyshortcuts` of Send (the host's chord; the medium's own Enter is in `sendHint`). */
  readonly sendKeys?: string | undefined;
  readonly social: boolean;
  readonly activeStyle: SocialStyle | undefined;
  /** TP-7: attachments exist for this medium (its rules are configured). */
  readonly attachments: boolean;
  readonly files: readonly PendingFile[];
  readonly refused: readonly RefusedFile<File>[];
  readonly templates: TemplateGroups;
  readonly templatesOpen: boolean;
  /** '' for "All templates", else a group's name. */
  readonly templateTab: string;
  readonly templateQuery: string;
  readonly shownTemplates: readonly Template[];
  /** TP-8: an edit of a locked template was refused. */
  readonly lockedRefused: boolean;
  readonly lockedTemplate: boolean;
  readonly missingSystem: readonly string[];
  readonly workflows: readonly Workflow[];
  readonly workflowsOpen: boolean;
  readonly canRunWorkflows: boolean;
  /** DX-1: false when the agent's messages need approval (drafts only). */
  readonly canReply: boolean;
  readonly canSend: boolean;
  /** DX-4: the SLA line shown while the reply field has focus. */
  readonly sla: string | undefined;
  readonly sending: boolean;
  readonly sendError: ErrorInfo | undefined;
}

export interface ComposerActions {
  input(event: InputEvent): void;
  keydown(event: KeyboardEvent): void;
  selectionChange(event: Event): void;
  focus(): void;
  blur(): void;
  send(): void;
  style(style: SocialStyle): void;
  pickFiles(): void;
  filesChosen(files: readonly File[]): void;
  removeFile(file: PendingFile): void;
  toggleTemplates(): void;
  templateTab(tab: string): void;
  templateSearch(query: string): void;
  chooseTemplate(template: Template): void;
  toggleWorkflows(): void;
  chooseWorkflow(workflow: Workflow): void;
  menuKeydown(event: KeyboardEvent, menu: 'templates' | 'workflows'): void;
}

const STYLE_WORDS: Record<SocialStyle, () => { label: string; glyph: string }> = {
  bold: () => ({ label: msg('Bold'), glyph: 'B' }),
  italic: () => ({ label: msg('Italic'), glyph: 'I' }),
  strikethrough: () => ({ label: msg('Strikethrough'), glyph: 'S' }),
};

export function refusalText(refused: RefusedFile<File>): string {
  const name = refused.file.name;
  switch (refused.reason) {
    case 'pci':
      return msg(str`${name} was removed: it failed the payment-card (PCI) check.`);
    case 'format':
      return msg(str`${name} is not a format you can send here.`);
    case 'tooLarge':
      return msg(str`${name} is larger than the ${formatBytes(refused.limit ?? 0, formatLocale())} allowed.`);
    case 'tooMany':
      return msg(str`${name} was not added: at most ${refused.limit ?? 0} files per message.`);
  }
}

function renderTemplates(view: ComposerView, actions: ComposerActions): TemplateResult {
  const tabs = [{ id: '', name: msg('All templates') }, ...view.templates.groups.map((g) => ({ id: g.name, name: g.name }))];
  return html`<div
    part="template-picker"
    id="template-picker"
    class="popover"
    role="group"
    aria-label=${msg('Templates')}
    @keydown=${(e: KeyboardEvent) => actions.menuKeydown(e, 'templates')}
  >
    <div role="tablist" aria-label=${msg('Template groups')} class="tabs">
      ${tabs.map(
        (tab) =>
          html`<button
            part="template-tab"
            role="tab"
            type="button"
            aria-selected=${view.templateTab === tab.id ? 'true' : 'false'}
            aria-controls="template-list"
            @click=${() => actions.templateTab(tab.id)}
          >
            ${tab.name}
          </button>`,
      )}
    </div>
    <label class="search"
      ><span class="visually-hidden">${msg('Search templates')}</span
      ><input
        part="template-search"
        type="search"
        placeholder=${msg('Search templates')}
        .value=${live(view.templateQuery)}
        @input=${(e: Event) => actions.templateSearch((e.target as HTMLInputElement).value)}
    /></label>
    <div id="template-list" role="tabpanel" aria-label=${tabs.find((t) => t.id === view.templateTab)?.name ?? ''}>
      <ul>
        ${
          view.shownTemplates.length === 0
            ? html`<li class="muted">${msg('No template matches.')}</li>`
            : repeat(
                view.shownTemplates,
                (t) => t.id,
                (t) =>
                  html`<li>
                    <button
                      part="template"
                      type="button"
                      data-template-id=${t.id}
                      ?data-locked=${t.locked === true}
                      @click=${() => actions.chooseTemplate(t)}
                    >
                      ${t.locked ? html`<span aria-hidden="true">🔒</span><span class="visually-hidden">${msg('Locked:')} </span>` : nothing}
                      ${t.name}
                    </button>
                  </li>`,
              )
        }
      </ul>
    </div>
  </div>`;
}

function renderWorkflows(view: ComposerView, actions: ComposerActions): TemplateResult {
  return html`<ul
    part="workflow-list"
    id="workflow-list"
    class="popover"
    aria-label=${msg('Workflows')}
    @keydown=${(e: KeyboardEvent) => actions.menuKeydown(e, 'workflows')}
  >
    ${view.workflows.map(
      (w) =>
        html`<li>
          <button part="workflow" type="button" data-workflow-id=${w.id} @click=${() => actions.chooseWorkflow(w)}>
            ${w.name}${w.parameters.length > 0 ? '…' : ''}
          </button>
        </li>`,
    )}
  </ul>`;
}

export function renderComposer(view: ComposerView, actions: ComposerActions): TemplateResult {
  const { check } = view;
  const counterId = 'composer-count';
  const problemId = 'composer-problem';
  const described = [counterId, check.over > 0 ? problemId : '', view.lockedRefused ? 'composer-locked' : ''].filter(Boolean).join(' ');
  return html`<section
    part="composer"
    class="composer"
    aria-label=${msg('Reply')}
    @dragover=${(e: DragEvent) => {
      if (view.attachments) e.preventDefault();
    }}
    @drop=${(e: DragEvent) => {
      if (!view.attachments) return;
      e.preventDefault();
      actions.filesChosen([...(e.dataTransfer?.files ?? [])]);
    }}
  >
    ${
      !view.canReply
        ? html`<p part="permission" class="hint">
            ${msg('You do not have permission to reply on this channel: your messages are drafts that need approval before they are sent.')}
          </p>`
        : nothing
    }
    <div part="toolbar" class="toolbar" role="toolbar" aria-label=${msg('Reply tools')}>
      ${
        view.templates.all.length > 0
          ? html`<button
              part="templates-toggle"
              type="button"
              aria-expanded=${view.templatesOpen ? 'true' : 'false'}
              aria-controls="template-picker"
              @click=${() => actions.toggleTemplates()}
            >
              ${msg('Templates')}
            </button>`
          : nothing
      }
      ${
        view.social
          ? SOCIAL_STYLES.map((style) => {
              const { label, glyph } = STYLE_WORDS[style]();
              return html`<button
                part="style"
                class="style"
                data-style=${style}
                type="button"
                aria-label=${label}
                title=${label}
                aria-pressed=${view.activeStyle === style ? 'true' : 'false'}
                @mousedown=${(e: Event) => e.preventDefault()}
                @click=${() => actions.style(style)}
              >
                ${glyph}
              </button>`;
            })
          : nothing
      }
      ${
        view.attachments
          ? html`<button part="attach" type="button" @click=${() => actions.pickFiles()}>${msg('Attach files')}</button>
              <input
                class="file-input"
                type="file"
                multiple
                hidden
                aria-hidden="true"
                tabindex="-1"
                @change=${(e: Event) => {
                  const input = e.target as HTMLInputElement;
                  actions.filesChosen([...(input.files ?? [])]);
                  input.value = '';
                }}
              />`
          : nothing
      }
      ${
        view.workflows.length > 0 && view.canRunWorkflows
          ? html`<button
              part="workflows-toggle"
              type="button"
              aria-expanded=${view.workflowsOpen ? 'true' : 'false'}
              aria-controls="workflow-list"
              @click=${() => actions.toggleWorkflows()}
            >
              ${msg('Workflows')}
            </button>`
          : nothing
      }
    </div>
    ${view.templatesOpen ? renderTemplates(view, actions) : nothing} ${view.workflowsOpen ? renderWorkflows(view, actions) : nothing}
    ${
      view.files.length > 0
        ? html`<ul part="attachments" class="pending-files" aria-label=${msg('Files to send')}>
            ${repeat(
              view.files,
              (f) => f.id,
              (f) =>
                html`<li part="attachment-preview">
                  <span>${f.file.name}</span> <span class="muted">${formatBytes(f.file.size, formatLocale())}</span>
                  <button
                    part="remove-attachment"
                    type="button"
                    class="icon"
                    aria-label=${msg(str`Remove ${f.file.name}`)}
                    @click=${() => actions.removeFile(f)}
                  >
                    ×
                  </button>
                </li>`,
            )}
          </ul>`
        : nothing
    }
    <div role="alert" class="refusals">
      ${
        view.refused.length > 0
          ? html`<ul part="attachment-errors">
              ${view.refused.map((r) => html`<li class="error" data-reason=${r.reason}>${refusalText(r)}</li>`)}
            </ul>`
          : nothing
      }
    </div>
    <label for="composer-input" class="visually-hidden">${msg('Your reply')}</label>
    <textarea
      part="input"
      id="composer-input"
      rows="3"
      aria-describedby=${described}
      aria-invalid=${check.over > 0 ? 'true' : 'false'}
      .value=${live(view.text)}
      @input=${(e: InputEvent) => actions.input(e)}
      @keydown=${(e: KeyboardEvent) => actions.keydown(e)}
      @select=${(e: Event) => actions.selectionChange(e)}
      @keyup=${(e: Event) => actions.selectionChange(e)}
      @mouseup=${(e: Event) => actions.selectionChange(e)}
      @focus=${() => actions.focus()}
      @blur=${() => actions.blur()}
    ></textarea>
    ${view.sla ? html`<p part="sla" class="hint">${view.sla}</p>` : nothing}
    <div role="alert" id="composer-locked">
      ${
        view.lockedRefused
          ? html`<p part="locked-error" class="error">
              ${msg('This template is locked: send it as it is, or clear it to write your own.')}
            </p>`
          : nothing
      }
    </div>
    ${
      view.missingSystem.length > 0
        ? html`<p part="missing-parameters" class="hint">
            ${msg(str`Fill in by hand: ${view.missingSystem.join(', ')}. Tab moves between the fields to replace.`)}
          </p>`
        : nothing
    }
    <div class="send-row">
      <span part="count" id=${counterId} class="count" ?data-over=${check.over > 0}
        >${msg(str`${check.length} / ${view.limit} characters`)}</span
      >
      <span class="hint">${view.sendHint}</span>
      <button
        part="send"
        class="primary"
        type="button"
        ?disabled=${!view.canSend}
        aria-busy=${view.sending ? 'true' : 'false'}
        aria-keyshortcuts=${view.sendKeys ?? nothing}
        @click=${() => actions.send()}
      >
        ${msg('Send')}
      </button>
    </div>
    <div role="alert">
      ${
        check.over > 0
          ? html`<p part="limit-error" id=${problemId} class="error">
              ${check.over === 1 ? msg('1 character over the limit: shorten your message.') : msg(str`${check.over} characters over the limit: shorten your message.`)}
            </p>`
          : nothing
      }
      ${view.sendError ? html`<p part="send-error" class="error">${msg('Not sent:')} ${errorMessage(view.sendError)}</p>` : nothing}
    </div>
  </section>`;
}
