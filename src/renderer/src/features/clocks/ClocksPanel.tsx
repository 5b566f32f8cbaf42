// The incident's regulatory clocks: classify under an obligation of the plan, watch each deadline count down,
// record what was sent. Times are shown on this computer's clock; the countdown follows the workspace's clock
// (game time in an exercise) from the `now` the backend gave.
import { Alert, Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Actor } from '../../../../shared/domain/incident';
import type { Obligation } from '../../../../shared/domain/plan';
import type { ClockStep, RegulatoryClock, StepStatus } from '../../../../shared/domain/regulatoryClock';
import type { Language } from '../../../../shared/domain/workspace';
import { useClockAction, useClocks } from '../../api/hooks/useClocks';
import { usePlan, useRoleName } from '../../api/hooks/usePlan';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { errorMessage } from '../../i18n/errorMessage';
import { formatDateTime } from '../../i18n/format';
import { useNow } from '../incidents/useNow';
import { formatSpan, fromLocalInput, toLocalInput } from './clockTime';

const STATUS_COLORS: Record<StepStatus, string> = { waiting: 'gray', running: 'blue', met: 'green', missed: 'red' };

export function ClocksPanel({ incidentId, actor }: { incidentId: string; actor: Actor }) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const clocks = useClocks(workspaceId, incidentId);
  const plan = usePlan(workspaceId);
  const local = useNow(1000);
  if (!clocks.data) return null;
  // The workspace's clock may run apart from this computer's (exercise game time): keep the offset it had.
  const now = local + (Date.parse(clocks.data.now) - clocks.dataUpdatedAt);
  const classified = new Set(clocks.data.clocks.map((c) => c.obligation.id));
  const available = (plan.data?.plan.regulatory.obligations ?? []).filter((o) => !classified.has(o.id));
  return (
    <Stack data-testid="tab-panel-clocks">
      <Text size="sm" c="dimmed">
        {t('clocks.help')}
      </Text>
      {available.length > 0 && <ClassifyForm incidentId={incidentId} obligations={available} actor={actor} now={now} />}
      {clocks.data.clocks.length === 0 && <Text c="dimmed">{t('clocks.none')}</Text>}
      {clocks.data.clocks.map((clock) => (
        <ClockCard key={clock.id} clock={clock} actor={actor} now={now} />
      ))}
    </Stack>
  );
}

function ClassifyForm({ incidentId, obligations, actor, now }: { incidentId: string; obligations: Obligation[]; actor: Actor; now: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const workspaceId = useWorkspaceId();
  const classify = useClockAction('clocks:classify', workspaceId, incidentId);
  const [obligationId, setObligationId] = useState<string | null>(null);
  const [awareness, setAwareness] = useState(() => toLocalInput(now));
  const awarenessAt = fromLocalInput(awareness);
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t('clocks.classify')}
      </Title>
      <Group align="end">
        <Select
          label={t('clocks.obligation')}
          data={obligations.map((o) => ({ value: o.id, label: o.name[language] }))}
          value={obligationId}
          onChange={setObligationId}
          w={360}
          data-testid="clock-obligation"
        />
        <TextInput
          type="datetime-local"
          label={t('clocks.awarenessAt')}
          description={t('clocks.awarenessHelp')}
          value={awareness}
          onChange={(e) => setAwareness(e.currentTarget.value)}
          data-testid="clock-awareness"
        />
        <Button
          disabled={!obligationId || !awarenessAt}
          loading={classify.isPending}
          onClick={() => obligationId && awarenessAt && classify.mutate({ workspaceId, incidentId, obligationId, awarenessAt, actor }, { onSuccess: () => setObligationId(null) })}
          data-testid="clock-classify"
        >
          {t('clocks.classifyConfirm')}
        </Button>
      </Group>
      {classify.error && (
        <Alert color="red" mt="sm">
          {errorMessage(classify.error, t)}
        </Alert>
      )}
    </Paper>
  );
}

function ClockCard({ clock, actor, now }: { clock: RegulatoryClock; actor: Actor; now: number }) {
  const { t, i18n } = useTranslation();
  const roleName = useRoleName(useWorkspaceId());
  const language = i18n.language as Language;
  const { obligation } = clock;
  const [correcting, setCorrecting] = useState(false);
  return (
    <Paper withBorder p="md" data-testid={`clock-${obligation.id}`}>
      <Group justify="space-between" align="start">
        <Stack gap={2}>
          <Title order={4}>{obligation.name[language]}</Title>
          <Text size="sm">{t('clocks.source', { source: obligation.source[language] })}</Text>
          <Text size="sm">
            {t('clocks.recipient', { recipient: obligation.recipient[language] })} · {t('clocks.owner', { role: roleName(obligation.ownerRole) })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('clocks.classifiedBy', { person: clock.classifiedBy, date: formatDateTime(clock.classifiedAt, language) })} ·{' '}
            {t('clocks.awarenessAt')} {formatDateTime(clock.awarenessAt, language)}
          </Text>
        </Stack>
        <Button variant="subtle" size="xs" onClick={() => setCorrecting((v) => !v)}>
          {t('clocks.editAwareness')}
        </Button>
      </Group>
      {correcting && <AwarenessForm clock={clock} actor={actor} onDone={() => setCorrecting(false)} />}
      <Table mt="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('clocks.step')}</Table.Th>
            <Table.Th>{t('clocks.due')}</Table.Th>
            <Table.Th>{t('clocks.remaining')}</Table.Th>
            <Table.Th>{t('clocks.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {clock.steps.map((step) => (
            <StepRow key={step.stepId} clock={clock} step={step} actor={actor} now={now} />
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function StepRow({ clock, step, actor, now }: { clock: RegulatoryClock; step: ClockStep; actor: Actor; now: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [sending, setSending] = useState(false);
  const spec = clock.obligation.steps.find((s) => s.id === step.stepId);
  const waitsFor = spec?.limits.find((l) => l.from === 'stepSent')?.step;
  const waitsForName = clock.obligation.steps.find((s) => s.id === waitsFor)?.name[language] ?? waitsFor ?? '';
  // A step still open is missed the moment its deadline passes, without waiting for the next fetch.
  const status: StepStatus = step.sentAt === null && step.dueAt !== null && now >= Date.parse(step.dueAt) ? 'missed' : step.status;
  const left = step.dueAt === null ? null : Date.parse(step.dueAt) - now;
  return (
    <>
      <Table.Tr data-testid={`clock-step-${clock.obligation.id}-${step.stepId}`}>
        <Table.Td>
          <Text fw={600}>{spec?.name[language] ?? step.stepId}</Text>
          <Text size="xs" c="dimmed">
            {spec?.due[language]}
          </Text>
        </Table.Td>
        <Table.Td>{step.dueAt ? formatDateTime(step.dueAt, language) : t('clocks.afterStep', { step: waitsForName })}</Table.Td>
        <Table.Td data-testid="clock-remaining">
          {step.sentAt ? (
            <Text size="sm">
              {t('clocks.sentOn', { date: formatDateTime(step.sentAt, language), person: step.sentBy ?? '' })}
              {step.sentWhat ? ` — ${step.sentWhat}` : ''}
            </Text>
          ) : left === null ? (
            '—'
          ) : (
            <Text fw={700} c={left < 0 ? 'var(--mantine-color-red-text)' : undefined}>
              {left < 0 ? t('clocks.overdue', { time: formatSpan(left, t) }) : t('clocks.left', { time: formatSpan(left, t) })}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <Group gap="xs">
            <Badge color={STATUS_COLORS[status]} variant="light" data-testid="clock-status">
              {t(`clocks.statuses.${status}`)}
            </Badge>
            {!step.sentAt && step.dueAt && (
              <Button size="compact-xs" variant="light" onClick={() => setSending((v) => !v)} data-testid="clock-mark-sent">
                {t('clocks.markSent')}
              </Button>
            )}
          </Group>
        </Table.Td>
      </Table.Tr>
      {sending && (
        <Table.Tr>
          <Table.Td colSpan={4}>
            <SentForm clock={clock} stepId={step.stepId} actor={actor} now={now} onDone={() => setSending(false)} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

function SentForm({ clock, stepId, actor, now, onDone }: { clock: RegulatoryClock; stepId: string; actor: Actor; now: number; onDone: () => void }) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const markSent = useClockAction('clocks:markSent', workspaceId, clock.incidentId);
  const [what, setWhat] = useState('');
  const [when, setWhen] = useState(() => toLocalInput(now));
  const sentAt = fromLocalInput(when);
  return (
    <Stack gap="xs">
      <Group align="end">
        <Textarea label={t('clocks.whatSent')} value={what} onChange={(e) => setWhat(e.currentTarget.value)} autosize minRows={1} w={420} data-testid="clock-sent-what" />
        <TextInput type="datetime-local" label={t('clocks.sentAt')} value={when} onChange={(e) => setWhen(e.currentTarget.value)} />
        <Button
          disabled={!what.trim() || !sentAt}
          loading={markSent.isPending}
          onClick={() => sentAt && markSent.mutate({ workspaceId, clockId: clock.id, stepId, what: what.trim(), sentAt, actor }, { onSuccess: onDone })}
          data-testid="clock-sent-save"
        >
          {t('clocks.save')}
        </Button>
      </Group>
      {markSent.error && <Alert color="red">{errorMessage(markSent.error, t)}</Alert>}
    </Stack>
  );
}

function AwarenessForm({ clock, actor, onDone }: { clock: RegulatoryClock; actor: Actor; onDone: () => void }) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const setAwareness = useClockAction('clocks:setAwareness', workspaceId, clock.incidentId);
  const [when, setWhen] = useState(() => toLocalInput(Date.parse(clock.awarenessAt)));
  const [reason, setReason] = useState('');
  const awarenessAt = fromLocalInput(when);
  return (
    <Stack gap="xs" mt="sm">
      <Group align="end">
        <TextInput type="datetime-local" label={t('clocks.awarenessAt')} value={when} onChange={(e) => setWhen(e.currentTarget.value)} />
        <TextInput label={t('clocks.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} w={360} />
        <Button
          disabled={!reason.trim() || !awarenessAt}
          loading={setAwareness.isPending}
          onClick={() => awarenessAt && setAwareness.mutate({ workspaceId, clockId: clock.id, awarenessAt, reason: reason.trim(), actor }, { onSuccess: onDone })}
        >
          {t('clocks.save')}
        </Button>
      </Group>
      {setAwareness.error && <Alert color="red">{errorMessage(setAwareness.error, t)}</Alert>}
    </Stack>
  );
}
