// Opening an incident by hand: scenario, severity, starting status, the watches and start of its period. The plan seeds its roster and checklist.
import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../../shared/domain/detection';
import { SCENARIO_KINDS, type ScenarioKind, type Severity } from '../../../../shared/domain/plan';
import { useIncidentAction } from '../../api/hooks/useIncidents';
import { useWatches } from '../../api/hooks/useListen';
import { fromLocalInput, ScopeFields } from './ScopeFields';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { useOperator } from './useOperator';

const SEVERITIES: Severity[] = ['low', 'medium', 'high', 'critical'];

interface Props {
  readonly opened: boolean;
  readonly onClose: () => void;
  readonly onOpened: (id: string) => void;
  /** When set, the incident is opened from this alert and carries its why-card. */
  readonly alert?: Alert | null;
}

const severityForLevel: Record<Alert['level'], Severity> = { vigilance: 'medium', alert: 'high', crisis: 'critical' };

export function OpenIncidentModal({ opened, onClose, onOpened, alert = null }: Props) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const [, , actor] = useOperator(t('incidents.operator.unnamed'));
  const open = useIncidentAction('incidents:open');
  const openFromAlert = useIncidentAction('incidents:openFromAlert');
  const pending = open.isPending || openFromAlert.isPending;
  const failed = open.isError || openFromAlert.isError;
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<ScenarioKind>('viralComplaint');
  const [severity, setSeverity] = useState<Severity>('high');
  // Each alert opens the form with its own defaults.
  useEffect(() => {
    if (!alert) return;
    setTitle(`${alert.watchName} — ${t(`incidents.level.${alert.level}`)}`);
    setSeverity(severityForLevel[alert.level]);
  }, [alert, t]);
  const [status, setStatus] = useState<'monitoring' | 'active'>('active');
  const [summary, setSummary] = useState('');
  // By hand, the incident is about every active watch from now unless the person chooses otherwise.
  const watches = useWatches(workspaceId);
  const [chosenWatches, setChosenWatches] = useState<number[] | null>(null);
  const [start, setStart] = useState('');
  const scopeWatches = chosenWatches ?? (watches.data ?? []).filter((w) => w.enabled).map((w) => w.id);
  const startIso = fromLocalInput(start);

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={alert ? t('incidents.openFromAlert', { watch: alert.watchName }) : t('incidents.open')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('incidents.cancel') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const done = {
            onSuccess: (detail: { id: string }) => {
              onClose();
              setTitle('');
              setSummary('');
              onOpened(detail.id);
            },
          };
          if (alert) openFromAlert.mutate({ workspaceId, alertId: alert.id, title, scenarioKind: kind, severity, actor }, done);
          else {
            const chosen = chosenWatches !== null || startIso !== null;
            const scope = { ...(chosenWatches ? { watchIds: chosenWatches } : {}), ...(startIso ? { start: startIso } : {}) };
            open.mutate({ workspaceId, incident: { title, scenarioKind: kind, severity, status, summary, ...(chosen ? { scope } : {}), actor } }, done);
          }
        }}
      >
        <Stack>
          <TextInput
            label={t('incidents.fields.title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            data-autofocus
            data-testid="incident-title"
            error={failed ? t('errors.INVALID_INPUT') : undefined}
          />
          <Select
            label={t('incidents.fields.scenario')}
            value={kind}
            allowDeselect={false}
            onChange={(v) => v && setKind(v as ScenarioKind)}
            data={SCENARIO_KINDS.map((k) => ({ value: k, label: t(`incidents.scenario.${k}`) }))}
            data-testid="incident-scenario"
          />
          <Group grow>
            <Select
              label={t('incidents.fields.severity')}
              value={severity}
              allowDeselect={false}
              onChange={(v) => v && setSeverity(v as Severity)}
              data={SEVERITIES.map((s) => ({ value: s, label: t(`incidents.severity.${s}`) }))}
            />
            {!alert && (
              <Select
                label={t('incidents.fields.status')}
                value={status}
                allowDeselect={false}
                onChange={(v) => v && setStatus(v as 'monitoring' | 'active')}
                data={(['monitoring', 'active'] as const).map((s) => ({ value: s, label: t(`incidents.status.${s}`) }))}
              />
            )}
          </Group>
          {!alert && (
            <Textarea label={t('incidents.fields.summary')} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} autosize minRows={2} />
          )}
          {!alert && (watches.data ?? []).length > 0 && (
            <ScopeFields watches={watches.data ?? []} watchIds={scopeWatches} onWatchIds={setChosenWatches} start={start} onStart={setStart} startOptional />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('incidents.cancel')}
            </Button>
            <Button type="submit" loading={pending} data-testid="incident-open-submit">
              {t('incidents.openSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
