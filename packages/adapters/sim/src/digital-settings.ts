// What the simulated tenant's administrator configured for digital work (seed 002, seed 003): the
// composer limit (TP-6), attachment and PCI rules per medium (TP-7, EM-5), templates (TP-8),
// workflows (TP-10), concurrency caps (TP-1), service levels in Paris business hours (DX-4),
// permissions per medium and role (DX-1) and one channel type brought by an integration (DX-7).

import { DEFAULT_DIGITAL, type AttachmentRules, type DigitalPermission, type DigitalSettings, type Media } from '@cc-elements/core';

/** EM-5: a file name holding 13–19 digits, spaced or dashed like a card number, fails the PCI rule. */
export const CARD_NUMBER_PATTERN = '(?:\\d[ -]?){12,18}\\d';

/** Executables and scripts never leave or enter the contact center (PCI). */
const PCI_BLOCKED_FORMATS = ['exe', 'js', 'bat', 'cmd', 'com', 'msi', 'scr', 'vbs', 'ps1', 'jar'];

const MB = 1024 * 1024;

/** TP-7/EM-5: SMS has none, so an SMS cannot carry a file (seed 002: no attachment option for SMS). */
const ATTACHMENTS: Readonly<Partial<Record<Media, AttachmentRules>>> = {
  chat: {
    maxSizeBytes: 10 * MB,
    maxCount: 5,
    formats: ['png', 'jpg', 'jpeg', 'gif', 'pdf', 'txt', 'docx', 'xlsx'],
    pciBlockedFormats: PCI_BLOCKED_FORMATS,
    pciNamePatterns: [CARD_NUMBER_PATTERN],
  },
  social: {
    maxSizeBytes: 5 * MB,
    maxCount: 4,
    formats: ['png', 'jpg', 'jpeg', 'gif', 'mp4'],
    pciBlockedFormats: PCI_BLOCKED_FORMATS,
    pciNamePatterns: [CARD_NUMBER_PATTERN],
  },
  email: {
    maxSizeBytes: 25 * MB,
    maxCount: 10,
    // Any format, except what PCI blocks.
    formats: [],
    pciBlockedFormats: PCI_BLOCKED_FORMATS,
    pciNamePatterns: [CARD_NUMBER_PATTERN],
  },
};

/** 09:00–12:30 and 13:30–18:00, in minutes since midnight. */
const OFFICE_DAY = [
  { from: 9 * 60, to: 12 * 60 + 30 },
  { from: 13 * 60 + 30, to: 18 * 60 },
] as const;

const EVERY_PERMISSION: readonly DigitalPermission[] = ['reply', 'approveDrafts', 'deleteOnOrigin', 'hideOnOrigin', 'assign', 'unassign'];

/**
 * DX-1: on social media, plain agents may not reply in the company's name — their messages are
 * drafts a supervisor approves; Supervisor+Agent may. Other media allow everything.
 */
export const SOCIAL_NEEDS_APPROVAL: DigitalSettings['permissions'] = {
  social: {
    agent: ['hideOnOrigin', 'assign', 'unassign'],
    supervisorAgent: EVERY_PERMISSION,
  },
};

export const DIGITAL: DigitalSettings = {
  ...DEFAULT_DIGITAL,
  composerLimit: 1000,
  attachments: ATTACHMENTS,
  templates: [
    {
      id: 'tpl-greeting',
      name: 'Greeting',
      group: 'Openings',
      body: 'Hello {{system.customerName}}, this is {{system.agentName}}. How can I help you today?',
    },
    {
      id: 'tpl-greeting-fr',
      name: 'Salutation',
      group: 'Openings',
      body: 'Bonjour {{system.customerName}}, je suis {{system.agentName}}. Comment puis-je vous aider ?',
    },
    {
      id: 'tpl-order-status',
      name: 'Order status',
      group: 'Orders',
      body: 'Your order {{orderNumber}} left our warehouse on {{shippedOn}}; it should reach you by {{deliveryDate}}.',
    },
    {
      id: 'tpl-refund',
      name: 'Refund issued',
      group: 'Billing',
      body: 'We have refunded {{amount}} to your card ending in {{lastFourDigits}}. It can take 3–5 business days to appear.',
    },
    {
      id: 'tpl-privacy',
      name: 'Privacy notice',
      group: 'Legal',
      body: 'For your security we never ask for your full card number or password. Please do not share them in this conversation.',
      locked: true,
    },
    {
      id: 'tpl-sms-opt-out',
      name: 'SMS opt-out',
      group: 'Legal',
      body: 'Reply STOP to stop receiving messages from Acme. Standard rates apply.',
      locked: true,
      media: ['sms'],
    },
    {
      id: 'tpl-email-signature',
      name: 'Email closing',
      group: 'Closings',
      body: 'Kind regards,\n{{system.agentName}}\nAcme Customer Care',
      media: ['email'],
    },
    {
      id: 'tpl-goodbye',
      name: 'Goodbye',
      group: 'Closings',
      body: 'Thank you for contacting Acme, {{system.customerName}}. Have a good day!',
      media: ['chat', 'sms', 'social'],
    },
  ],
  workflows: [
    { id: 'wf-sync-crm', name: 'Update the CRM record', parameters: [] },
    {
      id: 'wf-create-ticket',
      name: 'Create a support ticket',
      parameters: [
        { id: 'summary', label: 'Summary', required: true },
        { id: 'priority', label: 'Priority (low, normal, high)' },
      ],
    },
    {
      id: 'wf-refund',
      name: 'Request a refund',
      parameters: [
        { id: 'orderNumber', label: 'Order number', required: true },
        { id: 'amount', label: 'Amount', required: true },
      ],
    },
  ],
  concurrency: { voice: 1, chat: 3, sms: 2, social: 2, email: 1 },
  serviceLevels: {
    firstResponseMs: 60 * 60_000,
    solutionMs: 24 * 60 * 60_000,
    perMedia: {
      chat: { firstResponseMs: 2 * 60_000, solutionMs: 30 * 60_000 },
      sms: { firstResponseMs: 15 * 60_000, solutionMs: 4 * 60 * 60_000 },
      social: { firstResponseMs: 30 * 60_000, solutionMs: 8 * 60 * 60_000 },
      email: { firstResponseMs: 4 * 60 * 60_000, solutionMs: 48 * 60 * 60_000 },
    },
  },
  // DX-4: Paris office hours with a lunch break, Monday to Friday.
  businessHours: {
    timeZone: 'Europe/Paris',
    days: { 1: OFFICE_DAY, 2: OFFICE_DAY, 3: OFFICE_DAY, 4: OFFICE_DAY, 5: OFFICE_DAY },
  },
  permissions: {},
  channelTypes: [{ id: 'acme-messenger', name: 'Acme Messenger', icon: 'AM', color: '#6d28d9', media: 'chat' }],
  // TP-15: a call stops chats and SMS (clock and transfer); social posts and emails carry on.
  duringVoiceCall: { chat: 'pause', sms: 'pause', social: 'continue', email: 'continue' },
};

/** TP-1: how long a digital offer waits for Accept when its queue does not say (seed 002: per medium). */
export const DEFAULT_DIGITAL_OFFER_TIMEOUT_MS: Readonly<Record<Exclude<Media, 'voice'>, number>> = {
  chat: 30_000,
  sms: 45_000,
  social: 45_000,
  email: 120_000,
};
