// The readiness check of the plan being edited: a score out of 100, the points of each check, and every gap
// with a link to the place that fixes it.
import { Anchor, Badge, Button, Group, Paper, Progress, RingProgress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CrisisPlan } from '../../../../shared/domain/plan';
import { scoreReadiness, type ReadinessFix, type ReadinessGap } from '../../../../shared/domain/planReadiness';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { useLastExercisePlayed } from '../../api/hooks/useExercises';
import { useSources, useWatches } from '../../api/hooks/useListen';
import { usePlanLanguage } from './listEditing';

export type PlanTab = Extract<ReadinessFix, { area: 'plan' }>['tab'];

const scoreColor = (score: number): string => (score >= 80 ? 'green' : score >= 50 ? 'yellow' : 'red');

export function ReadinessPanel({ plan, workspaceId, dirty, onOpenTab }: { plan: CrisisPlan; workspaceId: WorkspaceId; dirty: boolean; onOpenTab: (tab: PlanTab) => void }) {
  const { t } = useTranslation();
  const lang = usePlanLanguage();
  const watches = useWatches(workspaceId);
  const sources = useSources(workspaceId);
  const lastPlayed = useLastExercisePlayed();
  if (!watches.data || !sources.data || !lastPlayed.data) return null;
  const readiness = scoreReadiness({ plan, watches: watches.data, sources: sources.data, lastExerciseAt: lastPlayed.data.at, now: new Date() });

  const gapText = (gap: ReadinessGap) =>
    t(`plan.readiness.problems.${gap.problem}`, {
      subject: gap.subject?.[lang] ?? '',
      kind: gap.problem === 'approvalEmpty' && gap.subject ? t(`composer.kinds.${gap.subject.en}`) : '',
      count: gap.days ?? 0,
    });

  const fixLink = (gap: ReadinessGap, index: number) => {
    const label = t(`plan.readiness.fix.${gap.fix.area === 'plan' ? gap.fix.tab : gap.fix.area}`);
    const testId = `readiness-fix-${index}`;
    if (gap.fix.area === 'plan') {
      const { tab } = gap.fix;
      return (
        <Button variant="subtle" size="compact-sm" onClick={() => onOpenTab(tab)} data-testid={testId}>
          {label}
        </Button>
      );
    }
    return (
      <Anchor href={`#/${gap.fix.area}`} size="sm" data-testid={testId}>
        {label}
      </Anchor>
    );
  };

  return (
    <Stack data-testid="plan-readiness">
      <Group align="center" gap="xl">
        <RingProgress
          size={140}
          thickness={14}
          roundCaps
          sections={[{ value: readiness.score, color: scoreColor(readiness.score) }]}
          label={
            <Text ta="center" fw={700} size="xl" data-testid="readiness-score">
              {readiness.score}
            </Text>
          }
        />
        <Stack gap={4} maw={560}>
          <Title order={3}>{t('plan.readiness.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('plan.readiness.help')}
          </Text>
          {dirty && (
            <Badge color="yellow" c="black">
              {t('plan.readiness.unsaved')}
            </Badge>
          )}
        </Stack>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2, lg: 4 }}>
        {readiness.checks.map((check) => (
          <Paper key={check.check} withBorder p="sm" data-testid={`readiness-check-${check.check}`}>
            <Group justify="space-between">
              <Text size="sm" fw={600}>
                {t(`plan.readiness.checks.${check.check}`)}
              </Text>
              <Text size="sm">{t('plan.readiness.points', { points: Math.round(check.points) })}</Text>
            </Group>
            <Progress value={check.total === 0 ? 100 : (100 * check.passed) / check.total} color={scoreColor((100 * check.passed) / Math.max(1, check.total))} mt={6} aria-label={t(`plan.readiness.checks.${check.check}`)} />
          </Paper>
        ))}
      </SimpleGrid>
      <Title order={4}>{t('plan.readiness.gaps', { count: readiness.gaps.length })}</Title>
      {readiness.gaps.length === 0 ? (
        <Text size="sm">{t('plan.readiness.noGap')}</Text>
      ) : (
        <Table data-testid="readiness-gaps">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('plan.readiness.check')}</Table.Th>
              <Table.Th>{t('plan.readiness.gap')}</Table.Th>
              <Table.Th>{t('plan.readiness.whereToFix')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {readiness.gaps.map((gap, index) => (
              <Table.Tr key={index} data-testid={`readiness-gap-${gap.problem}`}>
                <Table.Td>{t(`plan.readiness.checks.${gap.check}`)}</Table.Td>
                <Table.Td>{gapText(gap)}</Table.Td>
                <Table.Td>{fixLink(gap, index)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
