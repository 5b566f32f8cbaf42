// What other parts of the core may use of the reports feature; everything else in this folder is its own.
export { createReports } from './createReports';
export { safeCell } from './safeCell';
