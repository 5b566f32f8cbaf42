// Detection, alerts and tone-correction calls, delegated to the detection and tone services.
import { backtestFile } from './backtestExport';
import type { DetectionService } from './detectionService';
import type { ToneService } from '../tone';
import type { HandlersFor } from '../../platform/ipc/handlerTypes';

export function detectionHandlers(
  detection: DetectionService,
  tone: ToneService,
): HandlersFor<'detection'> & HandlersFor<'alerts'> & HandlersFor<'tone'> {
  return {
    'detection:overview': ({ workspaceId }) => detection.overview(workspaceId),
    'detection:getSettings': ({ workspaceId, watchId }) => detection.settings(workspaceId, watchId),
    'detection:saveSettings': ({ workspaceId, watchId, settings }) => detection.saveSettings(workspaceId, watchId, settings),
    'detection:backtest': ({ workspaceId, watchId, from, to, settings }) => detection.backtest(workspaceId, watchId, from, to, settings),
    'detection:backtestExport': ({ workspaceId, watchId, from, to, settings, format }) =>
      backtestFile(detection.backtest(workspaceId, watchId, from, to, settings), detection.watchName(workspaceId, watchId), format),
    'detection:listAlerts': ({ workspaceId, status, limit, from, to, watchId, before }) => detection.listAlerts(workspaceId, status, limit, { from, to, watchId, before }),
    'detection:getAlert': ({ workspaceId, alertId }) => detection.getAlert(workspaceId, alertId),
    'detection:acknowledgeAlert': ({ workspaceId, alertId, by, note }) =>
      detection.setStatus(workspaceId, alertId, 'acknowledged', note ?? null, by ?? null),
    'detection:dismissAlert': ({ workspaceId, alertId, by, reason }) => detection.setStatus(workspaceId, alertId, 'dismissed', reason, by ?? null),
    'tone:correct': ({ workspaceId, mentionId, toneClass, by }) => tone.correct(workspaceId, mentionId, toneClass, by ?? null),
    'tone:queue': ({ workspaceId }) => tone.queue(workspaceId),
    'tone:backend': ({ workspaceId }) => tone.backend(workspaceId),
  };
}
