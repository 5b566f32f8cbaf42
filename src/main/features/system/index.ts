// What other parts of the core may use of the system feature; everything else in this folder is its own.
export type { ShellFacts } from './handlers';
export { createSystem } from './createSystem';
