// What a finished import found: rows per watch and those no watch took (listed on demand), the period the file
// covers, the zone its dates were read in, how often the agency's sentiment agrees with ours, and the next steps.
import { Button, Group, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProgress } from '../../../../shared/domain/fileImport';
import { useWatches } from '../../api/hooks/useListen';
import { useUnmatchedRows } from '../../api/hooks/useImports';
import { periodHash } from '../../app/periodRoute';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { errorMessage } from '../../i18n/errorMessage';
import { formatDateTime } from '../../i18n/format';

/** The period opened from an import ends just after its last post, so that post is inside it. */
const PERIOD_MARGIN_MS = 60_000;

export function ImportSummary({ progress }: { progress: ImportProgress }) {
  const { t, i18n } = useTranslation();
  const watches = useWatches(useWorkspaceId());
  const [showUnmatched, setShowUnmatched] = useState(false);
  const unmatched = useUnmatchedRows(progress.runId, showUnmatched);
  const unmatchedRows = unmatched.data?.pages.flatMap((page) => page.rows) ?? progress.unmatchedRows;
  const number = (n: number): string => n.toLocaleString(i18n.language);
  const watchName = (id: number): string => watches.data?.find((w) => w.id === id)?.name ?? `#${id}`;
  const period = progress.period && {
    from: progress.period.from,
    to: new Date(Date.parse(progress.period.to) + PERIOD_MARGIN_MS).toISOString(),
    watchIds: progress.watchMatches.map((m) => m.watchId),
  };
  const agreement =
    progress.sentiment.compared > 0
      ? new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(progress.sentiment.agreed / progress.sentiment.compared)
      : undefined;

  return (
    <Stack gap="sm" data-testid="import-summary">
      <Title order={5}>{t('imports.summary.title')}</Title>
      {progress.period && (
        <Text size="sm" data-testid="import-period">
          {t('imports.summary.period', { from: formatDateTime(progress.period.from, i18n.language), to: formatDateTime(progress.period.to, i18n.language) })}
        </Text>
      )}
      {progress.zoneLessRows > 0 && (
        <Text size="sm" data-testid="import-zone-read">
          {t('imports.summary.zoneRead', { count: progress.zoneLessRows, formatted: number(progress.zoneLessRows), zone: progress.timeZone })}
        </Text>
      )}
      {agreement !== undefined && (
        <Text size="sm" data-testid="import-sentiment-agreement">
          {t('imports.summary.agreement', { percent: agreement, count: progress.sentiment.compared, formatted: number(progress.sentiment.compared) })}
        </Text>
      )}
      {period && (
        <Group data-testid="import-next">
          <Button onClick={() => (window.location.hash = periodHash('dashboard', period))} data-testid="import-open-period">
            {t('imports.summary.openPeriod')}
          </Button>
          <Button variant="light" onClick={() => (window.location.hash = periodHash('alerts', { ...period, flags: { backtest: '1' } }))} data-testid="import-backtest-period">
            {t('imports.summary.backtestPeriod')}
          </Button>
        </Group>
      )}
      <Table withTableBorder fz="sm" maw={600} data-testid="import-watch-matches">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('imports.summary.watch')}</Table.Th>
            <Table.Th ta="right">{t('imports.summary.rows')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {progress.watchMatches.map((match) => (
            <Table.Tr key={match.watchId}>
              <Table.Td>{watchName(match.watchId)}</Table.Td>
              <Table.Td ta="right">{number(match.rows)}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr data-testid="import-unmatched">
            <Table.Td fs="italic">{t('imports.summary.noWatch')}</Table.Td>
            <Table.Td ta="right">{number(progress.unmatched)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {progress.unmatchedRows.length > 0 && (
        <Stack gap="xs">
          <Group>
            <Button variant="subtle" size="compact-sm" onClick={() => setShowUnmatched((v) => !v)} data-testid="import-show-unmatched">
              {showUnmatched ? t('imports.summary.hideUnmatched') : t('imports.summary.showUnmatched', { count: progress.unmatched })}
            </Button>
          </Group>
          {showUnmatched && (
            <ScrollArea.Autosize mah={360} maw={900} type="auto" offsetScrollbars viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t('imports.summary.unmatchedRows') }}>
              <Table withTableBorder fz="xs" data-testid="import-unmatched-rows">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={90}>{t('imports.line')}</Table.Th>
                    <Table.Th>{t('imports.summary.excerpt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {unmatchedRows.map((row) => (
                    <Table.Tr key={row.line}>
                      <Table.Td>{row.line}</Table.Td>
                      <Table.Td>{row.excerpt}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          )}
          {showUnmatched && unmatched.hasNextPage && (
            <Group>
              <Button
                variant="light"
                size="compact-sm"
                loading={unmatched.isFetchingNextPage}
                onClick={() => void unmatched.fetchNextPage()}
                data-testid="import-more-unmatched"
              >
                {t('imports.summary.moreUnmatched', { count: Math.min(200, progress.unmatched - unmatchedRows.length), total: progress.unmatched })}
              </Button>
            </Group>
          )}
          {unmatched.error && (
            <Text size="xs" c="red">
              {errorMessage(unmatched.error, t)}
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
