// The explanation stored with an alert: which signals fired and by how much, who and what is behind it. An open
// alert's explanation follows its episode; given the opening one too, the card lets the reader switch to it.
import { Badge, Group, List, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Explanation, Signal } from '../../../../shared/domain/detection';
import { formatDateTime } from '../../i18n/format';
import { levelBadgeColors } from './levelColors';

/** The volume detector's tests; the volume signal's first item names the one that stood out. */
const VOLUME_TESTS = new Set(['level', 'seasonal', 'jump', 'volatility', 'shape', 'surprise']);

function SignalLine({ signal }: { signal: Signal }) {
  const { t, i18n } = useTranslation();
  const fired = signal.level !== 'calm';
  const value = signal.kind === 'audience' ? signal.value.toLocaleString(i18n.language) : signal.value;
  const reference = signal.reference === null ? '—' : signal.kind === 'audience' ? signal.reference.toLocaleString(i18n.language) : signal.reference;
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-testid={`why-signal-${signal.kind}`}>
      <Badge {...(fired ? levelBadgeColors(signal.level) : { color: 'gray' })} variant={fired ? 'filled' : 'outline'} miw={110}>
        {fired ? t(`detection.level.${signal.level}`) : t('detection.why.quiet')}
      </Badge>
      <Stack gap={0}>
        <Text fw={600} size="sm">
          {t(`detection.signals.${signal.kind}`)}
        </Text>
        <Text size="sm" c="dimmed">
          {signal.kind === 'volume' && signal.reference === null
            ? t('detection.signalValue.volumeNoHistory')
            : t(`detection.signalValue.${signal.kind}`, { value, reference })}
        </Text>
        {signal.kind === 'volume' && fired && VOLUME_TESTS.has(signal.items[0] ?? '') && (
          <Text size="sm" data-testid="why-volume-test">
            {t(`detection.volumeTest.${signal.items[0]}`, { minutes: Number.parseInt(signal.items[2] ?? '', 10) || 5 })}
          </Text>
        )}
        {signal.items.length > 0 && signal.kind !== 'volume' && (
          <Text size="sm" data-testid={`why-items-${signal.kind}`}>
            {signal.items.join(' · ')}
          </Text>
        )}
      </Stack>
    </Group>
  );
}

interface WhyCardProps {
  explanation: Explanation;
  watchName: string;
  /** The explanation as the alert opened, kept for the record; the card offers it when it differs. */
  opening?: Explanation;
}

export function WhyCard({ explanation: current, watchName, opening }: WhyCardProps) {
  const { t, i18n } = useTranslation();
  const [version, setVersion] = useState<'now' | 'opening'>('now');
  const followed = opening !== undefined && opening.at !== current.at;
  const explanation = followed && version === 'opening' ? opening : current;
  const none = t('detection.why.none');
  return (
    <Paper withBorder p="md" data-testid="why-card">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('detection.why.title', { watch: watchName })}
        </Title>
        {followed && (
          <Group gap="sm">
            <SegmentedControl
              size="xs"
              aria-label={t('detection.why.version')}
              value={version}
              onChange={(v) => setVersion(v as 'now' | 'opening')}
              data={[
                { value: 'now', label: t('detection.why.now') },
                { value: 'opening', label: t('detection.why.atOpening') },
              ]}
              data-testid="why-version"
            />
            <Text size="xs" c="dimmed">
              {t('detection.why.follows')}
            </Text>
          </Group>
        )}
        <Text size="sm" c="dimmed">
          {t('detection.why.window', { minutes: explanation.windowMinutes, count: explanation.mentions })} ·{' '}
          {formatDateTime(explanation.at, i18n.language)}
        </Text>
        {explanation.peak && explanation.peak.mentions > explanation.mentions && (
          <Text size="sm" data-testid="why-peak">
            {t('detection.why.peak', { count: explanation.peak.mentions, time: formatDateTime(explanation.peak.at, i18n.language) })}
          </Text>
        )}
        <Stack gap="xs">
          {explanation.signals.map((s) => (
            <SignalLine key={s.kind} signal={s} />
          ))}
        </Stack>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {t('detection.why.topAuthors')}
            </Text>
            {explanation.topAuthors.length === 0 ? (
              <Text size="sm">{none}</Text>
            ) : (
              <List size="sm" spacing={2} data-testid="why-authors">
                {explanation.topAuthors.map((a) => (
                  <List.Item key={a.name}>
                    {a.name}
                    {a.audience !== null ? ` — ${t('detection.why.audience', { followers: a.audience.toLocaleString(i18n.language) })}` : ''}
                  </List.Item>
                ))}
              </List>
            )}
          </Stack>
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {t('detection.why.topTerms')}
            </Text>
            <Group gap={6} data-testid="why-terms">
              {explanation.topTerms.length === 0 ? <Text size="sm">{none}</Text> : null}
              {explanation.topTerms.map((term) => (
                <Badge key={term.term} variant="light" color="gray" tt="none">
                  {term.term} ({term.count})
                </Badge>
              ))}
            </Group>
          </Stack>
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {t('detection.why.tone')}
            </Text>
            <Text size="sm">{t('detection.why.toneSplit', explanation.tone)}</Text>
            <Text fw={600} size="sm">
              {t('detection.why.sources')}
            </Text>
            <Text size="sm">{explanation.sources.map((s) => `${s.name} (${s.count})`).join(' · ') || none}</Text>
            <Text fw={600} size="sm">
              {t('detection.why.languages')}
            </Text>
            <Text size="sm">{explanation.languages.map((l) => `${l.language.toUpperCase()} (${l.count})`).join(' · ') || none}</Text>
          </Stack>
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {t('detection.why.samples')}
            </Text>
            {explanation.samples.map((s) => (
              <Text key={s.mentionId} size="sm" lineClamp={2}>
                <Text span fw={600}>
                  {s.author ?? none}
                </Text>{' '}
                {s.text}
              </Text>
            ))}
          </Stack>
          {explanation.emerging.length > 0 && (
            <Stack gap={4} data-testid="why-emerging">
              <Text fw={600} size="sm">
                {t('detection.why.emerging')}
              </Text>
              {explanation.emerging.map((e) => (
                <Stack key={e.term} gap={2}>
                  <Text size="sm">
                    {t('detection.why.emergingCount', { term: e.term, count: e.count, expected: e.expected.toLocaleString(i18n.language) })}
                  </Text>
                  {e.firstMentions.map((m) => (
                    <Text key={m.mentionId} size="sm" c="dimmed" lineClamp={2}>
                      {formatDateTime(m.publishedAt, i18n.language)} ·{' '}
                      <Text span fw={600}>
                        {m.author ?? none}
                      </Text>{' '}
                      {m.text}
                    </Text>
                  ))}
                </Stack>
              ))}
            </Stack>
          )}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
