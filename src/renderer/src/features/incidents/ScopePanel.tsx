// What the incident is about: its watches and its period. The report, exports, archive and response queue read only
// this scope; the cell corrects it here (the change is written in the crisis log) and can open the dashboard on it.
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Actor, IncidentDetail } from '../../../../shared/domain/incident';
import { useIncidentAction } from '../../api/hooks/useIncidents';
import { useWatches } from '../../api/hooks/useListen';
import { periodHash } from '../../app/periodRoute';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { errorMessage } from '../../i18n/errorMessage';
import { formatDateTime } from '../../i18n/format';
import { fromLocalInput, ScopeFields, toLocalInput } from './ScopeFields';

export function ScopePanel({ detail, actor }: { detail: IncidentDetail; actor: Actor }) {
  const { t, i18n } = useTranslation();
  const workspaceId = useWorkspaceId();
  const watches = useWatches(workspaceId);
  const setScope = useIncidentAction('incidents:setScope');
  const [editing, setEditing] = useState(false);
  const [watchIds, setWatchIds] = useState<number[]>([]);
  const [start, setStart] = useState('');
  const { scope } = detail;
  const names = scope.watchIds.map((id) => watches.data?.find((w) => w.id === id)?.name ?? `#${id}`);
  const startIso = fromLocalInput(start);

  const edit = () => {
    setWatchIds(scope.watchIds);
    setStart(toLocalInput(scope.start));
    setScope.reset();
    setEditing(true);
  };
  const openDashboard = () => {
    const to = scope.end ?? new Date().toISOString();
    window.location.hash = periodHash('dashboard', { from: scope.start, to, watchIds: scope.watchIds });
  };

  return (
    <Paper withBorder p="md" data-testid="incident-scope">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          {t('incidents.scope.title')}
        </Title>
        <Group gap="xs">
          <Button variant="light" size="xs" onClick={openDashboard} data-testid="scope-dashboard">
            {t('incidents.scope.openDashboard')}
          </Button>
          {!editing && detail.status !== 'closed' && (
            <Button variant="default" size="xs" onClick={edit} data-testid="scope-edit">
              {t('incidents.scope.edit')}
            </Button>
          )}
        </Group>
      </Group>
      {!editing ? (
        <Stack gap={4}>
          <Text size="sm" data-testid="scope-watches">
            <b>{t('incidents.scope.watches')}</b> {names.length ? names.join(', ') : t('incidents.scope.noWatch')}
          </Text>
          <Text size="sm" data-testid="scope-period">
            <b>{t('incidents.scope.period')}</b>{' '}
            {scope.end
              ? t('incidents.scope.between', { start: formatDateTime(scope.start, i18n.language), end: formatDateTime(scope.end, i18n.language) })
              : t('incidents.scope.since', { start: formatDateTime(scope.start, i18n.language) })}
          </Text>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (startIso === null) return;
            setScope.mutate({ workspaceId, incidentId: detail.id, watchIds, start: startIso, actor }, { onSuccess: () => setEditing(false) });
          }}
        >
          <Stack gap="sm">
            <ScopeFields watches={watches.data ?? []} watchIds={watchIds} onWatchIds={setWatchIds} start={start} onStart={setStart} />
            {setScope.isError && (
              <Text c="red" size="sm" role="alert">
                {errorMessage(setScope.error, t)}
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(false)}>
                {t('incidents.cancel')}
              </Button>
              <Button type="submit" loading={setScope.isPending} disabled={watchIds.length === 0 || startIso === null} data-testid="scope-save">
                {t('incidents.scope.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
