export const CONNECTION_STATUSES = ['idle', 'connecting', 'connected', 'lost', 'failed'] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

export interface ConnectionState {
  readonly status: ConnectionStatus;
  readonly since: number;
  readonly error?: import('./channel.js').ErrorInfo;
}
