// Wires the Learn step into the core: report and export jobs over the services that recorded the incident.
import type { RegulatoryClock } from '../../../shared/domain/regulatoryClock';
import type { Language, WorkspaceId } from '../../../shared/domain/workspace';
import type { ExportKind, StatementReaction } from '../../../shared/domain/report';
import { REACTION_WINDOW_HOURS } from '../../../shared/domain/report';
import type { HandlersFor } from '../../platform/ipc/handlerTypes';
import type { EventBus } from '../../platform/events/eventBus';
import type { Logger } from '../../platform/logger';
import type { Clock } from '../../platform/clock';
import type { Audit } from '../crisisLog';
import { ReportRepository } from './reportRepository';
import { RollupRepository } from '../mentions';
import { perWorkspace } from '../../platform/workspaces/perWorkspace';
import type { WorkspaceStore } from '../../platform/workspaces/workspaceStore';
import type { WorkspaceService } from '../workspaces';
import { scopeWindow, type IncidentService } from '../incidents';
import type { CrisisLogService } from '../crisisLog';
import type { StatementService } from '../composer';
import type { DetectionService } from '../detection';
import { ExportJobs, type Checkpoint, type JobOutput } from './exportJobs';
import { gatherReportData, type ReportSources } from './reportData';
import { analyseReactions } from './reactionAnalysis';
import { renderIncidentReport } from './renderIncidentReport';
import { exportFileName } from './exportFileName';
import { exportArchive } from './archive/exportArchive';
import { importArchive } from './archive/importArchive';
import { signingKeyFor } from '../security';
import { exportCompensationCsv, exportLogCsv, exportMentionsCsv } from './csvExports';
import { exportMentionsXlsx } from './xlsxExport';
import { ArchiveRepository } from './archiveRepository';
import { LessonsRepository } from '../lessons';

export interface ReportDeps {
  readonly store: WorkspaceStore;
  readonly workspaces: WorkspaceService;
  readonly incidents: IncidentService;
  readonly crisisLog: CrisisLogService;
  readonly statements: StatementService;
  readonly detection: DetectionService;
  readonly events: EventBus;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly audit: Audit;
  /** The organisation named by the workspace's crisis plan. */
  readonly planOrganisation: (workspaceId: WorkspaceId) => string;
  readonly clocks: (workspaceId: WorkspaceId, incidentId: string) => RegulatoryClock[];
  readonly retex: ReportSources['retex'];
  readonly press: ReportSources['press'];
  readonly compensation: ReportSources['compensation'];
}

const AUDIT_CODES: Record<ExportKind, string> = {
  report: 'export.report',
  archive: 'export.archive',
  mentionsCsv: 'export.mentionsCsv',
  mentionsXlsx: 'export.mentionsXlsx',
  logCsv: 'export.logCsv',
  compensationCsv: 'export.compensationCsv',
};
/** Exports that carry the compensation register's customer details when asked to are audited as such. */
const WITH_NAMES_CODES: Partial<Record<ExportKind, string>> = { archive: 'export.archiveWithNames', compensationCsv: 'export.compensationCsvWithNames' };

export function createReports(deps: ReportDeps) {
  const { store, workspaces, incidents, crisisLog, statements, detection, events, logger, clock, audit } = deps;
  const repository = perWorkspace((ws) => new ReportRepository(ws.db));
  const rollups = perWorkspace((ws) => new RollupRepository(ws.db));
  const archiveRepository = perWorkspace((ws) => new ArchiveRepository(ws.db));
  const lessons = perWorkspace((ws) => new LessonsRepository(ws.db));
  const sources: ReportSources = {
    workspace: (id) => workspaces.get(id),
    incident: (id, incidentId) => incidents.get(id, incidentId),
    logEntries: (id, incidentId) => crisisLog.listAll(id, incidentId),
    verifyLog: (id) => crisisLog.verify(id),
    statements: (id, incidentId) => statements.list(id, incidentId).map((s) => statements.get(id, s.id)),
    alerts: (id, limit) => detection.listAlerts(id, 'all', limit),
    repository: (id) => repository(store.get(id)),
    rollups: (id) => rollups(store.get(id)),
    lessons: (id) => lessons(store.get(id)).list(),
    retex: (id, incidentId) => deps.retex(id, incidentId),
    press: (id, incidentId) => deps.press(id, incidentId),
    compensation: (id, incidentId) => deps.compensation(id, incidentId),
    organisation: (id) => deps.planOrganisation(id),
    replayLevels: (id, watchId, from, to) => detection.replayLevels(id, watchId, from, to),
    clocks: (id, incidentId) => deps.clocks(id, incidentId),
  };
  const jobs = new ExportJobs(events, logger);

  /** Exports are security-relevant: each finished one is recorded in the crisis log. */
  const audited =
    (kind: ExportKind, workspaceId: WorkspaceId, incidentId: string, run: (checkpoint: Checkpoint) => Promise<JobOutput>, personalData = false) =>
    async (checkpoint: Checkpoint): Promise<JobOutput> => {
      const output = await run(checkpoint);
      audit(workspaceId, (personalData && WITH_NAMES_CODES[kind]) || AUDIT_CODES[kind], {
        incidentId,
        fileName: output.fileName,
        bytes: output.bytes.length,
      });
      return output;
    };

  const report = async (workspaceId: WorkspaceId, incidentId: string, language: Language, timeZone: string, checkpoint: Checkpoint): Promise<JobOutput> => {
    await checkpoint('gather', 0.05);
    const data = gatherReportData(sources, workspaceId, incidentId, clock.now());
    const rendered = await renderIncidentReport(data, { language, timeZone, checkpoint });
    return {
      fileName: exportFileName('report', data.incident.title, clock.now(), 'pdf', timeZone),
      mimeType: 'application/pdf',
      bytes: rendered.pdf,
      pages: rendered.pages,
    };
  };

  const startReport = (workspaceId: WorkspaceId, incidentId: string, language?: Language, timeZone?: string) => {
    incidents.get(workspaceId, incidentId);
    const lang = language ?? workspaces.get(workspaceId).settings.reportLanguage;
    const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    return jobs.start('report', workspaceId, incidentId, audited('report', workspaceId, incidentId, (cp) => report(workspaceId, incidentId, lang, zone, cp)));
  };

  const startExport = (workspaceId: WorkspaceId, incidentId: string, kind: Exclude<ExportKind, 'report'>, includePersonalData = false) => {
    const incident = incidents.get(workspaceId, incidentId);
    const ws = () => store.get(workspaceId);
    const runners: Record<Exclude<ExportKind, 'report'>, (cp: Checkpoint) => Promise<JobOutput>> = {
      archive: (cp) =>
        exportArchive(
          { sources, archive: archiveRepository(ws()), workspaceId, incidentId, now: clock.now(), signingKey: signingKeyFor(store.secret(workspaceId), workspaceId), includePersonalData },
          cp,
        ),
      mentionsCsv: (cp) => exportMentionsCsv(repository(ws()), incident, clock.now(), cp),
      mentionsXlsx: (cp) => exportMentionsXlsx(repository(ws()), incident, clock.now(), cp),
      logCsv: (cp) => exportLogCsv(sources.logEntries(workspaceId, incidentId), incident, clock.now(), cp),
      compensationCsv: (cp) => exportCompensationCsv(sources.compensation(workspaceId, incidentId), incident, clock.now(), includePersonalData, cp),
    };
    return jobs.start(kind, workspaceId, incidentId, audited(kind, workspaceId, incidentId, runners[kind], includePersonalData));
  };

  const reactions = (workspaceId: WorkspaceId, incidentId: string): StatementReaction[] => {
    const repo = sources.repository(workspaceId);
    const scope = scopeWindow(incidents.scope(workspaceId, incidentId), clock.now());
    const watches = repo.watches(scope);
    return analyseReactions(repo, sources.rollups(workspaceId), watches, sources.statements(workspaceId, incidentId), REACTION_WINDOW_HOURS, scope);
  };

  const reportHandlers: HandlersFor<'reports'> = {
    'reports:generate': ({ workspaceId, incidentId, language, timeZone }) => startReport(workspaceId, incidentId, language, timeZone),
    'reports:reactions': ({ workspaceId, incidentId }) => reactions(workspaceId, incidentId),
    'reports:startExport': ({ workspaceId, incidentId, kind, includePersonalData }) => startExport(workspaceId, incidentId, kind, includePersonalData),
    'reports:exportStatus': ({ jobId }) => jobs.status(jobId),
    'reports:cancelExport': ({ jobId }) => jobs.cancel(jobId),
    'reports:downloadExport': ({ jobId }) => {
      const output = jobs.output(jobId);
      return { fileName: output.fileName, mimeType: output.mimeType, contentBase64: output.bytes.toString('base64') };
    },
    'reports:importArchive': ({ workspaceId, content, expectedFingerprint }) => {
      const deps = { repo: archiveRepository(store.get(workspaceId)), link: crisisLog.linker(workspaceId), verify: () => crisisLog.verify(workspaceId) };
      const result = importArchive(content, workspaces.get(workspaceId).kind, deps, expectedFingerprint);
      audit(workspaceId, 'import.archive', {
        incidentId: result.incidentId,
        records: result.logRecords,
        fingerprint: result.signer.fingerprint,
      });
      events.emit('incidents:changed', { workspaceId, incidentId: result.incidentId });
      events.emit('crisisLog:changed', { workspaceId, incidentId: result.incidentId });
      return result;
    },
  };

  return { jobs, sources, handlers: reportHandlers, startReport, startExport, reactions };
}

export type Reports = ReturnType<typeof createReports>;
