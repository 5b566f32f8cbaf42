// Add or edit a news-feed source, with a "Test" that fetches it once before anything is saved.
import { Alert, Button, Checkbox, Group, NumberInput, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source, SourceInput } from '../../../../shared/domain/source';
import { useSaveSource, useTestSource } from '../../api/hooks/useListen';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { SourceTestResult } from './SourceTestResult';
import { errorMessage } from '../../i18n/errorMessage';

export function SourceForm({ source, onDone }: { source?: Source; onDone: () => void }) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const [name, setName] = useState(source?.name ?? '');
  const [url, setUrl] = useState(typeof source?.config.url === 'string' ? source.config.url : '');
  const [localNetwork, setLocalNetwork] = useState(source?.config.localNetwork === true);
  const [minutes, setMinutes] = useState<number>(source ? Math.round(source.intervalSeconds / 60) : 10);
  const [kind, setKind] = useState<'rss' | 'webhook'>(source?.kind === 'webhook' ? 'webhook' : 'rss');
  const [port, setPort] = useState<number>(typeof source?.config.port === 'number' ? source.config.port : 8765);
  const save = useSaveSource(workspaceId);
  const test = useTestSource(workspaceId);
  const failure = save.error ?? test.error;
  const webhook = kind === 'webhook';
  const input = (): SourceInput =>
    webhook
      ? { kind: 'webhook', name: name.trim() || `Webhook ${port}`, config: { port } }
      : { kind: 'rss', name: name.trim() || url.trim(), config: { url: url.trim(), ...(localNetwork ? { localNetwork: true } : {}) }, intervalSeconds: Math.max(1, minutes) * 60 };
  const ready = webhook ? port >= 1024 && port <= 65_535 : url.trim().length > 0;

  return (
    <Stack>
      {!source && (
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v as 'rss' | 'webhook')}
          data={[
            { value: 'rss', label: t('sources.kinds.rss') },
            { value: 'webhook', label: t('sources.kinds.webhook') },
          ]}
          data-testid="source-kind"
        />
      )}
      <TextInput label={t('sources.form.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="source-name" />
      {webhook ? (
        <NumberInput
          label={t('sources.form.port')}
          description={t('sources.form.portHelp')}
          min={1024}
          max={65_535}
          value={port}
          onChange={(v) => setPort(Number(v) || 0)}
          data-testid="source-port"
        />
      ) : (
        <>
          <TextInput
            label={t('sources.form.url')}
            description={t('sources.form.urlHelp')}
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            required
            data-testid="source-url"
          />
          <NumberInput label={t('sources.form.interval')} min={1} max={1440} value={minutes} onChange={(v) => setMinutes(Number(v) || 10)} />
          <Checkbox
            label={t('sources.form.localNetwork')}
            description={t('sources.form.localNetworkHelp')}
            checked={localNetwork}
            onChange={(e) => setLocalNetwork(e.currentTarget.checked)}
            data-testid="source-local-network"
          />
        </>
      )}
      {test.data && (
        <SourceTestResult
          result={test.data}
          okText={(count) => t('sources.form.testOk', { count })}
          failedText={(message) => t('sources.form.testFailed', { message })}
        />
      )}
      {failure && <Alert color="red">{errorMessage(failure, t)}</Alert>}
      <Group justify="space-between">
        {webhook ? (
          <span />
        ) : (
          <Button variant="default" onClick={() => test.mutate(input())} loading={test.isPending} disabled={!ready} data-testid="source-test">
            {t('sources.form.test')}
          </Button>
        )}
        <Group>
          <Button variant="subtle" onClick={onDone}>
            {t('sources.form.cancel')}
          </Button>
          <Button
            onClick={() => save.mutate({ id: source?.id, source: input() }, { onSuccess: onDone })}
            loading={save.isPending}
            disabled={!ready}
            data-testid="source-save"
          >
            {t('sources.form.save')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
