// Puts a mention in the response queue by hand, with the reason it needs an answer and who flagged it.
import { Button, Group, Text } from '@mantine/core';
import { IconMessageReply } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseReason } from '../../../../shared/domain/responseQueue';
import { useComposerCall } from '../../api/hooks/useComposer';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { FlagReasonDialog } from './FlagReasonDialog';

export function FlagMention({ mentionId }: { mentionId: number }) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const flag = useComposerCall('composer:flagMention');
  const [open, setOpen] = useState(false);
  const item = flag.data?.mentionId === mentionId ? flag.data : undefined;
  const submit = (reason: ResponseReason, person: string) => flag.mutate({ workspaceId, mentionId, reason, person }, { onSuccess: () => setOpen(false) });

  return (
    <>
      <Group gap="sm">
        <Button variant="light" color="orange" leftSection={<IconMessageReply size={16} />} onClick={() => setOpen(true)} data-testid="mention-flag-open">
          {t('mentions.flag.open')}
        </Button>
        {item && (
          <Text size="sm" fw={600} data-testid="mention-flagged">
            {t('mentions.flag.queued', {
              reason: t(`composer.responses.reasons.${item.reason}`),
              person: item.flaggedBy,
              state: t(`composer.responses.states.${item.state}`),
            })}
          </Text>
        )}
      </Group>
      <FlagReasonDialog
        testId="mention-flag"
        title={t('mentions.flag.title')}
        help={t('mentions.flag.help')}
        submitLabel={t('mentions.flag.submit')}
        opened={open}
        onClose={() => setOpen(false)}
        error={flag.error}
        pending={flag.isPending}
        onFlag={submit}
      />
    </>
  );
}
