// The Cell screen: outside a cell, create one or join one; inside, this laptop's sync, invitations, the members'
// laptops with their links and what waits to reach them, and who this laptop's member is on the roster.
import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCellStatus } from '../../api/hooks/useCell';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { QueryState } from '../../components/QueryState';
import { CreateCellForm, JoinCellForm } from './CellSetup';
import { InvitePanel } from './InvitePanel';
import { MembersTable } from './MembersTable';
import { RosterPersonPanel } from './RosterPersonPanel';
import { SyncPanel } from './SyncPanel';

export function CellScreen() {
  const { t } = useTranslation();
  const status = useCellStatus(useWorkspaceId());
  return (
    <Stack data-testid="screen-cell">
      <div>
        <Title order={2}>{t('cell.title')}</Title>
        <Text c="dimmed">{t('cell.subtitle')}</Text>
      </div>
      <QueryState query={status}>
        {({ cell, interfaces }) =>
          cell ? (
            <Stack>
              <SimpleGrid cols={{ base: 1, lg: 2 }}>
                <SyncPanel listening={cell.listening} interfaces={interfaces} discovered={cell.discovered} members={cell.members} />
                <InvitePanel authority={cell.authority} syncOn={cell.listening !== null} />
              </SimpleGrid>
              <MembersTable members={cell.members} waitingChanges={cell.waitingChanges} />
              {cell.members
                .filter((m) => m.self)
                .map((self) => (
                  <RosterPersonPanel key={self.deviceId} self={self} />
                ))}
            </Stack>
          ) : (
            <Stack>
              <Text data-testid="cell-none">{t('cell.noCell')}</Text>
              <SimpleGrid cols={{ base: 1, lg: 2 }}>
                <Paper withBorder p="lg">
                  <CreateCellForm />
                </Paper>
                <Paper withBorder p="lg">
                  <JoinCellForm interfaces={interfaces} />
                </Paper>
              </SimpleGrid>
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
