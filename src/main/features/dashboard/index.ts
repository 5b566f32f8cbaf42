// What other parts of the core may use of the dashboard feature; everything else in this folder is its own.
export { createDashboard } from './createDashboard';
