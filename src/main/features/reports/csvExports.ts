// CSV exports: the mentions of an incident's period, its crisis log and its compensation register, UTF-8 with BOM so
// Excel reads accents.
import { stringify } from 'csv-stringify/sync';
import type { IncidentDetail } from '../../../shared/domain/incident';
import type { LogEntry } from '../../../shared/domain/crisisLog';
import { MINOR_PER_UNIT, withoutPersonalData, type CompensationRegister } from '../../../shared/domain/compensation';
import type { ReportRepository } from './reportRepository';
import type { Checkpoint, JobOutput } from './exportJobs';
import { exportFileName } from './exportFileName';
import { MENTION_COLUMNS, mentionPages, mentionRow } from './mentionRows';
import { safeCell } from './safeCell';

const BOM = '\ufeff';

export async function exportMentionsCsv(repo: ReportRepository, incident: IncidentDetail, now: Date, checkpoint: Checkpoint): Promise<JobOutput> {
  const parts: string[] = [BOM + stringify([[...MENTION_COLUMNS]])];
  let done = 0;
  for (const page of mentionPages(repo, incident, now)) {
    parts.push(stringify(page.rows.map(mentionRow)));
    done += page.rows.length;
    await checkpoint('rows', page.total === 0 ? 1 : done / page.total);
  }
  return { fileName: exportFileName('mentions', incident.title, now, 'csv'), mimeType: 'text/csv', bytes: Buffer.from(parts.join(''), 'utf8') };
}

export const LOG_COLUMNS = ['seq', 'id', 'occurred_at', 'entered_at', 'kind', 'author', 'author_role', 'verification', 'pinned', 'corrects_id', 'corrected_by_id', 'system_code', 'source', 'body', 'hash'] as const;

export async function exportLogCsv(entries: readonly LogEntry[], incident: IncidentDetail, now: Date, checkpoint: Checkpoint): Promise<JobOutput> {
  await checkpoint('rows', 0.5);
  const rows = [...entries]
    .sort((a, b) => a.seq - b.seq)
    .map((e) =>
      [e.seq, e.id, e.occurredAt, e.enteredAt, e.kind, e.author, e.authorRole, e.verification, e.pinned ? 1 : 0, e.correctsId, e.correctedById, e.systemCode, e.source, e.body, e.hash].map(
        (v) => safeCell(typeof v === 'boolean' ? Number(v) : v),
      ),
    );
  const csv = BOM + stringify([[...LOG_COLUMNS], ...rows]);
  return { fileName: exportFileName('crisis-log', incident.title, now, 'csv'), mimeType: 'text/csv', bytes: Buffer.from(csv, 'utf8') };
}

export const COMPENSATION_COLUMNS = ['case', 'status', 'customer', 'what_happened', 'reference', 'mention_id', 'gesture', 'amount', 'currency', 'approved_by', 'created_at', 'created_by', 'done_at'] as const;

/** Without `includePersonalData` the columns that identify the customer are left empty: the case number is enough to find it in Tocsin. */
export async function exportCompensationCsv(
  register: CompensationRegister,
  incident: IncidentDetail,
  now: Date,
  includePersonalData: boolean,
  checkpoint: Checkpoint,
): Promise<JobOutput> {
  await checkpoint('rows', 0.5);
  const rows = register.cases.map((shown) => (includePersonalData ? shown : withoutPersonalData(shown))).map((c) =>
    [
      c.id,
      c.status,
      c.customer,
      c.whatHappened,
      c.reference,
      c.mentionId,
      c.gesture,
      (c.amountMinor / MINOR_PER_UNIT).toFixed(2),
      c.currency,
      c.decisions.filter((d) => d.decision === 'approved').map((d) => `${d.person} (${d.role})`).join('; '),
      c.createdAt,
      c.createdBy,
      c.doneAt,
    ].map((v) => safeCell(v)),
  );
  const csv = BOM + stringify([[...COMPENSATION_COLUMNS], ...rows]);
  return { fileName: exportFileName('compensation', incident.title, now, 'csv'), mimeType: 'text/csv', bytes: Buffer.from(csv, 'utf8') };
}
