// Sources (health, pause/resume, test, add/edit) and watches (what the cell monitors), side by side in tabs.
import { Button, Group, Modal, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source } from '../../../../shared/domain/source';
import type { Watch } from '../../../../shared/domain/watch';
import { useSources, useWatches } from '../../api/hooks/useListen';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { QueryState } from '../../components/QueryState';
import { SocialSourceForm } from './SocialSourceForm';
import { SourceForm } from './SourceForm';
import { SourcesTable } from './SourcesTable';
import { WatchesTable } from './WatchesTable';
import { WatchForm } from './WatchForm';

type Editing = { what: 'source'; source?: Source; kind?: 'mastodon' | 'bluesky' } | { what: 'watch'; watch?: Watch } | null;

export function SourcesScreen() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const sources = useSources(workspaceId);
  const watches = useWatches(workspaceId);
  const [editing, setEditing] = useState<Editing>(null);
  const close = () => setEditing(null);
  const social = editing?.what === 'source' ? socialKind(editing) : undefined;
  return (
    <Stack data-testid="screen-sources" maw={1400}>
      <Title order={2}>{t('sources.title')}</Title>
      <Text c="dimmed">{t('sources.intro')}</Text>
      <Tabs defaultValue="sources" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="sources" data-testid="tab-sources">
            {t('sources.tabSources')}
          </Tabs.Tab>
          <Tabs.Tab value="watches" data-testid="tab-watches">
            {t('sources.tabWatches')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sources" pt="md">
          <QueryState query={sources}>
            {(list) => (
              <Stack>
                <Group>
                  <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ what: 'source' })} data-testid="source-add">
                    {t('sources.add')}
                  </Button>
                  {(['mastodon', 'bluesky'] as const).map((kind) => (
                    <Button key={kind} variant="light" leftSection={<IconPlus size={16} />} onClick={() => setEditing({ what: 'source', kind })} data-testid={`source-add-${kind}`}>
                      {t(`socialSources.add.${kind}`)}
                    </Button>
                  ))}
                </Group>
                {list.length === 0 ? <Text c="dimmed">{t('sources.empty')}</Text> : <SourcesTable sources={list} onEdit={(source) => setEditing({ what: 'source', source })} />}
              </Stack>
            )}
          </QueryState>
        </Tabs.Panel>
        <Tabs.Panel value="watches" pt="md">
          <QueryState query={watches}>
            {(list) => (
              <Stack>
                <Group>
                  <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ what: 'watch' })} data-testid="watch-add">
                    {t('watches.add')}
                  </Button>
                </Group>
                {list.length === 0 ? (
                  <Text c="dimmed">{t('watches.empty')}</Text>
                ) : (
                  <WatchesTable watches={list} sources={sources.data ?? []} onEdit={(watch) => setEditing({ what: 'watch', watch })} />
                )}
              </Stack>
            )}
          </QueryState>
        </Tabs.Panel>
      </Tabs>
      <Modal
        opened={editing !== null}
        onClose={close}
        size="lg"
        title={
          editing?.what === 'source'
            ? t(editing.source ? 'sources.form.titleEdit' : 'sources.form.titleNew')
            : t(editing?.watch ? 'watches.form.titleEdit' : 'watches.form.titleNew')
        }
      >
        {editing?.what === 'source' && social && <SocialSourceForm kind={social} source={editing.source} onDone={close} />}
        {editing?.what === 'source' && !social && <SourceForm source={editing.source} onDone={close} />}
        {editing?.what === 'watch' && <WatchForm watch={editing.watch} sources={sources.data ?? []} onDone={close} />}
      </Modal>
    </Stack>
  );
}

/** Mastodon and Bluesky sources have their own form (instance, search, write-only secrets, live feed). */
function socialKind(editing: { source?: Source; kind?: 'mastodon' | 'bluesky' }): 'mastodon' | 'bluesky' | undefined {
  const kind = editing.source?.kind ?? editing.kind;
  return kind === 'mastodon' || kind === 'bluesky' ? kind : undefined;
}
