// EM-3: what Reply, Reply all and Forward put in To, Cc and Subject, which of those the agent may
// change, and what switching from one mode to another does — always keeping the body typed so far.
// Also the address checks the To and Cc fields use.

export const EMAIL_MODES = ['reply', 'replyAll', 'forward'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

/** The headers of the email being answered (the last one received, EM-3). */
export interface LastEmail {
  readonly from: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
}

export interface EmailFields {
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
  readonly toEditable: boolean;
  readonly ccEditable: boolean;
  readonly subjectEditable: boolean;
  /** EM-3: the agent may hide the Cc field (Reply all fills it; in Reply it starts hidden, step 4 opens it). */
  readonly ccHideable: boolean;
  /** Whether the Cc field starts shown. */
  readonly ccShown: boolean;
  /** EM-3 Forward: the composer starts with the last email (the widget loads and sanitises it). */
  readonly bodyFromLastEmail: boolean;
}

export interface EmailDraftFields {
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
  /** The composer's content, kept as the widget holds it (text or the editor's HTML). */
  readonly body: string;
}

// "Re:", "RE :", "Fwd:", "FW:", "TR:" (French "transféré"), "Réf :", "AW:", "WG:", "SV:", "RV:", "ENC:",
// repeated or with a count ("Re[2]:"): all taken off before our own prefix, so prefixes never stack.
const PREFIX = /^\s*(?:re|fwd?|tr|r[ée]f|aw|wg|sv|rv|enc)\s*(?:\[\d+\]|\(\d+\))?\s*:\s*/i;

/** EM-3: the subject without any reply/forward prefixes. */
export function baseSubject(subject: string): string {
  let rest = subject;
  for (let match = PREFIX.exec(rest); match; match = PREFIX.exec(rest)) rest = rest.slice(match[0].length);
  return rest.trim();
}

/** EM-3: "Re: …" for a reply, "Fwd: …" for a forward, never "Re: Re: …". */
export function subjectFor(mode: EmailMode, subject: string): string {
  return `${mode === 'forward' ? 'Fwd' : 'Re'}: ${baseSubject(subject)}`.trimEnd();
}

/** The bare address of "Name <addr>" or "addr", lower case, for comparing recipients. */
export function addressKey(entry: string): string {
  const angled = /<([^<>]*)>\s*$/.exec(entry);
  return (angled ? angled[1]! : entry).trim().toLowerCase();
}

function without(entries: readonly string[], excluded: ReadonlySet<string>): string[] {
  const seen = new Set(excluded);
  return entries.filter((entry) => {
    const key = addressKey(entry);
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * EM-3: the fields each mode starts with. Reply: To = the sender, Subject "Re: …", both read-only,
 * Cc empty and hidden. Reply all: the same, plus Cc = every other recipient but `me` (editable,
 * hideable). Forward: To and Cc empty and editable, Subject "Fwd: …" editable, body = the last email.
 * `me` is the agent's and/or the queue's address(es). When the last email is one of mine, a reply
 * goes to its recipients rather than back to me.
 */
export function emailFields(mode: EmailMode, lastEmail: LastEmail, me: string | readonly string[]): EmailFields {
  const mine = new Set((typeof me === 'string' ? [me] : me).map(addressKey));
  const fromMe = mine.has(addressKey(lastEmail.from));
  const to = fromMe ? without(lastEmail.to, mine) : without([lastEmail.from], mine);
  switch (mode) {
    case 'reply':
      return {
        to,
        cc: [],
        subject: subjectFor(mode, lastEmail.subject),
        toEditable: false,
        ccEditable: true,
        subjectEditable: false,
        ccHideable: true,
        ccShown: false,
        bodyFromLastEmail: false,
      };
    case 'replyAll': {
      const cc = without(fromMe ? lastEmail.cc : [...lastEmail.to, ...lastEmail.cc], new Set([...mine, ...to.map(addressKey)]));
      return {
        to,
        cc,
        subject: subjectFor(mode, lastEmail.subject),
        toEditable: false,
        ccEditable: true,
        subjectEditable: false,
        ccHideable: true,
        ccShown: true,
        bodyFromLastEmail: false,
      };
    }
    case 'forward':
      return {
        to: [],
        cc: [],
        subject: subjectFor(mode, lastEmail.subject),
        toEditable: true,
        ccEditable: true,
        subjectEditable: true,
        ccHideable: false,
        ccShown: true,
        bodyFromLastEmail: true,
      };
  }
}

/**
 * EM-3: switching modes. To, Cc and Subject become what the new mode fills (Reply all → Reply
 * clears Cc; anything → Forward clears To and Cc); the body is always kept, never reloaded.
 * Switching to the same mode changes nothing.
 */
export function switchEmailMode(
  from: EmailMode,
  to: EmailMode,
  current: EmailDraftFields,
  lastEmail: LastEmail,
  me: string | readonly string[],
): EmailFields & EmailDraftFields {
  const base = emailFields(to, lastEmail, me);
  const fields = { ...base, bodyFromLastEmail: false, body: current.body };
  return from === to ? { ...fields, to: current.to, cc: current.cc, subject: current.subject } : fields;
}

/**
 * A reasonable check, not RFC 5322: one "@", a local part of printable characters without spaces,
 * a domain of dot-separated labels (letters, digits, hyphens, any script) ending in a label of two or
 * more letters. Quoted local parts, IP-literal domains and comments are refused — no agent types them.
 */
export function isEmailAddress(text: string): boolean {
  if (text.length > 254) return false;
  const match = /^([^\s@<>()[\]\\,;:"]+)@([^\s@]+)$/u.exec(text);
  if (!match) return false;
  const [, local, domain] = match as unknown as [string, string, string];
  if (local.length > 64 || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  const labels = domain.split('.');
  return (
    labels.length >= 2 &&
    labels.every((label) => /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u.test(label)) &&
    /^\p{L}{2,}$/u.test(labels[labels.length - 1]!)
  );
}

export interface AddressList {
  /** Entries as typed (trimmed), "Name <addr>" kept whole; a repeated address only once. */
  readonly addresses: readonly string[];
  /** Entries that are not an address, as typed, for the field to mark. */
  readonly invalid: readonly string[];
}

/** EM-3: a To or Cc field's text, separated by commas or semicolons (not those inside quotes). */
export function parseAddressList(text: string): AddressList {
  const entries: string[] = [];
  let entry = '';
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (!quoted && (char === ',' || char === ';')) {
      entries.push(entry);
      entry = '';
    } else entry += char;
  }
  entries.push(entry);
  const addresses: string[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  for (const raw of entries) {
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    const angled = /^(?:"[^"]*"|[^"<>]*)\s*<([^<>]+)>$/.exec(trimmed);
    const address = angled ? angled[1]!.trim() : trimmed;
    if (!isEmailAddress(address)) invalid.push(trimmed);
    else if (!seen.has(address.toLowerCase())) {
      seen.add(address.toLowerCase());
      addresses.push(trimmed);
    }
  }
  return { addresses, invalid };
}
