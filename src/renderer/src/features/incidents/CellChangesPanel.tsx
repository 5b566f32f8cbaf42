// What the laptops of the cell changed on the incident, in clock order: overridden changes stay listed, and a change
// whose signature does not hold is shown as not genuine (it changed nothing).
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CHECKLIST_STATUSES, INCIDENT_STATUSES, type CellChange } from '../../../../shared/domain/incident';
import { severitySchema } from '../../../../shared/domain/plan';
import { formatDateTime } from '../../i18n/format';

export function CellChangesPanel({ changes }: { changes: readonly CellChange[] }) {
  const { t, i18n } = useTranslation();
  const value = (change: CellChange): string | null => {
    const to = change.to;
    if (to === null) return null;
    if ((change.kind === 'status' || change.kind === 'opened') && (INCIDENT_STATUSES as readonly string[]).includes(to)) return t(`incidents.status.${to}`);
    if (change.kind === 'severity' && (severitySchema.options as readonly string[]).includes(to)) return t(`incidents.severity.${to}`);
    if (change.kind === 'checklist' && (CHECKLIST_STATUSES as readonly string[]).includes(to)) return t(`incidents.checklist.statuses.${to}`);
    return to;
  };
  return (
    <Paper withBorder p="md" data-testid="cell-changes">
      <Title order={3} size="h5" mb="xs">
        {t('incidents.cellChanges.title')}
      </Title>
      <Stack gap={4}>
        {changes.map((change) => (
          <Group key={change.id} gap="xs" wrap="nowrap" align="flex-start" data-testid={`cell-change-${change.id}`}>
            <Text size="sm" c="dimmed">
              {formatDateTime(change.at, i18n.language)}
            </Text>
            <Badge variant="light" size="sm">
              {t(`incidents.cellChanges.kind.${change.kind}`)}
            </Badge>
            <Text size="sm" td={change.genuine ? undefined : 'line-through'}>
              {value(change)} — {t('incidents.cellChanges.from', { by: change.by, member: change.memberName ?? t('incidents.cellChanges.unknownLaptop') })}
            </Text>
            {!change.genuine && (
              <Badge color="red" size="sm" data-testid="cell-change-forged">
                {t('incidents.cellChanges.notGenuine')}
              </Badge>
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
