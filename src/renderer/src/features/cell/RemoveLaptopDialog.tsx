// Removing a laptop from the cell, after saying what removal does: the cell refuses it from then on, it gets no
// later change, and what it already holds stays on it.
import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../../shared/contract/cell';
import { useRemoveLaptop } from '../../api/hooks/useCell';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { errorMessage } from '../../i18n/errorMessage';

export function RemoveLaptopDialog({ member, onClose }: { member: Member; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useRemoveLaptop(useWorkspaceId());
  return (
    <Modal opened onClose={onClose} title={t('cell.remove.title', { name: member.name })} size="lg" closeButtonProps={{ 'aria-label': t('app.close') }}>
      <Stack data-testid="cell-remove-dialog">
        <List size="sm" spacing="xs">
          <List.Item>{t('cell.remove.revokes')}</List.Item>
          <List.Item>{t('cell.remove.noMore')}</List.Item>
          <List.Item>{t('cell.remove.keeps')}</List.Item>
        </List>
        <Text size="sm" fw={600}>
          {t('cell.remove.final')}
        </Text>
        {remove.error && <Alert color="red">{errorMessage(remove.error, t)}</Alert>}
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onClose}>
            {t('cell.remove.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(member.deviceId, {
                onSuccess: () => {
                  notifications.show({ color: 'green', message: t('cell.remove.removed'), closeButtonProps: { 'aria-label': t('app.close') } });
                  onClose();
                },
              })
            }
            data-testid="cell-remove-confirm"
          >
            {t('cell.remove.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
