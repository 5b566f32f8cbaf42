// Detection thresholds: defaults for every watch and overrides per watch.
import { Grid, Group, NumberInput, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ThresholdValues } from '../../../../shared/domain/plan';
import { AddButton, RemoveButton, TextField } from './listEditing';
import type { PlanEditorProps } from './planEditing';

const LEVELS = ['vigilance', 'alert', 'crisis'] as const;

function ValuesForm({ values, onChange, testId }: { values: ThresholdValues; onChange: (next: ThresholdValues) => void; testId: string }) {
  const { t } = useTranslation();
  const lines = (terms: string[]) => terms.join('\n');
  const terms = (text: string) => text.split('\n').map((term) => term.trim()).filter(Boolean);
  return (
    <Stack gap="sm" data-testid={testId}>
      {(['volumeRatio', 'negativeShareDelta'] as const).map((key) => (
        <div key={key}>
          <Text size="sm" fw={500}>
            {t(`plan.fields.${key}`)}
          </Text>
          <Group gap="xs">
            {LEVELS.map((level) => (
              <NumberInput
                key={level}
                label={t(`plan.levels.${level}`)}
                w={130}
                min={0}
                decimalScale={2}
                value={values[key][level]}
                onChange={(n) => typeof n === 'number' && onChange({ ...values, [key]: { ...values[key], [level]: n } })}
                data-testid={`${testId}-${key}-${level}`}
              />
            ))}
          </Group>
        </div>
      ))}
      <Group gap="xs">
        <NumberInput
          label={t('plan.fields.minMentionsPerHour')}
          w={260}
          min={0}
          value={values.minMentionsPerHour}
          onChange={(n) => typeof n === 'number' && onChange({ ...values, minMentionsPerHour: Math.round(n) })}
        />
        <NumberInput
          label={t('plan.fields.influentialAudience')}
          w={260}
          min={0}
          thousandSeparator=" "
          value={values.influentialAudience}
          onChange={(n) => typeof n === 'number' && onChange({ ...values, influentialAudience: Math.round(n) })}
        />
      </Group>
      <Grid gap="xs">
        {(['fr', 'en'] as const).map((lang) => (
          <Grid.Col span={6} key={lang}>
            <Textarea
              label={`${t('plan.fields.vocabulary')} — ${t(`plan.${lang}`)}`}
              autosize
              minRows={3}
              maxRows={10}
              value={lines(values.vocabulary[lang])}
              onChange={(e) => onChange({ ...values, vocabulary: { ...values.vocabulary, [lang]: terms(e.currentTarget.value) } })}
            />
          </Grid.Col>
        ))}
      </Grid>
    </Stack>
  );
}

export function ThresholdsEditor({ plan, edit }: PlanEditorProps) {
  const { t } = useTranslation();
  return (
    <Stack data-testid="plan-thresholds">
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t('plan.fields.defaults')}
        </Title>
        <ValuesForm
          values={plan.thresholds.defaults}
          testId="thresholds-defaults"
          onChange={(values) => edit((p) => void (p.thresholds.defaults = values))}
        />
      </Paper>
      <Title order={4}>{t('plan.fields.perWatch')}</Title>
      {plan.thresholds.perWatch.map((entry, index) => (
        <Paper withBorder p="md" key={index}>
          <Group justify="space-between" mb="sm">
            <TextField
              label={t('plan.fields.watch')}
              value={entry.watch}
              onChange={(watch) => edit((p) => void (p.thresholds.perWatch[index]!.watch = watch))}
            />
            <RemoveButton onClick={() => edit((p) => void p.thresholds.perWatch.splice(index, 1))} />
          </Group>
          <ValuesForm
            values={entry.values}
            testId={`thresholds-watch-${index}`}
            onChange={(values) => edit((p) => void (p.thresholds.perWatch[index]!.values = values))}
          />
        </Paper>
      ))}
      <AddButton
        label={t('plan.fields.addWatch')}
        onClick={() => edit((p) => void p.thresholds.perWatch.push({ watch: '', values: structuredClone(p.thresholds.defaults) }))}
      />
    </Stack>
  );
}
