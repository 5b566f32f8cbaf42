// What the composer needs from the crisis log: system entries for its decisions, and the unverified facts.
import type { WorkspaceId } from '../../../shared/domain/workspace';

export interface ComposerLogEntry {
  readonly incidentId: string | null;
  /** Stable code the UI translates, e.g. `composer.approved`; `data` holds its parameters. */
  readonly code: string;
  /** Worded from the system-log catalogue by `code` in each reader's language; no English fallback needed. */
  readonly body?: string;
  readonly data?: Readonly<Record<string, string | number | boolean | null>>;
  readonly occurredAt?: string;
}

export interface ComposerLog {
  system(workspaceId: WorkspaceId, entry: ComposerLogEntry): unknown;
  /** Entries still "to verify" or "being verified", for the draft check. */
  unverified(workspaceId: WorkspaceId, incidentId: string | null): { id: string; text: string }[];
}
