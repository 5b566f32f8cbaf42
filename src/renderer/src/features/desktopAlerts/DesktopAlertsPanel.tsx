// This laptop's way of being told about alerts: desktop notifications (a browser asks for them only after a
// click) and the bell, muted or not. Nothing here is shared with the workspace.
import { Button, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSystemInfo } from '../../api/hooks/useSystem';
import { BELL_MUTED_KEY, ringBell } from './bellSound';

type Permission = NotificationPermission | 'unsupported';

const currentPermission = (): Permission => (typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);

function NotificationPermissionControl() {
  const { t } = useTranslation();
  const [permission, setPermission] = useState<Permission>(currentPermission);
  if (permission === 'default') {
    return (
      <Button variant="light" onClick={() => void Notification.requestPermission().then(setPermission)} data-testid="notifications-allow" style={{ alignSelf: 'flex-start' }}>
        {t('desktopAlerts.settings.allow')}
      </Button>
    );
  }
  return (
    <Text size="sm" data-testid="notifications-state" data-permission={permission}>
      {t(`desktopAlerts.settings.${permission}`)}
    </Text>
  );
}

export function DesktopAlertsPanel() {
  const { t } = useTranslation();
  const shell = useSystemInfo().data?.shell;
  const [muted, setMuted] = useLocalStorage<boolean>({ key: BELL_MUTED_KEY, defaultValue: false, getInitialValueInEffect: false });
  return (
    <Paper withBorder p="lg" data-testid="desktop-alerts-panel">
      <Stack gap="sm">
        <Title order={3}>{t('desktopAlerts.settings.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('desktopAlerts.settings.help')}
        </Text>
        <Text fw={600} size="sm">
          {t('desktopAlerts.settings.notifications')}
        </Text>
        {shell === 'electron' ? (
          <Text size="sm">{t('desktopAlerts.settings.shell')}</Text>
        ) : (
          shell === 'browser' && <NotificationPermissionControl />
        )}
        <Group gap="md">
          <Switch
            checked={muted}
            onChange={(event) => setMuted(event.currentTarget.checked)}
            label={t('desktopAlerts.settings.mute')}
            description={t('desktopAlerts.settings.muteHelp')}
            data-testid="bell-mute"
          />
          <Button variant="default" size="xs" onClick={ringBell} disabled={muted} data-testid="bell-try">
            {t('desktopAlerts.settings.tryBell')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
