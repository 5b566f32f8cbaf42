// The Mastodon and Bluesky accounts the outbox publishes with.
import { Button, Group, NumberInput, Paper, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { useComposerCall, usePublishAccounts } from '../../api/hooks/useComposer';
import { errorMessage } from '../../i18n/errorMessage';

export function AccountsPanel({ workspaceId }: { workspaceId: WorkspaceId }) {
  const { t } = useTranslation();
  const accounts = usePublishAccounts(workspaceId);
  const save = useComposerCall('composer:setAccount');
  const [mastodon, setMastodon] = useState({ instanceUrl: '', accessToken: '', maxCharacters: 500 });
  const [bluesky, setBluesky] = useState({ serviceUrl: 'https://bsky.social', identifier: '', appPassword: '' });
  const status = (channel: 'mastodon' | 'bluesky'): string => {
    const a = accounts.data?.find((x) => x.channel === channel);
    return a?.configured ? t('composer.accounts.configured', { target: a.target }) : t('composer.accounts.notConfigured');
  };
  return (
    <Paper withBorder p="md" data-testid="composer-accounts">
      <Stack gap="sm">
        <Title order={4}>{t('composer.accounts.title')}</Title>
        <Text size="xs" c="dimmed">
          {t('composer.accounts.help')}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Stack gap={6}>
            <Group justify="space-between">
              <Text fw={600}>Mastodon</Text>
              <Text size="xs" data-testid="composer-account-mastodon">
                {status('mastodon')}
              </Text>
            </Group>
            <TextInput label={t('composer.accounts.mastodonInstance')} placeholder="https://mastodon.social" value={mastodon.instanceUrl} onChange={(e) => setMastodon({ ...mastodon, instanceUrl: e.currentTarget.value })} data-testid="composer-mastodon-url" />
            <PasswordInput label={t('composer.accounts.mastodonToken')} value={mastodon.accessToken} onChange={(e) => setMastodon({ ...mastodon, accessToken: e.currentTarget.value })} data-testid="composer-mastodon-token" />
            <NumberInput
              label={t('composer.accounts.maxCharacters')}
              min={100}
              max={100000}
              value={mastodon.maxCharacters}
              onChange={(v) => setMastodon({ ...mastodon, maxCharacters: typeof v === 'number' ? v : 500 })}
            />
            <Button
              variant="light"
              disabled={!mastodon.instanceUrl || !mastodon.accessToken}
              onClick={() => save.mutate({ workspaceId, account: { channel: 'mastodon', config: mastodon } })}
              data-testid="composer-mastodon-save"
            >
              {t('composer.accounts.save')}
            </Button>
          </Stack>
          <Stack gap={6}>
            <Group justify="space-between">
              <Text fw={600}>Bluesky</Text>
              <Text size="xs">{status('bluesky')}</Text>
            </Group>
            <TextInput label={t('composer.accounts.blueskyService')} value={bluesky.serviceUrl} onChange={(e) => setBluesky({ ...bluesky, serviceUrl: e.currentTarget.value })} />
            <TextInput label={t('composer.accounts.blueskyHandle')} placeholder="cellule.bsky.social" value={bluesky.identifier} onChange={(e) => setBluesky({ ...bluesky, identifier: e.currentTarget.value })} />
            <PasswordInput label={t('composer.accounts.blueskyPassword')} value={bluesky.appPassword} onChange={(e) => setBluesky({ ...bluesky, appPassword: e.currentTarget.value })} />
            <Button
              variant="light"
              disabled={!bluesky.serviceUrl || !bluesky.identifier || !bluesky.appPassword}
              onClick={() => save.mutate({ workspaceId, account: { channel: 'bluesky', config: bluesky } })}
            >
              {t('composer.accounts.save')}
            </Button>
          </Stack>
        </SimpleGrid>
        {save.error && (
          <Text c="red" size="sm">
            {errorMessage(save.error, t)}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
