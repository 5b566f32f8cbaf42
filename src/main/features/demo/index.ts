// What other parts of the core may use of the demo feature; everything else in this folder is its own.
export { createDemo } from './createDemo';
