// UI catalogues by language.
import type { Language } from '../domain/workspace';
import { en, type UiCatalog } from './en';
import { fr } from './fr';

export const uiCatalogs: Record<Language, UiCatalog> = { en, fr };
export type { UiCatalog };
