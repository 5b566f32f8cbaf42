// Top bar: workspace name, EXERCISE marking, shell mode, language and theme switches.
import { ActionIcon, Badge, Group, SegmentedControl, Text, Title, useMantineColorScheme } from '@mantine/core';
import { IconBell, IconMoon, IconSun } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Language, Workspace } from '../../../shared/domain/workspace';
import { useSystemInfo } from '../api/hooks/useSystem';
import { setLanguage } from '../i18n/setup';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';

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
          <Text fw={600} data-testid="header-workspace-name" truncate maw={320}>
            {workspace.settings.displayName}
          </Text>
        )}
        {workspace?.kind === 'exercise' && (
          <Badge color="orange" size="lg" variant="filled" data-testid="exercise-mark">
            {t('app.exerciseMark')}
          </Badge>
        )}
      </Group>
      <Group gap="sm" wrap="nowrap">
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
