// Reports area: pick an incident, generate the PDF report in a language, export data, import an archive,
// and see how the public reacted to each published statement.
import { Alert, Button, Checkbox, FileButton, Grid, Group, Paper, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconFileTypePdf, IconFileExport, IconUpload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppFailure } from '../../../../shared/contract/envelope';
import { ARCHIVE_PROBLEMS, type ArchiveProblem } from '../../../../shared/domain/incidentArchive';
import type { ExportKind } from '../../../../shared/domain/report';
import type { Language } from '../../../../shared/domain/workspace';
import { useIncidentList } from '../../api/hooks/useIncidents';
import { useImportArchive, useStartJob } from '../../api/hooks/useReports';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { QueryState } from '../../components/QueryState';
import { JobRow } from './JobRow';
import { ReactionPanel } from './ReactionPanel';
import { errorMessage } from '../../i18n/errorMessage';

const EXPORTS: readonly { kind: Exclude<ExportKind, 'report'>; label: string }[] = [
  { kind: 'archive', label: 'reports.exportArchive' },
  { kind: 'mentionsCsv', label: 'reports.exportMentionsCsv' },
  { kind: 'mentionsXlsx', label: 'reports.exportMentionsXlsx' },
  { kind: 'logCsv', label: 'reports.exportLogCsv' },
  { kind: 'compensationCsv', label: 'reports.exportCompensationCsv' },
];

export function ReportsScreen() {
  const { t, i18n } = useTranslation();
  const workspaceId = useWorkspaceId();
  const incidents = useIncidentList(workspaceId);
  const [incidentId, setIncidentId] = useState<string | null>(null);
  const [language, setLanguage] = useState<Language | null>(null);
  const [jobs, setJobs] = useState<{ jobId: string; kind: ExportKind }[]>([]);
  const [expectedFingerprint, setExpectedFingerprint] = useState('');
  const [includePersonalData, setIncludePersonalData] = useState(false);
  const start = useStartJob(workspaceId);
  const importArchive = useImportArchive(workspaceId);

  useEffect(() => {
    const first = incidents.data?.[0];
    if (incidentId === null && first) setIncidentId(first.id);
  }, [incidents.data, incidentId]);
  // The report is written in the reader's language unless they pick the other one here.
  const reportLanguage: Language = language ?? (i18n.language === 'en' ? 'en' : 'fr');

  const run = (kind: ExportKind) => {
    if (!incidentId) return;
    start.mutate(
      { incidentId, kind, language: kind === 'report' ? reportLanguage : undefined, includePersonalData },
      { onSuccess: (job) => setJobs((list) => [{ jobId: job.jobId, kind }, ...list.filter((j) => j.kind !== kind)]) },
    );
  };
  const labelOf = (kind: ExportKind) => (kind === 'report' ? t('reports.reportJob') : t(EXPORTS.find((e) => e.kind === kind)?.label ?? kind));
  const readArchive = (file: File | null) => {
    if (file) void file.text().then((content) => importArchive.mutate({ content, expectedFingerprint: expectedFingerprint.trim() || undefined }));
  };
  const importError = (error: Error): string => {
    const problem = error instanceof AppFailure ? error.issues?.find((i) => i.path === 'archive')?.message : undefined;
    if (problem && (ARCHIVE_PROBLEMS as readonly string[]).includes(problem)) return t(`reports.archiveProblem.${problem as ArchiveProblem}`);
    return errorMessage(error, t);
  };

  return (
    <Stack data-testid="screen-reports">
      <div>
        <Title order={2}>{t('reports.title')}</Title>
        <Text c="dimmed">{t('reports.subtitle')}</Text>
      </div>
      <QueryState query={incidents}>
        {(list) =>
          list.length === 0 ? (
            <Alert color="gray">{t('reports.noIncident')}</Alert>
          ) : (
            <Grid>
              <Grid.Col span={{ base: 12, lg: 5 }}>
                <Stack>
                  <Paper withBorder p="md">
                    <Stack>
                      <Select
                        label={t('reports.incident')}
                        placeholder={t('reports.incidentPlaceholder')}
                        data={list.map((i) => ({ value: i.id, label: i.title }))}
                        value={incidentId}
                        onChange={setIncidentId}
                        allowDeselect={false}
                        data-testid="report-incident"
                      />
                      <div>
                        <Text size="sm" fw={500} mb={4}>
                          {t('reports.language')}
                        </Text>
                        <SegmentedControl
                          value={reportLanguage}
                          onChange={(value) => setLanguage(value as Language)}
                          data={[
                            { value: 'fr', label: 'Français' },
                            { value: 'en', label: 'English' },
                          ]}
                          aria-label={t('reports.language')}
                          data-testid="report-language"
                        />
                      </div>
                      <Button leftSection={<IconFileTypePdf size={18} />} onClick={() => run('report')} disabled={!incidentId} data-testid="generate-report">
                        {t('reports.generate')}
                      </Button>
                    </Stack>
                  </Paper>
                  <Paper withBorder p="md">
                    <Stack>
                      <Title order={4}>{t('reports.exports')}</Title>
                      <Group gap="xs">
                        {EXPORTS.map((e) => (
                          <Button key={e.kind} size="xs" variant="light" leftSection={<IconFileExport size={14} />} onClick={() => run(e.kind)} disabled={!incidentId}>
                            {t(e.label)}
                          </Button>
                        ))}
                      </Group>
                      <Checkbox
                        label={t('reports.includePersonalData')}
                        description={t('reports.includePersonalDataHelp')}
                        checked={includePersonalData}
                        onChange={(e) => setIncludePersonalData(e.currentTarget.checked)}
                        data-testid="export-personal-data"
                      />
                      <TextInput
                        size="xs"
                        label={t('reports.expectedFingerprint')}
                        description={t('reports.expectedFingerprintHelp')}
                        value={expectedFingerprint}
                        onChange={(e) => setExpectedFingerprint(e.currentTarget.value)}
                        ff="monospace"
                        data-testid="expected-fingerprint"
                      />
                      <Group gap="xs" align="center">
                        <FileButton onChange={readArchive} accept="application/json,.json">
                          {(props) => (
                            <Button {...props} size="xs" variant="default" leftSection={<IconUpload size={14} />} loading={importArchive.isPending}>
                              {t('reports.importArchive')}
                            </Button>
                          )}
                        </FileButton>
                        <Text size="xs" c="dimmed">
                          {t('reports.importHelp')}
                        </Text>
                      </Group>
                      {importArchive.isSuccess ? (
                        <Alert color="green" data-testid="archive-imported">
                          {t('reports.imported', { entries: importArchive.data.logRecords })}{' '}
                          {t('reports.importSigner', { fingerprint: importArchive.data.signer.fingerprint })}
                        </Alert>
                      ) : null}
                      {importArchive.isError ? (
                        <Alert color="red" data-testid="archive-refused">
                          {importError(importArchive.error)}
                        </Alert>
                      ) : null}
                    </Stack>
                  </Paper>
                  {jobs.length > 0 ? (
                    <Paper withBorder p="md">
                      <Stack>
                        {jobs.map((j) => (
                          <JobRow key={j.jobId} jobId={j.jobId} label={labelOf(j.kind)} />
                        ))}
                      </Stack>
                    </Paper>
                  ) : null}
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 7 }}>{incidentId ? <ReactionPanel workspaceId={workspaceId} incidentId={incidentId} /> : null}</Grid.Col>
            </Grid>
          )
        }
      </QueryState>
    </Stack>
  );
}
