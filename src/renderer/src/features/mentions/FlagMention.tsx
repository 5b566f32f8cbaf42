// Puts a mention in the response queue by hand, with the reason it needs an answer and who flagged it.
import { Alert, Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { IconMessageReply } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RESPONSE_REASONS, type ResponseReason } from '../../../../shared/domain/responseQueue';
import { useComposerCall } from '../../api/hooks/useComposer';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { errorMessage } from '../../i18n/errorMessage';
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
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack data-testid="mention-flag-dialog">
            <Text size="sm">{t('mentions.flag.help')}</Text>
            <Radio.Group label={t('mentions.flag.reason')} value={reason} onChange={(v) => setReason(v as ResponseReason)} withAsterisk>
              <Stack gap="xs" mt="xs">
                {RESPONSE_REASONS.map((r) => (
                  <Radio key={r} value={r} label={t(`mentions.flag.reasons.${r}`)} data-testid={`mention-flag-reason-${r}`} />
                ))}
              </Stack>
            </Radio.Group>
            <TextInput label={t('mentions.flag.person')} value={person} placeholder={t('composer.someone')} onChange={(e) => setPerson(e.currentTarget.value)} data-testid="mention-flag-person" />
            <Text size="xs" c="dimmed">
              {t('mentions.flag.alreadyNote')}
            </Text>
            {flag.error && <Alert color="red">{errorMessage(flag.error, t)}</Alert>}
            <Group justify="flex-end">
              <Button variant="subtle" onClick={() => setOpen(false)}>
                {t('mentions.flag.cancel')}
              </Button>
              <Button type="submit" disabled={reason === null} loading={flag.isPending} data-testid="mention-flag-submit">
                {t('mentions.flag.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
