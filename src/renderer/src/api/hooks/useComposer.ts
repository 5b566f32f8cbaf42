// Hooks over the `composer:*` calls; lists and details refresh from `composer:*` push events.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput, CallName } from '../../../../shared/contract/index';
import type { ResponseCursor, ResponseFlagger, ResponseReason } from '../../../../shared/domain/responseQueue';
import type { StatementDetail } from '../../../../shared/domain/statement';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { callApi } from '../client';
import { queryKeys } from '../queryKeys';

/** The rules never change while the app runs: fetched once, then every check is local and instant. */
export const useDraftRules = () =>
  useQuery({ queryKey: ['composerRules'], queryFn: () => callApi('composer:rules', {}), staleTime: Infinity });

export const useUnverifiedFacts = (workspaceId: WorkspaceId, incidentId: string | null) =>
  useQuery({
    queryKey: ['crisisLog', workspaceId, 'unverified', incidentId],
    queryFn: () => callApi('composer:unverifiedFacts', { workspaceId, incidentId }),
  });

export const useStatements = (workspaceId: WorkspaceId, incidentId: string | null) =>
  useQuery({
    queryKey: [...queryKeys.composer(workspaceId), 'list', incidentId],
    queryFn: () => callApi('composer:list', { workspaceId, incidentId }),
  });

export const useStatement = (workspaceId: WorkspaceId, statementId: string | null) =>
  useQuery({
    queryKey: [...queryKeys.composer(workspaceId), 'statement', statementId],
    queryFn: () => callApi('composer:get', { workspaceId, statementId: statementId! }),
    enabled: statementId !== null,
  });

export const useOutbox = (workspaceId: WorkspaceId) =>
  useQuery({ queryKey: [...queryKeys.composer(workspaceId), 'outbox'], queryFn: () => callApi('composer:outbox', { workspaceId }) });

export const usePublishAccounts = (workspaceId: WorkspaceId) =>
  useQuery({ queryKey: [...queryKeys.composer(workspaceId), 'accounts'], queryFn: () => callApi('composer:accounts', { workspaceId }) });

type DetailCall = 'composer:create' | 'composer:update' | 'composer:approve' | 'composer:reject' | 'composer:queue';

/** A call that answers with the statement's new state, written straight into the cache. */
export function useStatementAction<K extends DetailCall & CallName>(name: K) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<K>) => callApi(name, input) as Promise<StatementDetail>,
    onSuccess: (detail, input) => {
      const workspaceId = (input as { workspaceId: WorkspaceId }).workspaceId;
      client.setQueryData([...queryKeys.composer(workspaceId), 'statement', detail.statement.id], detail);
      void client.invalidateQueries({ queryKey: [...queryKeys.composer(workspaceId), 'list'] });
    },
  });
}

/** Whether pausing scheduled posts and freezing campaigns is suggested; pushed when that changes. */
export const useGoingOffline = (workspaceId: WorkspaceId) =>
  useQuery({ queryKey: [...queryKeys.composer(workspaceId), 'goingOffline'], queryFn: () => callApi('composer:goingOffline', { workspaceId }) });

export const useCampaigns = (workspaceId: WorkspaceId) =>
  useQuery({ queryKey: [...queryKeys.composer(workspaceId), 'campaigns'], queryFn: () => callApi('composer:campaigns', { workspaceId }) });

/**
 * One page of the incident's own queue (its watches and period) when one is being worked on, else of the whole
 * queue, from the top or after `after`. The page shown stays while the next one loads.
 */
/** Narrowing the queue: one reason, or what the rules / people flagged; null for all. */
export interface ResponseFilter {
  readonly reason: ResponseReason | null;
  readonly flaggedBy: ResponseFlagger | null;
}

export const useResponses = (workspaceId: WorkspaceId, incidentId: string | null, after: ResponseCursor | null, filter: ResponseFilter = { reason: null, flaggedBy: null }) =>
  useQuery({
    queryKey: [...queryKeys.composer(workspaceId), 'responses', incidentId, after, filter.reason, filter.flaggedBy],
    queryFn: () =>
      callApi('composer:responses', {
        workspaceId,
        ...(incidentId ? { incidentId } : {}),
        ...(after ? { after } : {}),
        ...(filter.reason ? { reasons: [filter.reason] } : {}),
        ...(filter.flaggedBy ? { flaggedBy: filter.flaggedBy } : {}),
      }),
    placeholderData: keepPreviousData,
  });

export const useResponseCounts = (workspaceId: WorkspaceId, incidentId: string | null) =>
  useQuery({
    queryKey: [...queryKeys.composer(workspaceId), 'responseCounts', incidentId],
    queryFn: () => callApi('composer:responseCounts', { workspaceId, ...(incidentId ? { incidentId } : {}) }),
  });

export function useComposerCall<
  K extends
    | 'composer:confirmManual'
    | 'composer:retryNow'
    | 'composer:setAccount'
    | 'composer:freeze'
    | 'composer:flagMention'
    | 'composer:flagSearch'
    | 'composer:assignResponse'
    | 'composer:closeResponse'
    | 'composer:replyToMention',
>(name: K) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<K>) => callApi(name, input),
    onSuccess: (_value, input) => void client.invalidateQueries({ queryKey: queryKeys.composer((input as { workspaceId: WorkspaceId }).workspaceId) }),
  });
}
