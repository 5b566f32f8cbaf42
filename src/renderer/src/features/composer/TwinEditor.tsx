// One language of a statement: the text, its character count per channel, and the draft-check flags.
import { Alert, Badge, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CHANNEL_SPECS, limitOf, type Channel } from '../../../../shared/composer/channels';
import { countForChannel } from '../../../../shared/composer/countCharacters';
import type { DraftFlag } from '../../../../shared/composer/draftCheck';
import { splitThread, ThreadSplitError } from '../../../../shared/composer/splitThread';
import type { PostShape } from './usePostShape';

export function TwinEditor(props: {
  language: 'fr' | 'en';
  value: string;
  onChange: (v: string) => void;
  channels: readonly Channel[];
  shape: PostShape;
  flags: readonly DraftFlag[];
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid={`composer-twin-${props.language}`}>
      <Textarea
        label={t(props.language === 'fr' ? 'composer.fields.textFr' : 'composer.fields.textEn')}
        lang={props.language}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        autosize
        minRows={7}
        data-testid={`composer-text-${props.language}`}
      />
      <Group gap={6}>
        {props.channels.map((channel) => (
          <ChannelCounter key={channel} channel={channel} text={props.value} shape={props.shape} />
        ))}
      </Group>
      <DraftFlags flags={props.flags} language={props.language} />
    </Stack>
  );
}

export function ChannelCounter({ channel, text, shape }: { channel: Channel; text: string; shape: PostShape }) {
  const { t } = useTranslation();
  const count = countForChannel(text.trim(), channel);
  const limit = limitOf(channel, shape.limits);
  const over = limit !== null && count > limit;
  const cut = over && CHANNEL_SPECS[channel].threads ? threadLength(text, channel, limit, shape) : undefined;
  const label = limit === null ? t('composer.counterNoLimit', { count }) : t('composer.counter', { count, limit });
  const thread = typeof cut === 'number' ? cut : 0;
  return (
    <Badge variant="light" color={over ? (thread ? 'yellow' : 'red') : 'gray'} data-testid={`composer-count-${channel}`}>
      {t(`composer.channels.${channel}`)} {label}
      {thread
        ? ` · ${t('composer.thread', { count: thread })}`
        : cut instanceof ThreadSplitError
          ? ` · ${t('composer.wordTooLong', { word: cut.word.slice(0, 40) })}`
          : over
            ? ` · ${t('composer.overLimit')}`
            : ''}
    </Badge>
  );
}

function threadLength(text: string, channel: Channel, limit: number, shape: PostShape): number | ThreadSplitError {
  try {
    return splitThread(text, channel, limit, shape.numbering).length;
  } catch (error) {
    if (error instanceof ThreadSplitError) return error;
    throw error;
  }
}

export function DraftFlags({ flags, language }: { flags: readonly DraftFlag[]; language: 'fr' | 'en' }) {
  const { t } = useTranslation();
  if (flags.length === 0) {
    return (
      <Text size="sm" c="teal" data-testid={`composer-check-${language}`}>
        ✓ {t('composer.check.clean')}
      </Text>
    );
  }
  return (
    <Alert color="orange" variant="light" p="xs" title={t('composer.check.title')} data-testid={`composer-check-${language}`}>
      <List size="sm" spacing={2}>
        {flags.map((f, i) => (
          <List.Item key={`${f.rule}-${f.start ?? f.entryId ?? i}`} data-rule={f.rule}>
            <Text span fw={600} size="sm">
              {t(`composer.check.rules.${f.rule}`)}
            </Text>
            {f.excerpt && (
              <Text span size="sm">
                {' '}
                — « {f.excerpt} »
              </Text>
            )}
            {f.entryText && (
              <Text size="xs" c="dimmed">
                {t('composer.check.unverified', { text: f.entryText })}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
