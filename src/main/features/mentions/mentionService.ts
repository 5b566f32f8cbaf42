// Mentions as the cell reads them: the searchable stream, one mention, manual capture, per-minute series.
import { randomUUID } from 'node:crypto';
import { AppFailure } from '../../../shared/contract/envelope';
import type { RollupPoint } from '../../../shared/contract/mentions';
import { captureInputSchema, type CaptureInput } from '../../../shared/domain/capture';
import type { MentionFilter, StoredMention } from '../../../shared/domain/storedMention';
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import { MentionReadRepository } from './mentionReadRepository';
import { RollupRepository } from './rollups/rollupRepository';
import { SourceRepository } from '../sources';
import type { IngestService } from './ingestService';
import type { WorkspaceLookup } from '../../platform/workspaces/workspaceLookup';
import { perWorkspace } from '../../platform/workspaces/perWorkspace';
import { mentionFtsQuery } from './mentionFtsQuery';

const MS_PER_MINUTE = 60_000;
/** A chart never asks for more than a month of minutes at once. */
const MAX_RANGE_MINUTES = 31 * 24 * 60;

export class MentionService {
  readonly #reads = perWorkspace((ws) => new MentionReadRepository(ws.db));
  readonly #rollups = perWorkspace((ws) => new RollupRepository(ws.db));
  readonly #sources = perWorkspace((ws) => new SourceRepository(ws.db));

  constructor(
    private readonly workspaces: WorkspaceLookup,
    private readonly ingest: IngestService,
    private readonly clock: Clock,
  ) {}

  search(
    workspaceId: WorkspaceId,
    filter: MentionFilter,
    limit: number,
    before?: { publishedAt: string; id: number },
  ): { items: StoredMention[]; hasMore: boolean } {
    const rows = this.#read(workspaceId).search(filter, mentionFtsQuery(filter.query), limit + 1, before);
    return { items: rows.slice(0, limit), hasMore: rows.length > limit };
  }

  get(workspaceId: WorkspaceId, id: number): StoredMention {
    const mention = this.#read(workspaceId).get(id);
    if (!mention) throw new AppFailure('NOT_FOUND', `No mention ${id}.`);
    return mention;
  }

  /** Each capture channel (TV, press call…) is its own manual source, so the stream can filter by it. */
  async capture(workspaceId: WorkspaceId, input: CaptureInput): Promise<{ id: number | null; duplicate: boolean }> {
    const capture = captureInputSchema.parse(input);
    const sourceId = this.#manualSource(workspaceId, capture.channel);
    const result = await this.ingest.ingest(workspaceId, sourceId, [
      {
        externalId: `capture:${randomUUID()}`,
        url: capture.url,
        author: { displayName: capture.authorName, audience: capture.audience, kind: capture.authorKind },
        text: capture.text,
        title: capture.outlet,
        language: capture.language,
        publishedAt: capture.occurredAt,
        sourceName: capture.outlet,
      },
    ]);
    if (result.rejected > 0) throw new AppFailure('INVALID_INPUT', result.rejections[0]?.reason ?? 'The capture was refused.');
    return { id: result.mentionIds[0] ?? null, duplicate: result.duplicates > 0 };
  }

  rollups(workspaceId: WorkspaceId, watchId: number, from: string, to: string) {
    const fromMinute = Math.floor(Date.parse(from) / MS_PER_MINUTE);
    const toMinute = Math.ceil(Date.parse(to) / MS_PER_MINUTE);
    if (toMinute <= fromMinute) throw new AppFailure('INVALID_INPUT', 'The end of the range must be after its start.');
    if (toMinute - fromMinute > MAX_RANGE_MINUTES) throw new AppFailure('INVALID_INPUT', 'Ask for at most 31 days at once.');
    const rollups = this.#rollups(this.workspaces.get(workspaceId));
    const points: RollupPoint[] = rollups.volumeByMinutes(watchId, 1, fromMinute, toMinute).map((r) => ({
      at: new Date(r.bucket * MS_PER_MINUTE).toISOString(),
      count: r.count,
      negative: r.negative,
      neutral: r.neutral,
      positive: r.positive,
      audience: r.audience,
    }));
    const byLanguage: Record<string, number> = {};
    const bySource: Record<string, number> = {};
    for (const part of rollups.partsByMinutes(watchId, fromMinute, toMinute)) {
      (part.dimension === 'lang' ? byLanguage : bySource)[part.value] = part.count;
    }
    return { points, byLanguage, bySource };
  }

  #read(workspaceId: WorkspaceId): MentionReadRepository {
    return this.#reads(this.workspaces.get(workspaceId));
  }

  #manualSource(workspaceId: WorkspaceId, channel: string): number {
    const repo = this.#sources(this.workspaces.get(workspaceId));
    const existing = repo.list().find((s) => s.kind === 'manual' && s.config.channel === channel);
    if (existing) return existing.id;
    return repo.create(
      { kind: 'manual', name: `Manual capture (${channel})`, config: { channel }, credentials: {}, intervalSeconds: 3600 },
      this.clock.now().toISOString(),
    );
  }
}
