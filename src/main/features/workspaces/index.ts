// What other parts of the core may use of the workspaces feature; everything else in this folder is its own.
export { WorkspaceService } from './workspaceService';
export { createWorkspaces } from './createWorkspaces';
