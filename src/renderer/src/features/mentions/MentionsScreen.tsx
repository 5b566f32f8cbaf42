// The mention stream: filters, newest first, older pages on demand, a detail drawer, and manual capture.
import { Button, Drawer, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { IconMicrophone, IconSchool } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentionFilter } from '../../../../shared/domain/storedMention';
import { useMention, useMentionSearch, useSources, useWatches } from '../../api/hooks/useListen';
import { usePeriod } from '../../app/usePeriod';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { QueryState } from '../../components/QueryState';
import { ToneQueuePanel } from '../detection/ToneQueuePanel';
import { BulkFlag } from './BulkFlag';
import { CaptureForm } from './CaptureForm';
import { MentionCard } from './MentionCard';
import { MentionDetail } from './MentionDetail';
import { EMPTY_FILTERS, MentionFilters, toMentionFilter, type FilterState } from './MentionFilters';

export function MentionsScreen() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const [period, setPeriod] = usePeriod();
  const [filters, setFilters] = useState<FilterState>(() => ({ ...EMPTY_FILTERS, watchId: period.watchIds[0] ? String(period.watchIds[0]) : null }));
  const bounds = useMemo(() => (period.from && period.to ? { from: period.from, to: period.to } : null), [period.from, period.to]);
  // The period's start is fixed when the filters change, so that pages of one search stay consistent.
  const filter = useMemo(() => toMentionFilter(filters, Date.now(), bounds), [filters, bounds]);
  const changeFilters = useCallback(
    (next: FilterState) => {
      setFilters(next);
      setPeriod({ watchIds: next.watchId ? [Number(next.watchId)] : [] });
    },
    [setPeriod],
  );
  const search = useMentionSearch(workspaceId, filter);
  const watches = useWatches(workspaceId);
  const sources = useSources(workspaceId);
  const [openId, setOpenId] = useState<number | null>(null);
  const opened = useMention(workspaceId, openId);
  const [capturing, setCapturing] = useState(false);
  const [teaching, setTeaching] = useState(false);

  return (
    <Stack data-testid="screen-mentions" maw={1400}>
      <Group justify="space-between">
        <Title order={2}>{t('mentions.title')}</Title>
        <Group gap="sm">
          <Button variant="subtle" leftSection={<IconSchool size={16} />} onClick={() => setTeaching(true)} data-testid="tone-queue-open">
            {t('detection.toneQueue.open')}
          </Button>
          <Button variant="light" leftSection={<IconMicrophone size={16} />} onClick={() => setCapturing(true)} data-testid="capture-open">
            {t('mentions.capture')}
          </Button>
        </Group>
      </Group>
      <Text c="dimmed">{t('mentions.intro')}</Text>
      <MentionFilters
        value={filters}
        onChange={changeFilters}
        watches={watches.data ?? []}
        sources={sources.data ?? []}
        bounds={bounds}
        onBounds={(b) => setPeriod(b ?? { from: null, to: null })}
      />
      {isSearch(filter) && <BulkFlag filter={filter} />}
      <QueryState query={search}>
        {(data) => {
          const items = data.pages.flatMap((p) => p.items);
          return (
            <Stack gap="xs" data-testid="mentions-list">
              {items.length === 0 && <Text c="dimmed">{t('mentions.empty')}</Text>}
              {items.map((m) => (
                <MentionCard key={m.id} mention={m} onOpen={() => setOpenId(m.id)} />
              ))}
              {search.hasNextPage && (
                <Button variant="subtle" onClick={() => void search.fetchNextPage()} loading={search.isFetchingNextPage}>
                  {t('mentions.more')}
                </Button>
              )}
            </Stack>
          );
        }}
      </QueryState>
      <Drawer opened={openId !== null} onClose={() => setOpenId(null)} position="right" size="lg" title={t('mentions.detail.title')} closeButtonProps={{ 'aria-label': t('app.close') }}>
        {opened.data ? <MentionDetail mention={opened.data} watches={watches.data ?? []} /> : <Loader />}
      </Drawer>
      <Modal opened={capturing} onClose={() => setCapturing(false)} size="lg" title={t('mentions.captureForm.title')} closeButtonProps={{ 'aria-label': t('app.close') }}>
        <CaptureForm onDone={() => setCapturing(false)} />
      </Modal>
      <Modal opened={teaching} onClose={() => setTeaching(false)} size="xl" title={t('detection.toneQueue.title')} closeButtonProps={{ 'aria-label': t('app.close') }}>
        <ToneQueuePanel />
      </Modal>
    </Stack>
  );
}

/** A search narrows the stream beyond its period: words, a watch, a source, a language, a tone or an audience. */
function isSearch(filter: MentionFilter): boolean {
  return Boolean(filter.query || filter.watchId || filter.sourceId || filter.language || filter.tone || filter.minAudience !== undefined);
}
