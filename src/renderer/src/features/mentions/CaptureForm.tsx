// Manual capture: a press call, a TV segment, a post seen on a phone, logged with its outlet and audience.
import { Alert, Button, Group, NumberInput, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { captureChannelSchema, type CaptureChannel } from '../../../../shared/domain/capture';
import { authorKindSchema, type AuthorKind } from '../../../../shared/domain/mention';
import { useCapture } from '../../api/hooks/useListen';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { LocalDateTimeInput } from '../../components/LocalDateTimeInput';
import { errorMessage } from '../../i18n/errorMessage';

/** The picker works in local wall-clock time without a zone. */
const localNow = (): string => {
  const d = new Date();
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

export function CaptureForm({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const workspaceId = useWorkspaceId();
  const capture = useCapture(workspaceId);
  const [channel, setChannel] = useState<CaptureChannel>('pressCall');
  const [outlet, setOutlet] = useState('');
  const [authorName, setAuthorName] = useState('');
  const [authorKind, setAuthorKind] = useState<AuthorKind>('journalist');
  const [audience, setAudience] = useState<number | ''>('');
  const [language, setLanguage] = useState<'fr' | 'en'>(i18n.language === 'en' ? 'en' : 'fr');
  const [occurredAt, setOccurredAt] = useState(localNow);
  const [text, setText] = useState('');
  const [url, setUrl] = useState('');
  const submit = () =>
    capture.mutate(
      {
        channel,
        outlet: outlet.trim(),
        authorName: authorName.trim() || undefined,
        authorKind,
        audience: audience === '' ? undefined : audience,
        language,
        occurredAt: new Date(occurredAt).toISOString(),
        text: text.trim(),
        url: url.trim() || undefined,
      },
      {
        onSuccess: () => {
          notifications.show({ message: t('mentions.captureForm.saved'), color: 'green' });
          onDone();
        },
      },
    );
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('mentions.captureForm.intro')}
      </Text>
      <Group grow>
        <Select
          label={t('mentions.captureForm.channel')}
          data={captureChannelSchema.options.map((c) => ({ value: c, label: t(`mentions.captureForm.channels.${c}`) }))}
          value={channel}
          onChange={(v) => v && setChannel(v as CaptureChannel)}
          allowDeselect={false}
          data-testid="capture-channel"
        />
        <LocalDateTimeInput label={t('mentions.captureForm.occurredAt')} value={occurredAt} onChange={setOccurredAt} required />
      </Group>
      <TextInput label={t('mentions.captureForm.outlet')} value={outlet} onChange={(e) => setOutlet(e.currentTarget.value)} required data-testid="capture-outlet" />
      <Group grow>
        <TextInput label={t('mentions.captureForm.authorName')} value={authorName} onChange={(e) => setAuthorName(e.currentTarget.value)} />
        <Select
          label={t('mentions.captureForm.authorKind')}
          data={authorKindSchema.options.map((k) => ({ value: k, label: t(`mentions.authorKinds.${k}`) }))}
          value={authorKind}
          onChange={(v) => v && setAuthorKind(v as AuthorKind)}
          allowDeselect={false}
        />
      </Group>
      <Group grow>
        <NumberInput label={t('mentions.captureForm.audience')} min={0} thousandSeparator=" " value={audience} onChange={(v) => setAudience(typeof v === 'number' ? v : '')} />
        <Select
          label={t('mentions.captureForm.language')}
          data={[
            { value: 'fr', label: t('mentions.languages.fr') },
            { value: 'en', label: t('mentions.languages.en') },
          ]}
          value={language}
          onChange={(v) => v && setLanguage(v as 'fr' | 'en')}
          allowDeselect={false}
        />
      </Group>
      <Textarea label={t('mentions.captureForm.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={3} required data-testid="capture-text" />
      <TextInput label={t('mentions.captureForm.url')} value={url} onChange={(e) => setUrl(e.currentTarget.value)} placeholder="https://" />
      {capture.error && <Alert color="red">{errorMessage(capture.error, t)}</Alert>}
      <Group justify="flex-end">
        <Button variant="subtle" onClick={onDone}>
          {t('mentions.captureForm.cancel')}
        </Button>
        <Button onClick={submit} loading={capture.isPending} disabled={!outlet.trim() || !text.trim() || !occurredAt} data-testid="capture-save">
          {t('mentions.captureForm.save')}
        </Button>
      </Group>
    </Stack>
  );
}
