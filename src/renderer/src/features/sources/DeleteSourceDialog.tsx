// Deleting a source, after saying what it would touch. The backend refuses a source that brought mentions
// (they stay in the record) or that a watch is limited to; the dialog looks first, so it offers the way out.
import { Alert, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Source } from '../../../../shared/domain/source';
import { useDeleteSource, useLastItems, useSetSourcePaused, useWatches } from '../../api/hooks/useListen';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { errorMessage } from '../../i18n/errorMessage';

export function DeleteSourceDialog({ source, label, canPause, onClose }: { source: Source; label: string; canPause: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const stored = useLastItems(workspaceId, source.id, 1);
  const watches = useWatches(workspaceId);
  const remove = useDeleteSource(workspaceId);
  const pause = useSetSourcePaused(workspaceId);
  const limited = (watches.data ?? []).filter((w) => w.sourceIds.includes(source.id)).map((w) => w.name);
  const hasMentions = (stored.data?.items.length ?? 0) > 0;
  const checking = stored.isPending || watches.isPending;
  const deletable = !checking && !stored.isError && !hasMentions && limited.length === 0;
  const done = (message: string) => {
    notifications.show({ color: 'green', message, closeButtonProps: { 'aria-label': t('app.close') } });
    onClose();
  };
  const error = remove.error ?? pause.error ?? stored.error;

  return (
    <Modal opened onClose={onClose} title={t('sources.deleteDialog.title', { name: label })} size="lg" closeButtonProps={{ 'aria-label': t('app.close') }}>
      <Stack data-testid="source-delete-dialog">
        {checking ? (
          <Group gap="xs">
            <Loader size="sm" />
            <Text size="sm">{t('sources.deleteDialog.checking')}</Text>
          </Group>
        ) : hasMentions ? (
          <Alert color="orange" data-testid="source-delete-has-mentions">
            {t('sources.deleteDialog.hasMentions')}
          </Alert>
        ) : limited.length > 0 ? (
          <Alert color="orange" data-testid="source-delete-limited">
            {t('sources.deleteDialog.limitedWatches', { watches: limited.join(', ') })}
          </Alert>
        ) : (
          <Text size="sm" data-testid="source-delete-safe">
            {t('sources.deleteDialog.safe')}
          </Text>
        )}
        {error && <Alert color="red">{errorMessage(error, t)}</Alert>}
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onClose}>
            {t('sources.deleteDialog.cancel')}
          </Button>
          {hasMentions && canPause && !source.paused && (
            <Button
              loading={pause.isPending}
              onClick={() => pause.mutate({ id: source.id, paused: true }, { onSuccess: () => done(t('sources.deleteDialog.paused')) })}
              data-testid="source-delete-pause"
            >
              {t('sources.deleteDialog.pauseInstead')}
            </Button>
          )}
          {deletable && (
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate(source.id, { onSuccess: () => done(t('sources.deleteDialog.deleted')) })}
              data-testid="source-delete-confirm"
            >
              {t('sources.deleteDialog.confirm')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
