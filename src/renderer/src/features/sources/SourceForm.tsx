// Add or edit a news-feed source, with a "Test" that fetches it once before anything is saved.
import { Alert, Button, Group, List, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source, SourceInput } from '../../../../shared/domain/source';
import { useSaveSource, useTestSource } from '../../api/hooks/useListen';
import { useWorkspaceId } from '../../app/WorkspaceContext';

export function SourceForm({ source, onDone }: { source?: Source; onDone: () => void }) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const [name, setName] = useState(source?.name ?? '');
  const [url, setUrl] = useState(typeof source?.config.url === 'string' ? source.config.url : '');
  const [minutes, setMinutes] = useState<number>(source ? Math.round(source.intervalSeconds / 60) : 10);
  const save = useSaveSource(workspaceId);
  const test = useTestSource(workspaceId);
  const input = (): SourceInput => ({ kind: 'rss', name: name.trim() || url, config: { url: url.trim() }, intervalSeconds: Math.max(1, minutes) * 60 });

  return (
    <Stack>
      <TextInput label={t('listen.sources.form.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="source-name" />
      <TextInput
        label={t('listen.sources.form.url')}
        description={t('listen.sources.form.urlHelp')}
        value={url}
        onChange={(e) => setUrl(e.currentTarget.value)}
        required
        data-testid="source-url"
      />
      <NumberInput label={t('listen.sources.form.interval')} min={1} max={1440} value={minutes} onChange={(v) => setMinutes(Number(v) || 10)} />
      {test.data &&
        (test.data.ok ? (
          <Alert color="green" data-testid="source-test-ok">
            <Text size="sm">{t('listen.sources.form.testOk', { count: test.data.itemCount })}</Text>
            <List size="sm" mt="xs">
              {test.data.sample.map((s, i) => (
                <List.Item key={i}>{s.title ?? s.text.slice(0, 120)}</List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <Alert color="red" data-testid="source-test-failed">
            {t('listen.sources.form.testFailed', { message: test.data.message })}
          </Alert>
        ))}
      {(save.error || test.error) && <Alert color="red">{(save.error ?? test.error)?.message}</Alert>}
      <Group justify="space-between">
        <Button variant="default" onClick={() => test.mutate(input())} loading={test.isPending} disabled={!url.trim()} data-testid="source-test">
          {t('listen.sources.form.test')}
        </Button>
        <Group>
          <Button variant="subtle" onClick={onDone}>
            {t('listen.sources.form.cancel')}
          </Button>
          <Button
            onClick={() => save.mutate({ id: source?.id, source: input() }, { onSuccess: onDone })}
            loading={save.isPending}
            disabled={!url.trim()}
            data-testid="source-save"
          >
            {t('listen.sources.form.save')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
