// The dialog behind every "flag for an answer": the reason the post needs one and who flagged it (the operator by
// default), for one mention or a whole search result alike.
import { Alert, Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RESPONSE_REASONS, type ResponseReason } from '../../../../shared/domain/responseQueue';
import { errorMessage } from '../../i18n/errorMessage';
import { useOperator } from '../incidents/useOperator';

interface Props {
  /** Prefix of the test ids: `mention-flag` or `bulk-flag`. */
  readonly testId: string;
  readonly title: string;
  readonly help: string;
  readonly submitLabel: string;
  readonly opened: boolean;
  readonly onClose: () => void;
  readonly error: Error | null;
  readonly pending: boolean;
  /** The reason picked and who flagged it ("someone" when no name is given). */
  readonly onFlag: (reason: ResponseReason, person: string) => void;
}

export function FlagReasonDialog({ testId, title, help, submitLabel, opened, onClose, error, pending, onFlag }: Props) {
  const { t } = useTranslation();
  const [operator] = useOperator('');
  const [reason, setReason] = useState<ResponseReason | null>(null);
  const [person, setPerson] = useState(operator.name);
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" closeButtonProps={{ 'aria-label': t('app.close') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (reason) onFlag(reason, person.trim() || t('composer.someone'));
        }}
      >
        <Stack data-testid={`${testId}-dialog`}>
          <Text size="sm">{help}</Text>
          <Radio.Group label={t('mentions.flag.reason')} value={reason} onChange={(v) => setReason(v as ResponseReason)} withAsterisk>
            <Stack gap="xs" mt="xs">
              {RESPONSE_REASONS.map((r) => (
                <Radio key={r} value={r} label={t(`mentions.flag.reasons.${r}`)} data-testid={`${testId}-reason-${r}`} />
              ))}
            </Stack>
          </Radio.Group>
          <TextInput label={t('mentions.flag.person')} value={person} placeholder={t('composer.someone')} onChange={(e) => setPerson(e.currentTarget.value)} data-testid={`${testId}-person`} />
          <Text size="xs" c="dimmed">
            {t('mentions.flag.alreadyNote')}
          </Text>
          {error && <Alert color="red">{errorMessage(error, t)}</Alert>}
          <Group justify="flex-end">
            <Button variant="subtle" onClick={onClose}>
              {t('mentions.flag.cancel')}
            </Button>
            <Button type="submit" disabled={reason === null} loading={pending} data-testid={`${testId}-submit`}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
