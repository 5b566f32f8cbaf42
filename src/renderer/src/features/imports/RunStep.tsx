// Step 3: the import's progress as pushed by the backend, then what it found and the rows left out.
import { Alert, Button, Group, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportProgress } from '../../../../shared/domain/fileImport';
import { useCancelImport, useImportRun } from '../../api/hooks/useImports';
import { QueryState } from '../../components/QueryState';
import { wordedText } from '../../i18n/errorMessage';
import { ImportSummary } from './ImportSummary';

export function RunStep({ runId, onAgain }: { runId: string; onAgain: () => void }) {
  const run = useImportRun(runId);
  return <QueryState query={run}>{(progress) => <RunReport progress={progress} onAgain={onAgain} />}</QueryState>;
}

function RunReport({ progress, onAgain }: { progress: ImportProgress; onAgain: () => void }) {
  const { t } = useTranslation();
  // A value the mention's rules refused is worded in the reader's language, with the field at fault.
  const problemDetail = (problem: ImportProgress['problems'][number]): string => {
    if (!problem.wording) return problem.detail ?? '';
    const text = wordedText(problem.detail ?? '', problem.wording, t);
    return problem.field ? t('imports.problemField', { field: problem.field, problem: text }) : text;
  };
  const cancel = useCancelImport();
  const running = progress.state === 'running';
  const share = progress.total === 0 ? 100 : (progress.processed / progress.total) * 100;
  const color = progress.state === 'failed' ? 'red' : progress.state === 'cancelled' ? 'orange' : 'green';
  return (
    <Stack data-testid="import-report" data-state={progress.state}>
      <Title order={4}>{`${t(`imports.states.${progress.state}`)} — ${progress.fileName}`}</Title>
      <Progress value={share} color={color} animated={running} size="lg" aria-label={t('imports.progress', progress)} />
      <Text size="sm">{t('imports.progress', { processed: progress.processed, total: progress.total })}</Text>
      <SimpleGrid cols={3} maw={600}>
        <Figure label={t('imports.inserted')} value={progress.inserted} testId="import-inserted" />
        <Figure label={t('imports.duplicates')} value={progress.duplicates} testId="import-duplicates" />
        <Figure label={t('imports.bad')} value={progress.bad} testId="import-bad" />
      </SimpleGrid>
      {progress.error && <Alert color="red">{wordedText(progress.error, progress.errorWording, t)}</Alert>}
      {!running && progress.processed > 0 && <ImportSummary progress={progress} />}
      {progress.problems.length > 0 && (
        <Stack gap="xs">
          <Title order={5}>{t('imports.problemsTitle')}</Title>
          <Table withTableBorder fz="sm" maw={800} data-testid="import-problems">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={90}>{t('imports.line')}</Table.Th>
                <Table.Th>{t('imports.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {progress.problems.map((problem, i) => (
                <Table.Tr key={`${problem.line}-${i}`}>
                  <Table.Td>{problem.line}</Table.Td>
                  <Table.Td>
                    {t(`imports.problems.${problem.code}`)}
                    {problem.detail && (
                      <Text span c="dimmed" size="xs" ml="xs">
                        {`(${problemDetail(problem)})`}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {progress.bad > progress.problems.length && (
            <Text size="sm" c="dimmed">
              {t('imports.problemsMore', { count: progress.bad - progress.problems.length })}
            </Text>
          )}
        </Stack>
      )}
      <Group>
        {running ? (
          <Button color="orange" variant="light" loading={cancel.isPending} onClick={() => cancel.mutate(progress.runId)} data-testid="import-cancel">
            {t('imports.cancel')}
          </Button>
        ) : (
          <Button onClick={onAgain} data-testid="import-again">
            {t('imports.again')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  const { i18n } = useTranslation();
  return (
    <Stack gap={0}>
      <Text size="xl" fw={700} data-testid={testId}>
        {value.toLocaleString(i18n.language)}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}
