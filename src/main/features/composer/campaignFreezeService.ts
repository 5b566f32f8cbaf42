// The campaign freeze register: the plan's campaigns and scheduled posts, frozen or released with who,
// when and why, one by one or all in one action, each change in the crisis log.
import type { Campaign } from '../../../shared/domain/plan';
import type { CampaignState } from '../../../shared/domain/statement';
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import { CampaignFreezeRepository } from './campaignFreezeRepository';
import { perWorkspace } from '../../platform/workspaces/perWorkspace';
import type { WorkspaceStore } from '../../platform/workspaces/workspaceStore';
import type { ComposerLog } from './composerLog';
import { failure } from '../../platform/i18n/failure';
import type { SharedOpLog, SharedOpLogHost } from '../../platform/sync/sharedOpLog';
import { foldFreezes } from './sharedQueue/freezeFold';

export interface FreezeRequest {
  /** Campaign ids, or every campaign not in the wanted state yet. */
  readonly campaigns: readonly string[] | 'all';
  readonly action: 'freeze' | 'unfreeze';
  readonly person: string;
  readonly reason: string;
  readonly incidentId: string | null;
  /** Freezing as the going-offline suggestion advised, which the crisis log records as the suggestion acted on. */
  readonly answersSuggestion?: boolean;
}

export class CampaignFreezeService implements SharedOpLogHost {
  readonly #repo = perWorkspace((ws) => new CampaignFreezeRepository(ws.db));

  constructor(
    private readonly store: WorkspaceStore,
    private readonly events: EventBus,
    private readonly clock: Clock,
    private readonly log: ComposerLog,
    private readonly planCampaigns: (workspaceId: WorkspaceId) => readonly Campaign[],
    /** Freezes across the cell: a freeze decided on any laptop holds on every one. */
    private readonly sharing?: SharedOpLog,
  ) {
    sharing?.serve(this);
  }

  list(workspaceId: WorkspaceId): CampaignState[] {
    const repo = this.#repo(this.store.get(workspaceId));
    const frozen = repo.frozenById();
    const last = repo.lastChanges();
    // In a cell the change that holds is the cell's last one, whichever order this laptop heard of them in.
    for (const id of this.sharing?.keys(workspaceId) ?? []) {
      const holding = foldFreezes(this.sharing?.ops(workspaceId, id) ?? [])?.at(-1);
      if (holding) last.set(id, holding.row);
    }
    return this.planCampaigns(workspaceId).map((c) => ({
      id: c.id,
      name: c.name,
      channels: c.channels,
      owner: c.owner,
      ownerPhone: c.ownerPhone,
      howToFreeze: c.howToFreeze,
      planStatus: c.status,
      frozen: frozen.get(c.id) ?? false,
      lastChange: last.get(c.id) ?? null,
    }));
  }

  change(workspaceId: WorkspaceId, request: FreezeRequest): CampaignState[] {
    const reason = request.reason.trim();
    if (reason === '') throw failure('INVALID_INPUT', 'composer.failures.freezeNeedsReason');
    const repo = this.#repo(this.store.get(workspaceId));
    const current = this.list(workspaceId);
    const wantFrozen = request.action === 'freeze';
    const targets =
      request.campaigns === 'all'
        ? current.filter((c) => c.frozen !== wantFrozen && c.planStatus !== 'ended')
        : request.campaigns.map((id) => {
            const found = current.find((c) => c.id === id);
            if (!found) throw failure('NOT_FOUND', 'composer.failures.noCampaign', { id });
            return found;
          });
    const at = this.clock.now().toISOString();
    repo.atomically(() => {
      for (const c of targets) {
        repo.record(
          { id: c.id, name: c.name, channel: c.channels.join(', '), owner: c.owner },
          { campaignId: c.id, action: request.action, person: request.person, reason, at },
        );
      }
    });
    this.sharing?.record(
      workspaceId,
      targets.map((c) => ({ key: c.id, kind: request.action, by: request.person, at, data: { name: c.name, channel: c.channels.join(', '), owner: c.owner, reason } })),
    );
    if (targets.length > 0) {
      const names = targets.map((c) => c.name).join(', ');
      this.log.system(workspaceId, {
        incidentId: request.incidentId,
        code: !wantFrozen ? 'composer.campaignsUnfrozen' : request.answersSuggestion ? 'composer.wentOffline' : 'composer.campaignsFrozen',
        data: { person: request.person, count: targets.length, campaigns: names, reason },
        occurredAt: at,
      });
      this.events.emit('composer:changed', { workspaceId, statementId: null });
    }
    return this.list(workspaceId);
  }

  /** Freezes decided here before the laptop joined its cell go to the cell, the last one of each campaign. */
  joined(workspaceId: WorkspaceId): void {
    const repo = this.#repo(this.store.get(workspaceId));
    const campaigns = new Map(this.list(workspaceId).map((c) => [c.id, c]));
    const made = [...repo.lastChanges().values()].map((change) => {
      const c = campaigns.get(change.campaignId);
      const data = { name: c?.name ?? change.campaignId, channel: c?.channels.join(', ') ?? '', owner: c?.owner ?? '', reason: change.reason };
      return { key: change.campaignId, kind: change.action, by: change.person, at: change.at, data };
    });
    this.sharing?.record(workspaceId, made);
  }

  /** The cell's freezes of these campaigns changed: the register takes every change in and the state the cell decided. */
  changed(workspaceId: WorkspaceId, keys: ReadonlySet<string>): void {
    const repo = this.#repo(this.store.get(workspaceId));
    let any = false;
    for (const key of keys) {
      const changes = foldFreezes(this.sharing?.ops(workspaceId, key) ?? []);
      const holding = changes?.at(-1);
      if (!changes || !holding) continue;
      repo.takeIn({ id: key, ...holding.campaign }, changes.map((c) => c.row), holding.row.action === 'freeze');
      any = true;
    }
    if (any) this.events.emit('composer:changed', { workspaceId, statementId: null });
  }
}
