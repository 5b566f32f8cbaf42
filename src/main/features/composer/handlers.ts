// Contract handlers for `composer:*`.
import type { DraftRuleSets } from './draftRuleSets';
import type { CampaignFreezeService } from './campaignFreezeService';
import type { ComposerLog } from './composerLog';
import type { GoingOfflineService } from './goingOfflineService';
import type { ResponseQueueService } from './responseQueueService';
import type { StatementService } from './statementService';
import type { OutboxService } from './outbox/outboxService';
import type { HandlersFor } from '../../platform/ipc/handlerTypes';

export const composerHandlers = (
  statements: StatementService,
  outbox: OutboxService,
  rules: DraftRuleSets,
  log: ComposerLog | undefined,
  freezes: CampaignFreezeService,
  responses: ResponseQueueService,
  goingOffline: GoingOfflineService,
): HandlersFor<'composer'> => ({
  'composer:rules': () => rules,
  'composer:unverifiedFacts': ({ workspaceId, incidentId }) => log?.unverified(workspaceId, incidentId) ?? [],
  'composer:list': ({ workspaceId, incidentId }) => statements.list(workspaceId, incidentId),
  'composer:get': ({ workspaceId, statementId }) => statements.get(workspaceId, statementId),
  'composer:create': ({ workspaceId, statement }) => statements.create(workspaceId, statement),
  'composer:update': ({ workspaceId, statementId, expectedRevision, patch, author }) =>
    statements.update(workspaceId, statementId, expectedRevision, patch, author),
  'composer:approve': ({ workspaceId, statementId, approver, contentHash }) =>
    statements.approve(workspaceId, statementId, approver, contentHash),
  'composer:reject': ({ workspaceId, statementId, approver, contentHash, reason }) =>
    statements.reject(workspaceId, statementId, approver, contentHash, reason),
  'composer:queue': ({ workspaceId, statementId, person }) => statements.queue(workspaceId, statementId, person),
  'composer:outbox': ({ workspaceId }) => outbox.list(workspaceId),
  'composer:confirmManual': ({ workspaceId, outboxId, confirmation }) => outbox.confirmManual(workspaceId, outboxId, confirmation),
  'composer:retryNow': ({ workspaceId, outboxId }) => outbox.retryNow(workspaceId, outboxId),
  'composer:accounts': ({ workspaceId }) => outbox.accounts(workspaceId),
  'composer:setAccount': ({ workspaceId, account }) => outbox.setAccount(workspaceId, account),
  'composer:campaigns': ({ workspaceId }) => freezes.list(workspaceId),
  'composer:freeze': ({ workspaceId, ...request }) => freezes.change(workspaceId, request),
  'composer:goingOffline': ({ workspaceId }) => goingOffline.get(workspaceId),
  'composer:responses': ({ workspaceId, ...query }) => responses.page(workspaceId, query),
  'composer:responseCounts': ({ workspaceId, incidentId }) => responses.counts(workspaceId, incidentId),
  'composer:flagMention': ({ workspaceId, mentionId, person, reason }) => responses.flag(workspaceId, mentionId, person, reason),
  'composer:flagSearch': ({ workspaceId, filter, person, reason }) => responses.flagSearch(workspaceId, filter, person, reason),
  'composer:assignResponse': ({ workspaceId, mentionId, role }) => responses.assign(workspaceId, mentionId, role),
  'composer:replyToMention': ({ workspaceId, mentionId, incidentId, person }) => responses.reply(workspaceId, mentionId, incidentId, person),
  'composer:closeResponse': ({ workspaceId, mentionId, state, note, person, incidentId }) =>
    responses.close(workspaceId, mentionId, state, note, person, incidentId),
});
