// Which workspace this window shows: the live one unless the person switches to an exercise. The choice
// belongs to the window (session storage), so one window can run an exercise while another watches live.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { LIVE_WORKSPACE_ID, workspaceIdSchema, type WorkspaceId } from '../../../shared/domain/workspace';

const STORAGE_KEY = 'tocsin.workspace';

interface WorkspaceChoice {
  readonly id: WorkspaceId;
  readonly switchTo: (id: WorkspaceId) => void;
}

const WorkspaceContext = createContext<WorkspaceChoice>({ id: LIVE_WORKSPACE_ID, switchTo: () => {} });

function remembered(fallback: WorkspaceId): WorkspaceId {
  const stored = window.sessionStorage.getItem(STORAGE_KEY);
  return stored && workspaceIdSchema.safeParse(stored).success ? stored : fallback;
}

export function WorkspaceProvider({ id, children }: { id: WorkspaceId; children: ReactNode }) {
  const [current, setCurrent] = useState<WorkspaceId>(() => remembered(id));
  const switchTo = useCallback((next: WorkspaceId) => {
    window.sessionStorage.setItem(STORAGE_KEY, next);
    setCurrent(next);
  }, []);
  const value = useMemo(() => ({ id: current, switchTo }), [current, switchTo]);
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export const useWorkspaceId = (): WorkspaceId => useContext(WorkspaceContext).id;

export const useSwitchWorkspace = (): ((id: WorkspaceId) => void) => useContext(WorkspaceContext).switchTo;
