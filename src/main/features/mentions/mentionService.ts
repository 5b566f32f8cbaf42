// Mentions as the cell reads them: the searchable stream, one mention, manual capture.
import { randomUUID } from 'node:crypto';
import { AppFailure } from '../../../shared/contract/envelope';
import { captureInputSchema, type CaptureInput } from '../../../shared/domain/capture';
import type { MentionFilter, StoredMention } from '../../../shared/domain/storedMention';
import { SEARCH_COUNT_CAP } from '../../../shared/domain/responseQueue';
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import { MentionReadRepository } from './mentionReadRepository';
import { SourceRepository } from '../sources';
import type { IngestService } from './ingestService';
import type { WorkspaceLookup } from '../../platform/workspaces/workspaceLookup';
import { perWorkspace } from '../../platform/workspaces/perWorkspace';
import { mentionFtsQuery } from './mentionFtsQuery';
import { failure, inEnglish } from '../../platform/i18n/failure';

export class MentionService {
  readonly #reads = perWorkspace((ws) => new MentionReadRepository(ws.db));
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

  count(workspaceId: WorkspaceId, filter: MentionFilter): { count: number; more: boolean } {
    const ids = this.#read(workspaceId).matchingIds(filter, mentionFtsQuery(filter.query), SEARCH_COUNT_CAP + 1);
    return { count: Math.min(ids.length, SEARCH_COUNT_CAP), more: ids.length > SEARCH_COUNT_CAP };
  }

  get(workspaceId: WorkspaceId, id: number): StoredMention {
    const mention = this.#read(workspaceId).get(id);
    if (!mention) throw failure('NOT_FOUND', 'mentions.failures.noMention', { id });
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
    const refused = result.rejections[0];
    if (refused) {
      const issues = refused.field ? [{ path: refused.field, message: refused.reason, wording: refused.wording }] : undefined;
      throw new AppFailure('INVALID_INPUT', refused.reason, issues, refused.wording);
    }
    return { id: result.mentionIds[0] ?? null, duplicate: result.duplicates > 0 };
  }

  #read(workspaceId: WorkspaceId): MentionReadRepository {
    return this.#reads(this.workspaces.get(workspaceId));
  }

  #manualSource(workspaceId: WorkspaceId, channel: string): number {
    const repo = this.#sources(this.workspaces.get(workspaceId));
    const existing = repo.list().find((s) => s.kind === 'manual' && s.config.channel === channel);
    if (existing) return existing.id;
    return repo.create(
      { kind: 'manual', name: inEnglish('mentions.failures.manualSourceName', { channel }), config: { channel }, credentials: {}, intervalSeconds: 3600 },
      this.clock.now().toISOString(),
    );
  }
}
