// Whether a Mastodon or Bluesky source is also receiving posts live, and why not when it is not.
import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LiveFeedState } from '../../../../shared/domain/liveFeed';
import { useLiveFeeds } from '../../api/hooks/useLiveFeeds';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { useHealthText } from '../../i18n/useHealthText';

const COLORS: Record<LiveFeedState, string> = { connecting: 'blue', live: 'teal', waiting: 'orange', refused: 'red', closed: 'gray' };

export function LiveFeedBadge({ sourceId }: { sourceId: number }) {
  const { t } = useTranslation();
  const healthText = useHealthText();
  const feeds = useLiveFeeds(useWorkspaceId());
  const feed = feeds.data?.find((f) => f.sourceId === sourceId);
  if (!feed || feed.state === 'closed') return null;
  const badge = (
    <Badge color={COLORS[feed.state]} variant="dot" ml={6} data-testid={`live-feed-${feed.state}`}>
      {t(`socialSources.liveStates.${feed.state}`)}
    </Badge>
  );
  const detail = healthText(feed.detailMessage, feed.detail);
  return detail ? (
    <Tooltip label={detail} multiline maw={360}>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}
