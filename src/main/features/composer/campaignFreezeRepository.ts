// SQL for the campaign freeze register: the campaigns known to the cell and every freeze or unfreeze.
import type { Db } from '../../platform/db/openDatabase';

export interface FreezeRow {
  readonly campaignId: string;
  readonly action: 'freeze' | 'unfreeze';
  readonly person: string;
  readonly reason: string;
  readonly at: string;
}

export interface CampaignRow {
  readonly id: string;
  readonly name: string;
  readonly channel: string;
  readonly owner: string;
}

export class CampaignFreezeRepository {
  readonly #upsertCampaign;
  readonly #setFrozen;
  readonly #insertChange;
  readonly #frozen;
  readonly #lastChanges;
  readonly #hasChange;

  constructor(private readonly db: Db) {
    this.#upsertCampaign = db.prepare<[string, string, string, string, string]>(
      `INSERT INTO campaigns (id, name, channel, owner, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, channel = excluded.channel, owner = excluded.owner`,
    );
    this.#setFrozen = db.prepare<[number, string]>('UPDATE campaigns SET frozen = ? WHERE id = ?');
    this.#insertChange = db.prepare<FreezeRow>(
      'INSERT INTO campaign_freezes (campaign_id, action, person, reason, at) VALUES (@campaignId, @action, @person, @reason, @at)',
    );
    this.#frozen = db.prepare<[], { id: string; frozen: number }>('SELECT id, frozen FROM campaigns');
    this.#lastChanges = db.prepare<[], FreezeRow>(
      `SELECT campaign_id AS campaignId, action, person, reason, at FROM campaign_freezes f
       WHERE seq = (SELECT max(seq) FROM campaign_freezes g WHERE g.campaign_id = f.campaign_id)`,
    );
    this.#hasChange = db.prepare<FreezeRow, number>(
      `SELECT 1 FROM campaign_freezes WHERE campaign_id = @campaignId AND action = @action AND person = @person AND reason = @reason AND at = @at`,
    ).pluck();
  }

  atomically<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  record(campaign: CampaignRow, change: FreezeRow): void {
    this.#upsertCampaign.run(campaign.id, campaign.name, campaign.channel, campaign.owner, change.at);
    this.#setFrozen.run(change.action === 'freeze' ? 1 : 0, campaign.id);
    this.#insertChange.run(change);
  }

  /**
   * A change decided on another laptop goes into the register once (the same change read again adds nothing), and
   * the campaign takes the state the cell decided.
   */
  takeIn(campaign: CampaignRow, changes: readonly FreezeRow[], frozen: boolean): void {
    this.atomically(() => {
      this.#upsertCampaign.run(campaign.id, campaign.name, campaign.channel, campaign.owner, changes[0]?.at ?? '');
      for (const change of changes) if (this.#hasChange.get(change) === undefined) this.#insertChange.run(change);
      this.#setFrozen.run(frozen ? 1 : 0, campaign.id);
    });
  }

  frozenById(): Map<string, boolean> {
    return new Map(this.#frozen.all().map((r) => [r.id, r.frozen === 1]));
  }

  lastChanges(): Map<string, FreezeRow> {
    return new Map(this.#lastChanges.all().map((r) => [r.campaignId, r]));
  }
}
