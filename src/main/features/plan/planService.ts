// The crisis plan of each workspace: seeded from the shipped default, saved as whole revisions,
// imported and exported as one versioned file.
import type { PlanRevisionMeta, StoredPlan } from '../../../shared/contract/plan';
import { planLessonLinkSchema, type PlanLessonLink } from '../../../shared/domain/retex';
import { roleChanges } from '../../../shared/domain/planRoles';
import { PLAN_SCHEMA_VERSION, crisisPlanSchema, type CrisisPlan } from '../../../shared/domain/plan';
import type { Language, WorkspaceId } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import { PlanRepository, type PlanOrigin, type PlanRevisionRow } from './planRepository';
import { perWorkspace } from '../../platform/workspaces/perWorkspace';
import type { WorkspaceStore } from '../../platform/workspaces/workspaceStore';
import { renderPaperKit } from './paperKit';
import { emptyPlan } from './emptyPlan';
import { withPersonIds } from './personIds';
import { SettingsRepository } from '../../platform/workspaces/settingsRepository';
import { parsePlanFile, planFileName, serializePlan } from './planFile';
import { failure, inEnglish } from '../../platform/i18n/failure';

const HISTORY_LIMIT = 200;
/** Workspace setting: the live workspace's first plan awaits the cell's choice between the sample and an empty one. */
const FIRST_PLAN_SETTING = 'planFirstStart';

/** On a fresh live workspace: ask the cell (seeding an empty plan meanwhile), or take the sample (tests, old launches). */
export type FirstPlan = 'ask' | 'sample';
export type FirstPlanChoice = 'sample' | 'empty';

export class PlanService {
  readonly #repo = perWorkspace((ws) => new PlanRepository(ws.db));
  readonly #settings = perWorkspace((ws) => new SettingsRepository(ws.db));

  constructor(
    private readonly store: WorkspaceStore,
    private readonly events: EventBus,
    private readonly clock: Clock,
    private readonly defaultPlan: () => CrisisPlan,
    private readonly firstPlan: FirstPlan = 'sample',
  ) {}

  /** Whether the cell still has to choose how its live plan starts. */
  firstStart(workspaceId: WorkspaceId): { pending: boolean } {
    this.get(workspaceId);
    return { pending: this.#settings(this.store.get(workspaceId)).getAll()[FIRST_PLAN_SETTING] === 'pending' };
  }

  /**
   * The cell's answer: the sample company's plan (marked SAMPLE until edited), or the empty plan under its own
   * organisation name. Asked once; any save or import before it counts as starting from what was there.
   */
  chooseFirstPlan(workspaceId: WorkspaceId, choice: FirstPlanChoice, organisation?: string): StoredPlan {
    if (!this.firstStart(workspaceId).pending) throw failure('CONFLICT', 'plan.failures.alreadyChosen');
    if (choice === 'empty' && !organisation) throw failure('INVALID_INPUT', 'plan.failures.organisationRequired');
    const plan = choice === 'sample' ? crisisPlanSchema.parse(this.defaultPlan()) : emptyPlan(this.defaultPlan(), organisation ?? '', this.clock.now());
    return this.#append(workspaceId, plan, choice === 'sample' ? 'default' : 'empty', inEnglish(`plan.start.${choice}Note`));
  }

  get(workspaceId: WorkspaceId): StoredPlan {
    const repo = this.#repo(this.store.get(workspaceId));
    const row = repo.latest() ?? this.#seed(workspaceId);
    return toStored(row);
  }

  save(workspaceId: WorkspaceId, baseRevision: number, plan: CrisisPlan, note: string): StoredPlan {
    const current = this.get(workspaceId);
    if (current.revision !== baseRevision) {
      throw failure('CONFLICT', 'plan.failures.changedElsewhere', { current: current.revision, base: baseRevision });
    }
    const stamped: CrisisPlan = { ...plan, metadata: { ...plan.metadata, updatedAt: this.clock.now().toISOString() } };
    return this.#append(workspaceId, stamped, 'edit', [note.trim(), roleChangeNote(current.plan, plan)].filter(Boolean).join(' · '));
  }

  /**
   * A revision made from an accepted lesson: saved like an edit, signed by who accepted it and linked to the
   * lesson, so the history says why the plan changed.
   */
  amendFromLesson(workspaceId: WorkspaceId, baseRevision: number, plan: CrisisPlan, author: string, lesson: PlanLessonLink): StoredPlan {
    const current = this.get(workspaceId);
    if (current.revision !== baseRevision) {
      throw failure('CONFLICT', 'plan.failures.changedElsewhere', { current: current.revision, base: baseRevision });
    }
    const stamped: CrisisPlan = { ...plan, metadata: { ...plan.metadata, updatedAt: this.clock.now().toISOString() } };
    return this.#append(workspaceId, stamped, 'edit', lesson.action, { author, lesson });
  }

  history(workspaceId: WorkspaceId): PlanRevisionMeta[] {
    this.get(workspaceId);
    return this.#repo(this.store.get(workspaceId)).history(HISTORY_LIMIT).map(({ lessonJson, ...meta }) => ({ ...meta, lesson: parseLesson(lessonJson) }));
  }

  export(workspaceId: WorkspaceId): { fileName: string; content: string } {
    const { plan } = this.get(workspaceId);
    const exercise = this.store.get(workspaceId).kind === 'exercise';
    return { fileName: planFileName(plan, exercise), content: serializePlan(plan) };
  }

  /** All or nothing: an invalid file throws with every bad path and leaves the stored plan untouched. */
  import(workspaceId: WorkspaceId, content: string): StoredPlan {
    const plan = parsePlanFile(content);
    this.get(workspaceId);
    return this.#append(workspaceId, plan, 'import', '');
  }

  /** Starts a workspace (an exercise) from another one's current plan. */
  copyPlan(from: WorkspaceId, to: WorkspaceId): StoredPlan {
    const { plan } = this.get(from);
    return this.#append(to, plan, 'import', inEnglish('plan.failures.copiedFrom', { workspace: from }));
  }

  async paperKit(workspaceId: WorkspaceId, language: Language): Promise<{ fileName: string; pdf: Buffer }> {
    const { plan, revision, origin } = this.get(workspaceId);
    const exercise = this.store.get(workspaceId).kind === 'exercise';
    const pdf = await renderPaperKit({ plan, revision, language, exercise, sample: origin === 'default', printedAt: this.clock.now() });
    const base = planFileName(plan, exercise).replace(/^(EXERCISE-)?crisis-plan-/, '$1paper-kit-').replace(/\.json$/, '');
    return { fileName: `${base}-${language}.pdf`, pdf };
  }

  #seed(workspaceId: WorkspaceId): PlanRevisionRow {
    const workspace = this.store.get(workspaceId);
    const repo = this.#repo(workspace);
    const ask = this.firstPlan === 'ask' && workspace.kind === 'live';
    const now = this.clock.now();
    const plan = withPersonIds(ask ? emptyPlan(this.defaultPlan(), inEnglish('plan.start.emptyOrganisation'), now) : crisisPlanSchema.parse(this.defaultPlan()));
    const row = { schemaVersion: PLAN_SCHEMA_VERSION, planJson: JSON.stringify(plan), savedAt: now.toISOString(), origin: ask ? ('empty' as const) : ('default' as const), author: '', note: '', lessonJson: null };
    if (ask) this.#settings(workspace).setMany({ [FIRST_PLAN_SETTING]: 'pending' }, now.toISOString());
    return { ...row, revision: repo.append(row) };
  }

  #append(workspaceId: WorkspaceId, plan: CrisisPlan, origin: PlanOrigin, note: string, from?: { author: string; lesson: PlanLessonLink }): StoredPlan {
    const workspace = this.store.get(workspaceId);
    const repo = this.#repo(workspace);
    const settings = this.#settings(workspace);
    if (settings.getAll()[FIRST_PLAN_SETTING] === 'pending') settings.setMany({ [FIRST_PLAN_SETTING]: 'chosen' }, this.clock.now().toISOString());
    const row = {
      schemaVersion: PLAN_SCHEMA_VERSION,
      planJson: JSON.stringify(withPersonIds(plan)),
      savedAt: this.clock.now().toISOString(),
      origin,
      author: from?.author ?? '',
      note,
      lessonJson: from ? JSON.stringify(from.lesson) : null,
    };
    const revision = repo.append(row);
    this.events.emit('plan:changed', { workspaceId, revision });
    return toStored({ ...row, revision });
  }
}

/** The history names every role added, renamed or removed, so the roster's changes can be traced. */
function roleChangeNote(before: CrisisPlan, after: CrisisPlan): string {
  const { added, renamed, removed } = roleChanges(before, after);
  return [
    ...added.map((name) => inEnglish('plan.roleChanges.added', { name: name.en })),
    ...renamed.map(({ from, to }) => inEnglish('plan.roleChanges.renamed', { from: from.en, to: to.en })),
    ...removed.map((name) => inEnglish('plan.roleChanges.removed', { name: name.en })),
  ].join(' · ');
}

function toStored(row: PlanRevisionRow): StoredPlan {
  const { planJson, lessonJson, ...meta } = row;
  return { ...meta, lesson: parseLesson(lessonJson), plan: crisisPlanSchema.parse(JSON.parse(planJson)) };
}

/** Written by this service; a link that no longer reads is shown as none rather than failing the plan. */
function parseLesson(json: string | null): PlanLessonLink | null {
  if (json === null) return null;
  const parsed = planLessonLinkSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}
