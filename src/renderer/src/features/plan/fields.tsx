// Small form pieces shared by the plan editors: FR/EN twin inputs and a person card.
import { Grid, Group, MultiSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LocalizedText, Person } from '../../../../shared/domain/plan';

export function BilingualField({
  label,
  value,
  onChange,
  multiline = false,
  testId,
}: {
  label: string;
  value: LocalizedText;
  onChange: (next: LocalizedText) => void;
  multiline?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const Input = multiline ? Textarea : TextInput;
  const extra = multiline ? { autosize: true, minRows: 2, maxRows: 8 } : {};
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Grid gap="xs">
        {(['fr', 'en'] as const).map((lang) => (
          <Grid.Col span={{ base: 12, md: 6 }} key={lang}>
            <Input
              {...extra}
              aria-label={`${label} (${t(`plan.${lang}`)})`}
              leftSection={<Text size="xs" c="dimmed">{t(`plan.${lang}`)}</Text>}
              value={value[lang]}
              onChange={(e) => onChange({ ...value, [lang]: e.currentTarget.value })}
              data-testid={testId ? `${testId}-${lang}` : undefined}
            />
          </Grid.Col>
        ))}
      </Grid>
    </Stack>
  );
}

const CHANNELS = ['sms', 'email', 'messenger'] as const;
type Channel = (typeof CHANNELS)[number];

export function PersonFields({
  person,
  onChange,
  testId,
}: {
  person: Person;
  onChange: (next: Person) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const field = (key: 'name' | 'title' | 'phone' | 'altPhone' | 'email' | 'messenger', label: string, width: number) => (
    <TextInput
      label={label}
      value={person[key] ?? ''}
      onChange={(e) => onChange({ ...person, [key]: e.currentTarget.value })}
      w={width}
      data-testid={testId ? `${testId}-${key}` : undefined}
    />
  );
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      {field('name', t('plan.fields.name'), 200)}
      {field('title', t('plan.fields.title'), 220)}
      {field('phone', t('plan.fields.phone'), 160)}
      {field('altPhone', t('plan.fields.altPhone'), 160)}
      {field('email', t('plan.fields.email'), 240)}
      {field('messenger', t('plan.fields.messenger'), 220)}
      <MultiSelect
        label={t('plan.fields.contactChannels')}
        w={260}
        data={CHANNELS.map((channel) => ({ value: channel, label: t(`plan.channels.${channel}`) }))}
        value={person.channels ?? []}
        onChange={(channels) => onChange({ ...person, channels: channels as Channel[] })}
        data-testid={testId ? `${testId}-channels` : undefined}
      />
    </Group>
  );
}
