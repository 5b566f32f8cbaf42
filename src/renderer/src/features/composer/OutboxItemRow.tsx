// One outbox item: its state, where it was published, why it failed, and for manual channels the final text.
import { Anchor, Badge, Button, CopyButton, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../../../shared/domain/statement';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { useComposerCall } from '../../api/hooks/useComposer';
import { formatDateTime } from '../../i18n/format';
import { useHealthText } from '../../i18n/useHealthText';
import { useOperator } from '../incidents/useOperator';
import { outboxColor } from './labels';
import { errorMessage } from '../../i18n/errorMessage';

export function OutboxItemRow({ workspaceId, item, showText }: { workspaceId: WorkspaceId; item: OutboxItem; showText: boolean }) {
  const { t, i18n } = useTranslation();
  const healthText = useHealthText();
  const [, , actor] = useOperator(t('composer.someone'));
  const confirm = useComposerCall('composer:confirmManual');
  const retry = useComposerCall('composer:retryNow');
  const [url, setUrl] = useState('');
  const text = item.parts.join('\n\n');
  return (
    <Paper withBorder p="xs" data-testid={`outbox-${item.channel}-${item.language}`} data-state={item.state}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap">
          <Group gap={6}>
            <Text fw={600} size="sm">
              {t(`composer.channels.${item.channel}`)} · {item.language.toUpperCase()}
            </Text>
            {item.parts.length > 1 && (
              <Text size="xs" c="dimmed">
                {t('composer.outbox.parts', { count: item.parts.length })}
              </Text>
            )}
          </Group>
          <Badge color={outboxColor[item.state]}>{t(`composer.outbox.states.${item.state}`)}</Badge>
        </Group>
        {item.publishedAt && (
          <Text size="xs">
            {t('composer.outbox.publishedAt', { at: formatDateTime(item.publishedAt, i18n.language) })}
            {item.url && (
              <>
                {' · '}
                <Anchor href={item.url} target="_blank" rel="noreferrer" size="xs">
                  {item.url}
                </Anchor>
              </>
            )}
          </Text>
        )}
        {item.lastError && item.state !== 'published' && (
          <Text size="xs" c="red">
            {healthText(item.lastErrorMessage, item.lastError)}
            {item.state === 'queued' && ` · ${t('composer.outbox.nextAttempt', { at: formatDateTime(item.nextAttemptAt, i18n.language) })}`}
            {item.attempts > 0 && ` · ${t('composer.outbox.attempts', { count: item.attempts })}`}
          </Text>
        )}
        {(item.state === 'failed' || (item.state === 'queued' && item.attempts > 0)) && (
          <Button size="compact-xs" variant="light" onClick={() => retry.mutate({ workspaceId, outboxId: item.id })} w="fit-content">
            {t('composer.outbox.retry')}
          </Button>
        )}
        {(showText || item.state === 'manual') && (
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }} lineClamp={item.state === 'manual' ? undefined : 3}>
            {text}
          </Text>
        )}
        {item.state === 'manual' && (
          <Stack gap={4}>
            <TextInput size="xs" placeholder={t('composer.outbox.confirmUrl')} aria-label={t('composer.outbox.confirmUrl')} value={url} onChange={(e) => setUrl(e.currentTarget.value)} />
            <Group gap={6}>
              <CopyButton value={text}>
                {({ copied, copy }) => (
                  <Button size="compact-xs" variant="light" onClick={copy}>
                    {copied ? t('composer.outbox.copied') : t('composer.outbox.copy')}
                  </Button>
                )}
              </CopyButton>
              <Button
                size="compact-xs"
                loading={confirm.isPending}
                onClick={() =>
                  confirm.mutate({
                    workspaceId,
                    outboxId: item.id,
                    confirmation: { person: actor.author, publishedAt: new Date().toISOString(), url: url.trim() || null },
                  })
                }
              >
                {t('composer.outbox.confirm')}
              </Button>
            </Group>
          </Stack>
        )}
        {confirm.error && (
          <Text size="xs" c="red">
            {errorMessage(confirm.error, t)}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
