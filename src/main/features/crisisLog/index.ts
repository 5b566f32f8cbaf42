// What other parts of the core may use of the crisisLog feature; everything else in this folder is its own.
export type { Audit } from './audit';
export { CrisisLogService } from './crisisLogService';
export { createCrisisLog } from './createCrisisLog';
