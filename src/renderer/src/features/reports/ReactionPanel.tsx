// Reaction to each published statement: mentions, negative share and top terms before vs after, per watch.
import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReactionWindow, StatementReaction } from '../../../../shared/domain/report';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { useReactions } from '../../api/hooks/useReports';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../i18n/format';

const share = (w: ReactionWindow, language: string) =>
  w.negativeShare === null ? '—' : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(w.negativeShare);

const terms = (w: ReactionWindow) => w.topTerms.slice(0, 5).map((t) => `${t.term} (${t.count})`).join(', ') || '—';

export function ReactionPanel({ workspaceId, incidentId }: { workspaceId: WorkspaceId; incidentId: string }) {
  const { t, i18n } = useTranslation();
  const reactions = useReactions(workspaceId, incidentId);
  return (
    <Paper withBorder p="md" data-testid="reaction-panel">
      <Stack>
        <Title order={4}>{t('reports.reactions.title')}</Title>
        <QueryState query={reactions}>
          {(list) =>
            list.length === 0 ? (
              <Text c="dimmed">{t('reports.reactions.none')}</Text>
            ) : (
              <Stack>
                <Text size="sm" c="dimmed">
                  {t('reports.reactions.help', { hours: list[0]?.windowHours ?? 6 })}
                </Text>
                {list.map((r) => (
                  <Stack key={r.statementId} gap="xs">
                    <Group gap="xs">
                      <Text fw={600}>{r.title}</Text>
                      <Badge variant="light">{t('reports.reactions.publishedAt', { date: formatDateTime(r.publishedAt, i18n.language), channels: r.channels.join(', ') })}</Badge>
                    </Group>
                    {r.watches.length === 0 ? <Text size="sm" c="dimmed">{t('reports.reactions.noWatch')}</Text> : null}
                    <Table striped withTableBorder hidden={r.watches.length === 0}>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('reports.reactions.watch')}</Table.Th>
                          <Table.Th>{t('reports.reactions.mentions')}</Table.Th>
                          <Table.Th>{t('reports.reactions.negative')}</Table.Th>
                          <Table.Th>{t('reports.reactions.terms')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {r.watches.map((w) => (
                          <Table.Tr key={w.watchId}>
                            <Table.Td>{w.watchName}</Table.Td>
                            <Table.Td>
                              {t('reports.reactions.before')} {w.before.mentions} → {t('reports.reactions.after')} {w.after.mentions}
                            </Table.Td>
                            <Table.Td>
                              {share(w.before, i18n.language)} → {share(w.after, i18n.language)}
                            </Table.Td>
                            <Table.Td>
                              <Text size="xs">{t('reports.reactions.termsBefore', { terms: terms(w.before) })}</Text>
                              <Text size="xs">{t('reports.reactions.termsAfter', { terms: terms(w.after) })}</Text>
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                    <CutNote reaction={r} />
                  </Stack>
                ))}
              </Stack>
            )
          }
        </QueryState>
      </Stack>
    </Paper>
  );
}

/** Says where the windows were cut at the incident's period, so a short "before" is not read as a quiet one. */
function CutNote({ reaction }: { reaction: StatementReaction }) {
  const { t, i18n } = useTranslation();
  const w = reaction.watches[0];
  if (!w) return null;
  const span = reaction.windowHours * 3_600_000;
  const published = Date.parse(reaction.publishedAt);
  if (Date.parse(w.before.from) <= published - span && Date.parse(w.after.to) >= published + span) return null;
  return (
    <Text size="xs" c="dimmed" data-testid="reaction-cut">
      {t('reports.reactions.cut', { from: formatDateTime(w.before.from, i18n.language), to: formatDateTime(w.after.to, i18n.language) })}
    </Text>
  );
}
