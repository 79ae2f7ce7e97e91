// PL-4: the widgets' language. @lit/localize in runtime mode, configured once here; the French and
// Romanian catalogues (generated into ../locales from the XLIFF files) load on first use, so a page
// in English pays nothing for them. The language is page-wide: lit-localize keeps one active locale
// per copy of the library, so every widget on the page speaks the same language.

import { configureLocalization } from '@lit/localize';

/** The languages the widgets ship, the source (English) first. */
export const LOCALES = ['en', 'fr', 'ro'] as const;
export type CcLocale = (typeof LOCALES)[number];
export const SOURCE_LOCALE: CcLocale = 'en';

// One literal import per catalogue, so bundlers make each a chunk of its own.
const catalogues = {
  fr: () => import('../locales/fr.js'),
  ro: () => import('../locales/ro.js'),
};

let localization: ReturnType<typeof configureLocalization> | undefined;
function configured(): ReturnType<typeof configureLocalization> {
  localization ??= configureLocalization({
    sourceLocale: SOURCE_LOCALE,
    targetLocales: ['fr', 'ro'],
    loadLocale: (locale) => catalogues[locale as 'fr' | 'ro'](),
  });
  return localization;
}

const warned = new Set<string>();

/**
 * The shipped locale for a requested tag: exact ("ro"), else by language ("fr-CA" → "fr",
 * "ro-RO" → "ro"); anything else is English, with one console warning per tag.
 */
export function resolveLocale(requested: string | undefined): CcLocale {
  if (requested === undefined || requested === '') return SOURCE_LOCALE;
  const tag = requested.trim().toLowerCase().replace(/_/g, '-');
  const language = tag.split('-')[0] ?? '';
  const found = LOCALES.find((locale) => locale === tag) ?? LOCALES.find((locale) => locale === language);
  if (found) return found;
  if (!warned.has(requested)) {
    warned.add(requested);
    console.warn(`cc-elements: no "${requested}" translation; the widgets speak ${SOURCE_LOCALE} (shipped: ${LOCALES.join(', ')}).`);
  }
  return SOURCE_LOCALE;
}

/** The language the widgets speak now. */
export function activeLocale(): CcLocale {
  return configured().getLocale() as CcLocale;
}

/**
 * Switches every widget on the page to the requested language (resolved as above). Resolves when
 * the catalogue is loaded and the widgets asked to re-render; the last call wins.
 */
export async function setActiveLocale(requested: string | undefined): Promise<CcLocale> {
  const locale = resolveLocale(requested);
  // lit-localize lets the last request win, and does nothing for the language it is already on
  // (or loading), so every request goes through: an earlier one still loading is overridden.
  await configured().setLocale(locale);
  return locale;
}

/**
 * The tag for `Intl` formatting (dates, numbers, sizes, country names): the active language, with
 * the browser's region when it speaks the same language (en-GB dates for a British agent).
 */
export function formatLocale(): string {
  const locale = activeLocale();
  const preferred = typeof navigator === 'undefined' ? undefined : navigator.language;
  return preferred && preferred.toLowerCase().split('-')[0] === locale ? preferred : locale;
}

/** A number of seconds in words, in the active language ("10 seconds", "10 secondes", "10 de secunde"). */
export function formatSeconds(seconds: number): string {
  return new Intl.NumberFormat(formatLocale(), { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(seconds);
}

/**
 * A duration in words for screen readers ("1 minute, 5 seconds", "1 minute et 5 secondes"), where
 * the screen shows a clock ("1:05") that would be read as a time of day.
 */
export function formatSpokenDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const locale = formatLocale();
  const parts = [
    ['hour', Math.floor(total / 3600)],
    ['minute', Math.floor((total % 3600) / 60)],
    ['second', total % 60],
  ] as const;
  const words = parts
    .filter(([unit, n]) => n > 0 || (unit === 'second' && total === 0))
    .map(([unit, n]) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(n));
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(words);
}
