// Reads an incident archive from another laptop into an empty workspace, for review. The signature is checked
// first (the content is exactly what the named device key signed, and that key is the one the person expects
// when they give its fingerprint), then the log's chain as exported; the log is then linked again under this
// workspace's own chain key, inserted in one transaction, and kept only if the local chain verifies.
import { z } from 'zod';
import { AppFailure } from '../../../../shared/contract/envelope';
import type { LogIntegrity } from '../../../../shared/domain/crisisLog';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, incidentArchiveSchema, type ArchiveProblem } from '../../../../shared/domain/incidentArchive';
import type { WorkspaceKind } from '../../../../shared/domain/workspace';
import { GENESIS_HASH, type StoredRecord, type Unchained } from '../../crisisLog';
import { verifySignature } from '../../security';
import type { ArchiveRepository } from '../archiveRepository';
import { failure, inEnglish, type WordingValues } from '../../../platform/i18n/failure';

export interface ArchiveImportResult {
  incidentId: string;
  logRecords: number;
  headHash: string | null;
  signer: { fingerprint: string };
}

export interface ArchiveImportDeps {
  readonly repo: ArchiveRepository;
  /** Links a record after `head` under this workspace's chain key. */
  readonly link: (head: { seq: number; hash: string } | undefined, record: Unchained) => StoredRecord;
  readonly verify: () => LogIntegrity;
}

const refuse = (problem: ArchiveProblem, key: string, values?: WordingValues): AppFailure =>
  failure('CONFLICT', key, values, [{ path: 'archive', message: problem }]);

const signedSchema = z.object({ signature: z.string(), signer: z.object({ publicKey: z.string(), fingerprint: z.string() }) });

const text = z.string();
const maybe = z.string().nullable();
const logRowSchema = z.object({
  seq: z.number().int().positive(),
  id: text,
  record: text,
  incident_id: maybe,
  kind: maybe,
  occurred_at: text,
  entered_at: text,
  author: text,
  author_role: maybe,
  body: text,
  source: maybe,
  verification: maybe,
  pinned: z.number().int(),
  ref_id: maybe,
  system_code: maybe,
  data_json: maybe,
  prev_hash: text,
  hash: text,
})
  // Columns this version does not know are kept, so the insert refuses them by name.
  .catchall(z.union([z.string(), z.number(), z.null()]));
type LogRow = z.infer<typeof logRowSchema>;

/** Checks the signature over the file's own fields and returns the parsed document. */
function verifiedDocument(json: unknown, expectedFingerprint: string | undefined): { document: Record<string, unknown>; fingerprint: string } {
  if (typeof json !== 'object' || json === null || Array.isArray(json) || (json as { format?: unknown }).format !== ARCHIVE_FORMAT) {
    throw failure('INVALID_INPUT', 'reports.failures.notAnArchive');
  }
  const signed = signedSchema.safeParse(json);
  if (!signed.success) throw refuse('unsigned', 'reports.failures.unsigned');
  const { signature: _signature, ...document } = json as Record<string, unknown>;
  const { publicKey, fingerprint } = signed.data.signer;
  if (!verifySignature(publicKey, Buffer.from(JSON.stringify(document), 'utf8'), signed.data.signature)) {
    throw refuse('signature_invalid', 'reports.failures.signatureInvalid');
  }
  if (expectedFingerprint !== undefined && normalise(expectedFingerprint) !== normalise(fingerprint)) {
    throw refuse('signer_mismatch', 'reports.failures.signerMismatch', { fingerprint });
  }
  return { document, fingerprint };
}

const normalise = (fingerprint: string): string => fingerprint.replace(/\s+/g, '').toUpperCase();

/** The exported chain must link from the start to the declared head; its links are the exporting laptop's. */
function checkExportedChain(rows: readonly LogRow[], declaredHead: string | null): void {
  let prev = GENESIS_HASH;
  for (const [i, r] of rows.entries()) {
    if (r.seq !== i + 1 || r.prev_hash !== prev) throw refuse('log_broken', 'reports.failures.logBroken', { seq: r.seq });
    prev = r.hash;
  }
  const head = rows.length === 0 ? null : prev;
  if (head !== declaredHead) {
    throw refuse('head_mismatch', 'reports.failures.headMismatch', {
      head: head ?? inEnglish('reports.failures.noHead'),
      declared: declaredHead ?? inEnglish('reports.failures.noDeclaredHead'),
    });
  }
}

/** The same records linked under this workspace's chain key. */
function relink(rows: readonly LogRow[], link: ArchiveImportDeps['link']): LogRow[] {
  let head: StoredRecord | undefined;
  return rows.map((r) => {
    head = link(head, {
      id: r.id,
      record: r.record,
      incidentId: r.incident_id,
      kind: r.kind,
      occurredAt: r.occurred_at,
      enteredAt: r.entered_at,
      author: r.author,
      authorRole: r.author_role,
      body: r.body,
      source: r.source,
      verification: r.verification,
      pinned: r.pinned,
      refId: r.ref_id,
      systemCode: r.system_code,
      dataJson: r.data_json,
    });
    return { ...r, prev_hash: head.prevHash, hash: head.hash };
  });
}

export function importArchive(content: string, targetKind: WorkspaceKind, deps: ArchiveImportDeps, expectedFingerprint?: string): ArchiveImportResult {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    throw failure('INVALID_INPUT', 'reports.failures.notJson');
  }
  const { document, fingerprint } = verifiedDocument(json, expectedFingerprint);
  const parsed = incidentArchiveSchema.safeParse(json);
  if (!parsed.success) {
    throw failure(
      'INVALID_INPUT',
      'reports.failures.invalidArchive',
      { version: ARCHIVE_VERSION },
      parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    );
  }
  const archive = parsed.data;
  if (archive.workspace.kind !== targetKind) {
    throw failure('CONFLICT', archive.workspace.kind === 'exercise' ? 'reports.failures.fromExercise' : 'reports.failures.fromLive');
  }
  if (archive.tables.incidents.length !== 1 || archive.tables.incidents[0]?.id !== archive.incidentId) {
    throw failure('INVALID_INPUT', 'reports.failures.oneIncident');
  }
  const logRows = z.array(logRowSchema).safeParse((document.tables as Record<string, unknown>).crisis_log);
  if (!logRows.success) throw failure('INVALID_INPUT', 'reports.failures.logColumns');
  checkExportedChain(logRows.data, archive.logHeadHash);
  if (!deps.repo.isEmpty()) {
    throw failure('CONFLICT', 'reports.failures.notEmpty');
  }
  let integrity: LogIntegrity | null = null;
  try {
    // A clock read for review counts down on screen but reminds nobody.
    const clocks = archive.tables.regulatory_clocks.map((row) => ({ ...row, from_archive_at: archive.exportedAt }));
    deps.repo.insertAll({ ...archive.tables, regulatory_clocks: clocks, crisis_log: relink(logRows.data, deps.link) }, () => {
      integrity = deps.verify();
      if (!integrity.ok) throw new Error('chain');
    });
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    const found = integrity as LogIntegrity | null;
    if (found?.ok === false) {
      throw refuse('log_broken', 'reports.failures.relinkedBroken', { seq: found.firstBroken?.seq ?? '?', reason: found.firstBroken?.reason ?? '?' });
    }
    throw failure('INVALID_INPUT', 'reports.failures.tablesMismatch', { detail: error instanceof Error ? error.message : String(error) });
  }
  return { incidentId: archive.incidentId, logRecords: logRows.data.length, headHash: archive.logHeadHash, signer: { fingerprint } };
}
