// The mentions of an incident's period as an Excel workbook (write-excel-file), one sheet, capped at Excel's row
// limit. Cells are written as text and numbers only, never as formulas.
import writeXlsxFile, { type Row } from 'write-excel-file/node';
import type { IncidentDetail } from '../../../shared/domain/incident';
import type { ReportRepository } from './reportRepository';
import type { Checkpoint, JobOutput } from './exportJobs';
import { exportFileName } from './exportFileName';
import { MENTION_COLUMNS, mentionPages, mentionRow } from './mentionRows';

const EXCEL_MAX_ROWS = 1_048_575;

export async function exportMentionsXlsx(repo: ReportRepository, incident: IncidentDetail, now: Date, checkpoint: Checkpoint): Promise<JobOutput> {
  const rows: Row[] = [MENTION_COLUMNS.map((name) => ({ value: name, fontWeight: 'bold' as const }))];
  let done = 0;
  for (const page of mentionPages(repo, incident, now)) {
    for (const m of page.rows) {
      if (done >= EXCEL_MAX_ROWS) break;
      rows.push(mentionRow(m).map((value) => (typeof value === 'number' ? { value, type: Number } : { value, type: String })));
      done += 1;
    }
    await checkpoint('rows', page.total === 0 ? 0.9 : (0.9 * done) / page.total);
    if (done >= EXCEL_MAX_ROWS) break;
  }
  await checkpoint('finish', 0.92);
  const bytes = await writeXlsxFile(rows, { sheet: 'mentions', stickyRowsCount: 1 }).toBuffer();
  return { fileName: exportFileName('mentions', incident.title, now, 'xlsx'), mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes };
}
