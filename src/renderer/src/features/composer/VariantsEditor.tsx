// Channel versions: a shorter or differently worded text for one channel, FR and EN, with that channel's count.
import { Button, Group, Paper, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CHANNEL_SPECS, type Channel } from '../../../../shared/composer/channels';
import type { Variants } from '../../../../shared/domain/statement';
import { ChannelCounter } from './TwinEditor';
import type { PostShape } from './usePostShape';

export function VariantsEditor(props: {
  channels: readonly Channel[];
  variants: Variants;
  main: { fr: string; en: string };
  shape: PostShape;
  onChange: (variants: Variants) => void;
}) {
  const { t } = useTranslation();
  // Only channels with a length limit need their own version; long-form channels take the main text.
  const short = props.channels.filter((c) => CHANNEL_SPECS[c].defaultLimit !== null && CHANNEL_SPECS[c].defaultLimit! < 1000);
  if (short.length === 0) return null;
  const set = (channel: Channel, value: Variants[Channel] | undefined): void => {
    const next = { ...props.variants };
    if (value) next[channel] = value;
    else delete next[channel];
    props.onChange(next);
  };
  return (
    <Paper withBorder p="sm" data-testid="composer-variants">
      <Text fw={600} mb={6}>
        {t('composer.variants.title')}
      </Text>
      <Stack gap="sm">
        {short.map((channel) => {
          const v = props.variants[channel];
          return (
            <Stack key={channel} gap={4}>
              <Group justify="space-between">
                <Text size="sm" fw={500}>
                  {t(`composer.channels.${channel}`)}
                </Text>
                {v ? (
                  <Button size="compact-xs" variant="subtle" color="gray" onClick={() => set(channel, undefined)}>
                    {t('composer.variants.useMain')}
                  </Button>
                ) : (
                  <Button size="compact-xs" variant="light" onClick={() => set(channel, { fr: props.main.fr, en: props.main.en })} data-testid={`composer-variant-add-${channel}`}>
                    {t('composer.variants.write')}
                  </Button>
                )}
              </Group>
              {v && (
                <SimpleGrid cols={{ base: 1, lg: 2 }}>
                  {(['fr', 'en'] as const).map((lang) => (
                    <Stack key={lang} gap={4}>
                      <Textarea
                        aria-label={`${t(`composer.channels.${channel}`)} ${lang.toUpperCase()}`}
                        lang={lang}
                        autosize
                        minRows={3}
                        value={v[lang] ?? ''}
                        onChange={(e) => set(channel, { ...v, [lang]: e.currentTarget.value })}
                      />
                      <ChannelCounter channel={channel} text={v[lang] ?? ''} shape={props.shape} />
                    </Stack>
                  ))}
                </SimpleGrid>
              )}
            </Stack>
          );
        })}
      </Stack>
    </Paper>
  );
}
