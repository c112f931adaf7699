import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '@alongside/contracts/vocabulary';
import en from './en.json';
import fr from './fr.json';
import nb from './nb.json';

export const LANGUAGE_STORAGE_KEY = 'alongside.language';

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** Each language's own name, shown the same whatever the interface language is. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  fr: 'Français',
  nb: 'Norsk bokmål',
};

/** Maps a browser language tag to one we have ("no" and "nn" read Bokmål better than English). */
export function matchLanguage(tag: string): Language | undefined {
  const base = tag.toLowerCase().split('-')[0];
  if (base === 'en' || base === 'fr' || base === 'nb') return base;
  if (base === 'no' || base === 'nn') return 'nb';
  return undefined;
}

function readStoredLanguage(): Language | undefined {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
}

/** Before sign-in: the last language used on this device, else the browser's, else English. */
export function detectInitialLanguage(): Language {
  const stored = readStoredLanguage();
  if (stored) return stored;
  for (const tag of navigator.languages.length > 0 ? navigator.languages : [navigator.language]) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return 'en';
}

function reflectLanguage(lang: string): void {
  document.documentElement.lang = lang;
}

/** Switches the interface language now and remembers it on this device. */
export function applyLanguage(lang: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // Private browsing can refuse storage; the switch still works for this visit.
  }
  if (i18n.language !== lang) void i18n.changeLanguage(lang);
  reflectLanguage(lang);
}

export const resources = {
  en: { translation: en },
  fr: { translation: fr },
  nb: { translation: nb },
} as const;

const initial = detectInitialLanguage();
void i18n.use(initReactI18next).init({
  resources,
  lng: initial,
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
reflectLanguage(initial);
i18n.on('languageChanged', reflectLanguage);

/** The current interface language as one of ours. */
export const currentLanguage = (): Language => (isLanguage(i18n.language) ? i18n.language : 'en');

export default i18n;
