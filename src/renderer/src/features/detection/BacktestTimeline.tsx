// The story of a backtest: each change of level at its local time, then each episode (vigilance included) with
// the why-card the engine would have shown at its peak.
import { Badge, Button, Collapse, Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BacktestEpisode, BacktestResult } from '../../../../shared/domain/detection';
import { formatDateTime } from '../../i18n/format';
import { levelBadgeColors, LEVEL_COLORS } from './levelColors';
import { WhyCard } from './WhyCard';
import { EpisodeIncidentButton } from '../incidents/EpisodeIncidentButton';

function EpisodeCard({ episode, index, watchId, watchName }: { episode: BacktestEpisode; index: number; watchId: number; watchName: string }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const time = (iso: string) => formatDateTime(iso, i18n.language);
  return (
    <Paper withBorder p="sm" data-testid="backtest-episode" data-level={episode.peakLevel}>
      <Stack gap={6}>
        <Group gap="sm" wrap="nowrap" align="center">
          <Badge {...levelBadgeColors(episode.peakLevel)} variant="filled" miw={96}>
            {t(`detection.level.${episode.peakLevel}`)}
          </Badge>
          <Text fw={600} size="sm" data-testid="backtest-episode-time">
            {t('detection.backtest.episode', {
              level: t(`detection.level.${episode.peakLevel}`),
              from: time(episode.startedAt),
              to: episode.endedAt ? time(episode.endedAt) : t('detection.backtest.running'),
            })}
          </Text>
        </Group>
        <Text size="sm" c={episode.alerted ? undefined : 'dimmed'}>
          {episode.alerted ? t('detection.backtest.alerted') : t('detection.backtest.vigilanceOnly')}
        </Text>
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          data-testid={`backtest-episode-why-${index}`}
          w="fit-content"
        >
          {open ? t('detection.backtest.hideWhy') : t('detection.backtest.showWhy', { time: time(episode.explanation.at) })}
        </Button>
        <Collapse expanded={open}>{open && <WhyCard explanation={episode.explanation} watchName={watchName} />}</Collapse>
        {episode.alerted && (
          <EpisodeIncidentButton episode={{ watchId, watchName, level: episode.peakLevel, startedAt: episode.startedAt }} index={index} />
        )}
      </Stack>
    </Paper>
  );
}

export function BacktestTimeline({ result, watchName }: { result: BacktestResult; watchName: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="md" data-testid="backtest-timeline">
      <Stack gap="xs">
        <Title order={5}>{t('detection.backtest.timeline')}</Title>
        {result.changes.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('detection.backtest.noEpisode')}
          </Text>
        ) : (
          <Timeline bulletSize={14} lineWidth={2} data-testid="backtest-changes">
            {result.changes.map((c) => (
              <Timeline.Item key={`${c.at}-${c.level}`} color={LEVEL_COLORS[c.level]} title={formatDateTime(c.at, i18n.language)}>
                <Text size="sm">{t('detection.backtest.change', { previous: t(`detection.level.${c.previous}`), level: t(`detection.level.${c.level}`) })}</Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Stack>
      {result.episodes.length > 0 && (
        <Stack gap="xs">
          <Title order={5}>{t('detection.backtest.episodes')}</Title>
          {result.episodes.map((e, i) => (
            <EpisodeCard key={e.startedAt} episode={e} index={i} watchId={result.watchId} watchName={watchName} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
