// The form behind every "flag for an answer": the reason the post needs one and who flagged it, for one mention or
// a whole search result alike.
import { Alert, Button, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RESPONSE_REASONS, type ResponseReason } from '../../../../shared/domain/responseQueue';
import { errorMessage } from '../../i18n/errorMessage';

interface Props {
  /** Prefix of the test ids: `mention-flag` or `bulk-flag`. */
  readonly testId: string;
  readonly help: string;
  readonly submitLabel: string;
  readonly reason: ResponseReason | null;
  readonly onReason: (reason: ResponseReason) => void;
  readonly person: string;
  readonly onPerson: (person: string) => void;
  readonly error: Error | null;
  readonly pending: boolean;
  readonly onSubmit: () => void;
  readonly onCancel: () => void;
}

export function FlagReasonForm({ testId, help, submitLabel, reason, onReason, person, onPerson, error, pending, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <Stack data-testid={`${testId}-dialog`}>
        <Text size="sm">{help}</Text>
        <Radio.Group label={t('mentions.flag.reason')} value={reason} onChange={(v) => onReason(v as ResponseReason)} withAsterisk>
          <Stack gap="xs" mt="xs">
            {RESPONSE_REASONS.map((r) => (
              <Radio key={r} value={r} label={t(`mentions.flag.reasons.${r}`)} data-testid={`${testId}-reason-${r}`} />
            ))}
          </Stack>
        </Radio.Group>
        <TextInput label={t('mentions.flag.person')} value={person} placeholder={t('composer.someone')} onChange={(e) => onPerson(e.currentTarget.value)} data-testid={`${testId}-person`} />
        <Text size="xs" c="dimmed">
          {t('mentions.flag.alreadyNote')}
        </Text>
        {error && <Alert color="red">{errorMessage(error, t)}</Alert>}
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onCancel}>
            {t('mentions.flag.cancel')}
          </Button>
          <Button type="submit" disabled={reason === null} loading={pending} data-testid={`${testId}-submit`}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
