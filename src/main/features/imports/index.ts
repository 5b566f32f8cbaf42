// What other parts of the core may use of the imports feature; everything else in this folder is its own.
export { createImports } from './createImports';
