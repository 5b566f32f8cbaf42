// What other parts of the core may use of the crisisLog feature; everything else in this folder is its own.
export type { Audit } from './audit';
export { CrisisLogService } from './crisisLogService';
export { createCrisisLog } from './createCrisisLog';
export { crisisLogMigrationHooks, keyCrisisLogChain } from './keyChainMigration';
export { GENESIS_HASH } from './chainHash';
export type { StoredRecord, Unchained } from './chainHash';
