// Read-only full-screen view for the room's TV: status and severity, clocks, next status meeting,
// mobilisation answers, checklist progress and the latest log entries, legible from across the room.
import { Badge, Box, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../../../../shared/domain/incident';
import { useCrisisLog } from '../../api/hooks/useCrisisLog';
import { useDashboardSeries } from '../../api/hooks/useDashboard';
import { useIncident } from '../../api/hooks/useIncidents';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { QueryState } from '../../components/QueryState';
import { VolumeChart } from '../dashboard/VolumeChart';
import { formatClock, formatCountdown, formatTime } from './format';
import { severityColor, statusColor } from './labels';
import { verificationColor } from './LogTab';
import { useMobilisationNotice } from './useMobilisationNotice';
import { useNow } from './useNow';
import { WallClocks } from '../clocks/WallClocks';
import { useLogEntryText } from '../../i18n/useLogEntryText';

export function WallDisplay({ incidentId, onExit }: { incidentId: string; onExit: () => void }) {
  const incident = useIncident(useWorkspaceId(), incidentId);
  useHotkeys([['Escape', onExit]]);
  return (
    <Box
      pos="fixed"
      inset={0}
      bg="#0b0f14"
      c="#f1f3f5"
      p="xl"
      style={{ zIndex: 300, overflow: 'auto' }}
      data-testid="screen-wall"
      role="main"
    >
      <QueryState query={incident}>{(detail) => <Wall detail={detail} onExit={onExit} />}</QueryState>
    </Box>
  );
}

function Wall({ detail, onExit }: { detail: IncidentDetail; onExit: () => void }) {
  const { t, i18n } = useTranslation();
  const entryText = useLogEntryText();
  const now = useNow();
  useMobilisationNotice(detail);
  const log = useCrisisLog(useWorkspaceId(), { incidentId: detail.id, includeWorkspace: true, limit: 8 });
  const calls = detail.mobilisation?.people ?? [];
  const acked = calls.filter((c) => c.acknowledgedAt !== null).length;
  const done = detail.checklist.filter((i) => i.status === 'done' || i.status === 'skipped').length;
  const overdue = detail.checklist.filter((i) => (i.status === 'todo' || i.status === 'in_progress') && Date.parse(i.dueAt) < now);
  const late = detail.nextMeetingAt !== null && Date.parse(detail.nextMeetingAt) < now;
  const big = (label: string, value: string, testId: string, color?: string) => (
    <Box p="md" style={{ border: '1px solid #3a4250', borderRadius: 8 }}>
      <Text size="lg" c="#ced4da">
        {label}
      </Text>
      <Text fz={44} fw={800} c={color ?? '#f8f9fa'} style={{ fontVariantNumeric: 'tabular-nums', lineHeight: 1.1 }} data-testid={testId}>
        {value}
      </Text>
    </Box>
  );
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Title order={1} fz={42} c="#f8f9fa">
            {detail.title}
          </Title>
          <Group>
            <Badge size="xl" color={`${statusColor[detail.status]}.4`} variant="filled" c="black">
              {t(`incidents.status.${detail.status}`)}
            </Badge>
            <Badge size="xl" color={`${severityColor[detail.severity]}.4`} variant="filled" c="black">
              {t(`incidents.severity.${detail.severity}`)}
            </Badge>
            {detail.alert?.level && (
              <Badge size="xl" color="gray.3" variant="filled" c="black" data-testid="wall-level">
                {t(`incidents.level.${detail.alert.level}`, { defaultValue: detail.alert.level })}
              </Badge>
            )}
          </Group>
        </Stack>
        <Stack gap={0} align="flex-end" style={{ flexShrink: 0 }}>
          <Text fz={56} fw={800} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="wall-clock">
            {formatClock(new Date(now), i18n.language)}
          </Text>
          <Text size="lg" c="#ced4da">
            UTC {formatClock(new Date(now), i18n.language, 'UTC')}
          </Text>
          <Button variant="outline" color="gray" c="#f1f3f5" mt="sm" onClick={onExit} data-testid="wall-exit">
            {t('incidents.wall.exit')}
          </Button>
        </Stack>
      </Group>
      <SimpleGrid cols={4}>
        {big(t('incidents.nextMeeting'), detail.nextMeetingAt ? formatCountdown(detail.nextMeetingAt, now) : '—', 'wall-meeting', late ? '#ff8787' : undefined)}
        {big(t('incidents.overview.acknowledged'), detail.mobilisation ? `${acked} / ${calls.length}` : '—', 'wall-acks')}
        {big(t('incidents.overview.checklist'), `${done} / ${detail.checklist.length}`, 'wall-checklist')}
        {big(t('incidents.overview.overdue'), String(overdue.length), 'wall-overdue', overdue.length > 0 ? '#ff8787' : undefined)}
      </SimpleGrid>
      <WallClocks incidentId={detail.id} now={now} />
      {detail.alert?.watchId !== undefined && <WallChart watchId={detail.alert.watchId} />}
      <Box>
        <Title order={2} fz={28} mb="sm" c="#f8f9fa">
          {t('incidents.wall.latest')}
        </Title>
        <Stack gap="sm">
          {(log.data ?? []).map((e) => (
            <Group key={e.id} wrap="nowrap" align="flex-start" gap="md">
              <Text fz={24} fw={700} c="#ced4da" style={{ fontVariantNumeric: 'tabular-nums', flexShrink: 0 }}>
                {formatTime(e.occurredAt, i18n.language)}
              </Text>
              <Badge size="lg" color={`${verificationColor[e.verification]}.4`} variant="filled" c="black" style={{ flexShrink: 0 }}>
                {t(`incidents.log.verification.${e.verification}`)}
              </Badge>
              <Text fz={24} c="#f8f9fa">
                {entryText(e)}
              </Text>
            </Group>
          ))}
        </Stack>
      </Box>
    </Stack>
  );
}

/** The alert's watch over the last six hours, from the dashboard's rollup series (pushed, never polled). */
function WallChart({ watchId }: { watchId: number }) {
  const series = useDashboardSeries(useWorkspaceId(), watchId, '6h');
  if (!series.data) return null;
  return (
    <Box data-testid="wall-chart">
      <VolumeChart series={series.data} />
    </Box>
  );
}
