// The RETEX of a stabilised or closed incident: measured timings, recovery and the follow-up campaign it opens, the
// cell's account, and the follow-up actions tracked to done, each of which may propose a plan change to accept or reject.
import { useRoleName } from '../../api/hooks/usePlan';
import { Alert, Badge, Button, Checkbox, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Actor, IncidentDetail } from '../../../../shared/domain/incident';
import { RECOVERY_WINDOW_HOURS, RETEX_STATUSES, type IncidentRetex, type Recovery, type RetexAction, type RetexText, type RetexTimings } from '../../../../shared/domain/retex';
import { describePlanChange } from '../../../../shared/retex/describePlanChange';
import { useRetex, useRetexAction } from '../../api/hooks/useRetex';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { QueryState } from '../../components/QueryState';
import { errorMessage } from '../../i18n/errorMessage';
import { formatDateTime } from '../../i18n/format';
import { RetexActionForm } from './RetexActionForm';
import { formatDueDate, todayLocal } from './dueDate';

const TIMINGS: readonly (keyof RetexTimings)[] = ['detection', 'mobilisation', 'firstStatement', 'firstAnswerToCritics'];

export function RetexTab({ detail, actor }: { detail: IncidentDetail; actor: Actor }) {
  const { t } = useTranslation();
  const retex = useRetex(useWorkspaceId(), detail.id);
  if (!(RETEX_STATUSES as readonly string[]).includes(detail.status)) {
    return <Alert data-testid="tab-panel-retex">{t('retex.notYet')}</Alert>;
  }
  return (
    <Stack data-testid="tab-panel-retex">
      <div>
        <Title order={3}>{t('retex.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('retex.intro')}
        </Text>
      </div>
      <QueryState query={retex}>
        {(data) => (
          <>
            <Timings timings={data.timings} />
            <RecoveryPanel recovery={data.recovery} />
            <FollowUp retex={data} actor={actor} />
            <Account retex={data} actor={actor} />
            <Actions retex={data} detail={detail} actor={actor} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function Timings({ timings }: { timings: RetexTimings }) {
  const { t, i18n } = useTranslation();
  const delay = (minutes: number) =>
    minutes < 60
      ? t('retex.timings.minutes', { minutes: Math.round(minutes) })
      : t('retex.timings.hours', { hours: Math.floor(minutes / 60), minutes: Math.round(minutes % 60) });
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {t('retex.timings.title')}
      </Title>
      <Table data-testid="retex-timings">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('retex.timings.measure')}</Table.Th>
            <Table.Th>{t('retex.timings.from')}</Table.Th>
            <Table.Th>{t('retex.timings.to')}</Table.Th>
            <Table.Th>{t('retex.timings.delay')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {TIMINGS.map((key) => {
            const timing = timings[key];
            return (
              <Table.Tr key={key} data-testid={`retex-timing-${key}`}>
                <Table.Td>{t(`retex.timings.${key}`)}</Table.Td>
                <Table.Td>{timing.from ? formatDateTime(timing.from, i18n.language) : '—'}</Table.Td>
                <Table.Td>{timing.at ? formatDateTime(timing.at, i18n.language) : '—'}</Table.Td>
                <Table.Td fw={600}>{timing.minutes === null ? t('retex.timings.notReached') : delay(timing.minutes)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function RecoveryPanel({ recovery }: { recovery: Recovery }) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  const share = (value: number | null) =>
    value === null ? '—' : new Intl.NumberFormat(i18n.language === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(value);
  return (
    <Paper withBorder p="md" data-testid="retex-recovery">
      <Title order={4} mb="xs">
        {t('retex.recovery.title')}
      </Title>
      {recovery.baselineNegativeShare === null && recovery.baselinePerHour === 0 ? (
        <Text c="dimmed">{t('retex.recovery.noBaseline')}</Text>
      ) : (
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('retex.recovery.intro', { hours: RECOVERY_WINDOW_HOURS })}
          </Text>
          <Text size="sm">
            {t('retex.recovery.baseline', {
              from: when(recovery.baselineFrom),
              to: when(recovery.baselineTo),
              perHour: recovery.baselinePerHour.toLocaleString(i18n.language),
              share: share(recovery.baselineNegativeShare),
            })}
          </Text>
          {recovery.peakAt && <Text size="sm">{t('retex.recovery.peak', { date: when(recovery.peakAt) })}</Text>}
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('retex.recovery.measure')}</Table.Th>
                <Table.Th>{t('retex.recovery.back')}</Table.Th>
                <Table.Th>{t('retex.recovery.after')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(['volume', 'negativeShare'] as const).map((key) => {
                const back = recovery[key];
                return (
                  <Table.Tr key={key} data-testid={`retex-recovery-${key}`}>
                    <Table.Td>{t(`retex.recovery.${key}`)}</Table.Td>
                    <Table.Td>{back ? when(back.at) : '—'}</Table.Td>
                    <Table.Td fw={600}>{back ? t('retex.recovery.hours', { hours: back.hoursAfterStart }) : t('retex.recovery.notYet')}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Paper>
  );
}

/** Offered once volume and tone are back; it can be prepared before, and each tick is kept with who and when. */
function FollowUp({ retex, actor }: { retex: IncidentRetex; actor: Actor }) {
  const { t, i18n } = useTranslation();
  const workspaceId = useWorkspaceId();
  const set = useRetexAction('lessons:setFollowUp');
  const back = retex.recovery.volume !== null && retex.recovery.negativeShare !== null;
  const done = retex.followUp.filter((step) => step.doneAt !== null).length;
  return (
    <Paper withBorder p="md" data-testid="retex-follow-up">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('retex.followUp.title')}</Title>
        <Badge variant="light" data-testid="retex-follow-up-progress">
          {t('retex.followUp.progress', { done, total: retex.followUp.length })}
        </Badge>
      </Group>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('retex.followUp.intro')}
        </Text>
        <Alert color={back ? 'green' : 'yellow'} data-testid="retex-follow-up-state">
          {t(back ? 'retex.followUp.ready' : 'retex.followUp.waiting')}
        </Alert>
        {retex.followUp.map((step) => (
          <Checkbox
            key={step.item}
            checked={step.doneAt !== null}
            label={t(`retex.followUp.items.${step.item}`)}
            description={step.doneAt ? t('retex.followUp.doneOn', { date: formatDateTime(step.doneAt, i18n.language), person: step.doneBy ?? '' }) : undefined}
            disabled={set.isPending}
            onChange={(e) => set.mutate({ workspaceId, incidentId: retex.incidentId, item: step.item, done: e.currentTarget.checked, actor })}
            data-testid={`retex-follow-up-${step.item}`}
          />
        ))}
        {set.error && (
          <Text size="sm" c="red">
            {errorMessage(set.error, t)}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function Account({ retex, actor }: { retex: IncidentRetex; actor: Actor }) {
  const { t, i18n } = useTranslation();
  const workspaceId = useWorkspaceId();
  const save = useRetexAction('lessons:saveRetex');
  const [text, setText] = useState<RetexText>({ whatHappened: retex.whatHappened, wentWell: retex.wentWell, wentBadly: retex.wentBadly });
  const [saved, setSaved] = useState(false);
  useEffect(() => setSaved(false), [text]);
  const field = (key: keyof RetexText) => (
    <Textarea
      label={t(`retex.account.${key}`)}
      autosize
      minRows={2}
      value={text[key]}
      onChange={(e) => setText({ ...text, [key]: e.currentTarget.value })}
      data-testid={`retex-${key}`}
    />
  );
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>{t('retex.account.title')}</Title>
        {field('whatHappened')}
        {field('wentWell')}
        {field('wentBadly')}
        <Group>
          <Button
            onClick={() => save.mutate({ workspaceId, incidentId: retex.incidentId, text, actor }, { onSuccess: () => setSaved(true) })}
            loading={save.isPending}
            data-testid="retex-save"
          >
            {t('retex.account.save')}
          </Button>
          {saved && <Text size="sm" c="green.8">{t('retex.account.saved')}</Text>}
          {retex.updatedAt && retex.updatedBy && (
            <Text size="sm" c="dimmed" data-testid="retex-updated">
              {t('retex.account.updated', { person: retex.updatedBy, date: formatDateTime(retex.updatedAt, i18n.language) })}
            </Text>
          )}
        </Group>
        {save.error && <Alert color="red">{errorMessage(save.error, t)}</Alert>}
      </Stack>
    </Paper>
  );
}

function Actions({ retex, detail, actor }: { retex: IncidentRetex; detail: IncidentDetail; actor: Actor }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>{t('retex.actions.title')}</Title>
        {retex.actions.length === 0 ? (
          <Text c="dimmed">{t('retex.actions.none')}</Text>
        ) : (
          <Table verticalSpacing={6} data-testid="retex-actions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('retex.actions.text')}</Table.Th>
                <Table.Th>{t('retex.actions.ownerPerson')}</Table.Th>
                <Table.Th>{t('retex.actions.due')}</Table.Th>
                <Table.Th>{t('retex.actions.status')}</Table.Th>
                <Table.Th>{t('retex.actions.planChange')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {retex.actions.map((action) => (
                <ActionRow key={action.id} action={action} incidentId={retex.incidentId} actor={actor} />
              ))}
            </Table.Tbody>
          </Table>
        )}
        <RetexActionForm detail={detail} actor={actor} />
      </Stack>
    </Paper>
  );
}

function ActionRow({ action, incidentId, actor }: { action: RetexAction; incidentId: string; actor: Actor }) {
  const { t, i18n } = useTranslation();
  const roleName = useRoleName(useWorkspaceId());
  const workspaceId = useWorkspaceId();
  const setDone = useRetexAction('lessons:setActionDone');
  const decide = useRetexAction('lessons:decidePlanChange');
  const language = i18n.language === 'fr' ? 'fr' : 'en';
  const overdue = action.doneAt === null && action.dueDate < todayLocal();
  const error = setDone.error ?? decide.error;
  return (
    <Table.Tr data-testid={`retex-action-${action.id}`}>
      <Table.Td>{action.text}</Table.Td>
      <Table.Td>
        <Text size="sm">{action.owner.person}</Text>
        <Text size="xs" c="dimmed">
          {roleName(action.owner.roleId)}
        </Text>
      </Table.Td>
      <Table.Td>{formatDueDate(action.dueDate, i18n.language)}</Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          {action.doneAt ? (
            <Text size="sm" data-testid="retex-action-state">
              {t('retex.actions.doneOn', { date: formatDateTime(action.doneAt, i18n.language), person: action.doneBy ?? '' })}
            </Text>
          ) : (
            <Badge color={overdue ? 'red' : 'blue'} variant="light" data-testid="retex-action-state">
              {t(overdue ? 'retex.actions.overdue' : 'retex.actions.open')}
            </Badge>
          )}
          <Button
            size="compact-xs"
            variant="default"
            onClick={() => setDone.mutate({ workspaceId, incidentId, actionId: action.id, done: action.doneAt === null, actor })}
            data-testid="retex-action-toggle"
          >
            {t(action.doneAt ? 'retex.actions.reopen' : 'retex.actions.markDone')}
          </Button>
        </Stack>
      </Table.Td>
      <Table.Td>
        {action.planChange ? (
          <Stack gap={4} align="flex-start">
            <Text size="sm">{describePlanChange(action.planChange, t, language)}</Text>
            <Text size="xs" fw={600} data-testid="retex-change-state">
              {t(`retex.change.states.${action.planChangeState ?? 'proposed'}`, { revision: action.planRevision ?? '' })}
            </Text>
            {action.planChangeState === 'proposed' && (
              <Group gap="xs">
                <Button size="compact-xs" onClick={() => decide.mutate({ workspaceId, incidentId, actionId: action.id, accept: true, actor })} data-testid="retex-change-accept">
                  {t('retex.change.accept')}
                </Button>
                <Button size="compact-xs" variant="default" onClick={() => decide.mutate({ workspaceId, incidentId, actionId: action.id, accept: false, actor })}>
                  {t('retex.change.reject')}
                </Button>
              </Group>
            )}
          </Stack>
        ) : (
          '—'
        )}
        {error && (
          <Text size="xs" c="red.8">
            {errorMessage(error, t)}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
