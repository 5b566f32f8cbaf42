// Which workspace this window shows; the live one unless the person switches to an exercise.
import { createContext, useContext, type ReactNode } from 'react';
import { LIVE_WORKSPACE_ID, type WorkspaceId } from '../../../shared/domain/workspace';

const WorkspaceContext = createContext<WorkspaceId>(LIVE_WORKSPACE_ID);

export const WorkspaceProvider = ({ id, children }: { id: WorkspaceId; children: ReactNode }) => (
  <WorkspaceContext.Provider value={id}>{children}</WorkspaceContext.Provider>
);

export const useWorkspaceId = (): WorkspaceId => useContext(WorkspaceContext);
