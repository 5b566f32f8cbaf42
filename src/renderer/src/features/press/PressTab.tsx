// The press desk of an incident: how the inquiries stand, the form to record one, and each inquiry with its
// deadline (local time, overdue in red), its spokesperson and what was answered.
import { Alert, Badge, Button, Group, Modal, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Actor, IncidentDetail } from '../../../../shared/domain/incident';
import type { PressInquiry, PressStatus } from '../../../../shared/domain/press';
import { useStatements } from '../../api/hooks/useComposer';
import { usePressAction, usePressDesk } from '../../api/hooks/usePress';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { QueryState } from '../../components/QueryState';
import { RegisterHeader } from '../../components/RegisterHeader';
import { errorMessage } from '../../i18n/errorMessage';
import { formatDateTime } from '../../i18n/format';
import { useNow } from '../incidents/useNow';
import { isOpen, liveStatus } from './liveStatus';
import { PressInquiryForm } from './PressInquiryForm';

const STATUS_COLORS: Record<PressStatus, string> = { open: 'blue', answered: 'green', declined: 'gray', late: 'red' };

export function PressTab({ detail, actor }: { detail: IncidentDetail; actor: Actor }) {
  const { t, i18n } = useTranslation();
  const workspaceId = useWorkspaceId();
  const desk = usePressDesk(workspaceId, detail.id);
  const setStatus = usePressAction('press:setStatus');
  const [adding, setAdding] = useState(false);
  const [answering, setAnswering] = useState<PressInquiry | null>(null);
  const [declining, setDeclining] = useState<PressInquiry | null>(null);
  const closed = detail.status === 'closed';
  const now = useNow(30_000);

  return (
    <Stack data-testid="press-tab">
      <RegisterHeader
        title={t('press.title')}
        intro={t('press.intro')}
        openLabel={t('press.form.open')}
        openTestId="press-new"
        closed={closed}
        adding={adding}
        onOpen={() => setAdding(true)}
        form={<PressInquiryForm detail={detail} actor={actor} onDone={() => setAdding(false)} />}
      />
      <QueryState query={desk}>
        {({ inquiries, summary }) => (
          <Stack>
            <Text fw={600} data-testid="press-summary">
              {t('press.summary', { ...summary, onTime: summary.answeredOnTime, late: summary.answeredLate })}
            </Text>
            {setStatus.error && <Alert color="red">{errorMessage(setStatus.error, t)}</Alert>}
            {inquiries.length === 0 ? (
              <Text c="dimmed">{t('press.none')}</Text>
            ) : (
              <Table striped withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('press.columns.deadline')}</Table.Th>
                    <Table.Th>{t('press.columns.journalist')}</Table.Th>
                    <Table.Th>{t('press.columns.question')}</Table.Th>
                    <Table.Th>{t('press.columns.spokesperson')}</Table.Th>
                    <Table.Th miw={130}>{t('press.columns.status')}</Table.Th>
                    <Table.Th>{t('press.columns.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {inquiries.map((inquiry) => {
                    const status = liveStatus(inquiry, now);
                    return (
                    <Table.Tr key={inquiry.id} data-testid={`press-row-${inquiry.id}`}>
                      <Table.Td>
                        <Text size="sm" c={status === 'late' ? 'red.4' : undefined} fw={status === 'late' ? 700 : 400}>
                          {formatDateTime(inquiry.deadline, i18n.language)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {inquiry.person}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {inquiry.outlet} · {t(`press.channels.${inquiry.channel}`)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                          {inquiry.question}
                        </Text>
                        {inquiry.answer && (
                          <Text size="sm" c="dimmed" mt={4} style={{ whiteSpace: 'pre-line' }} data-testid="press-answer-text">
                            → {inquiry.answer}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{inquiry.spokesperson ? `${inquiry.spokesperson.person} (${t(`incidents.roles.${inquiry.spokesperson.roleId}`)})` : '—'}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={STATUS_COLORS[status]} variant="light" data-testid="press-status">
                          {t(`press.status.${status}`)}
                        </Badge>
                        {!isOpen(inquiry) && inquiry.late && (
                          <Text size="xs" c="red.4">
                            {t('press.answeredLate')}
                          </Text>
                        )}
                        {inquiry.closedAt && inquiry.closedBy && (
                          <Text size="xs" c="dimmed">
                            {t('press.closedBy', { person: inquiry.closedBy, date: formatDateTime(inquiry.closedAt, i18n.language) })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {!closed && (
                          <Group gap={4}>
                            {isOpen(inquiry) ? (
                              <>
                                <Button size="xs" onClick={() => setAnswering(inquiry)} data-testid="press-answer">
                                  {t('press.answer.open')}
                                </Button>
                                <Button size="xs" variant="default" onClick={() => setDeclining(inquiry)}>
                                  {t('press.decline.open')}
                                </Button>
                              </>
                            ) : (
                              <Button
                                size="xs"
                                variant="subtle"
                                onClick={() => setStatus.mutate({ workspaceId, incidentId: detail.id, inquiryId: inquiry.id, status: 'open', actor })}
                              >
                                {t('press.reopen')}
                              </Button>
                            )}
                          </Group>
                        )}
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
      {answering && <AnswerModal detail={detail} actor={actor} inquiry={answering} onClose={() => setAnswering(null)} />}
      {declining && <DeclineModal detail={detail} actor={actor} inquiry={declining} onClose={() => setDeclining(null)} />}
    </Stack>
  );
}

interface ModalProps {
  readonly detail: IncidentDetail;
  readonly actor: Actor;
  readonly inquiry: PressInquiry;
  readonly onClose: () => void;
}

function AnswerModal({ detail, actor, inquiry, onClose }: ModalProps) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const statements = useStatements(workspaceId, detail.id).data ?? [];
  const answer = usePressAction('press:answer');
  const [text, setText] = useState('');
  const [statementId, setStatementId] = useState<string | null>(null);
  const pickStatement = (id: string | null) => {
    setStatementId(id);
    const statement = statements.find((s) => s.id === id);
    if (statement && !text.trim()) setText(statement.textFr || statement.textEn);
  };
  return (
    <Modal opened onClose={onClose} title={t('press.answer.title', { person: inquiry.person, outlet: inquiry.outlet })} size="lg" closeButtonProps={{ 'aria-label': t('app.close') }}>
      <Stack data-testid="press-answer-dialog">
        <Select
          label={t('press.answer.statement')}
          placeholder={t('press.answer.noStatement')}
          data={statements.map((s) => ({ value: s.id, label: s.title }))}
          value={statementId}
          onChange={pickStatement}
          clearable
        />
        <Textarea label={t('press.answer.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={3} required data-testid="press-answer-input" />
        {answer.error && <Alert color="red">{errorMessage(answer.error, t)}</Alert>}
        <Group justify="flex-end">
          <Button
            disabled={!text.trim()}
            loading={answer.isPending}
            onClick={() => answer.mutate({ workspaceId, incidentId: detail.id, inquiryId: inquiry.id, answer: { answer: text, statementId }, actor }, { onSuccess: onClose })}
            data-testid="press-answer-submit"
          >
            {t('press.answer.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function DeclineModal({ detail, actor, inquiry, onClose }: ModalProps) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const setStatus = usePressAction('press:setStatus');
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onClose} title={t('press.decline.title', { person: inquiry.person })} closeButtonProps={{ 'aria-label': t('app.close') }}>
      <Stack>
        <Textarea label={t('press.decline.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
        {setStatus.error && <Alert color="red">{errorMessage(setStatus.error, t)}</Alert>}
        <Group justify="flex-end">
          <Button
            color="gray"
            loading={setStatus.isPending}
            onClick={() => setStatus.mutate({ workspaceId, incidentId: detail.id, inquiryId: inquiry.id, status: 'declined', reason, actor }, { onSuccess: onClose })}
          >
            {t('press.decline.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
