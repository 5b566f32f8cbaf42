// What other parts of the core may use of the security feature; everything else in this folder is its own.
export { createSecurity } from './createSecurity';
