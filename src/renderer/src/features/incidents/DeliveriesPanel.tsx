// The messages Tocsin sent outside the app for this incident, one row each with its delivery status and, when it
// is waiting or failed, why; sealed mode shows why nothing leaves. Above them, the acknowledgements that came from
// the members' own laptops, each genuine or refused.
import { useRoleName } from '../../api/hooks/usePlan';
import { Alert, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeliveryStatus } from '../../../../shared/domain/notify';
import { useDeliveries } from '../../api/hooks/useNotify';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { useHealthText } from '../../i18n/useHealthText';
import { formatTime } from './format';

const STATUS_COLOR: Record<DeliveryStatus, string> = { queued: 'gray', sending: 'blue', sent: 'teal', delivered: 'green', failed: 'red' };

export function DeliveriesPanel({ incidentId }: { readonly incidentId: string }) {
  const { t, i18n } = useTranslation();
  const roleName = useRoleName(useWorkspaceId());
  const workspaceId = useWorkspaceId();
  const healthText = useHealthText();
  const { data } = useDeliveries(workspaceId, incidentId);
  if (!data) return null;
  return (
    <Paper withBorder p="md" data-testid="deliveries">
      <Title order={3} size="h5" mb="xs">
        {t('notify.deliveries.title')}
      </Title>
      {data.blocked && (
        <Alert color="orange" mb="xs" data-testid="deliveries-blocked">
          {healthText(data.blocked, null)}
        </Alert>
      )}
      {data.laptopAcknowledgements.length > 0 && (
        <Stack gap={4} mb="xs" data-testid="laptop-acknowledgements">
          {data.laptopAcknowledgements.map((ack) => (
            <Group key={`${ack.mobilisationId}:${ack.roleId}:${ack.deviceId}:${ack.acknowledgedAt}`} gap="xs" data-testid="laptop-acknowledgement" data-genuine={ack.genuine ? 'true' : 'false'} data-role={ack.roleId}>
              <Badge color={ack.genuine ? 'green' : 'red'} variant="light">
                {ack.genuine ? t('notify.deliveries.fromLaptop') : t('notify.deliveries.notGenuine')}
              </Badge>
              <Text size="sm">
                {t('notify.deliveries.laptopAck', {
                  person: ack.personName || '—',
                  role: t(`incidents.roles.${ack.roleId}`, { defaultValue: ack.roleId }),
                  member: ack.memberName ?? ack.deviceId.slice(0, 8),
                  time: formatTime(ack.acknowledgedAt, i18n.language),
                })}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
      {data.messages.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('notify.deliveries.empty')}
        </Text>
      ) : (
        <Table verticalSpacing={4} data-testid="deliveries-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('notify.deliveries.person')}</Table.Th>
              <Table.Th>{t('notify.deliveries.stage')}</Table.Th>
              <Table.Th>{t('notify.deliveries.channel')}</Table.Th>
              <Table.Th>{t('notify.deliveries.status')}</Table.Th>
              <Table.Th>{t('notify.deliveries.attempts')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.messages.map((m) => (
              <Table.Tr key={m.id} data-testid={`delivery-${m.id}`}>
                <Table.Td>
                  <Text size="sm">{m.personName}</Text>
                  <Text size="xs" c="dimmed">
                    {roleName(m.roleId)}
                  </Text>
                </Table.Td>
                <Table.Td>{t(`notify.stages.${m.stage}`)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`notify.channels.${m.channel}`)}</Text>
                  <Text size="xs" c="dimmed">
                    {m.address}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[m.status]} variant="light">
                    {t(`notify.status.${m.status}`)}
                  </Badge>
                  {m.reason && (
                    <Text size="xs" c={m.status === 'failed' ? 'red' : 'dimmed'}>
                      {healthText(m.reason, null)}
                    </Text>
                  )}
                  {m.nextAttemptAt && m.attempts > 0 && (
                    <Text size="xs" c="dimmed">
                      {t('notify.deliveries.nextAttempt', { time: formatTime(m.nextAttemptAt, i18n.language) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{m.attempts}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
