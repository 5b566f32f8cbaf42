// Flags every result of the stream's current search into the response queue, with one reason and the flagger's
// name; the backend walks the search itself and refuses one past the limit, which the bar says before anyone tries.
import { Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { IconMessages } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BULK_FLAG_LIMIT, type BulkFlagResult, type ResponseReason } from '../../../../shared/domain/responseQueue';
import type { MentionFilter } from '../../../../shared/domain/storedMention';
import { useComposerCall } from '../../api/hooks/useComposer';
import { useMentionCount } from '../../api/hooks/useListen';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { FlagReasonForm } from './FlagReasonForm';
import { useOperator } from '../incidents/useOperator';

export function BulkFlag({ filter }: { filter: MentionFilter }) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const [operator] = useOperator('');
  const counted = useMentionCount(workspaceId, filter);
  const flag = useComposerCall('composer:flagSearch');
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ResponseReason | null>(null);
  const [person, setPerson] = useState(operator.name);
  const [done, setDone] = useState<(BulkFlagResult & { reason: ResponseReason; person: string }) | null>(null);
  if (!counted.data || counted.data.count === 0) return null;
  const { count, more } = counted.data;
  const tooMany = more || count > BULK_FLAG_LIMIT;
  const submit = () => {
    if (!reason) return;
    const by = person.trim() || t('composer.someone');
    flag.mutate(
      { workspaceId, filter, reason, person: by },
      {
        onSuccess: (result) => {
          setDone({ ...result, reason, person: by });
          setOpen(false);
        },
      },
    );
  };

  return (
    <Paper withBorder p="xs" data-testid="bulk-flag">
      <Stack gap={6}>
        <Group justify="space-between">
          <Text size="sm" data-testid="bulk-flag-count">
            {more ? t('mentions.bulkFlag.matchesMore', { count }) : t('mentions.bulkFlag.matches', { count })}
          </Text>
          <Button
            variant="light"
            color="orange"
            leftSection={<IconMessages size={16} />}
            disabled={tooMany}
            onClick={() => {
              flag.reset();
              setOpen(true);
            }}
            data-testid="bulk-flag-open"
          >
            {t('mentions.bulkFlag.open', { count })}
          </Button>
        </Group>
        {tooMany && (
          <Text size="sm" c="orange.9" data-testid="bulk-flag-too-many">
            {t('mentions.bulkFlag.tooMany', { limit: BULK_FLAG_LIMIT })}
          </Text>
        )}
        {done && (
          <Text size="sm" fw={600} data-testid="bulk-flag-done">
            {t('mentions.bulkFlag.done', {
              flagged: done.flagged,
              already: done.alreadyQueued,
              reason: t(`composer.responses.reasons.${done.reason}`),
              person: done.person,
            })}
          </Text>
        )}
      </Stack>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('mentions.bulkFlag.title')} size="lg" closeButtonProps={{ 'aria-label': t('app.close') }}>
        <FlagReasonForm
          testId="bulk-flag"
          help={t('mentions.bulkFlag.help', { count })}
          submitLabel={t('mentions.bulkFlag.submit')}
          reason={reason}
          onReason={setReason}
          person={person}
          onPerson={setPerson}
          error={flag.error}
          pending={flag.isPending}
          onSubmit={submit}
          onCancel={() => setOpen(false)}
        />
      </Modal>
    </Paper>
  );
}
