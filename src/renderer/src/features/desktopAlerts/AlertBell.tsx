// The header bell: how many alerts nobody has acknowledged yet (the alerts list's "open" status); it opens the
// newest of them.
import { ActionIcon, Indicator, Tooltip } from '@mantine/core';
import { IconBellRinging, IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAlerts } from '../../api/hooks/useDetection';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { alertHash } from '../detection/alertRoute';

const SHOWN = 99;
const PAGE = { limit: SHOWN + 1, before: null };

export function AlertBell() {
  const { t } = useTranslation();
  const open = useAlerts(useWorkspaceId(), 'open', {}, PAGE);
  const count = open.data?.length ?? 0;
  const newest = open.data?.[0];
  const label = count > 0 ? t('desktopAlerts.bell.label', { count }) : t('desktopAlerts.bell.none');
  return (
    <Tooltip label={label}>
      <Indicator label={count > SHOWN ? `${SHOWN}+` : count} size={18} color="red" disabled={count === 0} offset={4}>
        <ActionIcon
          component="a"
          href={newest ? alertHash(newest.id) : '#/alerts'}
          variant={count > 0 ? 'light' : 'default'}
          color={count > 0 ? 'red' : 'gray'}
          size="lg"
          aria-label={label}
          data-testid="alert-bell"
          data-count={count}
        >
          {count > 0 ? <IconBellRinging size={18} /> : <IconBell size={18} />}
        </ActionIcon>
      </Indicator>
    </Tooltip>
  );
}
