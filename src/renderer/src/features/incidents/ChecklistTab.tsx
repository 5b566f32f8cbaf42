// The incident's checklist by phase: owner role, H+n deadline, status, who and when, note; overdue stands out.
import { useRoleName } from '../../api/hooks/usePlan';
import { Badge, Checkbox, Group, Paper, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECKLIST_STATUSES, type Actor, type ChecklistStatus, type IncidentChecklistItem, type IncidentDetail } from '../../../../shared/domain/incident';
import { PHASES } from '../../../../shared/domain/plan';
import { useIncidentAction } from '../../api/hooks/useIncidents';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { formatDateTime } from '../../i18n/format';
import { formatOffset, formatTime } from './format';
import { useNow } from './useNow';

export function ChecklistTab({ detail, actor }: { detail: IncidentDetail; actor: Actor }) {
  const { t } = useTranslation();
  const now = useNow(15_000);
  const [onlyOpen, setOnlyOpen] = useState(false);
  const visible = detail.checklist.filter((i) => !onlyOpen || i.status === 'todo' || i.status === 'in_progress');
  const done = detail.checklist.filter((i) => i.status === 'done' || i.status === 'skipped').length;
  return (
    <Stack data-testid="tab-panel-checklists">
      <Group justify="space-between">
        <Text data-testid="checklist-progress">{t('incidents.checklist.progress', { done, total: detail.checklist.length })}</Text>
        <Checkbox label={t('incidents.checklist.onlyOpen')} checked={onlyOpen} onChange={(e) => setOnlyOpen(e.currentTarget.checked)} />
      </Group>
      {detail.checklist.length === 0 && <Text c="dimmed">{t('incidents.checklist.empty')}</Text>}
      {PHASES.map((phase) => {
        const items = visible.filter((i) => i.phase === phase);
        if (items.length === 0) return null;
        return (
          <Paper key={phase} withBorder p="sm">
            <Title order={3} size="h5" mb="xs">
              {t(`incidents.phase.${phase}`)}
            </Title>
            <Table verticalSpacing={6} layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>
                    <VisuallyHidden>{t('incidents.checklist.done')}</VisuallyHidden>
                  </Table.Th>
                  <Table.Th>{t('incidents.checklist.item')}</Table.Th>
                  <Table.Th w={170}>{t('incidents.checklist.owner')}</Table.Th>
                  <Table.Th w={200}>{t('incidents.checklist.deadline')}</Table.Th>
                  <Table.Th w={150}>{t('incidents.checklist.status')}</Table.Th>
                  <Table.Th w={130}>{t('incidents.checklist.doneBy')}</Table.Th>
                  <Table.Th w={180}>{t('incidents.checklist.note')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <ItemRow key={item.id} item={item} incidentId={detail.id} actor={actor} now={now} disabled={detail.status === 'closed'} />
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        );
      })}
    </Stack>
  );
}

function ItemRow({ item, incidentId, actor, now, disabled }: { item: IncidentChecklistItem; incidentId: string; actor: Actor; now: number; disabled: boolean }) {
  const { t, i18n } = useTranslation();
  const roleName = useRoleName(useWorkspaceId());
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const workspaceId = useWorkspaceId();
  const update = useIncidentAction('incidents:setChecklistItem');
  const [note, setNote] = useState(item.note);
  const open = item.status === 'todo' || item.status === 'in_progress';
  const overdue = open && Date.parse(item.dueAt) < now;
  const set = (status: ChecklistStatus, nextNote?: string) =>
    update.mutate({ workspaceId, incidentId, itemId: item.id, status, note: nextNote, actor });
  const text = item.text[lang];
  return (
    <Table.Tr data-testid={`item-${item.planItemId ?? item.id}`} data-overdue={overdue ? 'true' : 'false'} bg={overdue ? 'var(--mantine-color-red-light)' : undefined}>
      <Table.Td>
        <Checkbox
          aria-label={`${t('incidents.checklist.done')}${t('incidents.colon')}${text}`}
          checked={item.status === 'done'}
          disabled={disabled}
          onChange={(e) => set(e.currentTarget.checked ? 'done' : 'todo')}
          data-testid={`check-${item.planItemId ?? item.id}`}
        />
      </Table.Td>
      <Table.Td>
        <Text size="sm" td={item.status === 'done' ? 'line-through' : undefined}>
          {text}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{roleName(item.ownerRole)}</Text>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={700} c={overdue ? 'red.4' : undefined}>
            {formatOffset(item.deadlineMinutes)}
          </Text>
          <Text size="xs">{item.deadlineMinutes >= 1440 ? formatDateTime(item.dueAt, i18n.language) : formatTime(item.dueAt, i18n.language)}</Text>
          {overdue && (
            <Badge color="red" variant="filled" size="sm">
              {t('incidents.checklist.overdue')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Select
          size="xs"
          aria-label={`${t('incidents.checklist.status')}${t('incidents.colon')}${text}`}
          value={item.status}
          disabled={disabled}
          allowDeselect={false}
          onChange={(v) => v && set(v as ChecklistStatus)}
          data={CHECKLIST_STATUSES.map((s) => ({ value: s, label: t(`incidents.checklist.statuses.${s}`) }))}
        />
      </Table.Td>
      <Table.Td>
        {item.doneBy && item.doneAt ? (
          <Text size="xs">
            {item.doneBy}, {formatTime(item.doneAt, i18n.language)}
          </Text>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>
        <TextInput
          size="xs"
          aria-label={`${t('incidents.checklist.note')}${t('incidents.colon')}${text}`}
          value={note}
          disabled={disabled}
          onChange={(e) => setNote(e.currentTarget.value)}
          onBlur={() => note !== item.note && set(item.status, note)}
        />
      </Table.Td>
    </Table.Tr>
  );
}
