// Header picker: the live workspace or one of the exercises, for this window only.
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIVE_WORKSPACE_ID } from '../../../shared/domain/workspace';
import { useWorkspaces } from '../api/hooks/useExercises';
import { useSwitchWorkspace, useWorkspaceId } from './WorkspaceContext';

export function WorkspaceSwitcher() {
  const { t } = useTranslation();
  const current = useWorkspaceId();
  const switchTo = useSwitchWorkspace();
  const workspaces = useWorkspaces();
  const list = workspaces.data ?? [];
  if (list.length < 2 && current === LIVE_WORKSPACE_ID) return null;
  return (
    <Select
      size="xs"
      w={240}
      aria-label={t('exercises.switchLabel')}
      value={current}
      allowDeselect={false}
      data={list.map((ws) => ({
        value: ws.id,
        label: ws.kind === 'live' ? t('exercises.liveWorkspace') : `${t('app.exerciseMark')} · ${ws.settings.displayName}`,
      }))}
      onChange={(id) => id && switchTo(id)}
      data-testid="workspace-switcher"
    />
  );
}
