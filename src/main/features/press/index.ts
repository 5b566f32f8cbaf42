// What other parts of the core may use of the press feature; everything else in this folder is its own.
export type { PressService } from './pressService';
export { createPress } from './createPress';
