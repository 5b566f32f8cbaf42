// The crisis level, on every screen: the most serious watch, its signals, and its why-card on demand.
import { Anchor, Badge, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLevelOverview } from '../../api/hooks/useDetection';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { formatDateTime } from '../../i18n/format';
import { AlertIncidentButton } from '../incidents/AlertIncidentButton';
import { AlertActions } from './AlertActions';
import { LEVEL_COLORS, LEVEL_SURFACE } from './levelColors';
import { WhyCard } from './WhyCard';

export function LevelBanner() {
  const { t, i18n } = useTranslation();
  const overview = useLevelOverview(useWorkspaceId());
  const [open, setOpen] = useState(false);
  if (!overview.data) return null;
  const { level } = overview.data;
  const top = overview.data.watches[0];
  const alsoAtLevel = level === 'calm' ? 0 : overview.data.watches.filter((w) => w.level === level).length - 1;
  const color = LEVEL_COLORS[level];
  const surface = LEVEL_SURFACE[level];
  // The same signals the Why? dialog shows: the open alert's why-card, or the live ones when no alert is open.
  const fired = (top?.alert?.explanation.signals ?? top?.signals ?? []).filter((s) => s.level !== 'calm');
  return (
    <Paper
      p="xs"
      mb="md"
      radius="sm"
      bg={surface.bg}
      c={surface.text}
      withBorder={level === 'calm'}
      data-testid="level-banner"
      data-level={level}
    >
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap" miw={0} style={{ flex: 1 }}>
          <Badge style={{ flexShrink: 0 }} color={color} size="lg" variant={level === 'calm' ? 'light' : 'white'} c={level === 'vigilance' ? surface.text : surface.bg} data-testid="level-badge">
            {t(`detection.level.${level}`)}
          </Badge>
          <Text fw={600} size="sm" truncate>
            {level === 'calm' || !top
              ? t('detection.banner.calm')
              : t('detection.banner.watch', { watch: top.watchName, level: t(`detection.level.${top.level}`) })}
            {level !== 'calm' && top?.since ? ` — ${t('detection.banner.since', { time: formatDateTime(top.since, i18n.language) })}` : ''}
          </Text>
          {alsoAtLevel > 0 && (
            <Anchor href="#/alerts" size="sm" c="inherit" underline="always" style={{ flexShrink: 0 }} data-testid="level-others">
              {t('detection.banner.others', { count: alsoAtLevel })}
            </Anchor>
          )}
          {level !== 'calm' && fired.length > 0 && (
            <Text size="sm" visibleFrom="md" truncate>
              {fired.map((s) => t(`detection.signals.${s.kind}`)).join(' · ')}
            </Text>
          )}
        </Group>
        {top?.alert && (
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Button size="xs" variant="white" c={level === 'vigilance' ? surface.text : (surface.bg ?? color)} onClick={() => setOpen(true)} data-testid="level-why">
              {t('detection.banner.why')}
            </Button>
            <AlertIncidentButton alert={top.alert} variant="white" c={level === 'vigilance' ? surface.text : (surface.bg ?? color)} />
          </Group>
        )}
      </Group>
      {top?.alert && (
        <Modal opened={open} onClose={() => setOpen(false)} size="xl" title={t('detection.banner.label')}>
          <Stack>
            <WhyCard explanation={top.alert.explanation} opening={top.alert.opening} watchName={top.watchName} />
            <AlertActions alert={top.alert} />
          </Stack>
        </Modal>
      )}
    </Paper>
  );
}
