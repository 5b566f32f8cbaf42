// What other parts of the core may use of the composer feature; everything else in this folder is its own.
export { createComposer } from './createComposer';
export type { ComposerTuning } from './createComposer';
export { loadDraftRuleSets } from './draftRuleSets';
export type { StatementService } from './statementService';
