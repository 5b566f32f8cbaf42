// The incident at a glance: why it was opened, what it is about (watches, period), key figures, mobilisation answers,
// pinned log entries, and in a cell what each laptop changed.
import { Alert, Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Actor, IncidentDetail } from '../../../../shared/domain/incident';
import { useCrisisLog } from '../../api/hooks/useCrisisLog';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { formatDateTime } from '../../i18n/format';
import { alertHash } from '../detection/alertRoute';
import { useNow } from './useNow';
import { useLogEntryText } from '../../i18n/useLogEntryText';
import { whySentence } from '../../../../shared/detection/whySentence';
import { ScopePanel } from './ScopePanel';
import { CellChangesPanel } from './CellChangesPanel';

export function OverviewTab({ detail, actor }: { detail: IncidentDetail; actor: Actor }) {
  const { t, i18n } = useTranslation();
  const entryText = useLogEntryText();
  const now = useNow(30_000);
  const pinned = useCrisisLog(useWorkspaceId(), { incidentId: detail.id, pinnedOnly: true, limit: 20 });
  const done = detail.checklist.filter((i) => i.status === 'done' || i.status === 'skipped').length;
  const overdue = detail.checklist.filter((i) => (i.status === 'todo' || i.status === 'in_progress') && Date.parse(i.dueAt) < now).length;
  const calls = detail.mobilisation?.people ?? [];
  const acked = calls.filter((c) => c.acknowledgedAt !== null).length;
  const figure = (label: string, value: string, testId: string, color?: string) => (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} c={color} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );

  return (
    <Stack data-testid="tab-panel-overview">
      {detail.alert && (
        <Alert color="orange" title={t('incidents.overview.fromAlert', { id: detail.alert.alertId })} data-testid="alert-why">
          <List size="sm">
            {(detail.alert.signals ? detail.alert.signals.map((signal) => whySentence(signal, t)) : detail.alert.why).map((why) => (
              <List.Item key={why}>{why}</List.Item>
            ))}
          </List>
          {detail.alert.mentions.length > 0 && (
            <Stack gap={4} mt="sm">
              {detail.alert.mentions.map((m, i) => (
                <Text key={i} size="sm">
                  <b>{m.author ?? '—'}</b> {m.text}
                </Text>
              ))}
            </Stack>
          )}
          <Anchor href={alertHash(detail.alert.alertId)} size="sm" mt="sm" display="inline-block" data-testid="incident-alert-link">
            {t('incidents.overview.openAlert')}
          </Anchor>
        </Alert>
      )}
      {detail.summary && <Text>{detail.summary}</Text>}
      <ScopePanel detail={detail} actor={actor} />
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {figure(t('incidents.fields.openedAt'), formatDateTime(detail.openedAt, i18n.language), 'figure-opened')}
        {figure(t('incidents.overview.checklist'), `${done} / ${detail.checklist.length}`, 'figure-checklist')}
        {figure(t('incidents.overview.overdue'), String(overdue), 'figure-overdue', overdue > 0 ? 'red' : undefined)}
        {figure(t('incidents.overview.acknowledged'), detail.mobilisation ? `${acked} / ${calls.length}` : '—', 'figure-acks')}
      </SimpleGrid>
      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="xs">
          {t('incidents.overview.pinned')}
        </Title>
        {(pinned.data ?? []).length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('incidents.overview.noPinned')}
          </Text>
        ) : (
          <Stack gap="xs">
            {(pinned.data ?? []).map((e) => (
              <Group key={e.id} gap="xs" wrap="nowrap" align="flex-start">
                <Badge variant="light" size="sm">
                  {t(`incidents.log.kind.${e.kind}`)}
                </Badge>
                <Text size="sm">{entryText(e)}</Text>
              </Group>
            ))}
          </Stack>
        )}
      </Paper>
      {detail.cellChanges && <CellChangesPanel changes={detail.cellChanges} />}
    </Stack>
  );
}
