// Turning cell sync on (listening on one interface address of this computer) or off, and the cell's laptops found on
// the network while it is on.
import { Alert, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellStatus } from '../../../../shared/contract/cell';
import { useStartCellSync, useStopCellSync } from '../../api/hooks/useCell';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { errorMessage } from '../../i18n/errorMessage';
import { AddressInput, defaultAddress } from './AddressInput';

type Cell = NonNullable<CellStatus['cell']>;

interface SyncPanelProps {
  listening: Cell['listening'];
  interfaces: CellStatus['interfaces'];
  discovered: Cell['discovered'];
  members: Cell['members'];
}

export function SyncPanel({ listening, interfaces, discovered, members }: SyncPanelProps) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const start = useStartCellSync(workspaceId);
  const stop = useStopCellSync(workspaceId);
  const [host, setHost] = useState(() => defaultAddress(interfaces));
  const error = start.error ?? stop.error;
  return (
    <Paper withBorder p="lg" data-testid="cell-sync">
      <Stack>
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('cell.sync.title')}
          </Title>
          <Badge color={listening ? 'green' : 'gray'} variant="light" data-testid="cell-sync-state" data-on={listening ? 'true' : 'false'}>
            {listening ? t('cell.members.online') : t('cell.members.offline')}
          </Badge>
        </Group>
        {listening ? (
          <>
            <Text size="sm">{t('cell.sync.on', { address: `${listening.host}:${listening.port}` })}</Text>
            <Found discovered={discovered} members={members} />
            <Group>
              <Button variant="default" loading={stop.isPending} onClick={() => stop.mutate()} data-testid="cell-sync-stop">
                {t('cell.sync.stop')}
              </Button>
            </Group>
          </>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              start.mutate({ host: host.trim(), port: 0 });
            }}
          >
            <Stack>
              <Text size="sm">{t('cell.sync.off')}</Text>
              <AddressInput value={host} onChange={setHost} interfaces={interfaces} testId="cell-sync-address" />
              <Group>
                <Button type="submit" loading={start.isPending} disabled={host.trim() === ''} data-testid="cell-sync-start">
                  {t('cell.sync.start')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {error && <Alert color="red">{errorMessage(error, t)}</Alert>}
      </Stack>
    </Paper>
  );
}

function Found({ discovered, members }: Pick<SyncPanelProps, 'discovered' | 'members'>) {
  const { t } = useTranslation();
  const names = new Map(members.map((m) => [m.deviceId, m.name]));
  return (
    <Stack gap={4} data-testid="cell-found">
      <Text size="sm" fw={600}>
        {t('cell.sync.found')}
      </Text>
      {discovered.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cell.sync.foundNone')}
        </Text>
      ) : (
        <List size="sm">
          {discovered.map((d) => (
            <List.Item key={d.deviceId} data-testid="cell-found-laptop">
              {d.member
                ? t('cell.sync.foundLaptop', { name: names.get(d.deviceId) ?? d.deviceId, address: d.address })
                : t('cell.sync.foundStranger', { deviceId: d.deviceId.slice(0, 8), address: d.address })}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
