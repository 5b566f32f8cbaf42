// Beside the chart: top terms, top authors by audience, and the split by source and by language.
import { Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DashboardBreakdown } from '../../../../shared/domain/dashboard';

interface Row {
  key: string;
  label: string;
  value: number;
  note?: string;
}

function Ranked({ title, rows, testId, footnote }: { title: string; rows: Row[]; testId: string; footnote?: string }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language === 'fr' ? 'fr-FR' : 'en-GB');
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Title order={3} size="h4" mb="xs">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('dashboard.splits.empty')}</Text>
      ) : (
        <Stack gap={6}>
          {rows.map((r) => (
            <div key={r.key}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text fw={600} truncate>
                  {r.label}
                </Text>
                {!r.note && (
                  <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
                    {number.format(r.value)}
                  </Text>
                )}
              </Group>
              {r.note && (
                <Text size="sm" c="dimmed">
                  {r.note}
                </Text>
              )}
              <Progress value={(r.value / max) * 100} size="sm" aria-hidden />
            </div>
          ))}
        </Stack>
      )}
      {footnote && (
        <Text size="xs" c="dimmed" mt="xs">
          {footnote}
        </Text>
      )}
    </Paper>
  );
}

export function SplitPanels({ breakdown }: { breakdown: DashboardBreakdown }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language === 'fr' ? 'fr-FR' : 'en-GB');
  const languageName = (code: string) => {
    if (code === 'und') return t('dashboard.splits.undetermined');
    try {
      return new Intl.DisplayNames([i18n.language], { type: 'language' }).of(code) ?? code;
    } catch {
      return code;
    }
  };
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Ranked
        testId="split-terms"
        title={t('dashboard.splits.terms')}
        rows={breakdown.terms.map((x) => ({ key: x.term, label: x.term, value: x.count }))}
      />
      <Ranked
        testId="split-authors"
        title={t('dashboard.splits.authors')}
        footnote={t('dashboard.splits.authorsNote', { value: number.format(breakdown.authorsScanLimit) })}
        rows={breakdown.authors.map((a) => ({
          key: a.handle ?? a.name,
          label: a.handle && a.handle !== a.name ? `${a.name} (${a.handle})` : a.name,
          value: a.audience,
          note: `${t('dashboard.splits.audience', { value: number.format(a.audience) })} · ${t('dashboard.splits.mentions', { count: a.mentions })}`,
        }))}
      />
      <Ranked
        testId="split-sources"
        title={t('dashboard.splits.sources')}
        rows={breakdown.sources.map((x) => ({ key: x.value, label: x.value, value: x.count }))}
      />
      <Ranked
        testId="split-languages"
        title={t('dashboard.splits.languages')}
        rows={breakdown.languages.map((x) => ({ key: x.value, label: languageName(x.value), value: x.count }))}
      />
    </SimpleGrid>
  );
}
