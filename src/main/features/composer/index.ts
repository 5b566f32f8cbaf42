// What other parts of the core may use of the composer feature; everything else in this folder is its own.
export { approvalStatus } from './approvalState';
export type { ComposerLog } from './composerLog';
export { createComposer } from './createComposer';
export type { Composer, ComposerTuning } from './createComposer';
export { loadDraftRuleSets } from './draftRuleSets';
export { StatementRepository } from './statementRepository';
export type { StatementService } from './statementService';
