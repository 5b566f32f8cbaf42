// Who must approve each kind of statement before it can be queued for publication and a compensation gesture before it
// is promised, how threads are numbered, and how long a crisis must hold before the cell is told to go quiet.
import { MultiSelect, NumberInput, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { THREAD_NUMBERINGS, type ThreadNumbering } from '../../../../shared/composer/splitThread';
import type { RoleId } from '../../../../shared/domain/plan';
import { STATEMENT_KINDS } from '../../../../shared/domain/statement';
import type { PlanEditorProps } from './planEditing';

export function ApprovalsEditor({ plan, edit }: PlanEditorProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const roles = plan.roles.map((role) => ({ value: role.id, label: role.name[lang] || role.id }));
  return (
    <Stack data-testid="plan-approvals">
      <Text size="sm" c="dimmed">
        {t('plan.approvals.help')}
      </Text>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('plan.approvals.kind')}</Table.Th>
            <Table.Th>{t('plan.approvals.roles')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {STATEMENT_KINDS.map((kind) => (
            <Table.Tr key={kind}>
              <Table.Td w={260}>{t(`composer.kinds.${kind}`)}</Table.Td>
              <Table.Td>
                <MultiSelect
                  aria-label={t(`composer.kinds.${kind}`)}
                  data={roles}
                  value={plan.approvals[kind]}
                  // At least one approver: a statement nobody signs off cannot go out.
                  onChange={(next) => next.length > 0 && edit((p) => void (p.approvals[kind] = next as RoleId[]))}
                  data-testid={`plan-approvals-${kind}`}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <MultiSelect
        label={t('compensation.planApprovers')}
        description={t('compensation.planApproversHelp')}
        data={roles}
        value={plan.compensationApprovals}
        onChange={(next) => next.length > 0 && edit((p) => void (p.compensationApprovals = next as RoleId[]))}
        maw={620}
        data-testid="plan-approvals-compensation"
      />
      <Select
        label={t('plan.approvals.threadNumbering')}
        description={t('plan.approvals.threadNumberingHelp')}
        data={THREAD_NUMBERINGS.map((n) => ({ value: n, label: t(`plan.approvals.numbering.${n}`) }))}
        value={plan.publishing.threadNumbering}
        onChange={(next) => next && edit((p) => void (p.publishing.threadNumbering = next as ThreadNumbering))}
        allowDeselect={false}
        maw={420}
        data-testid="plan-thread-numbering"
      />
      <NumberInput
        label={t('plan.approvals.goingOfflineAfter')}
        description={t('plan.approvals.goingOfflineAfterHelp')}
        value={plan.publishing.goingOfflineAfterMinutes}
        min={5}
        max={24 * 60}
        allowDecimal={false}
        onChange={(next) => typeof next === 'number' && next >= 5 && next <= 24 * 60 && edit((p) => void (p.publishing.goingOfflineAfterMinutes = next))}
        maw={420}
        data-testid="plan-going-offline-after"
      />
    </Stack>
  );
}
