// Everything stored about one mention, as text; the original link opens only after confirmation.
import { Badge, Divider, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StoredMention } from '../../../../shared/domain/storedMention';
import type { Watch } from '../../../../shared/domain/watch';
import { formatDateTime } from '../../i18n/format';
import { ToneCorrection } from '../detection/ToneCorrection';
import { ExternalLinkButton } from './ExternalLinkButton';
import { FlagMention } from './FlagMention';
import { PressFromMention } from '../press/PressFromMention';
import { TONE_COLORS } from './MentionCard';

export function MentionDetail({ mention, watches }: { mention: StoredMention; watches: Watch[] }) {
  const { t, i18n } = useTranslation();
  const rows: [string, string][] = [
    [t('mentions.detail.published'), formatDateTime(mention.publishedAt, i18n.language)],
    [t('mentions.detail.fetched'), formatDateTime(mention.fetchedAt, i18n.language)],
    // The outlet of the post and the source it came through, as the person named it (e.g. the agency's export).
    [t('mentions.detail.source'), `${[...new Set([mention.sourceName ?? mention.sourceLabel, mention.sourceLabel])].join(' · ')} (${t(`sources.kinds.${mention.sourceKind}`)})`],
    [t('mentions.detail.author'), [mention.author.displayName, mention.author.handle].filter(Boolean).join(' · ') || '—'],
    [t('mentions.detail.authorKind'), t(`mentions.authorKinds.${mention.author.kind}`)],
    [t('mentions.detail.audience'), mention.author.audience === null ? '—' : mention.author.audience.toLocaleString(i18n.language)],
    [t('mentions.detail.language'), mention.language ?? '—'],
    ...(mention.agencyTone ? [[t('mentions.detail.agencyTone'), t(`mentions.tones.${mention.agencyTone}`)] as [string, string]] : []),
    ...(mention.author.verified === null ? [] : [[t('mentions.detail.verified'), mention.author.verified ? '✓' : t('mentions.detail.notVerified')] as [string, string]]),
    ...(mention.hashtags.length > 0 ? [[t('mentions.detail.hashtags'), mention.hashtags.join(' ')] as [string, string]] : []),
  ];
  const named = mention.watchIds.map((id) => watches.find((w) => w.id === id)?.name ?? `#${id}`);
  return (
    <Stack data-testid="mention-detail">
      {mention.title && <Title order={4}>{mention.title}</Title>}
      <Text style={{ whiteSpace: 'pre-line' }} data-testid="mention-detail-text">
        {mention.text}
      </Text>
      <Group gap={6}>
        {mention.toneClass && (
          <Badge color={TONE_COLORS[mention.toneClass]} variant="light">
            {t(`mentions.tones.${mention.toneClass}`)}
            {mention.toneScore !== null ? ` (${mention.toneScore.toFixed(2)})` : ''}
          </Badge>
        )}
        {named.map((name) => (
          <Badge key={name} variant="outline">
            {name}
          </Badge>
        ))}
      </Group>
      <ToneCorrection mention={mention} />
      <FlagMention key={mention.id} mentionId={mention.id} />
      <PressFromMention key={`press-${mention.id}`} mention={mention} />
      <Divider />
      <Table>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={180}>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed">
        {t('mentions.detail.engagement', {
          likes: mention.engagement.likes ?? 0,
          shares: mention.engagement.shares ?? 0,
          replies: mention.engagement.replies ?? 0,
        })}
      </Text>
      {mention.url && <ExternalLinkButton url={mention.url} />}
    </Stack>
  );
}
