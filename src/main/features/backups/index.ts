// What other parts of the core may use of the backups feature; everything else in this folder is its own.
export { createBackups } from './createBackups';
