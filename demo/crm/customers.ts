// The fake CRM's customer table: what a screen-pop looks the caller or the contact up in. The
// numbers are in the 555-01xx range kept for fiction, like the simulator's callers.

export interface CrmCustomer {
  readonly id: string;
  readonly name: string;
  /** E.164, as the call banner's `callerId` gives it. */
  readonly phone: string;
  readonly email: string;
  readonly account: string;
  readonly tier: 'Standard' | 'Gold' | 'Platinum';
  readonly since: string;
  /** The case a person calling now most likely calls about. */
  readonly openCase?: string;
}

export const CUSTOMERS: readonly CrmCustomer[] = [
  {
    id: 'C-1001',
    name: 'Olivia Nguyen',
    phone: '+14155550134',
    email: 'olivia.nguyen@example.com',
    account: 'AC-20481133',
    tier: 'Gold',
    since: '2019',
    openCase: 'Refund for order ORD-5521',
  },
  {
    id: 'C-1002',
    name: 'Mihai Ionescu',
    phone: '+12125550147',
    email: 'mihai.ionescu@example.net',
    account: 'AC-31877402',
    tier: 'Standard',
    since: '2022',
  },
  {
    id: 'C-1003',
    name: 'Chloé Dubois',
    phone: '+13055550162',
    email: 'chloe.dubois@example.org',
    account: 'AC-44120967',
    tier: 'Platinum',
    since: '2016',
    openCase: 'Invoice INV-2291 charged twice',
  },
  {
    id: 'C-1004',
    name: 'Kenji Tanaka',
    phone: '+16175550178',
    email: 'kenji.tanaka@example.com',
    account: 'AC-58230014',
    tier: 'Standard',
    since: '2021',
  },
  {
    id: 'C-1005',
    name: 'Amara Okafor',
    phone: '+15125550191',
    email: 'amara.okafor@example.net',
    account: 'AC-60975521',
    tier: 'Gold',
    since: '2018',
    openCase: 'Router replacement shipped, not received',
  },
];

const digits = (value: string) => value.replace(/\D/g, '');

/**
 * The customer a call or a contact comes from: by phone number (digits only, so "+1 415…" and
 * "+1415…" match), then by email, then by name; undefined when the CRM has no record.
 */
export function findCustomer(keys: {
  readonly phone?: string | undefined;
  readonly email?: string | undefined;
  readonly name?: string | undefined;
}) {
  const phone = keys.phone ? digits(keys.phone) : '';
  const email = keys.email?.trim().toLowerCase() ?? '';
  const name = keys.name?.trim().toLowerCase() ?? '';
  return (
    (phone ? CUSTOMERS.find((c) => digits(c.phone) === phone) : undefined) ??
    (email ? CUSTOMERS.find((c) => c.email === email) : undefined) ??
    (name ? CUSTOMERS.find((c) => c.name.toLowerCase() === name) : undefined)
  );
}
