// Top bar: workspace name, EXERCISE marking, shell mode, language and theme switches.
import { ActionIcon, Badge, Divider, Group, SegmentedControl, Text, Title, useMantineColorScheme } from '@mantine/core';
import { IconBell, IconMoon, IconSun } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Language, Workspace } from '../../../shared/domain/workspace';
import { useSystemInfo } from '../api/hooks/useSystem';
import { setLanguage } from '../i18n/setup';
import { AlertBell } from '../features/desktopAlerts/AlertBell';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';

/**
 * The workspace's own name; a workspace still carrying the app's default name shows its organisation or its
 * kind instead, so the bar never reads "Tocsin … Tocsin".
 */
function workspaceLabel(workspace: Workspace, appName: string, liveLabel: string): string {
  const name = workspace.settings.displayName.trim();
  if (name && name.toLocaleLowerCase() !== appName.toLocaleLowerCase()) return name;
  return workspace.settings.organisation.trim() || liveLabel;
}

export function AppHeader({ workspace }: { workspace: Workspace | undefined }) {
  const { t, i18n } = useTranslation();
  const { colorScheme, toggleColorScheme } = useMantineColorScheme();
  const system = useSystemInfo();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <IconBell size={26} color="var(--mantine-color-red-6)" aria-hidden />
        <Title order={1} size="h3">
          {t('app.name')}
        </Title>
        <Text c="dimmed" size="sm" visibleFrom="sm">
          {t('app.tagline')}
        </Text>
        {workspace && (
          <>
            <Divider orientation="vertical" />
            <Text fw={600} data-testid="header-workspace-name" truncate maw={320}>
              {workspaceLabel(workspace, t('app.name'), t('exercises.liveWorkspace'))}
            </Text>
          </>
        )}
        {workspace?.kind === 'exercise' && (
          <Badge color="orange" size="lg" variant="filled" data-testid="exercise-mark">
            {t('app.exerciseMark')}
          </Badge>
        )}
      </Group>
      <Group gap="sm" wrap="nowrap">
        {workspace && <AlertBell />}
        <WorkspaceSwitcher />
        {system.data && (
          <Badge variant="outline" color="gray">
            {t(system.data.shell === 'browser' ? 'app.shellBrowser' : 'app.shellElectron')}
          </Badge>
        )}
        <SegmentedControl
          size="xs"
          aria-label={t('preferences.language')}
          value={i18n.language}
          onChange={(value) => setLanguage(value as Language)}
          data={[
            { value: 'fr', label: 'FR' },
            { value: 'en', label: 'EN' },
          ]}
          data-testid="language-switch"
        />
        <ActionIcon variant="default" size="lg" onClick={toggleColorScheme} aria-label={t('preferences.toggleTheme')}>
          {colorScheme === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
        </ActionIcon>
      </Group>
    </Group>
  );
}
