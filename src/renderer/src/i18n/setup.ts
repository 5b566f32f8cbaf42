// i18next with the shared FR/EN catalogues; the chosen language is a per-computer preference.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { languageSchema, type Language } from '../../../shared/domain/workspace';
import { uiCatalogs } from '../../../shared/i18n/index';
import { FRENCH_TYPOGRAPHY, frenchTypographyProcessor } from '../../../shared/i18n/frenchTypography';

const STORAGE_KEY = 'tocsin.language';

export function initialLanguage(): Language {
  const stored = languageSchema.safeParse(window.localStorage.getItem(STORAGE_KEY));
  if (stored.success) return stored.data;
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

export function setLanguage(language: Language): void {
  window.localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

export function initI18n(): typeof i18next {
  const lng = initialLanguage();
  document.documentElement.lang = lng;
  void i18next.use(initReactI18next).use(frenchTypographyProcessor).init({
    lng,
    fallbackLng: 'en',
    resources: { en: { translation: uiCatalogs.en }, fr: { translation: uiCatalogs.fr } },
    // React already escapes rendered text; double escaping would garble apostrophes in French.
    interpolation: { escapeValue: false },
    returnNull: false,
    postProcess: [FRENCH_TYPOGRAPHY],
  });
  return i18next;
}
