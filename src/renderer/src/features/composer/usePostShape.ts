// What shapes the posts of this workspace: each channel's limit (a Mastodon instance may raise its own) and
// the plan's thread numbering; the editor, the approval screen and the outbox all cut with these.
import { useMemo } from 'react';
import type { ChannelLimits } from '../../../../shared/composer/channels';
import type { ThreadNumbering } from '../../../../shared/composer/splitThread';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { usePublishAccounts } from '../../api/hooks/useComposer';
import { usePlan } from '../../api/hooks/usePlan';

export interface PostShape {
  readonly limits: ChannelLimits;
  readonly numbering: ThreadNumbering;
}

export function usePostShape(workspaceId: WorkspaceId): PostShape {
  const accounts = usePublishAccounts(workspaceId);
  const plan = usePlan(workspaceId);
  const mastodonLimit = accounts.data?.find((a) => a.channel === 'mastodon')?.maxCharacters;
  const numbering = plan.data?.plan.publishing.threadNumbering ?? 'suffix';
  return useMemo(() => ({ limits: mastodonLimit ? { mastodon: mastodonLimit } : {}, numbering }), [mastodonLimit, numbering]);
}
