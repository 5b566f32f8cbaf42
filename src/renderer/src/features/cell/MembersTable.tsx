// The members of the cell and their laptops: linked or not, when this laptop last heard from each, how many of its
// changes each is not known to hold yet, and removal.
import { Badge, Button, Group, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../../shared/contract/cell';
import { formatContactTime } from './contactTime';
import { RemoveLaptopDialog } from './RemoveLaptopDialog';

export function MembersTable({ members, waitingChanges }: { members: Member[]; waitingChanges: number }) {
  const { t, i18n } = useTranslation();
  const [removing, setRemoving] = useState<Member | null>(null);
  const time = (iso: string): string => formatContactTime(iso, i18n.language);
  return (
    <Paper withBorder p="lg" data-testid="cell-members">
      <Stack>
        <Title order={3} size="h4">
          {t('cell.members.title')}
        </Title>
        <Table.ScrollContainer minWidth={720}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cell.members.name')}</Table.Th>
                <Table.Th>{t('cell.members.roles')}</Table.Th>
                <Table.Th>{t('cell.members.state')}</Table.Th>
                <Table.Th>{t('cell.members.lastContact')}</Table.Th>
                <Table.Th>{t('cell.members.waiting')}</Table.Th>
                <Table.Th>{t('cell.members.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.map((m) => (
                <Table.Tr key={m.deviceId} data-testid="cell-member" data-name={m.name} data-online={m.online ? 'true' : 'false'} data-self={m.self ? 'true' : 'false'} data-relay={m.relay ? 'true' : 'false'}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Text fw={600} size="sm" td={m.revokedAt ? 'line-through' : undefined}>
                        {m.name}
                      </Text>
                      {m.relay && (
                        <Tooltip label={t('cell.members.relayHint')}>
                          <Badge color="grape" variant="outline" size="sm" data-testid="cell-member-relay">
                            {t('cell.members.relay')}
                          </Badge>
                        </Tooltip>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {m.roles.join(', ')}
                    {m.personName && (
                      <Text size="xs" c="dimmed" data-testid="cell-member-person">
                        {t('cell.members.person', { name: m.personName })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {m.revokedAt ? (
                      <Badge color="red" variant="light">
                        {t('cell.members.removed', { time: time(m.revokedAt) })}
                      </Badge>
                    ) : m.self ? (
                      <Badge color="blue" variant="light">
                        {t('cell.members.self')}
                      </Badge>
                    ) : (
                      <Badge color={m.online ? 'green' : 'gray'} variant="light" data-testid="cell-member-link">
                        {m.online ? t('cell.members.online') : t('cell.members.offline')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{m.self ? '' : m.lastContact ? time(m.lastContact) : t('cell.members.never')}</Table.Td>
                  <Table.Td data-testid="cell-member-waiting">{m.self || m.revokedAt ? '' : m.waitingChanges === null ? t('cell.members.unknown') : m.waitingChanges}</Table.Td>
                  <Table.Td>
                    {!m.self && !m.revokedAt && (
                      <Button size="xs" color="red" variant="subtle" onClick={() => setRemoving(m)} aria-label={t('cell.members.removeLabel', { name: m.name })} data-testid="cell-member-remove">
                        {t('cell.members.remove')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group>
          <Text size="sm" data-testid="cell-waiting-total">
            {t('cell.waitingTotal', { count: waitingChanges })}
          </Text>
        </Group>
      </Stack>
      {removing && <RemoveLaptopDialog member={removing} onClose={() => setRemoving(null)} />}
    </Paper>
  );
}
