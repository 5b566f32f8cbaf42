// One statement: the editor, its approvals and its publication, side by side.
import { Grid, Stack } from '@mantine/core';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { useStatement } from '../../api/hooks/useComposer';
import { QueryState } from '../../components/QueryState';
import { ApprovalsPanel } from './ApprovalsPanel';
import { OutgoingPosts } from './OutgoingPosts';
import { PublicationPanel } from './PublicationPanel';
import { StatementEditor } from './StatementEditor';

export function StatementWorkspace({ workspaceId, statementId }: { workspaceId: WorkspaceId; statementId: string }) {
  const detail = useStatement(workspaceId, statementId);
  return (
    <QueryState query={detail}>
      {(d) => (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, xl: 8 }}>
            {/* Re-mounted on each saved revision so the editor starts from what is stored. */}
            <StatementEditor key={`${d.statement.id}:${d.statement.revision}`} workspaceId={workspaceId} statement={d.statement} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xl: 4 }}>
            <Stack>
              <ApprovalsPanel workspaceId={workspaceId} detail={d} />
              <OutgoingPosts workspaceId={workspaceId} content={d.statement} />
              <PublicationPanel workspaceId={workspaceId} detail={d} />
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </QueryState>
  );
}
