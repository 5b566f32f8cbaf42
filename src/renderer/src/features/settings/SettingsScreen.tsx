// Workspace settings (shared, pushed live to every window) and this computer's preferences.
import {
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
  useMantineColorScheme,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppFailure } from '../../../../shared/contract/envelope';
import type { Language, Workspace, WorkspaceSettings } from '../../../../shared/domain/workspace';
import { useUpdateWorkspaceSettings, useWorkspace } from '../../api/hooks/useWorkspace';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../i18n/format';
import { setLanguage } from '../../i18n/setup';
import { DesktopAlertsPanel } from '../desktopAlerts/DesktopAlertsPanel';
import { BackupsPanel } from './BackupsPanel';
import { AlertChannelsPanel } from './AlertChannelsPanel';
import { NetworkPanel } from './NetworkPanel';
import { SecurityPanel } from './SecurityPanel';

export function SettingsScreen() {
  const { t } = useTranslation();
  const workspace = useWorkspace(useWorkspaceId());
  return (
    <Stack data-testid="screen-settings" maw={720}>
      <Title order={2}>{t('settings.title')}</Title>
      <QueryState query={workspace}>{(ws) => <WorkspaceSettingsForm workspace={ws} />}</QueryState>
      <NetworkPanel />
      <AlertChannelsPanel />
      <DesktopAlertsPanel />
      <SecurityPanel />
      <BackupsPanel />
      <PersonalPreferences />
    </Stack>
  );
}

function WorkspaceSettingsForm({ workspace }: { workspace: Workspace }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateWorkspaceSettings(workspace.id);
  const [draft, setDraft] = useState<WorkspaceSettings>(workspace.settings);
  // Another window may change the settings: the pushed values replace the form's.
  useEffect(() => setDraft(workspace.settings), [workspace.settings]);
  const dirty = JSON.stringify(draft) !== JSON.stringify(workspace.settings);
  const issues = update.error instanceof AppFailure ? update.error.issues : undefined;
  // The contract reports paths from the call's input root (`settings.displayName`).
  const errorFor = (field: keyof WorkspaceSettings) =>
    issues?.some((i) => i.path === `settings.${field}`) ? t('errors.INVALID_INPUT') : undefined;

  return (
    <Paper withBorder p="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate(draft, { onSuccess: () => notifications.show({ message: t('settings.saved'), color: 'green' }) });
        }}
      >
        <Stack>
          <div>
            <Title order={3} size="h4">
              {t('settings.workspaceSection')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('settings.workspaceHelp')}
            </Text>
          </div>
          <Group gap="xl">
            <Text size="sm">
              {t('settings.kind')} <b>{t(workspace.kind === 'live' ? 'settings.kindLive' : 'settings.kindExercise')}</b>
            </Text>
            <Text size="sm">
              {t('settings.createdAt')} <b>{formatDateTime(workspace.createdAt, i18n.language)}</b>
            </Text>
          </Group>
          <TextInput
            label={t('settings.displayName')}
            value={draft.displayName}
            onChange={(e) => setDraft({ ...draft, displayName: e.currentTarget.value })}
            error={errorFor('displayName')}
            data-testid="setting-displayName"
          />
          <TextInput
            label={t('settings.organisation')}
            value={draft.organisation}
            onChange={(e) => setDraft({ ...draft, organisation: e.currentTarget.value })}
            error={errorFor('organisation')}
          />
          <Select
            label={t('settings.reportLanguage')}
            value={draft.reportLanguage}
            allowDeselect={false}
            onChange={(value) => value && setDraft({ ...draft, reportLanguage: value as Language })}
            data={[
              { value: 'fr', label: t('languages.fr') },
              { value: 'en', label: t('languages.en') },
            ]}
          />
          <NumberInput
            label={t('settings.statusMeetingHours')}
            value={draft.statusMeetingHours}
            min={1}
            max={24}
            onChange={(value) => typeof value === 'number' && setDraft({ ...draft, statusMeetingHours: value })}
            error={errorFor('statusMeetingHours')}
          />
          <NumberInput
            label={t('settings.retentionMonths')}
            description={t('settings.retentionHelp')}
            value={draft.retentionMonths}
            min={0}
            max={120}
            onChange={(value) => typeof value === 'number' && setDraft({ ...draft, retentionMonths: value })}
            error={errorFor('retentionMonths')}
            data-testid="setting-retentionMonths"
          />
          <Group>
            <Button type="submit" disabled={!dirty} loading={update.isPending} data-testid="settings-save">
              {t('settings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function PersonalPreferences() {
  const { t, i18n } = useTranslation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <Paper withBorder p="lg">
      <Stack>
        <div>
          <Title order={3} size="h4">
            {t('settings.personalSection')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('settings.personalHelp')}
          </Text>
        </div>
        <Select
          label={t('preferences.language')}
          value={i18n.language}
          allowDeselect={false}
          onChange={(value) => value && setLanguage(value as Language)}
          data={[
            { value: 'fr', label: t('languages.fr') },
            { value: 'en', label: t('languages.en') },
          ]}
        />
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('preferences.theme')}
          </Text>
          <SegmentedControl
            value={colorScheme === 'light' ? 'light' : 'dark'}
            onChange={(value) => setColorScheme(value as 'light' | 'dark')}
            data={[
              { value: 'dark', label: t('preferences.dark') },
              { value: 'light', label: t('preferences.light') },
            ]}
          />
        </div>
      </Stack>
    </Paper>
  );
}
