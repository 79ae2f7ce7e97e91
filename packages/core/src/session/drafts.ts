// TP-13/EM-7: drafts per conversation, kept in storage so a reload does not lose what the agent
// typed. Only task ids and the draft's own fields are stored; attachments (files) are not.

import type { Draft } from '../model/message.js';
import { loadJsonRecord, type StoragePort } from './storage.js';

export const DRAFTS_KEY = 'drafts';

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

function readDraft(value: unknown): Draft | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const text = typeof v['text'] === 'string' ? { text: v['text'] } : {};
  const html = typeof v['html'] === 'string' ? { html: v['html'] } : {};
  const e = v['email'] as Record<string, unknown> | undefined;
  const email =
    e &&
    ['reply', 'replyAll', 'forward', 'new'].includes(e['mode'] as string) &&
    isStringArray(e['to']) &&
    isStringArray(e['cc']) &&
    typeof e['subject'] === 'string'
      ? { email: { mode: e['mode'] as NonNullable<Draft['email']>['mode'], to: e['to'], cc: e['cc'], subject: e['subject'] } }
      : {};
  const draft: Draft = { ...text, ...html, ...email };
  return Object.keys(draft).length === 0 ? undefined : draft;
}

/** The saved drafts; anything unreadable is skipped, never thrown. */
export async function loadDrafts(storage: StoragePort): Promise<Record<string, Draft>> {
  const stored = await loadJsonRecord(storage, DRAFTS_KEY);
  return Object.fromEntries(
    Object.entries(stored).flatMap(([taskId, value]) => {
      const draft = readDraft(value);
      return draft ? [[taskId, draft]] : [];
    }),
  );
}

export async function saveDrafts(storage: StoragePort, drafts: Readonly<Record<string, Draft>>): Promise<void> {
  if (Object.keys(drafts).length === 0) await storage.remove(DRAFTS_KEY);
  else await storage.set(DRAFTS_KEY, JSON.stringify(drafts));
}

/** A draft with nothing in it is no draft. */
export function isEmptyDraft(draft: Draft): boolean {
  return !draft.text?.trim() && !draft.html?.replace(/<[^>]*>/g, '').trim() && draft.email === undefined;
}
