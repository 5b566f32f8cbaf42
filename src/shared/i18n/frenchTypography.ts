// French typography for text Tocsin writes: a narrow no-break space (U+202F) before « : ; ! ? » and inside
// « guillemets », so a line never starts with a colon or a lone closing guillemet. Applied as an i18next
// post-processor by main and by the renderer, so the PDF and the screens set French the same way.
const NARROW_NBSP = '\u202f';
/** A space (ordinary, no-break or thin) written before a high punctuation mark, or after an opening guillemet. */
const BEFORE_HIGH = /[ \u00a0\u2009]+([:;!?»])/g;
const AFTER_OPENING = /«[ \u00a0\u2009]*/g;
const BEFORE_CLOSING = /([^\s\u202f])»/g;

export function frenchTypography(text: string): string {
  return text
    .replace(BEFORE_HIGH, `${NARROW_NBSP}$1`)
    .replace(AFTER_OPENING, `«${NARROW_NBSP}`)
    .replace(BEFORE_CLOSING, `$1${NARROW_NBSP}»`);
}

export const FRENCH_TYPOGRAPHY = 'frenchTypography';

/** An i18next post-processor module (shared code names no UI package, so its shape is written out). */
export const frenchTypographyProcessor = {
  type: 'postProcessor' as const,
  name: FRENCH_TYPOGRAPHY,
  // A fixed-language `t` (getFixedT) passes its language in the options; the instance's own is the fallback.
  process: (value: string, _key: string | string[], options: { lng?: unknown }, translator: { language?: string }) =>
    (options.lng ?? translator.language) === 'fr' && typeof value === 'string' ? frenchTypography(value) : value,
};
