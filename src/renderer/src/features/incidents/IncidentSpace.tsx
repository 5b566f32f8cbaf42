// One incident's own space: header with status, severity, mobilisation and the next status meeting, then tabs.
import { Anchor, Badge, Button, Group, Menu, Paper, Select, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUS_MOVES, type IncidentDetail } from '../../../../shared/domain/incident';
import { RETEX_STATUSES } from '../../../../shared/domain/retex';
import { ROLE_IDS, severitySchema } from '../../../../shared/domain/plan';
import { useIncident, useIncidentAction } from '../../api/hooks/useIncidents';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { QueryState } from '../../components/QueryState';
import { ChecklistTab } from './ChecklistTab';
import { ClocksPanel } from '../clocks/ClocksPanel';
import { CompensationTab } from '../compensation/CompensationTab';
import { PressDeadlines } from '../press/PressDeadlines';
import { PressTab } from '../press/PressTab';
import { formatCountdown } from './format';
import { severityColor, statusColor } from './labels';
import { LogTab } from './LogTab';
import { MobiliseModal } from './MobiliseModal';
import { OverviewTab } from './OverviewTab';
import { RetexTab } from './RetexTab';
import { RosterTab } from './RosterTab';
import { SituationTab } from './SituationTab';
import { incidentHash, INCIDENT_TABS, type IncidentTab, type IncidentView } from './useIncidentRoute';
import { useMobilisationNotice } from './useMobilisationNotice';
import { useNow } from './useNow';
import { useOperator } from './useOperator';

const SEVERITIES = severitySchema.options;

interface Props {
  readonly incidentId: string;
  readonly tab: IncidentView;
  readonly go: (incidentId: string | null, view?: IncidentView) => void;
}

export function IncidentSpace({ incidentId, tab, go }: Props) {
  const workspaceId = useWorkspaceId();
  const incident = useIncident(workspaceId, incidentId);
  return (
    <QueryState query={incident}>
      {(detail) => <Space detail={detail} tab={(INCIDENT_TABS as readonly string[]).includes(tab) ? (tab as IncidentTab) : 'overview'} go={go} />}
    </QueryState>
  );
}

function Space({ detail, tab, go }: { detail: IncidentDetail; tab: IncidentTab; go: Props['go'] }) {
  const { t, i18n } = useTranslation();
  // The incident's own roles, the plan's custom ones included, so the operator can act (approve) as any of them.
  const roleOptions =
    detail.roster.length > 0
      ? detail.roster.map((r) => ({ value: r.roleId, label: r.name[i18n.language === 'fr' ? 'fr' : 'en'] }))
      : ROLE_IDS.map((r) => ({ value: r, label: t(`incidents.roles.${r}`) }));
  const workspaceId = useWorkspaceId();
  const [operator, setOperator, actor] = useOperator(t('incidents.operator.unnamed'));
  const setStatus = useIncidentAction('incidents:setStatus');
  const setSeverity = useIncidentAction('incidents:setSeverity');
  const [confirmingMobilise, setConfirmingMobilise] = useState(false);
  const newEntryRef = useRef<HTMLTextAreaElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const closed = detail.status === 'closed';
  // The RETEX is written once the incident is over or under control.
  const tabs = INCIDENT_TABS.filter((id) => id !== 'retex' || (RETEX_STATUSES as readonly string[]).includes(detail.status));
  useMobilisationNotice(detail);

  const doMobilise = () => {
    if (!closed) setConfirmingMobilise(true);
  };
  const focusLater = (el: () => HTMLElement | null) => window.setTimeout(() => el()?.focus(), 50);
  useHotkeys([
    ['alt+n', () => (go(detail.id, 'log'), focusLater(() => newEntryRef.current))],
    ['alt+m', doMobilise],
    ['alt+f', () => (go(detail.id, 'log'), focusLater(() => searchRef.current))],
    ['alt+w', () => go(detail.id, 'wall')],
  ]);

  return (
    <Stack data-testid="screen-incident">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Anchor href={incidentHash(null)} size="sm">
            ← {t('incidents.backToList')}
          </Anchor>
          <Title order={2} data-testid="incident-title-heading">
            {detail.title}
          </Title>
          <Group gap="xs">
            <Badge color={statusColor[detail.status]} variant="light" size="lg" data-testid="incident-status">
              {t(`incidents.status.${detail.status}`)}
            </Badge>
            <Badge color={severityColor[detail.severity]} variant="light">
              {t('incidents.fields.severity')}
              {t('incidents.colon')}
              {t(`incidents.severity.${detail.severity}`)}
            </Badge>
            <Badge variant="outline" color="gray">
              {t(`incidents.scenario.${detail.scenarioKind}`)}
            </Badge>
          </Group>
        </Stack>
        <Stack gap="xs" align="flex-end" className="no-print">
          <Group gap="xs">
            <Button color="red" onClick={doMobilise} disabled={closed} data-testid="mobilise">
              {t('incidents.mobilise')}
            </Button>
            <Menu>
              <Menu.Target>
                <Button variant="default" disabled={closed} data-testid="status-menu">
                  {t('incidents.changeStatus')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {STATUS_MOVES[detail.status].map((s) => (
                  <Menu.Item key={s} onClick={() => setStatus.mutate({ workspaceId, incidentId: detail.id, status: s, actor })} data-testid={`status-${s}`}>
                    {t(`incidents.status.${s}`)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            <Menu>
              <Menu.Target>
                <Button variant="default" disabled={closed} data-testid="severity-menu">
                  {t('incidents.changeSeverity')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {SEVERITIES.filter((s) => s !== detail.severity).map((s) => (
                  <Menu.Item key={s} onClick={() => setSeverity.mutate({ workspaceId, incidentId: detail.id, severity: s, actor })}>
                    {t(`incidents.severity.${s}`)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            <Button variant="default" onClick={() => go(detail.id, 'wall')} data-testid="open-wall">
              {t('incidents.wall.open')}
            </Button>
          </Group>
          <NextMeeting at={detail.nextMeetingAt} />
          <PressDeadlines incidentId={detail.id} href={incidentHash(detail.id, 'press')} />
        </Stack>
      </Group>
      <Paper withBorder p="xs" className="no-print">
        <Group gap="sm" wrap="wrap">
          <Text size="sm" fw={600}>
            {t('incidents.operator.title')}
          </Text>
          <TextInput
            aria-label={t('incidents.operator.name')}
            placeholder={t('incidents.operator.name')}
            size="xs"
            value={operator.name}
            onChange={(e) => setOperator({ ...operator, name: e.currentTarget.value })}
            data-testid="operator-name"
          />
          <Select
            aria-label={t('incidents.operator.role')}
            placeholder={t('incidents.operator.role')}
            size="xs"
            clearable
            value={operator.role}
            onChange={(v) => setOperator({ ...operator, role: v })}
            data={roleOptions}
          />
          <Text size="xs" c="dimmed">
            {t('incidents.shortcuts')}
          </Text>
        </Group>
      </Paper>
      <Tabs value={tab} onChange={(v) => v && go(detail.id, v as IncidentTab)} keepMounted={false}>
        <Tabs.List>
          {tabs.map((id) => (
            <Tabs.Tab key={id} value={id} data-testid={`tab-${id}`}>
              {t(`incidents.tabs.${id}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <OverviewTab detail={detail} actor={actor} />
        </Tabs.Panel>
        <Tabs.Panel value="roster" pt="md">
          <RosterTab detail={detail} actor={actor} onCallTree={() => go(detail.id, 'calltree')} />
        </Tabs.Panel>
        <Tabs.Panel value="checklists" pt="md">
          <ChecklistTab detail={detail} actor={actor} />
        </Tabs.Panel>
        <Tabs.Panel value="clocks" pt="md">
          <ClocksPanel incidentId={detail.id} actor={actor} />
        </Tabs.Panel>
        <Tabs.Panel value="log" pt="md">
          <LogTab incidentId={detail.id} actor={actor} newEntryRef={newEntryRef} searchRef={searchRef} />
        </Tabs.Panel>
        <Tabs.Panel value="situation" pt="md">
          <SituationTab detail={detail} actor={actor} />
        </Tabs.Panel>
        <Tabs.Panel value="press" pt="md">
          <PressTab detail={detail} actor={actor} />
        </Tabs.Panel>
        <Tabs.Panel value="compensation" pt="md">
          <CompensationTab detail={detail} actor={actor} />
        </Tabs.Panel>
        <Tabs.Panel value="retex" pt="md">
          <RetexTab detail={detail} actor={actor} />
        </Tabs.Panel>
      </Tabs>
      {confirmingMobilise && (
        <MobiliseModal
          detail={detail}
          actor={actor}
          onClose={() => setConfirmingMobilise(false)}
          onMobilised={() => {
            setConfirmingMobilise(false);
            go(detail.id, 'roster');
          }}
        />
      )}
    </Stack>
  );
}

function NextMeeting({ at }: { at: string | null }) {
  const { t } = useTranslation();
  const now = useNow();
  if (!at) return null;
  const late = Date.parse(at) < now;
  return (
    <Text size="sm" c={late ? 'red' : undefined} fw={late ? 700 : 400} data-testid="next-meeting">
      {t('incidents.nextMeeting')}
      {t('incidents.colon')}
      <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatCountdown(at, now)}</span>
    </Text>
  );
}
