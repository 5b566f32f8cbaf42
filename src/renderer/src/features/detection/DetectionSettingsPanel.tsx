// Thresholds of one watch (from the plan until the watch has its own) and a backtest of a period: its volume
// chart, the level changes and every episode with its why-card, exportable.
import { Alert, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Title, type NumberInputProps } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DetectionSettings } from '../../../../shared/domain/detection';
import { useBacktest, useBacktestExport, useDetectionSettings, useSaveDetectionSettings } from '../../api/hooks/useDetection';
import { useWatches } from '../../api/hooks/useListen';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { PeriodPicker, type Bounds } from '../../components/PeriodPicker';
import { dayStart, localDay, nextDay, periodLabel } from '../../components/periodLabel';
import { usePeriod } from '../../app/usePeriod';
import { downloadFile } from '../plan/downloadFile';
import { BacktestChart } from './BacktestChart';
import { BacktestTimeline } from './BacktestTimeline';
import { errorMessage } from '../../i18n/errorMessage';

const LEVELS = ['vigilance', 'alert', 'crisis'] as const;

/** Without a period in the hash: the last seven local days, today included. */
function defaultBounds(now: Date): Bounds {
  const today = localDay(now.toISOString());
  return { from: dayStart(localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 6).toISOString())), to: dayStart(nextDay(today)) };
}
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
  const { t, i18n } = useTranslation();
  const workspaceId = useWorkspaceId();
  const watches = useWatches(workspaceId);
  const [watchId, setWatchId] = useState<number | null>(null);
  const [period, setPeriod] = usePeriod();
  const linked = period.watchIds.find((id) => watches.data?.some((w) => w.id === id));
  const current = watchId ?? linked ?? watches.data?.[0]?.id ?? null;
  const settings = useDetectionSettings(workspaceId, current);
  const save = useSaveDetectionSettings(workspaceId);
  const backtest = useBacktest(workspaceId);
  const [draft, setDraft] = useState<DetectionSettings | null>(null);
  const exporting = useBacktestExport(workspaceId);
  // The replayed period lives in the hash (#/alerts?backtest=1&from=…&to=…&watch=…), so a link opens it and runs it.
  const [fallback] = useState(() => defaultBounds(new Date()));
  const bounds = period.from && period.to ? { from: period.from, to: period.to } : fallback;
  const watchName = watches.data?.find((w) => w.id === current)?.name ?? '';
  const run = () => {
    if (current === null || draft === null) return;
    setPeriod({ ...bounds, watchIds: [current], flags: { ...period.flags, backtest: '1' } });
    backtest.mutate({ watchId: current, from: bounds.from, to: bounds.to, settings: draft });
  };
  const exportFile = (format: 'csv' | 'json') =>
    current !== null &&
    exporting.mutate(
      { watchId: current, from: bounds.from, to: bounds.to, settings: draft ?? undefined, format },
      { onSuccess: ({ fileName, mimeType, content }) => downloadFile(fileName, content, mimeType) },
    );
  // A link to a backtest runs it once the watch's settings are known, once per watch and period.
  const asked = period.flags.backtest === '1' ? period : null;
  const ranFor = useRef<string | null>(null);
  const { mutate } = backtest;

  useEffect(() => setDraft(settings.data?.settings ?? null), [settings.data]);
  useEffect(() => {
    if (!asked?.from || !asked.to || current === null || draft === null) return;
    const key = `${current}|${asked.from}|${asked.to}`;
    if (ranFor.current === key) return;
    ranFor.current = key;
    mutate({ watchId: current, from: asked.from, to: asked.to, settings: draft });
  }, [asked?.from, asked?.to, current, draft, mutate]);

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
          onChange={(v) => {
            setWatchId(v === null ? null : Number(v));
            if (v !== null) setPeriod({ watchIds: [Number(v)] });
          }}
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
              <PeriodPicker bounds={bounds} onBounds={(b) => setPeriod({ ...b, flags: { ...period.flags, backtest: '1' } })} testId="backtest-period" />
              <Button variant="light" loading={backtest.isPending} onClick={() => run()} data-testid="backtest-run">
                {t('detection.backtest.run')}
              </Button>
            </Group>
            {backtest.error && <Alert color="red">{errorMessage(backtest.error, t)}</Alert>}
            {backtest.data && (
              <Stack gap="xs" data-testid="backtest-result">
                <Group justify="space-between">
                  <Text size="sm" data-testid="backtest-summary">
                    {periodLabel(backtest.data.from, backtest.data.to, i18n.language)} · {t('detection.backtest.result', { mentions: backtest.data.mentions })} ·{' '}
                    {t('detection.backtest.alerts', { count: backtest.data.alerts.length })}
                  </Text>
                  <Group gap="xs">
                    <Text size="sm">{t('detection.backtest.export')}</Text>
                    {(['csv', 'json'] as const).map((format) => (
                      <Button key={format} size="compact-sm" variant="default" onClick={() => exportFile(format)} loading={exporting.isPending && exporting.variables?.format === format} data-testid={`backtest-export-${format}`}>
                        {t(format === 'csv' ? 'detection.backtest.exportCsv' : 'detection.backtest.exportJson')}
                      </Button>
                    ))}
                  </Group>
                </Group>
                {exporting.error && <Alert color="red">{errorMessage(exporting.error, t)}</Alert>}
                <BacktestChart result={backtest.data} />
                <BacktestTimeline result={backtest.data} watchName={watchName} />
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
