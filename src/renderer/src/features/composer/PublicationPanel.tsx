// Queueing an approved statement and following each channel's publication.
import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StatementDetail } from '../../../../shared/domain/statement';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { useStatementAction } from '../../api/hooks/useComposer';
import { useOperator } from '../incidents/useOperator';
import { CellPublishing } from './CellPublishing';
import { OutboxItemRow } from './OutboxItemRow';
import { errorMessage } from '../../i18n/errorMessage';

export function PublicationPanel({ workspaceId, detail }: { workspaceId: WorkspaceId; detail: StatementDetail }) {
  const { t } = useTranslation();
  const [, , actor] = useOperator(t('composer.someone'));
  const queue = useStatementAction('composer:queue');
  const s = detail.statement;
  return (
    <Paper withBorder p="md" data-testid="composer-publication">
      <Stack gap="sm">
        <Title order={4}>{t('composer.outbox.title')}</Title>
        <Text size="xs" c="dimmed">
          {t('composer.outbox.queueHelp')}
        </Text>
        <Button
          disabled={s.approvalState !== 'approved'}
          loading={queue.isPending}
          onClick={() => queue.mutate({ workspaceId, statementId: s.id, person: actor.author })}
          data-testid="composer-queue"
        >
          {t('composer.outbox.queue')}
        </Button>
        {queue.error && (
          <Alert color="red" p="xs">
            {errorMessage(queue.error, t)}
          </Alert>
        )}
        {detail.cellPublishing && <CellPublishing publishing={detail.cellPublishing} />}
        {detail.outbox.length === 0 && !detail.cellPublishing?.pending && (detail.cellPublishing?.posts.length ?? 0) === 0 ? (
          <Text size="sm" c="dimmed">
            {t('composer.outbox.empty')}
          </Text>
        ) : (
          detail.outbox.map((item) => <OutboxItemRow key={item.id} workspaceId={workspaceId} item={item} showText={false} />)
        )}
      </Stack>
    </Paper>
  );
}
