// One mention in the stream. Its text comes from outside and is hostile: it is rendered as text, never as HTML.
import { Badge, Group, Paper, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StoredMention } from '../../../../shared/domain/storedMention';
import { formatDateTime } from '../../i18n/format';

export const TONE_COLORS = { negative: 'red', neutral: 'gray', positive: 'green' } as const;

export function MentionCard({ mention, onOpen }: { mention: StoredMention; onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  const author = mention.author.displayName ?? mention.author.handle;
  return (
    <UnstyledButton onClick={onOpen} w="100%" data-testid="mention-card">
      <Paper withBorder p="sm" radius="sm">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="sm" fw={600} lineClamp={1}>
            {mention.sourceName ?? t(`sources.kinds.${mention.sourceKind}`)}
            {author ? ` · ${author}` : ''}
          </Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {formatDateTime(mention.publishedAt, i18n.language)}
          </Text>
        </Group>
        {mention.title && mention.title !== mention.sourceName && (
          <Text fw={600} mt={4} lineClamp={2}>
            {mention.title}
          </Text>
        )}
        <Text size="sm" mt={4} lineClamp={3} style={{ whiteSpace: 'pre-line' }}>
          {mention.text}
        </Text>
        <Group gap={6} mt={6}>
          {mention.sourceLabel !== mention.sourceName && (
            <Badge size="sm" variant="outline" color="gray" data-testid="mention-source-label">
              {mention.sourceLabel}
            </Badge>
          )}
          {mention.sourceKind === 'manual' && (
            <Badge size="sm" variant="outline" color="violet">
              {t('sources.kinds.manual')}
            </Badge>
          )}
          {mention.toneClass && (
            <Badge size="sm" color={TONE_COLORS[mention.toneClass]} variant="light">
              {t(`mentions.tones.${mention.toneClass}`)}
            </Badge>
          )}
          {mention.language && (
            <Badge size="sm" variant="outline" color="gray">
              {mention.language.toUpperCase()}
            </Badge>
          )}
          {mention.author.audience !== null && mention.author.audience > 0 && (
            <Badge size="sm" variant="outline" color="blue">
              {t('mentions.audience', { count: mention.author.audience })}
            </Badge>
          )}
        </Group>
      </Paper>
    </UnstyledButton>
  );
}
