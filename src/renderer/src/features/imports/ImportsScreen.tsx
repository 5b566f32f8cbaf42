// The import wizard: file → preview and column mapping → progress and report of the rows left out.
import { Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/domain/fileImport';
import { ColumnsStep } from './ColumnsStep';
import { FileStep } from './FileStep';
import { RunStep } from './RunStep';

type Stage =
  | { step: 'file' }
  | { step: 'columns'; preview: ImportPreview; sourceId: number }
  | { step: 'run'; runId: string };

export function ImportsScreen() {
  const { t } = useTranslation();
  const [stage, setStage] = useState<Stage>({ step: 'file' });
  const active = stage.step === 'file' ? 0 : stage.step === 'columns' ? 1 : 2;
  return (
    <Stack data-testid="screen-imports" maw={1200}>
      <Title order={2}>{t('imports.title')}</Title>
      <Text c="dimmed">{t('imports.intro')}</Text>
      <Stepper active={active} size="sm">
        <Stepper.Step label={t('imports.stepFile')} />
        <Stepper.Step label={t('imports.stepColumns')} />
        <Stepper.Step label={t('imports.stepImport')} />
      </Stepper>
      <Paper withBorder p="lg">
        {stage.step === 'file' && <FileStep onRead={(preview, sourceId) => setStage({ step: 'columns', preview, sourceId })} />}
        {stage.step === 'columns' && (
          <ColumnsStep
            preview={stage.preview}
            sourceId={stage.sourceId}
            onBack={() => setStage({ step: 'file' })}
            onStarted={(runId) => setStage({ step: 'run', runId })}
          />
        )}
        {stage.step === 'run' && <RunStep runId={stage.runId} onAgain={() => setStage({ step: 'file' })} />}
      </Paper>
    </Stack>
  );
}
