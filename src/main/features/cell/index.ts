// What other parts of the core may use of the cell feature; everything else in this folder is its own.
export { createCell } from './createCell';
export type { CellFeature } from './createCell';
export type { CellTuning } from './cellService';
