// The one i18next instance of the main process, over the same catalogues as the screens: plurals
// (`_one`/`_other`), interpolation and French typography come from i18next, not from hand-written code.
import { createInstance, type TFunction } from 'i18next';
import type { Language } from '../../../shared/domain/workspace';
import { uiCatalogs } from '../../../shared/i18n/index';
import { FRENCH_TYPOGRAPHY, frenchTypographyProcessor } from '../../../shared/i18n/frenchTypography';

const i18n = createInstance();
void i18n.use(frenchTypographyProcessor).init({
  initAsync: false,
  fallbackLng: 'en',
  resources: { en: { translation: uiCatalogs.en }, fr: { translation: uiCatalogs.fr } },
  // Main writes PDFs, files and log text, never HTML: values are put in as written.
  interpolation: { escapeValue: false },
  postProcess: [FRENCH_TYPOGRAPHY],
  returnNull: false,
});

export type Translate = TFunction;

/** `t` in one language, optionally under a key prefix such as `reports.pdf`. */
export function translator(language: Language, keyPrefix?: string): Translate {
  return i18n.getFixedT(language, null, keyPrefix) as Translate;
}

/** The locale whose dates and numbers go with the language. */
export function localeOf(language: Language): string {
  return language === 'fr' ? 'fr-CH' : 'en-GB';
}
