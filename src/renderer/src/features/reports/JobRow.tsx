// One report or export job: progress bar with its stage, cancel while running, download when done.
import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconDownload, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCancelJob, useDownloadJob, useExportJob } from '../../api/hooks/useReports';
import { base64ToBytes, downloadFile } from '../plan/downloadFile';
import { wordedText } from '../../i18n/errorMessage';

export function JobRow({ jobId, label }: { jobId: string; label: string }) {
  const { t } = useTranslation();
  const job = useExportJob(jobId);
  const cancel = useCancelJob();
  const download = useDownloadJob();
  const state = job.data;
  if (!state) return null;
  const save = () =>
    download.mutate(jobId, {
      onSuccess: ({ fileName, mimeType, contentBase64 }) => downloadFile(fileName, base64ToBytes(contentBase64), mimeType),
    });
  const status =
    state.state === 'running'
      ? t('reports.job.running', { stage: t(`reports.stage.${state.stage}`, { defaultValue: state.stage }) })
      : state.state === 'done'
        ? `${t('reports.job.done', { file: state.fileName ?? '' })}${state.pages ? ` · ${t('reports.job.pages', { count: state.pages })}` : ''}`
        : state.state === 'failed'
          ? t('reports.job.failed', { error: wordedText(state.error ?? '', state.errorWording, t) })
          : t('reports.job.cancelled');
  return (
    <Stack gap={4} data-testid={`job-${state.kind}`} data-state={state.state}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600}>
          {label}
        </Text>
        {state.state === 'running' ? (
          <Button size="xs" variant="light" color="red" leftSection={<IconX size={14} />} onClick={() => cancel.mutate(jobId)}>
            {t('reports.cancel')}
          </Button>
        ) : state.state === 'done' ? (
          <Button size="xs" leftSection={<IconDownload size={14} />} onClick={save} loading={download.isPending}>
            {t('reports.download')}
          </Button>
        ) : null}
      </Group>
      <Progress
        value={state.progress * 100}
        animated={state.state === 'running'}
        color={state.state === 'failed' ? 'red' : state.state === 'cancelled' ? 'gray' : 'blue'}
        aria-label={label}
      />
      <Text size="xs" c={state.state === 'failed' ? 'red' : 'dimmed'}>
        {status}
      </Text>
    </Stack>
  );
}
