// Commands are data: every adapter receives the same discriminated union, so commands can be
// logged, replayed and checked against capabilities before anything is sent.

import type { Role, Station } from '../model/agent.js';
import type { Media } from '../model/channel.js';

export type Command =
  | { readonly type: 'session.signIn'; readonly role: Role; readonly station: Station; readonly teamId?: string }
  | { readonly type: 'session.signOut' }
  | {
      readonly type: 'media.setState';
      readonly media: readonly Media[];
      readonly status: 'ready' | 'notReady';
      /** A specific Not Ready reason; absent for a plain "Not Ready". */
      readonly reasonId?: string;
    }
  /** Sign a failed medium in again (ST-5 automatic retries). */
  | { readonly type: 'media.signIn'; readonly media: Media };

export type CommandType = Command['type'];
export const COMMAND_TYPES = [
  'session.signIn',
  'session.signOut',
  'media.setState',
  'media.signIn',
] as const satisfies readonly CommandType[];
