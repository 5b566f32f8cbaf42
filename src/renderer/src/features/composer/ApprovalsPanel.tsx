// Approvals of the current text: who must approve, who did, what changed since, approve or reject.
import { Alert, Button, Code, Group, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDiff, StatementDetail } from '../../../../shared/domain/statement';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { useStatementAction } from '../../api/hooks/useComposer';
import { useCellStatus } from '../../api/hooks/useCell';
import { usePlan } from '../../api/hooks/usePlan';
import { formatDateTime } from '../../i18n/format';
import { useOperator } from '../incidents/useOperator';
import { errorMessage } from '../../i18n/errorMessage';

export function ApprovalsPanel({ workspaceId, detail }: { workspaceId: WorkspaceId; detail: StatementDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const plan = usePlan(workspaceId);
  const roleName = (id: string): string => plan.data?.plan.roles.find((r) => r.id === id)?.name[lang] ?? id;
  const cell = useCellStatus(workspaceId);
  const laptopName = (deviceId: string): string => cell.data?.cell?.members.find((m) => m.deviceId === deviceId)?.name ?? deviceId.slice(0, 8);
  const s = detail.statement;
  const [operator, saveOperator] = useOperator('');
  const missing = s.requiredRoles.filter((r) => !s.approvedRoles.includes(r));
  const [person, setPerson] = useState(operator.name);
  const [role, setRole] = useState<string | null>(operator.role && s.requiredRoles.includes(operator.role) ? operator.role : (missing[0] ?? s.requiredRoles[0] ?? null));
  const [reason, setReason] = useState('');
  const approve = useStatementAction('composer:approve');
  const reject = useStatementAction('composer:reject');
  const approver = { person: person.trim(), role: role ?? '' };
  const ready = approver.person !== '' && approver.role !== '';
  const error = approve.error ?? reject.error;

  return (
    <Paper withBorder p="md" data-testid="composer-approvals">
      <Stack gap="sm">
        <Title order={4}>{t('composer.approvals.title')}</Title>
        <Text size="sm">{t('composer.approvals.required', { roles: s.requiredRoles.map(roleName).join(' + ') })}</Text>
        <Stack gap={2}>
          {s.requiredRoles.map((r) => (
            <Text key={r} size="sm" c={s.approvedRoles.includes(r) ? 'teal' : 'dimmed'}>
              {s.approvedRoles.includes(r) ? '✓' : '○'} {roleName(r)}
            </Text>
          ))}
        </Stack>
        <Text size="xs" c="dimmed">
          {t('composer.approvals.hash', { hash: s.contentHash.slice(0, 16) })}
        </Text>
        {detail.diffSinceApproval.length > 0 && <DiffView diffs={detail.diffSinceApproval} />}
        <Stack gap={4} data-testid="composer-decisions">
          {[...detail.decisions].reverse().map((d) => (
            <Text
              key={d.seq}
              size="sm"
              c={!d.genuine ? 'red' : d.current ? undefined : 'dimmed'}
              td={d.current && d.genuine ? undefined : 'line-through'}
              data-testid="composer-decision"
              data-stale={!d.current}
              data-genuine={d.genuine}
            >
              {d.decision === 'approved'
                ? t('composer.approvals.approvedBy', { person: d.person, role: roleName(d.role), at: formatDateTime(d.decidedAt, i18n.language) })
                : t('composer.approvals.rejectedBy', { person: d.person, role: roleName(d.role), at: formatDateTime(d.decidedAt, i18n.language), reason: d.reason })}
              {` · ${t('composer.approvals.version', { hash: d.contentHash.slice(0, 12) })}`}
              {d.deviceId !== null && ` · ${t('composer.approvals.signedOn', { laptop: laptopName(d.deviceId) })}`}
              {!d.current && ` (${t('composer.approvals.outdated')})`}
              {!d.genuine && ` (${t('composer.approvals.notGenuine')})`}
            </Text>
          ))}
        </Stack>
        <Group grow>
          <TextInput label={t('composer.approvals.person')} value={person} onChange={(e) => setPerson(e.currentTarget.value)} data-testid="composer-approver-name" />
          <Select
            label={t('composer.approvals.role')}
            data={s.requiredRoles.map((r) => ({ value: r, label: roleName(r) }))}
            value={role}
            onChange={setRole}
            allowDeselect={false}
            data-testid="composer-approver-role"
          />
        </Group>
        <Button
          color="green"
          disabled={!ready || s.approvedRoles.includes(approver.role)}
          loading={approve.isPending}
          onClick={() => {
            // Whoever approves here is the person at this computer from now on (log entries, freezes).
            saveOperator({ name: approver.person, role: approver.role });
            approve.mutate({ workspaceId, statementId: s.id, approver, contentHash: s.contentHash });
          }}
          data-testid="composer-approve"
        >
          {t('composer.approvals.approve')}
        </Button>
        <Textarea label={t('composer.approvals.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
        <Button
          color="red"
          variant="light"
          disabled={!ready || reason.trim() === ''}
          loading={reject.isPending}
          onClick={() => reject.mutate({ workspaceId, statementId: s.id, approver, contentHash: s.contentHash, reason }, { onSuccess: () => setReason('') })}
        >
          {t('composer.approvals.reject')}
        </Button>
        {error && (
          <Alert color="red" p="xs">
            {errorMessage(error, t)}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function DiffView({ diffs }: { diffs: readonly FieldDiff[] }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" variant="light" title={t('composer.approvals.changedSince')} data-testid="composer-diff">
      <Stack gap={6}>
        {diffs.map((d) => (
          <div key={d.field}>
            <Code>{d.field}</Code>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {d.parts.map((p, i) =>
                p.added ? (
                  <ins key={i} style={{ background: 'var(--mantine-color-green-light)', textDecoration: 'none' }}>
                    {p.value}
                  </ins>
                ) : p.removed ? (
                  <del key={i} style={{ background: 'var(--mantine-color-red-light)' }}>
                    {p.value}
                  </del>
                ) : (
                  <span key={i}>{p.value}</span>
                ),
              )}
            </Text>
          </div>
        ))}
      </Stack>
    </Alert>
  );
}
