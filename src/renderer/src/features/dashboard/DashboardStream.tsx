// The watch's newest mentions of the period beside the charts, with the mention detail on click (the mentions feature's parts).
import { Button, Drawer, Loader, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Watch } from '../../../../shared/domain/watch';
import { useMention, useMentionSearch } from '../../api/hooks/useListen';
import { periodHash } from '../../app/periodRoute';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import type { Bounds } from '../../components/PeriodPicker';
import { QueryState } from '../../components/QueryState';
import { MentionCard } from '../mentions/MentionCard';
import { MentionDetail } from '../mentions/MentionDetail';

const SHOWN = 20;

export function DashboardStream({ watchId, watches, bounds }: { watchId: number; watches: Watch[]; bounds: Bounds | null }) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const from = bounds?.from;
  const to = bounds?.to;
  const filter = useMemo(() => ({ watchId, from, to }), [watchId, from, to]);
  const search = useMentionSearch(workspaceId, filter);
  const [openId, setOpenId] = useState<number | null>(null);
  const opened = useMention(workspaceId, openId);
  return (
    <Paper withBorder p="md" radius="md" h="100%">
      <Title order={3} size="h4" mb="xs">
        {t('dashboard.stream.title')}
      </Title>
      <QueryState query={search}>
        {(data) => {
          const items = data.pages.flatMap((p) => p.items).slice(0, SHOWN);
          return (
            <ScrollArea.Autosize mah={760} type="auto">
              <Stack gap="xs" data-testid="dashboard-stream">
                {items.length === 0 && <Text c="dimmed">{t('dashboard.stream.empty')}</Text>}
                {items.map((m) => (
                  <MentionCard key={m.id} mention={m} onOpen={() => setOpenId(m.id)} />
                ))}
              </Stack>
            </ScrollArea.Autosize>
          );
        }}
      </QueryState>
      <Button component="a" variant="subtle" mt="xs" href={periodHash('mentions', { ...(bounds ?? {}), watchIds: [watchId] })}>
        {t('dashboard.stream.all')}
      </Button>
      <Drawer opened={openId !== null} onClose={() => setOpenId(null)} position="right" size="lg" title={t('mentions.detail.title')}>
        {opened.data ? <MentionDetail mention={opened.data} watches={watches} /> : <Loader />}
      </Drawer>
    </Paper>
  );
}
