// Add or edit a Mastodon or Bluesky source: settings, write-only secrets, a "Test" that searches once.
import { Alert, Button, Group, NumberInput, PasswordInput, SegmentedControl, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source, SourceInput } from '../../../../shared/domain/source';
import { useSaveSource, useTestSource } from '../../api/hooks/useListen';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { SourceTestResult } from './SourceTestResult';
import { errorMessage } from '../../i18n/errorMessage';

const DEFAULT_JETSTREAM = 'wss://jetstream2.us-east.bsky.network/subscribe';

type Kind = 'mastodon' | 'bluesky';

const text = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);

export function SocialSourceForm({ kind, source, onDone }: { kind: Kind; source?: Source; onDone: () => void }) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const save = useSaveSource(workspaceId);
  const test = useTestSource(workspaceId);
  const failure = save.error ?? test.error;
  const config = source?.config ?? {};
  const saved = new Set(source?.credentialKeys ?? []);
  const [name, setName] = useState(source?.name ?? '');
  const [minutes, setMinutes] = useState<number>(source ? Math.round(source.intervalSeconds / 60) : 2);
  const [instance, setInstance] = useState(text(config.instance, 'https://mastodon.social'));
  const [mode, setMode] = useState<'hashtag' | 'search'>(config.mode === 'search' ? 'search' : 'hashtag');
  const [localOnly, setLocalOnly] = useState(config.localOnly === true);
  const [service, setService] = useState(text(config.service, 'https://bsky.social'));
  const [query, setQuery] = useState(text(config.query));
  const [lang, setLang] = useState<string | null>(text(config.lang) || null);
  const [live, setLive] = useState(typeof config.jetstream === 'string');
  const [jetstream, setJetstream] = useState(text(config.jetstream, DEFAULT_JETSTREAM));
  const [secrets, setSecrets] = useState<Record<string, string>>({});

  const secret = (key: string, label: string, help?: string) => (
    <PasswordInput
      label={label}
      description={help}
      placeholder={saved.has(key) ? t('socialSources.saved') : undefined}
      value={secrets[key] ?? ''}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setSecrets((s) => ({ ...s, [key]: value }));
      }}
      data-testid={`source-secret-${key}`}
      autoComplete="off"
    />
  );

  const input = (): SourceInput => {
    const filled = Object.fromEntries(Object.entries(secrets).filter(([, v]) => v.trim()));
    // Secrets are write-only: an edit that leaves them empty keeps the stored ones.
    const credentials = Object.keys(filled).length > 0 || !source ? filled : undefined;
    const settings =
      kind === 'mastodon'
        ? { instance: instance.trim(), mode, query: query.trim(), ...(mode === 'hashtag' && localOnly ? { localOnly: true } : {}) }
        : { service: service.trim(), query: query.trim(), ...(lang ? { lang } : {}), ...(live ? { jetstream: jetstream.trim() } : {}) };
    return { kind, name: name.trim() || `${kind === 'mastodon' ? 'Mastodon' : 'Bluesky'} — ${query.trim()}`, config: settings, credentials, intervalSeconds: Math.max(1, minutes) * 60 };
  };

  return (
    <Stack data-testid={`source-form-${kind}`}>
      <TextInput label={t('socialSources.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="source-name" />
      {kind === 'mastodon' ? (
        <>
          <TextInput label={t('socialSources.mastodon.instance')} description={t('socialSources.mastodon.instanceHelp')} value={instance} onChange={(e) => setInstance(e.currentTarget.value)} required data-testid="source-instance" />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('socialSources.mastodon.mode')}
            </Text>
            <SegmentedControl
              value={mode}
              onChange={(v) => setMode(v === 'search' ? 'search' : 'hashtag')}
              data={[
                { value: 'hashtag', label: t('socialSources.mastodon.hashtag') },
                { value: 'search', label: t('socialSources.mastodon.search') },
              ]}
            />
          </Stack>
          <TextInput
            label={t(mode === 'hashtag' ? 'socialSources.mastodon.hashtagQuery' : 'socialSources.mastodon.searchQuery')}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            placeholder={mode === 'hashtag' ? '#AcmeLeak' : 'acme fuite'}
            required
            data-testid="source-query"
          />
          {mode === 'hashtag' && <Switch label={t('socialSources.mastodon.localOnly')} checked={localOnly} onChange={(e) => setLocalOnly(e.currentTarget.checked)} />}
          {secret('accessToken', t('socialSources.mastodon.token'), t('socialSources.mastodon.tokenHelp'))}
          <Text size="xs" c="dimmed">
            {t('socialSources.mastodon.live')}
          </Text>
        </>
      ) : (
        <>
          <TextInput label={t('socialSources.bluesky.service')} description={t('socialSources.bluesky.serviceHelp')} value={service} onChange={(e) => setService(e.currentTarget.value)} required data-testid="source-service" />
          <TextInput label={t('socialSources.bluesky.query')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} placeholder="acme fuite" required data-testid="source-query" />
          <Select
            label={t('socialSources.bluesky.lang')}
            data={[
              { value: 'fr', label: t('languages.fr') },
              { value: 'en', label: t('languages.en') },
            ]}
            placeholder={t('socialSources.bluesky.anyLanguage')}
            value={lang}
            onChange={setLang}
            clearable
          />
          <TextInput
            label={t('socialSources.bluesky.identifier')}
            placeholder={saved.has('identifier') ? t('socialSources.saved') : 'cellule.bsky.social'}
            value={secrets.identifier ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setSecrets((s) => ({ ...s, identifier: value }));
            }}
            data-testid="source-secret-identifier"
            autoComplete="off"
          />
          {secret('appPassword', t('socialSources.bluesky.appPassword'), t('socialSources.bluesky.appPasswordHelp'))}
          <Switch label={t('socialSources.bluesky.live')} description={t('socialSources.bluesky.liveHelp')} checked={live} onChange={(e) => setLive(e.currentTarget.checked)} data-testid="source-live" />
          {live && <TextInput label={t('socialSources.bluesky.jetstream')} value={jetstream} onChange={(e) => setJetstream(e.currentTarget.value)} />}
        </>
      )}
      <NumberInput label={t('socialSources.interval')} min={1} max={1440} value={minutes} onChange={(v) => setMinutes(Number(v) || 2)} />
      {test.data && (
        <SourceTestResult
          result={test.data}
          okText={(count) => t('socialSources.testOk', { count })}
          failedText={(message) => t('socialSources.testFailed', { message })}
        />
      )}
      {failure && <Alert color="red">{errorMessage(failure, t)}</Alert>}
      <Group justify="space-between">
        <Button variant="default" onClick={() => test.mutate(input())} loading={test.isPending} disabled={!query.trim()} data-testid="source-test">
          {t('socialSources.test')}
        </Button>
        <Group>
          <Button variant="subtle" onClick={onDone}>
            {t('socialSources.cancel')}
          </Button>
          <Button onClick={() => save.mutate({ id: source?.id, source: input() }, { onSuccess: onDone })} loading={save.isPending} disabled={!query.trim()} data-testid="source-save">
            {t('socialSources.save')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
