// What an embedding page gives the Finesse-style adapter: where the two nodes are, who signs in,
// and how patient to be. Everything the protocol brief marks UNVERIFIED is a setting here.

import type { TransferTarget } from '@cc-elements/core';
import type { TaskActionNames } from './xml/index.js';

/** One node of the two-node cluster. */
export interface FinesseNode {
  /** Base URL of the REST API, e.g. `https://finesse-a.example.com:8445` (paths start `/finesse/api/`). */
  readonly restUrl: string;
  /** XMPP-over-WebSocket URL, e.g. `wss://finesse-a.example.com:7443/ws/`. */
  readonly xmppUrl: string;
  /** XMPP domain (JIDs are `{loginId}@{domain}`); read from SystemInfo `xmppDomain` when omitted. */
  readonly xmppDomain?: string;
  /** Pubsub service; read from SystemInfo `xmppPubSubDomain` when omitted (`pubsub.{domain}`). */
  readonly pubsubDomain?: string;
}

/** How requests are signed: Basic (id and password) or Bearer (an SSO access token). */
export type FinesseCredentials =
  | { readonly kind: 'basic'; readonly id: string; readonly password: string }
  | {
      readonly kind: 'bearer';
      readonly id: string;
      /** The access token, or a function giving a fresh one (called again after a 401). */
      readonly token: string | (() => Promise<string>);
    };

export interface FinesseAdapterOptions {
  /** The primary node first, the alternate second (one node is a single-node deployment). */
  readonly nodes: readonly [FinesseNode] | readonly [FinesseNode, FinesseNode];
  readonly credentials: FinesseCredentials;
  /** Failover timing (protocol brief §10); defaults follow the brief. */
  readonly failover?: {
    /** First reconnect delay (ms); doubles each attempt, with ±20 % jitter. */
    readonly backoffMs?: number;
    /** Longest delay between attempts (ms). */
    readonly maxBackoffMs?: number;
    /** Move to the alternate node after this long without a usable node (ms; the brief says 60–180 s). */
    readonly alternateAfterMs?: number;
  };
  /** `fetch` to use (a gadget may pass one that goes through its container's proxy). */
  readonly fetch?: typeof fetch;
  /** Which core medium each MRD is, by MRD id or name; `chat`, `email`, `sms`, `social` by name when omitted. */
  readonly mrdMedia?: Readonly<Record<string, 'chat' | 'sms' | 'social' | 'email'>>;
  /**
   * CB-3/TP-15: where calls (and tasks) may be transferred or consulted — Finesse's own phone books
   * are not read here. `address` is what is dialled (the id when absent).
   */
  readonly transferTargets?: readonly (TransferTarget & { readonly address?: string })[];
  /** WU-3: the wrap-up timer the contact center runs (seconds); 0 when it has none. Default 60. */
  readonly wrapUpTimeoutSec?: number;
  /** The call variable holding the caller's name, when the IVR sets one (e.g. `user.CustomerName`). */
  readonly customerNameVariable?: string;
  /** Mobile agent sign-in (§3.4): the CTI port extension and the mode. Default mode CALL_BY_CALL. */
  readonly mobileAgent?: { readonly extension: string; readonly mode?: 'CALL_BY_CALL' | 'NAILED_CONNECTION' };
  /**
   * Pubsub nodes Finesse subscribes users to by itself (§9.2). `server` (default) trusts that;
   * `client` subscribes to them explicitly too, for servers that do not.
   */
  readonly autoSubscriptions?: 'server' | 'client';
  /** The XMPP resource (not `desktop`, which the Finesse desktop uses). Default `cc-elements`. */
  readonly resource?: string;
  /** How long to wait for a write's outcome notification before taking the 202 as the answer (ms). Default 5000. */
  readonly outcomeTimeoutMs?: number;
  /** REST and XMPP sign-in timeout (ms). Default 10000. */
  readonly requestTimeoutMs?: number;
  /** XMPP ping period (ms); two missed answers count as a lost connection. Default 10000. */
  readonly pingIntervalMs?: number;
  /** Element names of non-voice task actions (UNVERIFIED in the brief). */
  readonly taskActionNames?: TaskActionNames;
}
