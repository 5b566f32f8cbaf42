// What other parts of the core may use of the mentions feature; everything else in this folder is its own.
export { displayUrl } from './canonicalUrl';
export { detectLanguage } from './detectLanguage';
export type { EnrichInput, Enrichment, MentionEnricher } from './enricher';
export { IngestService } from './ingestService';
export type { CommittedBatch, IngestRejection } from './ingestService';
export { MentionReadRepository } from './mentionReadRepository';
export { mentionFtsQuery } from './mentionFtsQuery';
export { createMentions } from './createMentions';
export { RollupRepository, type VolumeBucket } from './rollups/rollupRepository';
