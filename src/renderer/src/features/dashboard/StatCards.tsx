// Large figures for the wall screen: mentions in range, the last bucket against its usual level, negative share, level.
import { Badge, Paper, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardSeries } from '../../../../shared/domain/dashboard';
import { LEVEL_HEX } from './volumeChartOption';

function Stat({ label, value, note, testId }: { label: string; value: ReactNode; note?: string; testId: string }) {
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Text size="sm" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text fz={40} fw={800} lh={1.1} data-testid={`${testId}-value`}>
        {value}
      </Text>
      {note && (
        <Text size="sm" c="dimmed">
          {note}
        </Text>
      )}
    </Paper>
  );
}

export function StatCards({ series }: { series: DashboardSeries }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language === 'fr' ? 'fr-FR' : 'en-GB');
  const last = series.points.at(-1);
  const toned = series.points.reduce((n, p) => n + p.negative + p.neutral + p.positive, 0);
  const negative = series.points.reduce((n, p) => n + p.negative, 0);
  const level = last?.level ?? 'calm';
  return (
    <SimpleGrid cols={{ base: 2, lg: 4 }}>
      <Stat testId="stat-total" label={t('dashboard.stats.mentions')} value={number.format(series.total)} />
      <Stat
        testId="stat-last"
        label={t('dashboard.stats.lastBucket', { minutes: series.bucketMinutes })}
        value={number.format(last?.count ?? 0)}
        note={last?.baseline ? t('dashboard.stats.usual', { value: number.format(last.baseline.median) }) : t('dashboard.stats.noUsual')}
      />
      <Stat
        testId="stat-negative"
        label={t('dashboard.stats.negativeShare')}
        value={toned > 0 ? `${Math.round((negative / toned) * 100)} %` : '–'}
      />
      <Stat
        testId="stat-level"
        label={t('dashboard.stats.level')}
        value={
          <Badge size="xl" radius="sm" mt={6} styles={{ root: { background: LEVEL_HEX[level], color: '#111', fontSize: 20, height: 40 } }}>
            {t(`detection.level.${level}`)}
          </Badge>
        }
      />
    </SimpleGrid>
  );
}
