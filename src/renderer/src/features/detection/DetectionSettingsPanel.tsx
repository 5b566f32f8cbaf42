// Thresholds of one watch (from the plan until the watch has its own) and a backtest drawn on the volume chart.
import { Alert, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Title, type NumberInputProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DetectionSettings } from '../../../../shared/domain/detection';
import { useBacktest, useDetectionSettings, useSaveDetectionSettings } from '../../api/hooks/useDetection';
import { useWatches } from '../../api/hooks/useListen';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { LocalDateTimeInput } from '../../components/LocalDateTimeInput';
import { BacktestChart } from './BacktestChart';
import { errorMessage } from '../../i18n/errorMessage';

const LEVELS = ['vigilance', 'alert', 'crisis'] as const;

/** Picker values are local wall-clock time; the backend wants UTC ISO. */
const toLocalInput = (date: Date) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
const fromLocalInput = (value: string) => new Date(value).toISOString();
const number = (value: string | number) => (typeof value === 'number' ? value : Number(value) || 0);

type LevelValues = Record<(typeof LEVELS)[number], number>;

/** One threshold given per detection level, side by side. */
function LevelInputs({
  title,
  values,
  limits,
  onChange,
}: {
  title: string;
  values: LevelValues;
  limits: Pick<NumberInputProps, 'min' | 'max' | 'step' | 'decimalScale'>;
  onChange: (next: LevelValues) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      <Group gap="xs" grow>
        {LEVELS.map((level) => (
          <NumberInput
            key={level}
            label={t(`detection.level.${level}`)}
            {...limits}
            value={values[level]}
            onChange={(v) => onChange({ ...values, [level]: number(v) })}
          />
        ))}
      </Group>
    </Stack>
  );
}

export function DetectionSettingsPanel() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const watches = useWatches(workspaceId);
  const [watchId, setWatchId] = useState<number | null>(null);
  const current = watchId ?? watches.data?.[0]?.id ?? null;
  const settings = useDetectionSettings(workspaceId, current);
  const save = useSaveDetectionSettings(workspaceId);
  const backtest = useBacktest(workspaceId);
  const [draft, setDraft] = useState<DetectionSettings | null>(null);
  const [from, setFrom] = useState(() => toLocalInput(new Date(Date.now() - 24 * 3_600_000)));
  const [to, setTo] = useState('');

  useEffect(() => setDraft(settings.data?.settings ?? null), [settings.data]);

  if (watches.data && watches.data.length === 0) return <Text c="dimmed">{t('detection.settings.noWatch')}</Text>;

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={3} size="h4">
          {t('detection.settings.title')}
        </Title>
        <Select
          label={t('detection.settings.watch')}
          data={(watches.data ?? []).map((w) => ({ value: String(w.id), label: w.name }))}
          value={current === null ? null : String(current)}
          onChange={(v) => setWatchId(v === null ? null : Number(v))}
          allowDeselect={false}
          maw={360}
          data-testid="detection-watch"
        />
        {draft && settings.data && (
          <>
            <Text size="sm" c="dimmed" data-testid="detection-origin">
              {t(`detection.settings.origin.${settings.data.origin}`)}
            </Text>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <LevelInputs
                title={t('detection.settings.volumeRatio')}
                values={draft.volumeRatio}
                limits={{ min: 1, step: 0.5, decimalScale: 1 }}
                onChange={(volumeRatio) => setDraft({ ...draft, volumeRatio })}
              />
              <LevelInputs
                title={t('detection.settings.negativeShareDelta')}
                values={draft.negativeShareDelta}
                limits={{ min: 0, max: 100 }}
                onChange={(negativeShareDelta) => setDraft({ ...draft, negativeShareDelta })}
              />
              <NumberInput
                label={t('detection.settings.minMentionsPerHour')}
                min={0}
                value={draft.minMentionsPerHour}
                onChange={(v) => setDraft({ ...draft, minMentionsPerHour: number(v) })}
              />
              <NumberInput
                label={t('detection.settings.influentialAudience')}
                min={0}
                step={10_000}
                thousandSeparator=" "
                value={draft.influentialAudience}
                onChange={(v) => setDraft({ ...draft, influentialAudience: number(v) })}
                data-testid="detection-audience"
              />
            </SimpleGrid>
            <Group>
              <Button onClick={() => current !== null && save.mutate({ watchId: current, settings: draft })} loading={save.isPending} data-testid="detection-save">
                {t('detection.settings.save')}
              </Button>
              {save.isSuccess && <Text size="sm" c="teal">{t('detection.settings.saved')}</Text>}
            </Group>
            {save.error && <Alert color="red">{errorMessage(save.error, t)}</Alert>}
            <Title order={4} size="h5">
              {t('detection.backtest.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('detection.backtest.help')}
            </Text>
            <Group align="flex-end">
              <LocalDateTimeInput label={t('detection.backtest.from')} value={from} onChange={setFrom} required />
              <LocalDateTimeInput label={t('detection.backtest.to')} description={t('detection.backtest.toNow')} value={to} onChange={setTo} />
              <Button
                variant="light"
                loading={backtest.isPending}
                onClick={() => current !== null && backtest.mutate({ watchId: current, from: fromLocalInput(from), to: to ? fromLocalInput(to) : new Date().toISOString(), settings: draft })}
                data-testid="backtest-run"
              >
                {t('detection.backtest.run')}
              </Button>
            </Group>
            {backtest.error && <Alert color="red">{errorMessage(backtest.error, t)}</Alert>}
            {backtest.data && (
              <Stack gap="xs">
                <Text size="sm" data-testid="backtest-summary">
                  {t('detection.backtest.result', { mentions: backtest.data.mentions })} · {t('detection.backtest.alerts', { count: backtest.data.alerts.length })}
                </Text>
                <BacktestChart result={backtest.data} />
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
