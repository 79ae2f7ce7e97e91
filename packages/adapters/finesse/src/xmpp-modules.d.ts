// Types for the xmpp.js modules that ship none (the rest come from @types/xmpp__*).

declare module '@xmpp/websocket' {
  export default function websocket(deps: { entity: unknown }): unknown;
}

declare module '@xmpp/sasl-plain' {
  export default function saslPlain(factory: unknown): void;
}

declare module 'saslmechanisms' {
  export default class SASLFactory {
    use(mechanism: unknown): this;
  }
}
