// One alert: level, watch, when it opened and closed, its status and who set it, actions, and its why-card.
import { Anchor, Badge, Button, Collapse, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../../shared/domain/detection';
import { formatDateTime } from '../../i18n/format';
import { AlertActions } from './AlertActions';
import { alertHash } from './alertRoute';
import { levelBadgeColors } from './levelColors';
import { WhyCard } from './WhyCard';

export function AlertRow({ alert, expanded = alert.status === 'open' && alert.closedAt === null }: { alert: Alert; expanded?: boolean }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(expanded);
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  return (
    <Paper withBorder p="sm" data-testid={`alert-row-${alert.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm">
            <Badge {...levelBadgeColors(alert.level)} variant="filled">
              {t(`detection.level.${alert.level}`)}
            </Badge>
            <Anchor href={alertHash(alert.id)} fw={600} title={t('detection.alerts.link')} data-testid={`alert-link-${alert.id}`}>
              {alert.watchName}
            </Anchor>
            <Text size="sm" c="dimmed">
              {t('detection.alerts.opened', { time: when(alert.openedAt) })} ·{' '}
              {alert.closedAt ? t('detection.alerts.closed', { time: when(alert.closedAt) }) : t('detection.alerts.ongoing')}
            </Text>
            <Badge variant="outline" color={alert.status === 'open' ? 'orange' : 'gray'} data-testid={`alert-status-${alert.id}`}>
              {t(`detection.alerts.status.${alert.status}`)}
            </Badge>
            {alert.statusBy && alert.statusAt && (
              <Text size="xs" c="dimmed">
                {t('detection.alerts.statusBy', { status: t(`detection.alerts.status.${alert.status}`), by: alert.statusBy, time: when(alert.statusAt) })}
              </Text>
            )}
          </Group>
          <Button size="xs" variant="subtle" onClick={() => setOpen((o) => !o)}>
            {t('detection.alerts.details')}
          </Button>
        </Group>
        {alert.statusReason && <Text size="sm">{alert.statusReason}</Text>}
        <AlertActions alert={alert} />
        <Collapse expanded={open}>
          <WhyCard explanation={alert.explanation} opening={alert.opening} watchName={alert.watchName} />
        </Collapse>
      </Stack>
    </Paper>
  );
}
