// A new alert or a rise in level on a watch of this workspace, pushed by `detection:levelChanged`, handed over with
// the watch's open alert as it stands (read through the same query the level banner uses).
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { isAlertRise } from '../../../../shared/detection/alertNotice';
import type { Alert } from '../../../../shared/domain/detection';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { api, callApi } from '../client';
import { queryKeys } from '../queryKeys';

export function useAlertRaised(workspaceId: WorkspaceId, onRaised: (alert: Alert) => void): void {
  const client = useQueryClient();
  const latest = useRef(onRaised);
  useEffect(() => {
    latest.current = onRaised;
  });
  useEffect(
    () =>
      api.subscribe('detection:levelChanged', ({ workspaceId: changed, watchId, level, previous }) => {
        if (changed !== workspaceId || !isAlertRise(level, previous)) return;
        client
          .fetchQuery({
            queryKey: [...queryKeys.detection(workspaceId), 'overview'],
            queryFn: () => callApi('detection:overview', { workspaceId }),
          })
          .then((overview) => {
            const alert = overview.watches.find((w) => w.watchId === watchId)?.alert;
            if (alert) latest.current(alert);
          })
          // The level banner reads the same query and shows its own error; the notification is only a nudge.
          .catch(() => undefined);
      }),
    [client, workspaceId],
  );
}
