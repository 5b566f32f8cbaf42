// The approval screen's view of what will go out: per channel and language, the posts exactly as the outbox
// will send them (thread cuts and numbering included), so approvers read the public's text, not a draft.
import { Alert, Badge, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countForChannel } from '../../../../shared/composer/countCharacters';
import { limitOf } from '../../../../shared/composer/channels';
import { outboxRowsFor, type PlannedOutboxRow } from '../../../../shared/composer/outboxRows';
import { ThreadSplitError } from '../../../../shared/composer/splitThread';
import type { StatementContent } from '../../../../shared/domain/statement';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { usePostShape, type PostShape } from './usePostShape';

function planned(content: StatementContent, shape: PostShape): PlannedOutboxRow[] | ThreadSplitError {
  try {
    return outboxRowsFor(content, shape.limits, shape.numbering);
  } catch (error) {
    if (error instanceof ThreadSplitError) return error;
    throw error;
  }
}

export function OutgoingPosts({ workspaceId, content }: { workspaceId: WorkspaceId; content: StatementContent }) {
  return <OutgoingPostsView content={content} shape={usePostShape(workspaceId)} />;
}

export function OutgoingPostsView({ content, shape }: { content: StatementContent; shape: PostShape }) {
  const { t } = useTranslation();
  const rows = useMemo(() => planned(content, shape), [content, shape]);
  return (
    <Paper withBorder p="md" data-testid="composer-outgoing">
      <Stack gap="sm">
        <Title order={4}>{t('composer.outgoing.title')}</Title>
        <Text size="xs" c="dimmed">
          {t('composer.outgoing.help')}
        </Text>
        {rows instanceof ThreadSplitError ? (
          <Alert color="red" p="xs" data-testid="composer-outgoing-error">
            {t('composer.outgoing.tooLong', { word: rows.word, channel: t(`composer.channels.${rows.channel}`), limit: rows.limit })}
          </Alert>
        ) : (
          rows.map((row) => {
            const limit = limitOf(row.channel, shape.limits);
            return (
              <Stack key={`${row.channel}-${row.language}`} gap={4} data-testid={`composer-outgoing-${row.channel}-${row.language}`}>
                <Group gap={6}>
                  <Text fw={600} size="sm">
                    {t(`composer.channels.${row.channel}`)} · {row.language.toUpperCase()}
                  </Text>
                  {row.manual && (
                    <Badge size="xs" variant="light" color="gray">
                      {t('composer.outgoing.manual')}
                    </Badge>
                  )}
                </Group>
                {row.parts.map((part, i) => (
                  <div key={i}>
                    {row.parts.length > 1 && (
                      <Text size="xs" c="dimmed">
                        {t('composer.outgoing.post', { index: i + 1, count: row.parts.length })}
                        {limit !== null && ` · ${t('composer.counter', { count: countForChannel(part.text, row.channel), limit })}`}
                      </Text>
                    )}
                    <Code block lang={row.language} style={{ whiteSpace: 'pre-wrap' }} data-testid="composer-outgoing-post">
                      {part.text}
                    </Code>
                  </div>
                ))}
              </Stack>
            );
          })
        )}
      </Stack>
    </Paper>
  );
}
