// In a cell: which laptop is publishing the statement and since when, then where each of the cell's posts is, so
// every laptop sees the statement go out, not only the one that published it.
import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CellPublishing as Publishing } from '../../../../shared/domain/statement';
import { formatDateTime } from '../../i18n/format';

export function CellPublishing({ publishing }: { publishing: Publishing }) {
  const { t, i18n } = useTranslation();
  const { pending, posts } = publishing;
  return (
    <>
      {pending && (
        <Text size="sm" c="orange" data-testid="composer-cell-pending">
          {pending.memberName
            ? t('composer.outbox.cellPending', { laptop: pending.memberName, at: formatDateTime(pending.since, i18n.language) })
            : t('composer.outbox.cellPendingUnknown', { at: formatDateTime(pending.since, i18n.language) })}
        </Text>
      )}
      {posts.map((post) => (
        <Text size="sm" key={`${post.channel}:${post.language}:${post.at}`} data-testid="composer-cell-post">
          {post.memberName
            ? t('composer.outbox.cellPosted', { channel: t(`composer.channels.${post.channel}`), laptop: post.memberName, at: formatDateTime(post.at, i18n.language) })
            : t('composer.outbox.cellPostedUnknown', { channel: t(`composer.channels.${post.channel}`), at: formatDateTime(post.at, i18n.language) })}
          {post.url && (
            <>
              {' · '}
              <Anchor href={post.url} target="_blank" rel="noreferrer">
                {post.url}
              </Anchor>
            </>
          )}
        </Text>
      ))}
    </>
  );
}
