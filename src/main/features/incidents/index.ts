// What other parts of the core may use of the incidents feature; everything else in this folder is its own.
export { incidentHandlers } from './handlers';
export { IncidentService } from './incidentService';
