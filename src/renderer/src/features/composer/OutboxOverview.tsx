// Every outbox item of the workspace, whatever the incident: what is waiting, sending, failed or out.
import { Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { useOutbox } from '../../api/hooks/useComposer';
import { QueryState } from '../../components/QueryState';
import { OutboxItemRow } from './OutboxItemRow';

export function OutboxOverview({ workspaceId }: { workspaceId: WorkspaceId; onSelect: (statementId: string) => void }) {
  const { t } = useTranslation();
  const outbox = useOutbox(workspaceId);
  return (
    <QueryState query={outbox}>
      {(items) =>
        items.length === 0 ? null : (
          <Paper withBorder p="md" data-testid="composer-outbox">
            <Stack gap="sm">
              <Title order={4}>{t('composer.outbox.allTitle')}</Title>
              <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
                {items.map((item) => (
                  <OutboxItemRow key={item.id} workspaceId={workspaceId} item={item} showText />
                ))}
              </SimpleGrid>
            </Stack>
          </Paper>
        )
      }
    </QueryState>
  );
}
