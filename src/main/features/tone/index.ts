// What other parts of the core may use of the tone feature; everything else in this folder is its own.
export { loadLexicons } from './lexicon';
export type { Lexicon, ToneLanguage } from './lexicon';
export { foldAccents, tokenize } from './textTokens';
export { ANALYSED_CHARS, ToneEnricher } from './toneEnricher';
export { ToneService } from './toneService';
export { estimateNegativeShare } from './negativeShare';
export type { NegativeConfusion, ShareEstimate } from './negativeShare';
