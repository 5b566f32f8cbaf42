// What the incident is about: its watches and its period. The report, exports, archive and response queue read only
// this scope; the cell corrects it here (the change is written in the crisis log) and can open the dashboard on it.
import { Button, Checkbox, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Actor, IncidentDetail } from '../../../../shared/domain/incident';
import { useIncidentAction } from '../../api/hooks/useIncidents';
import { useWatches } from '../../api/hooks/useListen';
import { periodHash } from '../../app/periodRoute';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { errorMessage } from '../../i18n/errorMessage';
import { formatDateTime } from '../../i18n/format';

/** An instant as a datetime-local value, in this computer's zone. */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function ScopePanel({ detail, actor }: { detail: IncidentDetail; actor: Actor }) {
  const { t, i18n } = useTranslation();
  const workspaceId = useWorkspaceId();
  const watches = useWatches(workspaceId);
  const setScope = useIncidentAction('incidents:setScope');
  const [editing, setEditing] = useState(false);
  const [watchIds, setWatchIds] = useState<string[]>([]);
  const [start, setStart] = useState('');
  const { scope } = detail;
  const names = scope.watchIds.map((id) => watches.data?.find((w) => w.id === id)?.name ?? `#${id}`);
  // The local value is read in this computer's zone; an unreadable one is refused by the form, not sent.
  const startMs = Date.parse(start);

  const edit = () => {
    setWatchIds(scope.watchIds.map(String));
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
          {!editing && (
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
            setScope.mutate(
              { workspaceId, incidentId: detail.id, watchIds: watchIds.map(Number), start: new Date(startMs).toISOString(), actor },
              { onSuccess: () => setEditing(false) },
            );
          }}
        >
          <Stack gap="sm">
            <Checkbox.Group label={t('incidents.scope.watches')} value={watchIds} onChange={setWatchIds} required>
              <Stack gap={4} mt={4}>
                {(watches.data ?? []).map((w) => (
                  <Checkbox key={w.id} value={String(w.id)} label={w.name} />
                ))}
              </Stack>
            </Checkbox.Group>
            <TextInput
              type="datetime-local"
              label={t('incidents.scope.start')}
              description={t('incidents.scope.startHelp')}
              value={start}
              onChange={(e) => setStart(e.currentTarget.value)}
              required
              data-testid="scope-start"
            />
            {setScope.isError && (
              <Text c="red" size="sm" role="alert">
                {errorMessage(setScope.error, t)}
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(false)}>
                {t('incidents.cancel')}
              </Button>
              <Button type="submit" loading={setScope.isPending} disabled={watchIds.length === 0 || Number.isNaN(startMs)} data-testid="scope-save">
                {t('incidents.scope.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
