// Mentions waiting for an answer: assign a role, start a reply statement, or record how it was handled. The queue
// is shown a page at a time (keyset cursors kept for going back), so the screen stays the same size whatever its length.
import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RESPONSE_REASONS, type ResponseCursor, type ResponseFlagger, type ResponseItem, type ResponseReason } from '../../../../shared/domain/responseQueue';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { useComposerCall, useResponseCounts, useResponses } from '../../api/hooks/useComposer';
import { usePlan } from '../../api/hooks/usePlan';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../i18n/format';
import { useOperator } from '../incidents/useOperator';
import { errorMessage } from '../../i18n/errorMessage';
import { KeysetPager, usePageStarts } from '../../components/KeysetPager';

const REASON_COLOR: Record<ResponseItem['reason'], string> = { question: 'blue', complaint: 'red', journalist: 'grape', manual: 'gray', employee: 'indigo' };

export function ResponseQueuePanel(props: { workspaceId: WorkspaceId; incidentId: string | null; onOpenStatement: (id: string) => void }) {
  const { t } = useTranslation();
  // A mention flagged from the stream may lie outside every incident's watches: the whole queue stays one click away.
  const [whole, setWhole] = useState(false);
  const scopeId = whole ? null : props.incidentId;
  const [reason, setReason] = useState<ResponseReason | null>(null);
  const [flaggedBy, setFlaggedBy] = useState<ResponseFlagger | null>(null);
  const pages = usePageStarts<ResponseCursor>(JSON.stringify([props.workspaceId, scopeId, reason, flaggedBy]));
  const items = useResponses(props.workspaceId, scopeId, pages.current, { reason, flaggedBy });
  const counts = useResponseCounts(props.workspaceId, scopeId);
  const next = items.data?.next ?? null;
  return (
    <Paper withBorder p="md" data-testid="composer-responses">
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="md">
            <Title order={4}>{t('composer.responses.title')}</Title>
            {props.incidentId !== null && (
              <SegmentedControl
                size="xs"
                aria-label={t('composer.responses.scope.label')}
                value={whole ? 'all' : 'incident'}
                onChange={(v) => setWhole(v === 'all')}
                data={[
                  { value: 'incident', label: t('composer.responses.scope.incident') },
                  { value: 'all', label: t('composer.responses.scope.all') },
                ]}
                data-testid="composer-responses-scope"
              />
            )}
            <Select
              size="xs"
              aria-label={t('composer.responses.reasonFilter')}
              placeholder={t('composer.responses.anyReason')}
              data={RESPONSE_REASONS.map((r) => ({ value: r, label: t(`composer.responses.reasons.${r}`) }))}
              value={reason}
              onChange={(v) => setReason(v as ResponseReason | null)}
              clearable
              w={190}
              data-testid="composer-responses-reason"
            />
            <Select
              size="xs"
              aria-label={t('composer.responses.flaggedByFilter')}
              placeholder={t('composer.responses.flaggedBy.anyone')}
              data={(['people', 'rules'] as const).map((f) => ({ value: f, label: t(`composer.responses.flaggedBy.${f}`) }))}
              value={flaggedBy}
              onChange={(v) => setFlaggedBy(v as ResponseFlagger | null)}
              clearable
              w={190}
              data-testid="composer-responses-flagged-by"
            />
          </Group>
          <Badge size="lg" color={counts.data?.unanswered ? 'orange' : 'gray'} data-testid="composer-responses-unanswered">
            {t('composer.responses.unanswered', { count: counts.data?.unanswered ?? 0 })}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {t('composer.responses.help')}
        </Text>
        <QueryState query={items}>
          {(page) =>
            page.items.length === 0 ? (
              <Text c="dimmed">{t('composer.responses.empty')}</Text>
            ) : (
              <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
                {page.items.map((item) => (
                  <ResponseCard key={item.mentionId} {...props} item={item} />
                ))}
              </SimpleGrid>
            )
          }
        </QueryState>
        <KeysetPager
          pages={pages}
          next={next}
          busy={items.isPlaceholderData}
          labels={{ navigation: t('composer.responses.pages'), back: t('composer.responses.previous'), page: t('composer.responses.page', { page: pages.page }), forward: t('composer.responses.next') }}
          testIds={{ back: 'responses-previous', page: 'responses-page', forward: 'responses-next' }}
        />
      </Stack>
    </Paper>
  );
}

function ResponseCard({ workspaceId, incidentId, onOpenStatement, item }: { workspaceId: WorkspaceId; incidentId: string | null; onOpenStatement: (id: string) => void; item: ResponseItem }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const plan = usePlan(workspaceId);
  const [operator] = useOperator('');
  const [note, setNote] = useState('');
  const assign = useComposerCall('composer:assignResponse');
  const close = useComposerCall('composer:closeResponse');
  const reply = useComposerCall('composer:replyToMention');
  const person = operator.name.trim() || t('composer.someone');
  const author = item.mention.authorName ?? item.mention.authorHandle ?? '';
  const error = assign.error ?? close.error ?? reply.error;
  return (
    <Paper withBorder p="xs" data-testid={`response-${item.mentionId}`} data-state={item.state}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Group gap={6}>
            <Badge color={REASON_COLOR[item.reason]}>{t(`composer.responses.reasons.${item.reason}`)}</Badge>
            <Text size="sm" fw={600}>
              {author}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {formatDateTime(item.mention.publishedAt, i18n.language)}
          </Text>
        </Group>
        <Text size="xs" c="dimmed" data-testid="response-flagged-by">
          {item.flaggedBy === 'rules'
            ? t('composer.responses.flaggedBy.rules')
            : t('composer.responses.flaggedByPerson', { person: item.flaggedBy, at: formatDateTime(item.flaggedAt, i18n.language) })}
        </Text>
        {item.mention.authorAudience !== null && (
          <Text size="xs" c="dimmed">
            {t('composer.responses.audience', { count: item.mention.authorAudience })}
          </Text>
        )}
        <Text size="sm" lineClamp={4} lang={item.mention.language ?? undefined}>
          {item.mention.text}
        </Text>
        {item.mention.url && (
          <Anchor href={item.mention.url} target="_blank" rel="noreferrer" size="xs">
            {item.mention.url}
          </Anchor>
        )}
        <Select
          size="xs"
          label={t('composer.responses.assign')}
          data={(plan.data?.plan.roles ?? []).map((r) => ({ value: r.id, label: r.name[lang] }))}
          value={item.assignedRole}
          onChange={(role) => assign.mutate({ workspaceId, mentionId: item.mentionId, role })}
          clearable
        />
        <Group gap={6}>
          {item.statementId ? (
            <Button size="compact-xs" onClick={() => onOpenStatement(item.statementId!)}>
              {t('composer.responses.openReply')}
            </Button>
          ) : (
            <Button
              size="compact-xs"
              disabled={incidentId === null}
              loading={reply.isPending}
              onClick={() =>
                incidentId && reply.mutate({ workspaceId, mentionId: item.mentionId, incidentId, person }, { onSuccess: (r) => onOpenStatement(r.statementId) })
              }
              data-testid={`response-reply-${item.mentionId}`}
            >
              {t('composer.responses.reply')}
            </Button>
          )}
          <Badge variant="outline" size="sm">
            {t(`composer.responses.states.${item.state}`)}
          </Badge>
        </Group>
        <TextInput size="xs" placeholder={t('composer.responses.note')} aria-label={t('composer.responses.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Group gap={6}>
          {(['offline', 'dismissed'] as const).map((state) => (
            <Button
              key={state}
              size="compact-xs"
              variant="light"
              disabled={note.trim() === ''}
              onClick={() => close.mutate({ workspaceId, mentionId: item.mentionId, state, note, person, incidentId })}
            >
              {t(state === 'offline' ? 'composer.responses.offline' : 'composer.responses.dismiss')}
            </Button>
          ))}
        </Group>
        {error && (
          <Text size="xs" c="red">
            {errorMessage(error, t)}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
