import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import cs from './cs.json';
import ru from './ru.json';
import tr from './tr.json';

/**
 * Feature files: `features/<namespace>.json` holds one namespace in every language
 * (`{ "en": {...}, "cs": {...}, "ru": {...}, "tr": {...} }`), so a feature's strings live together.
 */
type FeatureFile = Record<'en' | 'cs' | 'ru' | 'tr', Record<string, unknown>>;
const features = import.meta.glob<FeatureFile>('./features/*.json', { eager: true, import: 'default' });

function withFeatures(lang: keyof FeatureFile, base: Record<string, unknown>): Record<string, unknown> {
  const out = { ...base };
  for (const [file, texts] of Object.entries(features)) out[file.replace(/^.*\/|\.json$/g, '')] = texts[lang];
  return out;
}

/** The languages of the teams in the seeds; the order is the order of the language menu. */
export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'cs', label: 'Čeština' },
  { code: 'ru', label: 'Русский' },
  { code: 'tr', label: 'Türkçe' },
] as const;

export type Locale = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'sb.locale';

export function isLocale(value: unknown): value is Locale {
  return LANGUAGES.some((l) => l.code === value);
}

function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLocale(stored)) return stored;
  const browser = navigator.language.slice(0, 2);
  return isLocale(browser) ? browser : 'en';
}

/** Switches the UI language and remembers it in this browser (the account keeps its own copy). */
export function applyLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
  void i18n.changeLanguage(locale);
}

void i18n.use(initReactI18next).init({
  resources: {
    en: { translation: withFeatures('en', en) },
    cs: { translation: withFeatures('cs', cs) },
    ru: { translation: withFeatures('ru', ru) },
    tr: { translation: withFeatures('tr', tr) },
  },
  lng: initialLocale(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});
document.documentElement.lang = i18n.language;

export default i18n;
