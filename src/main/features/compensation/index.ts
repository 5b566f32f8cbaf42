// What other parts of the core may use of the compensation feature; everything else in this folder is its own.
export type { CompensationService } from './compensationService';
export { createCompensation } from './createCompensation';
