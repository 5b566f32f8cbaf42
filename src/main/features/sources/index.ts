// What other parts of the core may use of the sources feature; everything else in this folder is its own.
export { SourceRepository } from './sourceRepository';
export { SourceService } from './sourceService';
export { createSources } from './createSources';
export type { CellSourcesTuning } from './cellSources/cellSources';
