// What other parts of the core may use of the incidents feature; everything else in this folder is its own.
export { IncidentService } from './incidentService';
export { createIncidents } from './createIncidents';
export { scopeWindow, type IncidentScope, type ScopeWindow } from './incidentScope';
export { roleNamesOf } from './mobilisedPeople';
