// Flags every result of the stream's current search into the response queue, with one reason and the flagger's
// name; the backend walks the search itself and refuses one past the limit, which the bar says before anyone tries.
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconMessages } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BULK_FLAG_LIMIT, type BulkFlagResult, type ResponseReason } from '../../../../shared/domain/responseQueue';
import type { MentionFilter } from '../../../../shared/domain/storedMention';
import { useComposerCall } from '../../api/hooks/useComposer';
import { useMentionCount } from '../../api/hooks/useListen';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { FlagReasonDialog } from './FlagReasonDialog';

export function BulkFlag({ filter }: { filter: MentionFilter }) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const counted = useMentionCount(workspaceId, filter);
  const flag = useComposerCall('composer:flagSearch');
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<(BulkFlagResult & { reason: ResponseReason; person: string }) | null>(null);
  if (!counted.data || counted.data.count === 0) return null;
  const { count, more } = counted.data;
  const tooMany = more || count > BULK_FLAG_LIMIT;
  const submit = (reason: ResponseReason, person: string) =>
    flag.mutate(
      { workspaceId, filter, reason, person },
      {
        onSuccess: (result) => {
          setDone({ ...result, reason, person });
          setOpen(false);
        },
      },
    );

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
      <FlagReasonDialog
        testId="bulk-flag"
        title={t('mentions.bulkFlag.title')}
        help={t('mentions.bulkFlag.help', { count })}
        submitLabel={t('mentions.bulkFlag.submit')}
        opened={open}
        onClose={() => setOpen(false)}
        error={flag.error}
        pending={flag.isPending}
        onFlag={submit}
      />
    </Paper>
  );
}
