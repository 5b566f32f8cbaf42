// Opening an incident by hand, from an alert or from a backtest episode: scenario (from an alert, the one its words
// point to), severity, starting status, and the watches and start of its period (an episode proposes its own). The
// plan seeds its roster and checklist.
import { Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../../shared/domain/detection';
import { SCENARIO_KINDS, type ScenarioKind, type Severity } from '../../../../shared/domain/plan';
import { useAlertIncidentProposal, useIncidentAction } from '../../api/hooks/useIncidents';
import { useWatches } from '../../api/hooks/useListen';
import { fromLocalInput, ScopeFields, toLocalInput } from './ScopeFields';
import { formatDateTime } from '../../i18n/format';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { useOperator } from './useOperator';

const SEVERITIES: Severity[] = ['low', 'medium', 'high', 'critical'];

interface Props {
  readonly opened: boolean;
  readonly onClose: () => void;
  readonly onOpened: (id: string) => void;
  /** When set, the incident is opened from this alert and carries its why-card. */
  readonly alert?: Alert | null;
  /** When set (and no alert), the incident is about this past episode: its watch, from when it started. */
  readonly episode?: EpisodeOrigin | null;
}

/** A stretch above calm found by a backtest over past mentions (an import, say), where no live alert was raised. */
export interface EpisodeOrigin {
  readonly watchId: number;
  readonly watchName: string;
  readonly level: Alert['level'];
  readonly startedAt: string;
}

const severityForLevel: Record<Alert['level'], Severity> = { vigilance: 'medium', alert: 'high', crisis: 'critical' };

export function OpenIncidentModal({ opened, onClose, onOpened, alert = null, episode = null }: Props) {
  const { t, i18n } = useTranslation();
  const workspaceId = useWorkspaceId();
  const [, , actor] = useOperator(t('incidents.operator.unnamed'));
  const open = useIncidentAction('incidents:open');
  const openFromAlert = useIncidentAction('incidents:openFromAlert');
  const pending = open.isPending || openFromAlert.isPending;
  const failed = open.isError || openFromAlert.isError;
  const [title, setTitle] = useState('');
  // Until someone picks a scenario, the one the alert's words point to (else a viral complaint) is proposed.
  const [chosenKind, setKind] = useState<ScenarioKind | null>(null);
  const [severity, setSeverity] = useState<Severity>('high');
  // Each alert opens the form with its own defaults.
  useEffect(() => {
    if (!alert) return;
    setTitle(`${alert.watchName} — ${t(`incidents.level.${alert.level}`)}`);
    setSeverity(severityForLevel[alert.level]);
    setKind(null);
  }, [alert, t]);
  const proposal = useAlertIncidentProposal(workspaceId, opened && alert ? alert.id : null);
  const proposed = alert && proposal.data?.alertId === alert.id ? proposal.data : undefined;
  const kind = chosenKind ?? proposed?.scenarioKind ?? 'viralComplaint';
  const [status, setStatus] = useState<'monitoring' | 'active'>('active');
  const [summary, setSummary] = useState('');
  // By hand, the incident is about every active watch from now unless the person chooses otherwise.
  const watches = useWatches(workspaceId);
  const [chosenWatches, setChosenWatches] = useState<number[] | null>(null);
  const [start, setStart] = useState('');
  // An episode opens the form on its own watch, level and start.
  useEffect(() => {
    if (alert || !episode) return;
    setTitle(`${episode.watchName} — ${t(`incidents.level.${episode.level}`)}`);
    setSeverity(severityForLevel[episode.level]);
    setChosenWatches([episode.watchId]);
    setStart(toLocalInput(episode.startedAt));
    setSummary(t('incidents.episode.summary', { watch: episode.watchName, from: formatDateTime(episode.startedAt, i18n.language) }));
  }, [alert, episode, t, i18n.language]);
  const scopeWatches = chosenWatches ?? (watches.data ?? []).filter((w) => w.enabled).map((w) => w.id);
  const startIso = fromLocalInput(start);

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={
        alert
          ? t('incidents.openFromAlert', { watch: alert.watchName })
          : episode
            ? t('incidents.episode.title', { watch: episode.watchName })
            : t('incidents.open')
      }
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
          {proposed && proposed.because.length > 0 && (
            <Text size="sm" c="dimmed" data-testid="incident-scenario-because">
              {t('incidents.alerts.proposed', { words: proposed.because.join(', ') })}
            </Text>
          )}
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
