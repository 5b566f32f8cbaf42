// The compensation register of an incident: who must approve a gesture, the totals per currency, the form to propose
// one and each case with its approvals. The operator's role (chosen above the tabs) is the role they approve in.
import { Alert, Badge, Button, Group, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAmount, type CompensationCase, type CompensationStatus } from '../../../../shared/domain/compensation';
import type { Actor, IncidentDetail } from '../../../../shared/domain/incident';
import { useCompensationAction, useCompensationRegister } from '../../api/hooks/useCompensation';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { QueryState } from '../../components/QueryState';
import { RegisterHeader } from '../../components/RegisterHeader';
import { errorMessage } from '../../i18n/errorMessage';
import { CompensationCaseForm } from './CompensationCaseForm';

const STATUS_COLORS: Record<CompensationStatus, string> = { proposed: 'blue', approved: 'teal', rejected: 'gray', done: 'green' };

export function CompensationTab({ detail, actor }: { detail: IncidentDetail; actor: Actor }) {
  const { t, i18n } = useTranslation();
  const workspaceId = useWorkspaceId();
  const register = useCompensationRegister(workspaceId, detail.id);
  const decide = useCompensationAction('compensation:decide');
  const markDone = useCompensationAction('compensation:markDone');
  const [adding, setAdding] = useState(false);
  const [rejecting, setRejecting] = useState<CompensationCase | null>(null);
  const closed = detail.status === 'closed';
  const role = (id: string) => t(`incidents.roles.${id}`, { defaultValue: id });
  const error = decide.error ?? markDone.error;

  return (
    <Stack data-testid="compensation-tab">
      <RegisterHeader
        title={t('compensation.title')}
        intro={t('compensation.intro')}
        openLabel={t('compensation.form.open')}
        openTestId="compensation-new"
        closed={closed}
        adding={adding}
        onOpen={() => setAdding(true)}
        form={<CompensationCaseForm incidentId={detail.id} actor={actor} onDone={() => setAdding(false)} />}
      />
      <QueryState query={register}>
        {({ cases, totals, requiredRoles }) => (
          <Stack>
            <Text size="sm" data-testid="compensation-approvers">
              {t('compensation.approvers', { roles: requiredRoles.map(role).join(', ') })}
            </Text>
            {!actor.authorRole && !closed && cases.some((c) => c.status === 'proposed') && <Alert color="yellow">{t('compensation.needRole')}</Alert>}
            {error && <Alert color="red">{errorMessage(error, t)}</Alert>}
            {totals.length > 0 && (
              <div>
                <Title order={4}>{t('compensation.totals.title')}</Title>
                <Table withTableBorder data-testid="compensation-totals">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('compensation.totals.currency')}</Table.Th>
                      <Table.Th>{t('compensation.totals.cases')}</Table.Th>
                      <Table.Th>{t('compensation.totals.proposed')}</Table.Th>
                      <Table.Th>{t('compensation.totals.committed')}</Table.Th>
                      <Table.Th>{t('compensation.totals.done')}</Table.Th>
                      <Table.Th>{t('compensation.totals.rejected')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {totals.map((x) => (
                      <Table.Tr key={x.currency} data-testid={`compensation-total-${x.currency}`}>
                        <Table.Td fw={700}>{x.currency}</Table.Td>
                        <Table.Td>{x.cases}</Table.Td>
                        <Table.Td>{formatAmount(x.proposedMinor, x.currency, i18n.language)}</Table.Td>
                        <Table.Td>{formatAmount(x.committedMinor, x.currency, i18n.language)}</Table.Td>
                        <Table.Td>{formatAmount(x.doneMinor, x.currency, i18n.language)}</Table.Td>
                        <Table.Td>{x.rejected}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </div>
            )}
            {cases.length === 0 ? (
              <Text c="dimmed">{t('compensation.none')}</Text>
            ) : (
              <Table striped withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('compensation.columns.case')}</Table.Th>
                    <Table.Th>{t('compensation.columns.customer')}</Table.Th>
                    <Table.Th>{t('compensation.columns.gesture')}</Table.Th>
                    <Table.Th>{t('compensation.columns.amount')}</Table.Th>
                    <Table.Th miw={110}>{t('compensation.columns.status')}</Table.Th>
                    <Table.Th>{t('compensation.columns.approvals')}</Table.Th>
                    <Table.Th>{t('compensation.columns.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {cases.map((c) => {
                    const canDecide = !closed && c.status === 'proposed' && actor.authorRole !== null && c.requiredRoles.includes(actor.authorRole) && !c.decisions.some((d) => d.role === actor.authorRole);
                    return (
                      <Table.Tr key={c.id} data-testid={`compensation-row-${c.id}`}>
                        <Table.Td>#{c.id}</Table.Td>
                        <Table.Td>
                          <Text size="sm">{c.customer || `(${t('compensation.removed')})`}</Text>
                          {c.reference && (
                            <Text size="xs" c="dimmed">
                              {c.reference}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" fw={600}>
                            {c.gesture}
                          </Text>
                          <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
                            {c.whatHappened}
                          </Text>
                        </Table.Td>
                        <Table.Td>{formatAmount(c.amountMinor, c.currency, i18n.language)}</Table.Td>
                        <Table.Td>
                          <Badge color={STATUS_COLORS[c.status]} variant="light" data-testid="compensation-status">
                            {t(`compensation.status.${c.status}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs">{t('compensation.approvedRoles', { count: c.approvedRoles.length, total: c.requiredRoles.length })}</Text>
                          {c.decisions.map((d) => (
                            <Text size="xs" key={`${d.role}-${d.person}`} c={d.decision === 'rejected' ? 'red.4' : undefined}>
                              {t(`compensation.decision.${d.decision}`)} — {d.person} ({role(d.role)}){d.reason ? ` : ${d.reason}` : ''}
                            </Text>
                          ))}
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            {canDecide && (
                              <>
                                <Button
                                  size="xs"
                                  loading={decide.isPending}
                                  onClick={() => decide.mutate({ workspaceId, incidentId: detail.id, caseId: c.id, decision: 'approved', actor })}
                                  data-testid="compensation-approve"
                                >
                                  {t('compensation.approve', { role: role(actor.authorRole!) })}
                                </Button>
                                <Button size="xs" variant="default" onClick={() => setRejecting(c)}>
                                  {t('compensation.reject')}
                                </Button>
                              </>
                            )}
                            {!closed && c.status === 'approved' && (
                              <Button size="xs" variant="light" loading={markDone.isPending} onClick={() => markDone.mutate({ workspaceId, incidentId: detail.id, caseId: c.id, actor })} data-testid="compensation-done">
                                {t('compensation.markDone')}
                              </Button>
                            )}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        )}
      </QueryState>
      {rejecting && <RejectModal incidentId={detail.id} actor={actor} target={rejecting} onClose={() => setRejecting(null)} />}
    </Stack>
  );
}

function RejectModal({ incidentId, actor, target, onClose }: { incidentId: string; actor: Actor; target: CompensationCase; onClose: () => void }) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const decide = useCompensationAction('compensation:decide');
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onClose} title={t('compensation.rejectTitle', { id: target.id })} closeButtonProps={{ 'aria-label': t('app.close') }}>
      <Stack>
        <Textarea label={t('compensation.rejectReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} required />
        {decide.error && <Alert color="red">{errorMessage(decide.error, t)}</Alert>}
        <Group justify="flex-end">
          <Button
            color="red"
            disabled={!reason.trim()}
            loading={decide.isPending}
            onClick={() => decide.mutate({ workspaceId, incidentId, caseId: target.id, decision: 'rejected', reason, actor }, { onSuccess: onClose })}
          >
            {t('compensation.reject')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
