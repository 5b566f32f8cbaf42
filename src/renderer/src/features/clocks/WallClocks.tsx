// The wall display's line of regulatory clocks: for each obligation, the next step not yet sent and its countdown.
import { Box, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/domain/workspace';
import { useClocks } from '../../api/hooks/useClocks';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { formatCountdown, formatTime } from '../incidents/format';

export function WallClocks({ incidentId, now: localNow }: { incidentId: string; now: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const clocks = useClocks(useWorkspaceId(), incidentId);
  if (!clocks.data) return null;
  const now = localNow + (Date.parse(clocks.data.now) - clocks.dataUpdatedAt);
  const next = clocks.data.clocks.flatMap((clock) => {
    const step = clock.steps.find((s) => s.sentAt === null && s.dueAt !== null);
    if (!step?.dueAt) return [];
    const name = clock.obligation.steps.find((s) => s.id === step.stepId)?.name[language] ?? step.stepId;
    return [{ id: clock.id, obligation: clock.obligation.name[language], step: name, dueAt: step.dueAt }];
  });
  if (next.length === 0) return null;
  return (
    <SimpleGrid cols={Math.min(next.length, 4)} data-testid="wall-clocks" aria-label={t('clocks.wall')}>
      {next.map((n) => {
        const late = Date.parse(n.dueAt) < now;
        return (
          <Box key={n.id} p="md" style={{ border: `1px solid ${late ? '#ff8787' : '#3a4250'}`, borderRadius: 8 }}>
            <Text size="lg" c="#ced4da">
              {n.obligation} — {n.step} ({formatTime(n.dueAt, language)})
            </Text>
            <Text fz={40} fw={800} c={late ? '#ff8787' : '#f8f9fa'} style={{ fontVariantNumeric: 'tabular-nums', lineHeight: 1.1 }}>
              {formatCountdown(n.dueAt, now)}
            </Text>
          </Box>
        );
      })}
    </SimpleGrid>
  );
}
