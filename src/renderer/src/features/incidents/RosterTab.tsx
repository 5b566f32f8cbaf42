// The incident's role roster: holder and deputy with contacts, duty and shift, mobilisation answers,
// handovers with their history, and each role's instructions from the plan.
import { useRoleName } from '../../api/hooks/usePlan';
import { Accordion, Alert, Badge, Button, Group, List, Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Actor, IncidentDetail, MobilisationCall, RosterRole } from '../../../../shared/domain/incident';
import { useIncidentAction } from '../../api/hooks/useIncidents';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { formatDateTime } from '../../i18n/format';
import { formatTime } from './format';
import { DeliveriesPanel } from './DeliveriesPanel';
import { HandoverModal } from './HandoverModal';
import { ReachedByMenu } from './ReachedByMenu';

/**
 * Duty as the cell lives it: the plan's holders stand by until called, a call in progress until they are
 * reached, on duty once reached (or handed the role), stood down when someone ends their shift.
 */
function dutyState(role: RosterRole, call: MobilisationCall | undefined): 'onDuty' | 'offDuty' | 'calling' | 'standby' {
  if (role.onDuty) return 'onDuty';
  if (role.shiftStartedAt) return 'offDuty';
  return call && call.acknowledgedAt === null ? 'calling' : 'standby';
}

interface Props {
  readonly detail: IncidentDetail;
  readonly actor: Actor;
  readonly onCallTree: () => void;
}

export function RosterTab({ detail, actor, onCallTree }: Props) {
  const { t, i18n } = useTranslation();
  const roleName = useRoleName(useWorkspaceId());
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const workspaceId = useWorkspaceId();
  const acknowledge = useIncidentAction('incidents:acknowledge');
  const setDuty = useIncidentAction('incidents:setDuty');
  const [handingOver, setHandingOver] = useState<RosterRole | null>(null);
  const closed = detail.status === 'closed';
  const calls = new Map<string, MobilisationCall>((detail.mobilisation?.calls ?? []).map((c) => [c.roleId, c]));
  const unanswered = (detail.mobilisation?.calls ?? []).filter((c) => c.acknowledgedAt === null);

  return (
    <Stack data-testid="tab-panel-roster">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {detail.mobilisation
            ? t('incidents.roster.mobilisedAt', {
                time: formatDateTime(detail.mobilisation.startedAt, i18n.language),
                by: detail.mobilisation.startedBy,
              })
            : t('incidents.roster.notMobilised')}
        </Text>
        <Button variant="default" onClick={onCallTree} data-testid="open-calltree">
          {t('incidents.callTree.open')}
        </Button>
      </Group>
      {unanswered.length > 0 && (
        <Alert color="red" title={t('incidents.roster.unanswered', { count: unanswered.length })} data-testid="unanswered">
          {unanswered.map((c) => `${c.personName} (${roleName(c.roleId)})`).join(' · ')}
        </Alert>
      )}
      {detail.mobilisation && <DeliveriesPanel incidentId={detail.id} />}
      <Table striped verticalSpacing="xs" data-testid="roster-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('incidents.roster.role')}</Table.Th>
            <Table.Th>{t('incidents.roster.holder')}</Table.Th>
            <Table.Th>{t('incidents.roster.deputy')}</Table.Th>
            <Table.Th>{t('incidents.roster.duty')}</Table.Th>
            <Table.Th>{t('incidents.roster.mobilisation')}</Table.Th>
            <Table.Th>{t('incidents.roster.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {detail.roster.map((role) => {
            const call = calls.get(role.roleId);
            // Once a deputy holds the role, the next one in calling order is the one to call.
            const deputy = role.deputies.find((d) => d.name !== role.holder?.name);
            return (
              <Table.Tr key={role.roleId} data-testid={`role-${role.roleId}`}>
                <Table.Td fw={600}>{role.name[lang]}</Table.Td>
                <Table.Td>
                  {role.holder ? (
                    <>
                      <Text size="sm" fw={500} data-testid={`holder-${role.roleId}`}>
                        {role.holder.name}
                      </Text>
                      <Text size="xs">{role.holder.phone}</Text>
                      {role.holder.email && <Text size="xs">{role.holder.email}</Text>}
                    </>
                  ) : (
                    <Badge color="red">{t('incidents.roster.vacant')}</Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {deputy ? (
                    <>
                      <Text size="sm">{deputy.name}</Text>
                      <Text size="xs">{deputy.phone}</Text>
                    </>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>
                  <Switch
                    checked={role.onDuty}
                    disabled={closed}
                    label={t(`incidents.roster.${dutyState(role, call)}`)}
                    aria-label={`${role.name[lang]} — ${t('incidents.roster.duty')}`}
                    onChange={(e) =>
                      setDuty.mutate({ workspaceId, incidentId: detail.id, roleId: role.roleId, onDuty: e.currentTarget.checked, actor })
                    }
                  />
                  {role.onDuty && role.shiftStartedAt && (
                    <Text size="xs">{t('incidents.roster.shiftSince', { time: formatTime(role.shiftStartedAt, i18n.language) })}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {call ? (
                    <Stack gap={2}>
                      <Text size="xs">{t('incidents.roster.alertedAt', { time: formatTime(call.alertedAt, i18n.language) })}</Text>
                      {call.acknowledgedAt ? (
                        <Badge color="green" variant="light" data-testid={`ack-${role.roleId}`}>
                          {t('incidents.roster.acknowledgedAt', { time: formatTime(call.acknowledgedAt, i18n.language) })}
                        </Badge>
                      ) : (
                        <Group gap={4}>
                          <Badge color="red" variant="filled">
                            {t('incidents.roster.noAnswer')}
                          </Badge>
                          <Button
                            size="compact-xs"
                            variant="light"
                            onClick={() => acknowledge.mutate({ workspaceId, incidentId: detail.id, roleId: role.roleId, actor })}
                            data-testid={`acknowledge-${role.roleId}`}
                            aria-label={`${t('incidents.roster.acknowledge')} — ${role.name[lang]}`}
                          >
                            {t('incidents.roster.acknowledge')}
                          </Button>
                          <ReachedByMenu incidentId={detail.id} roleId={role.roleId} roleName={role.name[lang]} actor={actor} />
                        </Group>
                      )}
                    </Stack>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="default"
                    disabled={closed}
                    onClick={() => setHandingOver(role)}
                    data-testid={`handover-${role.roleId}`}
                    aria-label={`${t('incidents.roster.handover')} — ${role.name[lang]}`}
                  >
                    {t('incidents.roster.handover')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="xs">
          {t('incidents.roster.details')}
        </Title>
        <Accordion multiple variant="contained">
          {detail.roster.map((role) => (
            <Accordion.Item key={role.roleId} value={role.roleId}>
              <Accordion.Control data-testid={`role-details-${role.roleId}`}>
                {role.name[lang]}
                {role.history.length > 1 && (
                  <Badge ml="xs" size="sm" variant="light">
                    {t('incidents.roster.handovers', { count: role.history.length - 1 })}
                  </Badge>
                )}
              </Accordion.Control>
              <Accordion.Panel>
                <Text size="sm" fw={600}>
                  {t('incidents.roster.mission')}
                </Text>
                <Text size="sm" mb="xs">
                  {role.mission[lang]}
                </Text>
                {role.instructions.length > 0 && (
                  <List size="sm" mb="xs">
                    {role.instructions.map((ins, i) => (
                      <List.Item key={i}>{ins[lang]}</List.Item>
                    ))}
                  </List>
                )}
                <Text size="sm" fw={600}>
                  {t('incidents.roster.history')}
                </Text>
                <Table data-testid={`history-${role.roleId}`}>
                  <Table.Tbody>
                    {role.history.map((h, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>{h.person.name}</Table.Td>
                        <Table.Td>
                          {formatDateTime(h.fromAt, i18n.language)} → {h.untilAt ? formatDateTime(h.untilAt, i18n.language) : t('incidents.roster.now')}
                        </Table.Td>
                        <Table.Td>{h.handedOverBy ? t('incidents.roster.handedOverBy', { name: h.handedOverBy }) : t('incidents.roster.fromPlan')}</Table.Td>
                        <Table.Td>{h.note}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      </Paper>
      {handingOver && (
        <HandoverModal incidentId={detail.id} role={handingOver} actor={actor} onClose={() => setHandingOver(null)} />
      )}
    </Stack>
  );
}
