// Deleting a watch, after saying what stays (its mentions, incidents' copies, the crisis log) and what goes
// with it (charts, level, alerts, thresholds: the schema deletes them with the watch).
import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Watch } from '../../../../shared/domain/watch';
import { useDeleteWatch } from '../../api/hooks/useListen';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { errorMessage } from '../../i18n/errorMessage';

export function DeleteWatchDialog({ watch, onClose }: { watch: Watch; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteWatch(useWorkspaceId());
  return (
    <Modal opened onClose={onClose} title={t('watches.deleteDialog.title', { name: watch.name })} size="lg" closeButtonProps={{ 'aria-label': t('app.close') }}>
      <Stack data-testid="watch-delete-dialog">
        <List size="sm" spacing="xs">
          <List.Item data-testid="watch-delete-mentions">{t('watches.deleteDialog.mentions')}</List.Item>
          <List.Item>{t('watches.deleteDialog.erased')}</List.Item>
          <List.Item>{t('watches.deleteDialog.kept')}</List.Item>
        </List>
        <Text size="sm" fw={600}>
          {t('watches.deleteDialog.undo')}
        </Text>
        {remove.error && <Alert color="red">{errorMessage(remove.error, t)}</Alert>}
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onClose}>
            {t('watches.deleteDialog.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(watch.id, {
                onSuccess: () => {
                  notifications.show({ color: 'green', message: t('watches.deleteDialog.deleted'), closeButtonProps: { 'aria-label': t('app.close') } });
                  onClose();
                },
              })
            }
            data-testid="watch-delete-confirm"
          >
            {t('watches.deleteDialog.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
