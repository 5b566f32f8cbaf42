// What other parts of the core may use of the security feature; everything else in this folder is its own.
export { securityHandlers } from './handlers';
export { networkHandlers } from './networkHandlers';
