// The step that fills language and tone before a mention is stored; the detection issue supplies the real one.

export type ToneClass = 'negative' | 'neutral' | 'positive';

export interface EnrichInput {
  /** Tone can be refined per workspace (its local model trained from analysts' corrections). */
  readonly workspaceId?: string;
  readonly text: string;
  readonly title?: string;
  /** Language announced by the source (BCP 47), if any. */
  readonly language?: string;
}

export interface Enrichment {
  readonly language: string | null;
  readonly toneClass: ToneClass | null;
  readonly toneScore: number | null;
}

export interface MentionEnricher {
  enrich(input: EnrichInput): Enrichment;
}

const PRIMARY_SUBTAG = /^[a-z]{2,3}$/;

/** `fr-CH`, `FR`, `fr_FR` → `fr`; anything that is not a language tag → null. */
export function primaryLanguage(tag: string | undefined): string | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return PRIMARY_SUBTAG.test(primary) ? primary : null;
}

/** Trusts only what the source announced; no tone until a scoring enricher is plugged in. */
export const sourceLanguageEnricher: MentionEnricher = {
  enrich: ({ language }) => ({ language: primaryLanguage(language), toneClass: null, toneScore: null }),
};
