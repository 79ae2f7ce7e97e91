// SL-3 / SL-4: dial numbers. libphonenumber-js is loaded on first use, so a page that never shows
// a station login never downloads its metadata.

import type { CountryCode } from 'libphonenumber-js/min';

type PhoneLib = typeof import('./phone-lib.js');
let phoneLib: Promise<PhoneLib> | undefined;

/** Loads the phone-number library once; later calls share the same promise. */
export function loadPhoneLib(): Promise<PhoneLib> {
  phoneLib ??= import('./phone-lib.js');
  return phoneLib;
}

/**
 * How strictly a number is checked. `possible`: the length fits the country's numbering plan
 * (accepts the guides' examples such as +11234567890). `valid`: the number also falls in a range
 * the country really assigns.
 */
export type DialNumberCheck = 'possible' | 'valid';

export type DialNumberInput =
  /** International format (SL-3): a country from the list and the number without its prefix. */
  | { readonly format: 'international'; readonly country: string; readonly number: string }
  /** Other formats (SL-4): E.164 `+…`, or IDD digits dialled from `origin`. */
  | { readonly format: 'other'; readonly value: string; readonly origin: string };

export const DIAL_NUMBER_PROBLEMS = ['empty', 'characters', 'unknownCountry', 'needsPrefix', 'tooShort', 'tooLong', 'invalid'] as const;
export type DialNumberProblem = (typeof DIAL_NUMBER_PROBLEMS)[number];

export type DialNumberResult =
  { readonly ok: true; readonly e164: string; readonly country?: string } | { readonly ok: false; readonly problem: DialNumberProblem };

const ALLOWED = /^[+\d\s().\-/]*$/;

const E164 = /^\+[1-9]\d{6,14}$/;

/** The stored form of every dial number (SL-3): "+", the country code and number, 7–15 digits. */
export function isE164(value: string): boolean {
  return E164.test(value);
}

export async function validateDialNumber(input: DialNumberInput, check: DialNumberCheck = 'possible'): Promise<DialNumberResult> {
  const raw = input.format === 'international' ? input.number : input.value;
  const text = raw.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  if (!ALLOWED.test(text)) return { ok: false, problem: 'characters' };
  const lib = await loadPhoneLib();
  const digits = text.replace(/\D/g, '');

  let candidate: string;
  let country: CountryCode | undefined;
  if (input.format === 'international') {
    if (!lib.isSupportedCountry(input.country)) return { ok: false, problem: 'unknownCountry' };
    country = input.country;
    // A leading "+" in the national field means the agent typed the prefix twice: judge it as typed.
    candidate = text.startsWith('+') ? text : digits;
  } else {
    if (text.startsWith('+')) {
      candidate = `+${digits}`;
    } else {
      if (!lib.isSupportedCountry(input.origin)) return { ok: false, problem: 'unknownCountry' };
      const metadata = new lib.Metadata();
      metadata.selectNumberingPlan(input.origin);
      const idd = metadata.numberingPlan?.IDDPrefix();
      const match = idd ? new RegExp(`^(?:${idd})`).exec(digits) : null;
      if (!match) return { ok: false, problem: 'needsPrefix' };
      candidate = `+${digits.slice(match[0].length)}`;
    }
  }

  const lengthProblem = lib.validatePhoneNumberLength(candidate, country);
  if (lengthProblem === 'TOO_SHORT') return { ok: false, problem: 'tooShort' };
  if (lengthProblem === 'TOO_LONG') return { ok: false, problem: 'tooLong' };
  if (lengthProblem === 'INVALID_COUNTRY') return { ok: false, problem: input.format === 'international' ? 'unknownCountry' : 'invalid' };
  if (lengthProblem !== undefined) return { ok: false, problem: 'invalid' };

  const parsed = lib.parsePhoneNumberFromString(candidate, country);
  if (!parsed) return { ok: false, problem: 'invalid' };
  // In international format the number must belong to the chosen prefix, not to another country.
  if (country && parsed.countryCallingCode !== lib.getCountryCallingCode(country)) return { ok: false, problem: 'invalid' };
  const passes = check === 'valid' ? parsed.isValid() : parsed.isPossible();
  if (!passes) return { ok: false, problem: 'invalid' };
  return parsed.country ? { ok: true, e164: parsed.number, country: parsed.country } : { ok: true, e164: parsed.number };
}

export interface CountryOption {
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  /** Without "+", e.g. "1", "33". */
  readonly callingCode: string;
  /** In the UI locale, from Intl.DisplayNames. */
  readonly name: string;
}

/** Every country with its calling code, named in `locale`, sorted by name. */
export async function countryOptions(locale: string): Promise<CountryOption[]> {
  const lib = await loadPhoneLib();
  const names = new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'code' });
  const collator = new Intl.Collator(locale);
  return lib
    .getCountries()
    .map((country) => ({ country, callingCode: lib.getCountryCallingCode(country), name: names.of(country) ?? country }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** SL-3: filter by calling code ("+40", "40") or by country name, ignoring case and accents. */
export function filterCountries(options: readonly CountryOption[], query: string): CountryOption[] {
  const q = fold(query.trim());
  if (q === '') return [...options];
  const code = q.replace(/^\+/, '');
  if (/^\d+$/.test(code)) return options.filter((o) => o.callingCode.startsWith(code));
  return options.filter((o) => fold(o.name).includes(q) || o.country.toLowerCase() === q);
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** The national part of an E.164 number for a country, to prefill the international form (SL-5). */
export async function splitE164(e164: string): Promise<{ country: string; number: string } | undefined> {
  const lib = await loadPhoneLib();
  const parsed = lib.parsePhoneNumberFromString(e164);
  if (!parsed?.country) return undefined;
  return { country: parsed.country, number: parsed.nationalNumber };
}
