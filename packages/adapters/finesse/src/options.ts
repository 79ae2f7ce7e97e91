// What an embedding page gives the Finesse-style adapter: where the two nodes are, who signs in,
// and how patient to be. Everything the protocol brief marks UNVERIFIED is a setting here.

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
}
