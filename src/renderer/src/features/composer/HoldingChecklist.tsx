// The holding-statement checklist, ticked from the draft check of both twins.
import { Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DraftFlag, DraftFlagRule } from '../../../../shared/composer/draftCheck';

const ITEMS: readonly [string, readonly DraftFlagRule[]][] = [
  ['empathy', ['missingEmpathy']],
  ['dateTime', ['missingDateTime']],
  ['actions', ['missingActions']],
  ['nextUpdate', ['missingNextUpdate']],
  ['noSpeculation', ['speculation']],
  ['noBlame', ['blaming', 'defensive', 'aggressive']],
  ['noVictimNames', ['victimName']],
  ['verified', ['unverifiedFact']],
];

export function HoldingChecklist({ flags }: { flags: readonly DraftFlag[] }) {
  const { t } = useTranslation();
  const raised = new Set(flags.map((f) => f.rule));
  return (
    <Paper withBorder p="sm" data-testid="composer-checklist">
      <Text fw={600} mb={6}>
        {t('composer.checklist.title')}
      </Text>
      <SimpleGrid cols={{ base: 2, lg: 4 }} spacing={6}>
        {ITEMS.map(([key, rules]) => {
          const ok = !rules.some((r) => raised.has(r));
          return (
            <Group key={key} gap={6} wrap="nowrap" data-ok={ok}>
              <Text c={ok ? 'teal' : 'orange'} fw={700} aria-hidden>
                {ok ? '✓' : '✗'}
              </Text>
              <Text size="sm">{t(`composer.checklist.${key}`)}</Text>
            </Group>
          );
        })}
      </SimpleGrid>
    </Paper>
  );
}
