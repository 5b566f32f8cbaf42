// The debrief of an exercise: how fast the cell detected, mobilised and spoke, in game minutes from the
// scripted onset, read from what detection, incidents and the composer actually recorded.
import type { ExerciseDebrief } from '../../../shared/contract/exercises';
import type { Alert } from '../../../shared/domain/detection';
import type { IncidentDetail } from '../../../shared/domain/incident';
import type { RegulatoryClock } from '../../../shared/domain/regulatoryClock';
import type { StatementDetail } from '../../../shared/domain/statement';
import type { Lesson } from '../../../shared/contract/lessons';
import type { Language, WorkspaceId } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import { ExerciseQuestionRepository } from './exerciseQuestionRepository';
import { perWorkspace } from '../../platform/workspaces/perWorkspace';
import type { WorkspaceStore } from '../../platform/workspaces/workspaceStore';
import { renderDebriefPdf } from './debriefPdf';
import type { ExerciseRunner } from './exerciseRunner';
import { failure } from '../../platform/i18n/failure';

export interface ExerciseDebriefDeps {
  readonly store: WorkspaceStore;
  readonly runner: ExerciseRunner;
  /** Alerts are stamped in game time (detection runs on the exercise's game clock). */
  readonly alerts: (workspaceId: WorkspaceId) => readonly Alert[];
  /** Incidents and statements are stamped in real time, converted through the run's clock history. */
  readonly incidents: (workspaceId: WorkspaceId) => readonly IncidentDetail[];
  readonly statements: (workspaceId: WorkspaceId) => readonly StatementDetail[];
  readonly lessons: (workspaceId: WorkspaceId) => readonly Lesson[];
  /** An incident's regulatory clocks, whose statuses are judged on the exercise's game clock. */
  readonly clocks: (workspaceId: WorkspaceId, incidentId: string) => readonly RegulatoryClock[];
  readonly exerciseName: (workspaceId: WorkspaceId) => string;
  readonly clock: Clock;
}

const round = (minutes: number): number => Math.round(minutes * 10) / 10;
const earliest = (values: readonly (number | null)[]): number | null => {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? Math.min(...present) : null;
};

export class ExerciseDebriefService {
  readonly #questions = perWorkspace((ws) => new ExerciseQuestionRepository(ws.db));

  constructor(private readonly deps: ExerciseDebriefDeps) {}

  async pdf(workspaceId: WorkspaceId, language: Language): Promise<{ fileName: string; pdf: Buffer }> {
    const debrief = this.debrief(workspaceId);
    const run = this.deps.runner.run(workspaceId)!;
    const pdf = await renderDebriefPdf({
      exerciseName: this.deps.exerciseName(workspaceId),
      run,
      debrief,
      lessons: this.deps.lessons(workspaceId),
      language,
      printedAt: this.deps.clock.now(),
    });
    return { fileName: `EXERCISE-debrief-${run.scriptId}-${language}.pdf`, pdf };
  }

  debrief(workspaceId: WorkspaceId): ExerciseDebrief {
    const run = this.deps.runner.run(workspaceId);
    if (!run) throw failure('NOT_FOUND', 'exercises.failures.nothingPlayed');
    const gameStart = Date.parse(run.gameStartAt);
    const onset = run.onsetMinute;
    const real = (iso: string | null): number | null => (iso ? this.deps.runner.gameMinuteAt(workspaceId, iso) : null);
    const sinceOnset = (minute: number | null): number | null => (minute === null ? null : round(minute - onset));

    const alertMinutes = this.deps.alerts(workspaceId)
      .map((a) => (Date.parse(a.openedAt) - gameStart) / 60_000)
      .filter((m) => m >= onset);

    const incidents = [...this.deps.incidents(workspaceId)].sort((a, b) => a.openedAt.localeCompare(b.openedAt));
    const first = incidents[0];
    const firstOpened = first ? real(first.openedAt) : null;
    const acknowledgements = (first?.mobilisation?.calls ?? []).map((call) => real(call.acknowledgedAt));
    const mobilised =
      acknowledgements.length && acknowledgements.every((a) => a !== null) ? Math.max(...(acknowledgements as number[])) : null;

    const completion = (hours: number) => {
      if (!first || firstOpened === null) return { due: 0, done: 0 };
      const limit = firstOpened + hours * 60;
      const due = first.checklist.filter((item) => item.status !== 'skipped' && item.deadlineMinutes <= hours * 60);
      const done = due.filter((item) => item.status === 'done' && (real(item.doneAt) ?? Infinity) <= limit);
      return { due: due.length, done: done.length };
    };

    const statements = this.deps.statements(workspaceId);
    const approvedAt = (detail: StatementDetail): number | null => {
      if (detail.statement.approvalState !== 'approved') return null;
      const current = detail.decisions.filter((d) => d.current && d.decision === 'approved');
      return current.length ? Math.max(...current.map((d) => real(d.decidedAt) ?? 0)) : null;
    };
    const holding = statements.filter((s) => s.statement.kind === 'holding');
    const latencies = statements
      .map((s) => {
        const approved = approvedAt(s);
        const created = real(s.statement.createdAt);
        return approved === null || created === null ? null : approved - created;
      })
      .filter((v): v is number => v !== null);

    const answered = new Set(statements.map((s) => s.statement.replyToMentionId).filter((v): v is string => v !== null));
    const questions = this.#questions(this.deps.store.get(workspaceId)).questions();
    const unanswered = questions.filter((q) => !answered.has(String(q.id)) && !answered.has(q.externalId));

    const steps = incidents.flatMap((incident) => this.deps.clocks(workspaceId, incident.id)).flatMap((clock) => clock.steps);
    const counted = (status: string) => steps.filter((s) => s.status === status).length;

    return {
      workspaceId,
      scriptId: run.scriptId,
      onsetMinute: onset,
      expectedAlertWithinMinutes: run.expectedAlertWithinMinutes,
      timeToDetect: sinceOnset(earliest(alertMinutes)),
      timeToOpenIncident: sinceOnset(firstOpened),
      timeToMobilise: sinceOnset(mobilised),
      timeToHoldingApproved: sinceOnset(earliest(holding.map(approvedAt))),
      timeToHoldingPublished: sinceOnset(
        earliest(holding.flatMap((s) => s.outbox.filter((o) => o.state === 'published').map((o) => real(o.publishedAt)))),
      ),
      checklistH1: completion(1),
      checklistH4: completion(4),
      approvalLatency: {
        count: latencies.length,
        averageMinutes: latencies.length ? round(latencies.reduce((a, b) => a + b, 0) / latencies.length) : null,
        maxMinutes: latencies.length ? round(Math.max(...latencies)) : null,
      },
      questions: questions.length,
      unansweredQuestions: unanswered.length,
      obligations: { met: counted('met'), missed: counted('missed'), running: counted('running') },
    };
  }
}
