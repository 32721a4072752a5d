import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const locales = ["vi", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "vi";

export type MessageParams = Record<string, string | number | bigint | null | undefined>;
export type Translate = (key: string, params?: MessageParams) => string;

const localesDirectory = new URL("../../locales", import.meta.url).pathname;

/** Catalogues are split by area (`locales/vi/plans.json`, …) and merged; a key may be defined only once. */
function loadCatalogue(locale: Locale): Map<string, string> {
  const catalogue = new Map<string, string>();
  const directory = join(localesDirectory, locale);
  for (const file of readdirSync(directory)
    .filter((name) => name.endsWith(".json"))
    .sort()) {
    const entries = JSON.parse(readFileSync(join(directory, file), "utf8")) as Record<string, string>;
    for (const [key, message] of Object.entries(entries)) {
      if (catalogue.has(key)) throw new Error(`Message key ${key} is defined twice (${locale}/${file})`);
      catalogue.set(key, message);
    }
  }
  return catalogue;
}

const catalogues = new Map<Locale, Map<string, string>>(
  locales.map((locale) => [locale, loadCatalogue(locale)]),
);

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export function hasMessage(locale: Locale, key: string): boolean {
  return catalogues.get(locale)?.has(key) ?? false;
}

/** Every key of a locale's catalogue (for the test that keeps vi and en in step). */
export function messageKeys(locale: Locale): string[] {
  return [...(catalogues.get(locale)?.keys() ?? [])];
}

/**
 * A translator for one locale. English falls back to Vietnamese, then to the key itself, so a missing
 * message shows up in review instead of breaking a page. `{name}` placeholders are filled from params.
 */
export function createTranslator(locale: Locale): Translate {
  const primary = catalogues.get(locale)!;
  const fallback = catalogues.get(defaultLocale)!;
  // Catalogue messages split once at their placeholders (a list page fills a few dozen per request); a key that
  // is not in the catalogue is split each time, so that arbitrary keys cannot grow this map.
  const splitMessages = new Map<string, string[]>();
  return (key, params) => {
    const message = primary.get(key) ?? fallback.get(key);
    const template = message ?? key;
    if (!params) return template;
    let parts = splitMessages.get(template);
    if (parts === undefined) {
      parts = splitAtPlaceholders(template);
      if (message !== undefined) splitMessages.set(template, parts);
    }
    let text = parts[0]!;
    for (let index = 1; index < parts.length; index += 2) {
      const name = parts[index]!;
      const value = params[name];
      if (value === undefined || value === null) text += `{${name}}`;
      else {
        // A parameter may itself be a catalogue key (a reason inside an error message): translate it too.
        const valueText = String(value);
        text += primary.get(valueText) ?? fallback.get(valueText) ?? valueText;
      }
      text += parts[index + 1]!;
    }
    return text;
  };
}

/** "Quá hạn {days} ngày" → ["Quá hạn ", "days", " ngày"]: text at even indexes, placeholder names at odd ones. */
function splitAtPlaceholders(template: string): string[] {
  return template.split(/\{(\w+)\}/);
}
