// Every source with its health: state, last success, last error in words, next attempt, recent volume.
import { ActionIcon, Alert, Button, Code, CopyButton, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconList, IconPencil, IconPlayerPause, IconPlayerPlay, IconRefresh, IconTrash, IconWifiOff } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { captureChannelSchema } from '../../../../shared/domain/capture';
import type { Source } from '../../../../shared/domain/source';
import { usePollSourceNow, useSetSourcePaused } from '../../api/hooks/useListen';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { useHealthText } from '../../i18n/useHealthText';
import { formatDateTime } from '../../i18n/format';
import { DeleteSourceDialog } from './DeleteSourceDialog';
import { relativeSeconds } from './relativeTime';
import { SourceLastItems } from './SourceLastItems';
import { LiveFeedBadge } from './LiveFeedBadge';
import { SourceStateBadge } from './SourceStateBadge';

const CAPTURE_CHANNELS: ReadonlySet<string> = new Set(captureChannelSchema.options);

/** Where a local tool posts and the secret it signs with: the two things its configuration needs. */
function ReceiveInfo({ url, secret }: { url: string; secret: string }) {
  const { t } = useTranslation();
  const line = (label: string, value: string, testId: string) => (
    <Group gap={4}>
      <Text size="xs" c="dimmed" w="100%">
        {label}
      </Text>
      <Code data-testid={testId}>{value}</Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button size="compact-xs" variant="subtle" onClick={copy}>
            {copied ? t('sources.copied') : t('sources.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
  return (
    <Stack gap={2} mt={4}>
      {line(t('sources.receiveAt'), url, 'webhook-url')}
      {line(t('sources.secret'), secret, 'webhook-secret')}
    </Stack>
  );
}

export function SourcesTable({ sources, onEdit }: { sources: Source[]; onEdit: (source: Source) => void }) {
  const { t, i18n } = useTranslation();
  const healthText = useHealthText();
  const workspaceId = useWorkspaceId();
  const setPaused = useSetSourcePaused(workspaceId);
  const pollNow = usePollSourceNow(workspaceId);
  const when = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : t('sources.never'));
  const offline = sources.some((s) => s.health.state === 'offline');
  const [expanded, setExpanded] = useState<number | null>(null);
  const [deleting, setDeleting] = useState<Source | null>(null);
  const pausable = (s: Source): boolean => s.health.state !== 'push' || s.kind === 'webhook';
  // Manual capture keeps one source per channel; its stored name is a fallback, the channel is shown translated.
  const sourceLabel = (s: Source): string => {
    const channel = s.kind === 'manual' ? s.config.channel : undefined;
    return typeof channel === 'string' && CAPTURE_CHANNELS.has(channel) ? `${t('sources.kinds.manual')} — ${t(`mentions.captureForm.channels.${channel}`)}` : s.name;
  };
  return (
    <Stack>
      {offline && (
        <Alert color="orange" icon={<IconWifiOff />} title={t('sources.offlineTitle')} data-testid="sources-offline">
          {t('sources.offlineBody')}
        </Alert>
      )}
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="sources-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('sources.columns.name')}</Table.Th>
            <Table.Th miw={140}>{t('sources.columns.state')}</Table.Th>
            <Table.Th>{t('sources.columns.lastSuccess')}</Table.Th>
            <Table.Th>{t('sources.columns.lastError')}</Table.Th>
            <Table.Th>{t('sources.columns.next')}</Table.Th>
            <Table.Th>{t('sources.columns.lastHour')}</Table.Th>
            <Table.Th>{t('sources.columns.lag')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sources.map((s) => {
            const pull = s.health.state !== 'push';
            return (
              <Fragment key={s.id}>
                <Table.Tr data-testid={`source-row-${s.id}`}>
                  <Table.Td>
                    <Text fw={600}>{sourceLabel(s)}</Text>
                    <Text size="xs" c="dimmed">
                      {t(`sources.kinds.${s.kind}`)}
                      {typeof s.config.url === 'string' ? ` · ${s.config.url}` : ''}
                    </Text>
                    {s.receive && <ReceiveInfo url={s.receive.url} secret={s.receive.secret} />}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <SourceStateBadge state={s.health.state} />
                    <LiveFeedBadge sourceId={s.id} />
                  </Table.Td>
                  <Table.Td>{pull ? when(s.health.lastSuccessAt) : '—'}</Table.Td>
                  <Table.Td maw={320}>
                    {s.health.lastError ? (
                      <>
                        <Text size="sm" c="red" data-testid="source-last-error">
                          {healthText(s.health.lastErrorMessage, s.health.lastError)}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t('sources.failures', { count: s.health.consecutiveFailures })}
                        </Text>
                      </>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>{s.health.nextAttemptAt ? formatDateTime(s.health.nextAttemptAt, i18n.language) : '—'}</Table.Td>
                  <Table.Td data-testid="source-received">
                    {t('sources.items', { count: s.health.itemsLastHour, formatted: s.health.itemsLastHour.toLocaleString(i18n.language) })}
                  </Table.Td>
                  <Table.Td data-testid="source-newest">{s.health.lagSeconds === null ? '—' : relativeSeconds(s.health.lagSeconds, i18n.language)}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Tooltip label={t('sources.lastItems')}>
                        <ActionIcon
                          variant={expanded === s.id ? 'light' : 'subtle'}
                          aria-label={t('sources.lastItems')}
                          aria-expanded={expanded === s.id}
                          onClick={() => setExpanded(expanded === s.id ? null : s.id)}
                          data-testid={`source-last-items-toggle-${s.id}`}
                        >
                          <IconList size={18} />
                        </ActionIcon>
                      </Tooltip>
                      {pull && (
                        <Tooltip label={t('sources.pollNow')}>
                          <ActionIcon variant="subtle" aria-label={t('sources.pollNow')} onClick={() => pollNow.mutate(s.id)} loading={pollNow.isPending && pollNow.variables === s.id}>
                            <IconRefresh size={18} />
                          </ActionIcon>
                        </Tooltip>
                      )}
                      {pausable(s) && (
                        <Tooltip label={s.paused ? t('sources.resume') : t('sources.pause')}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={s.paused ? t('sources.resume') : t('sources.pause')}
                            onClick={() => setPaused.mutate({ id: s.id, paused: !s.paused })}
                            data-testid={`source-pause-${s.id}`}
                          >
                            {s.paused ? <IconPlayerPlay size={18} /> : <IconPlayerPause size={18} />}
                          </ActionIcon>
                        </Tooltip>
                      )}
                      {(s.kind === 'rss' || s.kind === 'webhook' || s.kind === 'mastodon' || s.kind === 'bluesky') && (
                        <Tooltip label={t('sources.edit')}>
                          <ActionIcon variant="subtle" aria-label={t('sources.edit')} onClick={() => onEdit(s)}>
                            <IconPencil size={18} />
                          </ActionIcon>
                        </Tooltip>
                      )}
                      <Tooltip label={t('sources.delete')}>
                        <ActionIcon variant="subtle" color="red" aria-label={t('sources.delete')} onClick={() => setDeleting(s)} data-testid={`source-delete-${s.id}`}>
                          <IconTrash size={18} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                </Table.Tr>
                {expanded === s.id && (
                  <Table.Tr>
                    <Table.Td colSpan={8}>
                      <SourceLastItems sourceId={s.id} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
      {deleting && <DeleteSourceDialog source={deleting} label={sourceLabel(deleting)} canPause={pausable(deleting)} onClose={() => setDeleting(null)} />}
    </Stack>
  );
}
