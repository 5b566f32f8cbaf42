// Backups of this workspace: take one now (with progress), the list refreshed by push, and a restore that
// first says what it does to the current data.
import { Alert, Button, Group, List, Modal, Paper, Progress, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDatabaseExport, IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfoDto } from '../../../../shared/contract/backups';
import { useBackups, useCreateBackup, useRestoreBackup } from '../../api/hooks/useBackups';
import { useWorkspace } from '../../api/hooks/useWorkspace';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { QueryState } from '../../components/QueryState';
import { errorMessage } from '../../i18n/errorMessage';
import { formatBytes, formatDateTimeSeconds } from '../../i18n/format';

/** The backend copies in one step and reports no percentage: the bar says work is under way, not how far. */
function Working({ label, testId }: { label: string; testId: string }) {
  return (
    <Stack gap={4} data-testid={testId}>
      <Progress value={100} striped animated aria-label={label} />
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}

export function BackupsPanel() {
  const { t, i18n } = useTranslation();
  const workspaceId = useWorkspaceId();
  const backups = useBackups(workspaceId);
  const hours = useWorkspace(workspaceId).data?.settings.backupHours;
  const create = useCreateBackup(workspaceId);
  const [restoring, setRestoring] = useState<BackupInfoDto | null>(null);
  const when = (iso: string) => formatDateTimeSeconds(iso, i18n.language);
  const backUp = () =>
    create.mutate(undefined, {
      onSuccess: (info) =>
        notifications.show({ color: 'green', message: t('security.backups.created', { time: when(info.createdAt) }), closeButtonProps: { 'aria-label': t('app.close') } }),
    });

  return (
    <Paper withBorder p="lg" data-testid="backups-panel">
      <Stack>
        <div>
          <Title order={3} size="h4">
            {t('security.backups.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('security.backups.help')}
          </Text>
          {hours !== undefined && (
            <Text size="sm" c="dimmed" data-testid="backups-schedule">
              {hours > 0 ? t('security.backups.schedule', { count: hours }) : t('security.backups.scheduleOff')}
            </Text>
          )}
        </div>
        <Group>
          <Button leftSection={<IconDatabaseExport size={16} />} loading={create.isPending} onClick={backUp} data-testid="backup-create">
            {t('security.backups.create')}
          </Button>
        </Group>
        {create.isPending && <Working label={t('security.backups.creating')} testId="backup-progress" />}
        {create.error && <Alert color="red">{errorMessage(create.error, t)}</Alert>}
        <QueryState query={backups}>
          {(list) =>
            list.length === 0 ? (
              <Text c="dimmed" data-testid="backups-empty">
                {t('security.backups.empty')}
              </Text>
            ) : (
              <Table striped verticalSpacing="xs" data-testid="backups-table" aria-label={t('security.backups.list')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('security.backups.columns.createdAt')}</Table.Th>
                    <Table.Th>{t('security.backups.columns.size')}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t('security.backups.columns.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((b) => (
                    <Table.Tr key={b.name} data-testid="backup-row" data-name={b.name}>
                      <Table.Td>{when(b.createdAt)}</Table.Td>
                      <Table.Td>{formatBytes(b.sizeBytes, i18n.language)}</Table.Td>
                      <Table.Td ta="right">
                        <Button size="compact-sm" variant="subtle" color="red" leftSection={<IconRestore size={14} />} onClick={() => setRestoring(b)} data-testid="backup-restore">
                          {t('security.backups.restore')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )
          }
        </QueryState>
      </Stack>
      {restoring && <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} onBackUpFirst={backUp} backingUp={create.isPending} />}
    </Paper>
  );
}

function RestoreDialog({ backup, onClose, onBackUpFirst, backingUp }: { backup: BackupInfoDto; onClose: () => void; onBackUpFirst: () => void; backingUp: boolean }) {
  const { t, i18n } = useTranslation();
  const restore = useRestoreBackup(useWorkspaceId());
  const time = formatDateTimeSeconds(backup.createdAt, i18n.language);
  const run = () =>
    restore.mutate(backup.name, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('security.backups.restored', { time }), closeButtonProps: { 'aria-label': t('app.close') } });
        onClose();
      },
    });
  return (
    <Modal opened onClose={restore.isPending ? () => undefined : onClose} title={t('security.backups.restoreTitle', { time })} size="lg" closeButtonProps={{ 'aria-label': t('app.close') }}>
      <Stack data-testid="restore-dialog">
        <Text size="sm">{t('security.backups.restoreWhat', { time })}</Text>
        <Alert color="red" icon={<IconAlertTriangle size={18} />}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm" data-testid="restore-loss">
              {t('security.backups.restoreLoss')}
            </Text>
            <Button size="xs" variant="white" color="dark" onClick={onBackUpFirst} loading={backingUp} disabled={restore.isPending} data-testid="restore-backup-first">
              {t('security.backups.backUpFirst')}
            </Button>
          </Stack>
        </Alert>
        <List size="sm" spacing="xs">
          <List.Item>{t('security.backups.restoreKey')}</List.Item>
          <List.Item>{t('security.backups.restoreChecks')}</List.Item>
        </List>
        {restore.isPending && <Working label={t('security.backups.restoring')} testId="restore-progress" />}
        {backingUp && <Working label={t('security.backups.creating')} testId="restore-backup-first-progress" />}
        {restore.error && <Alert color="red">{errorMessage(restore.error, t)}</Alert>}
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onClose} disabled={restore.isPending}>
            {t('security.backups.cancel')}
          </Button>
          <Button color="red" onClick={run} loading={restore.isPending} disabled={backingUp} data-testid="restore-confirm">
            {t('security.backups.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
