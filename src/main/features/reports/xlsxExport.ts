// The mentions of an incident's period as an Excel workbook (exceljs), one sheet, capped at Excel's row limit.
import ExcelJS from 'exceljs';
import type { IncidentDetail } from '../../../shared/domain/incident';
import type { ReportRepository } from './reportRepository';
import type { Checkpoint, JobOutput } from './exportJobs';
import { exportFileName } from './exportFileName';
import { MENTION_COLUMNS, mentionPages, mentionRow } from './mentionRows';

const EXCEL_MAX_ROWS = 1_048_575;

export async function exportMentionsXlsx(repo: ReportRepository, incident: IncidentDetail, now: Date, checkpoint: Checkpoint): Promise<JobOutput> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tocsin';
  workbook.created = now;
  const sheet = workbook.addWorksheet('mentions');
  sheet.addRow([...MENTION_COLUMNS]).font = { bold: true };
  let done = 0;
  for (const page of mentionPages(repo, incident, now)) {
    for (const m of page.rows) {
      if (done >= EXCEL_MAX_ROWS) break;
      sheet.addRow(mentionRow(m));
      done += 1;
    }
    await checkpoint('rows', page.total === 0 ? 0.9 : (0.9 * done) / page.total);
    if (done >= EXCEL_MAX_ROWS) break;
  }
  await checkpoint('finish', 0.92);
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: exportFileName('mentions', incident.title, now, 'xlsx'), mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes };
}
