// The emulator's directory: how the simulator's ids become Finesse ids and back. Reason codes and
// wrap-up reasons get numeric ids (a client sends `reasonCodeId`, `-1` means none), media routing
// domains get MRD ids, transfer targets get dialable addresses, and every task a dialog id
// (numeric for calls, `<mrd>_<n>` for non-voice). Users, teams and queues keep the simulator's
// ids (Finesse allows string login ids, as on UCCX).

import { isSystemReason, SYSTEM_REASONS, transferTargetsFor, type Media, type TransferTarget } from '@cc-elements/core';
import type { SimScenario } from '@cc-elements/adapter-sim';
import type { EmulatorSettings } from './options.js';

export type ReasonCategory = 'NOT_READY' | 'LOGOUT';

/** A Finesse reason code (brief §4.1). */
export interface ReasonCodeEntry {
  readonly id: number;
  readonly category: ReasonCategory;
  readonly code: number;
  readonly label: string;
  readonly forAll: boolean;
  readonly systemCode: boolean;
  /** The simulator's reason id, when it has one (NOT_READY reasons and the system reasons). */
  readonly simId?: string;
}

/** A Finesse wrap-up reason (brief §4.2); applied to a dialog by its label. */
export interface WrapUpReasonEntry {
  readonly id: number;
  readonly label: string;
  readonly simId: string;
}

/** A media routing domain: one non-voice medium (brief §8.1). */
export interface MrdEntry {
  readonly id: string;
  readonly name: string;
  readonly media: Media;
}

const MRDS: Readonly<Record<Exclude<Media, 'voice'>, { id: string; name: string }>> = {
  chat: { id: '5001', name: 'Chat' },
  sms: { id: '5002', name: 'SMS' },
  social: { id: '5003', name: 'Social' },
  email: { id: '5004', name: 'Email' },
};

/** Where dialog ids start: an 8-digit call id like the brief's example. */
const FIRST_VOICE_DIALOG = 16_817_001;
/** Where transfer addresses start (e.g. `7001`). */
const FIRST_ADDRESS = 7001;

export class Directory {
  readonly reasonCodes: readonly ReasonCodeEntry[];
  readonly systemReasonCodes: readonly ReasonCodeEntry[];
  readonly wrapUpReasons: readonly WrapUpReasonEntry[];
  readonly mrds: readonly MrdEntry[];
  /** Every transfer target with its dialable address. */
  readonly targets: readonly (TransferTarget & { readonly address: string })[];

  readonly #dialogOfRef = new Map<string, string>();
  readonly #refOfDialog = new Map<string, DialogRef>();
  #nextVoiceDialog = FIRST_VOICE_DIALOG;
  #nextMediaDialog = 1;

  constructor(scenario: SimScenario, settings: EmulatorSettings) {
    const { tenant } = scenario;
    const notReady = tenant.notReadyReasons.map((reason, i): ReasonCodeEntry => ({
      id: i + 1,
      category: 'NOT_READY',
      code: 100 + i,
      label: reason.label,
      forAll: true,
      systemCode: false,
      simId: reason.id,
    }));
    const logout = settings.logoutReasons.map((label, i): ReasonCodeEntry => ({
      id: notReady.length + i + 1,
      category: 'LOGOUT',
      code: 200 + i,
      label,
      forAll: true,
      systemCode: false,
    }));
    this.reasonCodes = [...notReady, ...logout];
    const system = settings.systemReasonCodes;
    const systemEntry = (code: number, label: string, simId: string): ReasonCodeEntry => ({
      id: code,
      category: 'NOT_READY',
      code,
      label,
      forAll: true,
      systemCode: true,
      simId,
    });
    this.systemReasonCodes = [
      systemEntry(system.rona, 'Ring no answer', SYSTEM_REASONS.rona),
      systemEntry(system.missed, 'Ring no answer', SYSTEM_REASONS.missed),
      systemEntry(system.declined, 'Call declined', SYSTEM_REASONS.declined),
    ];
    this.wrapUpReasons = tenant.wrapUpReasons.map((reason, i) => ({ id: i + 1, label: reason.label, simId: reason.id }));
    this.mrds = tenant.media.filter((m): m is Exclude<Media, 'voice'> => m !== 'voice').map((media) => ({ ...MRDS[media], media }));
    this.targets = tenant.transferTargets.map((target, i) => ({ ...target, address: String(FIRST_ADDRESS + i) }));
  }

  /** A configured (non-system) reason code by its Finesse id. */
  reasonCode(id: number): ReasonCodeEntry | undefined {
    return this.reasonCodes.find((r) => r.id === id);
  }

  /** The Finesse reason code a simulator Not Ready reason shows as. */
  reasonCodeOfSim(simId: string | undefined): ReasonCodeEntry | undefined {
    if (simId === undefined) return undefined;
    if (isSystemReason(simId)) return this.systemReasonCodes.find((r) => r.simId === simId);
    return this.reasonCodes.find((r) => r.simId === simId);
  }

  wrapUpReasonByLabel(label: string): WrapUpReasonEntry | undefined {
    return this.wrapUpReasons.find((r) => r.label === label);
  }

  wrapUpReasonOfSim(simId: string | undefined): WrapUpReasonEntry | undefined {
    return simId === undefined ? undefined : this.wrapUpReasons.find((r) => r.simId === simId);
  }

  mrdById(id: string): MrdEntry | undefined {
    return this.mrds.find((m) => m.id === id);
  }

  mrdOf(media: Media): MrdEntry | undefined {
    return this.mrds.find((m) => m.media === media);
  }

  /** The transfer target a dialled address (or the target's own id) reaches for a medium. */
  targetAt(address: string, media: Media): TransferTarget | undefined {
    const reachable = new Set(transferTargetsFor(this.targets, media).map((t) => t.id));
    return this.targets.find((t) => reachable.has(t.id) && (t.address === address || t.id === address));
  }

  addressOf(targetId: string): string {
    return this.targets.find((t) => t.id === targetId)?.address ?? targetId;
  }

  /** The dialog id of one agent's leg of a task (a call, a consultation, a digital contact), made on first use. */
  dialogIdOf(ref: DialogRef, media: Media): string {
    const key = refKey(ref);
    let id = this.#dialogOfRef.get(key);
    if (id === undefined) {
      id = media === 'voice' ? String(this.#nextVoiceDialog++) : `${this.mrdOf(media)?.id ?? media}_${this.#nextMediaDialog++}`;
      this.#dialogOfRef.set(key, id);
      this.#refOfDialog.set(id, ref);
    }
    return id;
  }

  /** What a dialog id stands for, if the emulator gave it and the dialog still exists. */
  dialogRef(dialogId: string): DialogRef | undefined {
    return this.#refOfDialog.get(dialogId);
  }

  /** Forget a dialog id once its dialog was deleted: the same task offered again gets a new one. */
  forget(ref: DialogRef): void {
    const key = refKey(ref);
    const id = this.#dialogOfRef.get(key);
    if (id === undefined) return;
    this.#dialogOfRef.delete(key);
    this.#refOfDialog.delete(id);
  }
}

/** One agent's leg of a simulator task: the call itself, its n-th consultation, or a digital contact. */
export interface DialogRef {
  readonly agentId: string;
  readonly taskId: string;
  readonly kind: 'call' | 'consult' | 'media';
  /** Which consultation of the call (each new one is a new dialog). */
  readonly seq?: number;
}

function refKey(ref: DialogRef): string {
  return [ref.agentId, ref.taskId, ref.kind, ref.seq ?? 0].join('\u0000');
}
