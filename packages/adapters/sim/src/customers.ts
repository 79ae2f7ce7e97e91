// Who writes to the simulated contact center: fictional customers drawn from the seed, the
// details an offer shows about them (TP-1, TP-4, EM-1), and what they write — a bot conversation
// before the agent (TP-5), texts, posts and emails with attachments. Emails go round a fixed list
// whose first is hostile HTML (script, event handlers, a javascript: link, a remote image), so
// every widget showing email bodies is tested on it; the simulator itself only stores text.

import type { Attachment, CustomerField, Media } from '@cc-elements/core';
import { drawCaller, type SimRange } from './callers.js';

export interface DigitalCustomer {
  readonly name: string;
  readonly email: string;
  /** E.164 in the fictional 555-01xx range. */
  readonly phone: string;
  /** A social or messenger handle. */
  readonly handle: string;
  readonly accountNumber: string;
  readonly address: string;
}

/** A file a customer sends, as the simulator describes it before it is stored. */
export interface InboundAttachment {
  readonly name: string;
  /** Bytes. */
  readonly size: number;
  readonly type: string;
  readonly inline?: boolean;
  /** Where to download it; a small self-contained `data:` URL is made up when absent. */
  readonly url?: string;
}

/** What a customer writes: a text, or an email with its HTML body, subject and files. */
export interface CustomerMessage {
  readonly text?: string;
  readonly html?: string;
  readonly subject?: string;
  readonly cc?: readonly string[];
  readonly attachments?: readonly InboundAttachment[];
}

/** The bot that talks to chat customers before an agent does (TP-5: self-service history). */
export const BOT_NAME = 'Ava (virtual assistant)';

/** Every customer writes to this mailbox unless the queue names its own. */
export const DEFAULT_MAILBOX = 'support@acme.example';

/** How long a customer takes to write back, per medium, when their queue does not say. */
export const DEFAULT_CUSTOMER_REPLY_MS: Readonly<Record<Exclude<Media, 'voice'>, SimRange>> = {
  chat: { min: 4_000, max: 20_000 },
  social: { min: 10_000, max: 60_000 },
  sms: { min: 10_000, max: 90_000 },
  email: { min: 120_000, max: 600_000 },
};

const STREETS = [
  '12 rue des Lilas, 75011 Paris, France',
  '48 Strada Lipscani, 030031 București, Romania',
  '7 Kastanienallee, 10435 Berlin, Germany',
  '221 Harbour Street, Dublin D02, Ireland',
  '15 Via dei Mille, 20129 Milano, Italy',
  '301 Market Street, San Francisco, CA 94105, USA',
  '9 Calle Mayor, 28013 Madrid, Spain',
  '64 Queen Street, Toronto, ON M5H 2M5, Canada',
] as const;

const DOMAINS = ['example.com', 'example.net', 'example.org'] as const;

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Plain ASCII for addresses and handles: "Chloé García" → "chloe.garcia". */
function slug(name: string, separator: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, separator);
}

/** A fictional customer; every draw is made in the same order, so one given field never shifts the next customer. */
export function drawDigitalCustomer(random: () => number): DigitalCustomer {
  const caller = drawCaller(random);
  const domain = pick(random, DOMAINS);
  const account = String(Math.floor(random() * 90_000_000) + 10_000_000);
  const address = pick(random, STREETS);
  const handleNumber = Math.floor(random() * 100);
  return {
    name: caller.name,
    email: `${slug(caller.name, '.')}@${domain}`,
    phone: caller.number,
    handle: `@${slug(caller.name, '_')}${handleNumber}`,
    accountNumber: `AC-${account}`,
    address,
  };
}

/**
 * The drawn customer with what the caller gave: a given name re-derives the email address and the
 * handle (same domain and number), and a given address replaces the one of the medium.
 */
export function customerAs(
  drawn: DigitalCustomer,
  given: { readonly name?: string | undefined; readonly from?: string | undefined },
  media: Media,
  channelTypeId: string | undefined,
): DigitalCustomer {
  let customer = drawn;
  if (given.name !== undefined) {
    const domain = drawn.email.slice(drawn.email.indexOf('@') + 1);
    const number = /\d*$/.exec(drawn.handle)![0];
    customer = { ...drawn, name: given.name, email: `${slug(given.name, '.')}@${domain}`, handle: `@${slug(given.name, '_')}${number}` };
  }
  if (given.from === undefined) return customer;
  if (channelTypeId !== undefined || media === 'social') return { ...customer, handle: given.from };
  return media === 'sms' || media === 'voice' ? { ...customer, phone: given.from } : { ...customer, email: given.from };
}

/** The customer's address on the medium: what `Task.from` shows. */
export function contactAddress(media: Media, customer: DigitalCustomer, channelTypeId: string | undefined): string {
  if (channelTypeId !== undefined) return customer.handle;
  switch (media) {
    case 'sms':
    case 'voice':
      return customer.phone;
    case 'social':
      return customer.handle;
    case 'chat':
    case 'email':
      return customer.email;
  }
}

/**
 * TP-1/TP-4/EM-1: what the offer and the details panel show. Email has more than ten fields, so
 * the panel scrolls (TP-4); the name is never editable, the notes always are.
 */
export function customerFields(media: Media, customer: DigitalCustomer, question: string): CustomerField[] {
  const field = (id: string, label: string, value: string, editable = false): CustomerField => ({
    id,
    label,
    value,
    ...(editable ? { editable } : {}),
  });
  const name = field('name', 'Name', customer.name);
  const notes = field('notes', 'Notes', '', true);
  switch (media) {
    case 'email':
      return [
        name,
        field('email', 'Email', customer.email),
        field('accountNumber', 'Account number', customer.accountNumber, true),
        field('address', 'Address', customer.address, true),
        field('question', 'Question details', question),
        field('phone', 'Phone', customer.phone, true),
        field('language', 'Language', 'English', true),
        field('tier', 'Customer tier', 'Standard'),
        field('customerSince', 'Customer since', '2019'),
        field('lastOrder', 'Last order', 'ORD-5521'),
        field('preferredContact', 'Preferred contact', 'Email', true),
        notes,
      ];
    case 'sms':
      return [name, field('phone', 'Phone', customer.phone), field('source', 'Sent to', '+14155550100'), notes];
    case 'social':
      return [name, field('handle', 'Handle', customer.handle), field('email', 'Email', customer.email, true), notes];
    case 'chat':
    case 'voice':
      return [
        name,
        field('email', 'Email', customer.email, true),
        field('accountNumber', 'Account number', customer.accountNumber, true),
        field('question', 'Question', question),
        notes,
      ];
  }
}

/** A `data:` URL standing in for the file, so a download or a preview works with no server. */
export function simulatedFileUrl(name: string, type: string): string {
  if (type.startsWith('image/')) {
    // An image placeholder naming the file (an SVG shown in <img> runs nothing).
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="90"><rect width="160" height="90" fill="#e5e7eb"/><text x="80" y="50" font-family="sans-serif" font-size="10" text-anchor="middle">${escapeXml(name)}</text></svg>`;
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  }
  return `data:text/plain;charset=utf-8,${encodeURIComponent(`Simulated file: ${name}`)}`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Hostile on purpose: nothing in it may run or load when a widget shows it (EM-4). */
export const HOSTILE_EMAIL_HTML = [
  '<p>Hello,</p>',
  '<p>My invoice <b>INV-2291</b> charges me twice. The details are <a href="javascript:alert(\'link\')">in my account</a>.</p>',
  '<img src="https://tracker.example.net/open.gif?c=42" width="1" height="1" alt="">',
  '<img src="missing.png" onerror="alert(\'onerror\')" alt="scan of the invoice">',
  '<script>alert("script")</script>',
  '<p onclick="alert(\'click\')" style="color: #b91c1c">Please fix it quickly.</p>',
  '<iframe src="https://evil.example.net/"></iframe>',
  '<p>Thanks</p>',
].join('\n');

/** The first message of each conversation, per medium, in turn. */
export const OPENINGS: Readonly<Record<Exclude<Media, 'voice'>, readonly CustomerMessage[]>> = {
  chat: [
    { text: 'Hi, my parcel says delivered but nothing arrived. Order ORD-5521.' },
    { text: 'Can I change the delivery address on an order I placed this morning?' },
    {
      text: 'The app shows this error when I pay, see the screenshot.',
      attachments: [{ name: 'payment-error.png', size: 182_340, type: 'image/png' }],
    },
    { text: 'Bonjour, je voudrais annuler mon abonnement.' },
  ],
  sms: [
    { text: 'Hi, is my appointment tomorrow at 10 still on?' },
    { text: 'I got a text saying my card is blocked. Is that you?' },
    { text: 'Where is my order ORD-7310? Thx' },
  ],
  social: [
    { text: '@AcmeCare third time my order is late. Not impressed.' },
    { text: '@AcmeCare love the new app, but how do I export my invoices?' },
    { text: '@AcmeCare your store in Milano was closed at 3pm on a Tuesday??' },
  ],
  email: [
    {
      subject: 'Invoice INV-2291 charged twice',
      text: 'Hello,\nMy invoice INV-2291 charges me twice. The details are in my account.\nPlease fix it quickly.\nThanks',
      html: HOSTILE_EMAIL_HTML,
    },
    {
      subject: 'Refund for a damaged order',
      text: 'Hello,\nThe blender from order ORD-6020 arrived broken. Photos and the receipt are attached.\nCould you refund it?\nBest regards',
      html: '<p>Hello,</p><p>The blender from order <b>ORD-6020</b> arrived broken. Photos and the receipt are attached.</p><table><tr><th>Item</th><th>Price</th></tr><tr><td>Blender X2</td><td>€89.90</td></tr></table><p>Could you refund it?</p><p>Best regards</p>',
      cc: ['partner@example.org'],
      attachments: [
        { name: 'receipt-ORD-6020.pdf', size: 84_211, type: 'application/pdf' },
        { name: 'broken-blender.jpg', size: 1_204_877, type: 'image/jpeg' },
        // Both fail PCI: shown greyed out with the reason, never downloadable (EM-5).
        { name: 'card 4111 1111 1111 1111.jpg', size: 402_112, type: 'image/jpeg' },
        { name: 'refund-form.exe', size: 2_301_004, type: 'application/octet-stream' },
      ],
    },
    {
      subject: 'Change of address',
      text: 'Hi,\nI moved. Please update my address to 9 Calle Mayor, 28013 Madrid.\nThank you',
      html: '<p>Hi,</p><p>I moved. Please update my address to <i>9 Calle Mayor, 28013 Madrid</i>.</p><p>Thank you</p>',
    },
  ],
};

/** What a customer says back to the agent, per medium, drawn from the seed. */
export const REPLIES: Readonly<Record<Exclude<Media, 'voice'>, readonly CustomerMessage[]>> = {
  chat: [
    { text: 'Thanks, that helps.' },
    { text: 'OK, one moment please.' },
    { text: 'Here is the photo you asked for.', attachments: [{ name: 'label.jpg', size: 96_500, type: 'image/jpeg' }] },
    { text: 'Sorry, I do not understand. Can you explain again?' },
    { text: 'Perfect, thank you!' },
  ],
  sms: [{ text: 'Ok thanks' }, { text: 'Great, see you then' }, { text: 'Can you call me instead?' }],
  social: [{ text: 'Thanks for the quick answer 👍' }, { text: 'Still waiting…' }, { text: 'DM sent.' }],
  email: [
    {
      text: 'Thank you for your answer. I will check and come back to you.',
      html: '<p>Thank you for your answer. I will check and come back to you.</p>',
    },
    {
      text: 'Here is the document you asked for.',
      html: '<p>Here is the document you asked for.</p>',
      attachments: [{ name: 'statement-march.pdf', size: 211_876, type: 'application/pdf' }],
    },
  ],
};

/** TP-5: the bot's part of a chat before the agent: greeting, the question, the handover. */
export function botHistory(question: string): { readonly author: 'bot' | 'customer'; readonly text: string }[] {
  return [
    { author: 'bot', text: 'Hi! I am Ava, Acme’s virtual assistant. What can I help you with?' },
    { author: 'customer', text: question },
    { author: 'bot', text: 'Thanks. I am connecting you with one of our agents, it will not be long.' },
  ];
}

/** Completes a described file into the core's shape. */
export function toAttachment(id: string, file: InboundAttachment): Attachment {
  return {
    id,
    name: file.name,
    size: file.size,
    type: file.type,
    ...(file.inline ? { inline: true } : {}),
    url: file.url ?? simulatedFileUrl(file.name, file.type),
  };
}
