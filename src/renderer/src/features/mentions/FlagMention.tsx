// Puts a mention in the response queue by hand, with the reason it needs an answer and who flagged it.
import { Button, Group, Modal, Text } from '@mantine/core';
import { IconMessageReply } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseReason } from '../../../../shared/domain/responseQueue';
import { useComposerCall } from '../../api/hooks/useComposer';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { FlagReasonForm } from './FlagReasonForm';
import { useOperator } from '../incidents/useOperator';

export function FlagMention({ mentionId }: { mentionId: number }) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const [operator] = useOperator('');
  const flag = useComposerCall('composer:flagMention');
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ResponseReason | null>(null);
  const [person, setPerson] = useState(operator.name);
  const item = flag.data?.mentionId === mentionId ? flag.data : undefined;
  const submit = () =>
    reason &&
    flag.mutate(
      { workspaceId, mentionId, reason, person: person.trim() || t('composer.someone') },
      { onSuccess: () => setOpen(false) },
    );

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
      <Modal opened={open} onClose={() => setOpen(false)} title={t('mentions.flag.title')} size="lg" closeButtonProps={{ 'aria-label': t('app.close') }}>
        <FlagReasonForm
          testId="mention-flag"
          help={t('mentions.flag.help')}
          submitLabel={t('mentions.flag.submit')}
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
    </>
  );
}
