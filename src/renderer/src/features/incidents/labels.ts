// Colours shared by the incident screens, so a status or severity reads the same everywhere.
import type { IncidentStatus } from '../../../../shared/domain/incident';
import type { Severity } from '../../../../shared/domain/plan';

export const severityColor: Record<Severity, string> = { low: 'gray', medium: 'yellow', high: 'orange', critical: 'red' };
export const statusColor: Record<IncidentStatus, string> = {
  monitoring: 'blue',
  active: 'red',
  stabilised: 'teal',
  closed: 'gray',
};
