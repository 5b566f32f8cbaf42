// The debrief timings of the scenario played in this exercise.
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ExerciseDebrief } from '../../../../shared/contract/exercises';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { useDebriefPdf, useExerciseDebrief } from '../../api/hooks/useExercises';
import { base64ToBytes, downloadFile } from '../plan/downloadFile';
import { QueryState } from '../../components/QueryState';
import { formatGameMinute } from './gameTime';

function Metric({ label, value, hint, tone, testId }: { label: string; value: string; hint?: string; tone?: 'good' | 'bad'; testId: string }) {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Group gap="xs" align="baseline">
        <Text fw={700} size="xl" c={tone === 'good' ? 'green' : tone === 'bad' ? 'red' : undefined}>
          {value}
        </Text>
        {hint && (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        )}
      </Group>
    </Paper>
  );
}

export function DebriefPanel({ workspaceId }: { workspaceId: WorkspaceId }) {
  const { t } = useTranslation();
  const debrief = useExerciseDebrief(workspaceId);
  return (
    <Paper withBorder p="md" data-testid="exercise-debrief">
      <QueryState query={debrief}>{(d) => <DebriefBody debrief={d} workspaceId={workspaceId} />}</QueryState>
      {!debrief.data && !debrief.isPending && <Text c="dimmed">{t('exercises.debrief.notYet')}</Text>}
    </Paper>
  );
}

function DebriefBody({ debrief: d, workspaceId }: { debrief: ExerciseDebrief; workspaceId: WorkspaceId }) {
  const { t } = useTranslation();
  const pdf = useDebriefPdf(workspaceId);
  const minutes = (value: number | null) => (value === null ? t('exercises.debrief.notYet') : t('exercises.debrief.minutes', { value }));
  const within = (value: number | null, limit: number) => (value === null ? undefined : value <= limit ? 'good' : 'bad');
  return (
    <Stack gap="sm">
      <div>
        <Title order={4}>{t('exercises.debrief.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('exercises.debrief.help', { onset: formatGameMinute(d.onsetMinute).slice(2) })}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <Metric
          testId="debrief-detect"
          label={t('exercises.debrief.detect')}
          value={minutes(d.timeToDetect)}
          hint={t('exercises.debrief.detectExpected', { minutes: d.expectedAlertWithinMinutes })}
          tone={within(d.timeToDetect, d.expectedAlertWithinMinutes)}
        />
        <Metric testId="debrief-open" label={t('exercises.debrief.openIncident')} value={minutes(d.timeToOpenIncident)} />
        <Metric testId="debrief-mobilise" label={t('exercises.debrief.mobilise')} value={minutes(d.timeToMobilise)} />
        <Metric testId="debrief-approved" label={t('exercises.debrief.holdingApproved')} value={minutes(d.timeToHoldingApproved)} />
        <Metric
          testId="debrief-published"
          label={t('exercises.debrief.holdingPublished')}
          value={minutes(d.timeToHoldingPublished)}
          tone={within(d.timeToHoldingPublished, 60)}
        />
        <Metric
          testId="debrief-latency"
          label={t('exercises.debrief.approvalLatency')}
          value={
            d.approvalLatency.averageMinutes === null
              ? t('exercises.debrief.notYet')
              : `${minutes(d.approvalLatency.averageMinutes)} / ${minutes(d.approvalLatency.maxMinutes)}`
          }
        />
        <Metric
          testId="debrief-h1"
          label={t('exercises.debrief.checklistH1')}
          value={t('exercises.debrief.ofDue', { done: d.checklistH1.done, due: d.checklistH1.due })}
          tone={d.checklistH1.due ? (d.checklistH1.done === d.checklistH1.due ? 'good' : 'bad') : undefined}
        />
        <Metric
          testId="debrief-h4"
          label={t('exercises.debrief.checklistH4')}
          value={t('exercises.debrief.ofDue', { done: d.checklistH4.done, due: d.checklistH4.due })}
          tone={d.checklistH4.due ? (d.checklistH4.done === d.checklistH4.due ? 'good' : 'bad') : undefined}
        />
        <Metric
          testId="debrief-unanswered"
          label={t('exercises.debrief.unanswered')}
          value={t('exercises.debrief.ofQuestions', { count: d.unansweredQuestions, total: d.questions })}
          tone={d.unansweredQuestions === 0 ? 'good' : 'bad'}
        />
        <Metric
          testId="debrief-obligations"
          label={t('exercises.debrief.obligations')}
          value={t('exercises.debrief.obligationsValue', d.obligations)}
          tone={d.obligations.met + d.obligations.missed ? (d.obligations.missed === 0 ? 'good' : 'bad') : undefined}
        />
      </SimpleGrid>
      <Group gap="xs">
        <Badge variant="light">{d.scriptId}</Badge>
        {(['fr', 'en'] as const).map((language) => (
          <Button
            key={language}
            size="xs"
            variant="light"
            leftSection={<IconFileTypePdf size={14} />}
            loading={pdf.isPending && pdf.variables === language}
            onClick={() =>
              pdf.mutate(language, {
                onSuccess: ({ fileName, pdfBase64 }) => downloadFile(fileName, base64ToBytes(pdfBase64), 'application/pdf'),
              })
            }
            data-testid={`debrief-pdf-${language}`}
          >
            {`${t('exercises.debrief.pdf')} ${language.toUpperCase()}`}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
