// Status meetings: the countdown to the next one and a one-click situation report (conditions / actions /
// needs) assembled from the log and the checklist, itself written to the log.
import { Alert, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Actor, IncidentDetail, SituationLine, SituationReport } from '../../../../shared/domain/incident';
import { useSituationReport } from '../../api/hooks/useIncidents';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { formatDateTime } from '../../i18n/format';
import { formatCountdown } from './format';
import { useNow } from './useNow';

export function SituationTab({ detail, actor }: { detail: IncidentDetail; actor: Actor }) {
  const { t } = useTranslation();
  const now = useNow();
  const make = useSituationReport(useWorkspaceId(), detail.id);
  const [latest, ...earlier] = detail.reports;
  return (
    <Stack data-testid="tab-panel-situation">
      {/* On paper only the report itself: no navigation, tabs or buttons. */}
      <style>{'@media print { nav, header, [role="tablist"], .no-print { display: none !important; } main { padding: 0 !important; } }'}</style>
      <Group justify="space-between">
        {detail.nextMeetingAt ? (
          <Text size="lg">
            {t('incidents.nextMeeting')}
            {t('incidents.colon')}
            <b style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="situation-countdown">
              {formatCountdown(detail.nextMeetingAt, now)}
            </b>
          </Text>
        ) : (
          <span />
        )}
        <Group className="no-print">
          <Button variant="default" onClick={() => window.print()}>
            {t('incidents.print')}
          </Button>
          <Button onClick={() => make.mutate({ actor })} loading={make.isPending} disabled={detail.status === 'closed'} data-testid="make-report">
            {t('incidents.situation.make')}
          </Button>
        </Group>
      </Group>
      {latest ? <ReportView report={latest} /> : <Text c="dimmed">{t('incidents.situation.none')}</Text>}
      {earlier.length > 0 && (
        <Paper withBorder p="sm">
          <Title order={3} size="h5" mb="xs">
            {t('incidents.situation.earlier')}
          </Title>
          <List size="sm">
            {earlier.map((r) => (
              <List.Item key={r.id}>
                <EarlierLine report={r} />
              </List.Item>
            ))}
          </List>
        </Paper>
      )}
    </Stack>
  );
}

function EarlierLine({ report }: { report: SituationReport }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {formatDateTime(report.createdAt, i18n.language)} — {report.createdBy} —{' '}
      {t('incidents.situation.counts', { conditions: report.conditions.length, actions: report.actions.length, needs: report.needs.length })}
    </>
  );
}

function ReportView({ report }: { report: SituationReport }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const section = (key: 'conditions' | 'actions' | 'needs', lines: SituationLine[]) => (
    <Paper withBorder p="md" data-testid={`report-${key}`}>
      <Title order={3} size="h4" mb="xs">
        {t(`incidents.situation.${key}`)}
      </Title>
      {lines.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('incidents.situation.nothing')}
        </Text>
      ) : (
        <Stack gap={6}>
          {lines.map((line, i) => (
            <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
              <Badge size="sm" variant="light" style={{ flexShrink: 0 }}>
                {t(`incidents.situation.line.${line.kind}`)}
              </Badge>
              <Text size="sm">{line.text[lang]}</Text>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
  return (
    <Stack data-testid="situation-report">
      <Text size="sm">
        {t('incidents.situation.madeBy', { time: formatDateTime(report.createdAt, i18n.language), name: report.createdBy })}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {section('conditions', report.conditions)}
        {section('actions', report.actions)}
        {section('needs', report.needs)}
      </SimpleGrid>
      <Alert color={report.logIntact ? 'gray' : 'red'} py={6}>
        <Text size="xs" style={{ wordBreak: 'break-all' }}>
          {report.logIntact ? t('incidents.situation.anchor', { hash: report.logHeadHash ?? '—' }) : t('incidents.log.verifyBroken')}
        </Text>
      </Alert>
    </Stack>
  );
}
