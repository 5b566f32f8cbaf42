// The crisis plan of each workspace: seeded from the shipped default, saved as whole revisions,
// imported and exported as one versioned file.
import type { PlanRefusalView, PlanRevisionMeta, StoredPlan } from '../../../shared/contract/plan';
import { planLessonLinkSchema, type PlanLessonLink } from '../../../shared/domain/retex';
import { hasRoleChanges, roleChanges, roleChangesSchema, type RoleChanges } from '../../../shared/domain/planRoles';
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
import type { Logger } from '../../platform/logger';
import { PlanChangeRepository, type PlanChangeRow } from './planChangeRepository';
import { planDiff } from './sharedPlan/planChange';
import { replayPlan, type PlanRefusal } from './sharedPlan/replayPlan';
import { SharedPlan } from './sharedPlan/sharedPlan';

const HISTORY_LIMIT = 200;
/** Workspace setting: the live workspace's first plan awaits the cell's choice between the sample and an empty one. */
const FIRST_PLAN_SETTING = 'planFirstStart';

/** On a fresh live workspace: ask the cell (seeding an empty plan meanwhile), or take the sample (tests, old launches). */
export type FirstPlan = 'ask' | 'sample';
export type FirstPlanChoice = 'sample' | 'empty';

export class PlanService {
  readonly #repo = perWorkspace((ws) => new PlanRepository(ws.db));
  readonly #settings = perWorkspace((ws) => new SettingsRepository(ws.db));
  readonly #changes = perWorkspace((ws) => new PlanChangeRepository(ws.db));
  /** The plan of a workspace in a cell is the cell's: every laptop's revisions, replayed alike. */
  readonly shared: SharedPlan;

  constructor(
    private readonly store: WorkspaceStore,
    private readonly events: EventBus,
    private readonly clock: Clock,
    private readonly defaultPlan: () => CrisisPlan,
    private readonly firstPlan: FirstPlan = 'sample',
    logger: Pick<Logger, 'warn'>,
  ) {
    this.shared = new SharedPlan(
      {
        changes: (workspaceId) => this.#changes(this.store.get(workspaceId)),
        current: (workspaceId) => {
          const { plan, origin } = this.get(workspaceId);
          return { plan: normalised(plan), origin };
        },
        takeIn: (workspaceId, rows) => this.#takeIn(workspaceId, rows),
      },
      () => this.clock.now().getTime(),
      logger,
    );
  }

  /** The cell's revisions this laptop did not take, newest first, each with why (a forged one, or a plan that fails its checks). */
  refusals(workspaceId: WorkspaceId): PlanRefusalView[] {
    this.get(workspaceId);
    return this.#changes(this.store.get(workspaceId))
      .all()
      .filter((row) => row.refusalJson !== null)
      .reverse()
      .map((row) => {
        const refusal = JSON.parse(row.refusalJson!) as PlanRefusal;
        return {
          changeId: row.id,
          deviceId: row.deviceId,
          member: row.memberName,
          at: row.at,
          note: row.note,
          genuine: row.genuine === 1,
          reason: inEnglish(refusal.key, refusal.values),
          wording: refusal.values ? { key: refusal.key, values: refusal.values } : { key: refusal.key },
          issues: refusal.issues ?? [],
        };
      });
  }

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
    // The history names every role added, renamed or removed, so the roster's changes can be traced in either language.
    const changes = roleChanges(current.plan, plan);
    return this.#append(workspaceId, stamped, 'edit', note.trim(), undefined, hasRoleChanges(changes) ? changes : null);
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
    return this.#repo(this.store.get(workspaceId))
      .history(HISTORY_LIMIT)
      .map((row) => metaOf(row));
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
    const row = { schemaVersion: PLAN_SCHEMA_VERSION, planJson: JSON.stringify(plan), savedAt: now.toISOString(), origin: ask ? ('empty' as const) : ('default' as const), author: '', note: '', lessonJson: null, roleChangesJson: null, changeId: null, deviceId: null, pathsJson: null };
    if (ask) this.#settings(workspace).setMany({ [FIRST_PLAN_SETTING]: 'pending' }, now.toISOString());
    return { ...row, revision: repo.append(row) };
  }

  #append(
    workspaceId: WorkspaceId,
    plan: CrisisPlan,
    origin: PlanOrigin,
    note: string,
    from?: { author: string; lesson: PlanLessonLink },
    changes: RoleChanges | null = null,
  ): StoredPlan {
    const workspace = this.store.get(workspaceId);
    const repo = this.#repo(workspace);
    const settings = this.#settings(workspace);
    if (settings.getAll()[FIRST_PLAN_SETTING] === 'pending') settings.setMany({ [FIRST_PLAN_SETTING]: 'chosen' }, this.clock.now().toISOString());
    if (this.shared.attached(workspaceId)) {
      // In a cell the revision goes to the cell as what it changed, and the plan is the cell's replay of it.
      const ops = planDiff(normalised(this.get(workspaceId).plan), normalised(withPersonIds(plan)));
      this.shared.record(workspaceId, { kind: 'edit', origin, by: from?.author ?? '', note, lesson: from ? JSON.stringify(from.lesson) : '', ops });
      this.#replay(workspaceId);
      return this.get(workspaceId);
    }
    const row = {
      schemaVersion: PLAN_SCHEMA_VERSION,
      planJson: JSON.stringify(withPersonIds(plan)),
      savedAt: this.clock.now().toISOString(),
      origin,
      author: from?.author ?? '',
      note,
      lessonJson: from ? JSON.stringify(from.lesson) : null,
      roleChangesJson: changes ? JSON.stringify(changes) : null,
      changeId: null,
      deviceId: null,
      pathsJson: null,
    };
    const revision = repo.append(row);
    this.events.emit('plan:changed', { workspaceId, revision });
    return toStored({ ...row, revision });
  }

  #takeIn(workspaceId: WorkspaceId, rows: readonly PlanChangeRow[]): void {
    const changes = this.#changes(this.store.get(workspaceId));
    changes.inTransaction(() => {
      for (const row of rows) changes.insert(row);
    });
    this.#replay(workspaceId);
  }

  #replay(workspaceId: WorkspaceId): void {
    this.get(workspaceId);
    const workspace = this.store.get(workspaceId);
    const changes = this.#changes(workspace);
    const repo = this.#repo(workspace);
    if (changes.inTransaction(() => replayPlan(repo, changes))) this.events.emit('plan:changed', { workspaceId, revision: repo.latest()!.revision });
  }
}

/** The plan as JSON carries it: what a peer reads back is compared with what this laptop had, field by field. */
const normalised = (plan: CrisisPlan): unknown => JSON.parse(JSON.stringify(plan));

function metaOf(row: Omit<PlanRevisionRow, 'planJson'>): PlanRevisionMeta {
  const { lessonJson, roleChangesJson, changeId, deviceId, pathsJson, ...meta } = row;
  return {
    ...meta,
    lesson: parseLesson(lessonJson),
    roleChanges: parseRoleChanges(roleChangesJson),
    cell: changeId && deviceId ? { changeId, deviceId, paths: pathsJson ? (JSON.parse(pathsJson) as string[]) : [] } : null,
  };
}

/** Written by this service; changes that no longer read are shown as none rather than failing the history. */
function parseRoleChanges(json: string | null): RoleChanges | null {
  if (json === null) return null;
  const parsed = roleChangesSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

function toStored(row: PlanRevisionRow): StoredPlan {
  const { planJson, ...meta } = row;
  return { ...metaOf(meta), plan: crisisPlanSchema.parse(JSON.parse(planJson)) };
}

/** Written by this service; a link that no longer reads is shown as none rather than failing the plan. */
function parseLesson(json: string | null): PlanLessonLink | null {
  if (json === null) return null;
  const parsed = planLessonLinkSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}
