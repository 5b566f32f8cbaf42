// This page's watch over the alerts that rose while it was open: each waits until `detection:alertChanged` shows
// it acknowledged or dismissed (its status read through the API), whichever laptop did it.
import { useEffect, useMemo, useRef } from 'react';
import { AlertAttention } from '../../../../shared/detection/alertAttention';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { api, callApi } from '../client';

export function useAlertAttention(workspaceId: WorkspaceId, onChange: (wanted: boolean) => void): AlertAttention {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  const attention = useMemo(
    () =>
      new AlertAttention(
        (ws, alertId) => callApi('detection:getAlert', { workspaceId: ws, alertId }).then((alert) => alert.status),
        (wanted) => latest.current(wanted),
      ),
    [],
  );
  useEffect(() => api.subscribe('detection:alertChanged', ({ workspaceId: changed, alertId }) => void attention.changed(changed, alertId)), [attention]);
  // Another workspace's alerts are not this screen's to flash for.
  useEffect(() => () => attention.clear(), [attention, workspaceId]);
  return attention;
}
