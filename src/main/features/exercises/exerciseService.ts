// Exercise workspaces: each rehearsal gets its own encrypted database, created from the live plan,
// so nothing a player or the director does can reach the live data.
import { randomBytes } from 'node:crypto';
import { LIVE_WORKSPACE_ID, type Workspace, type WorkspaceId } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import type { PlanService } from '../plan';
import type { WorkspaceService } from '../workspaces';
import type { WorkspaceStore } from '../../platform/workspaces/workspaceStore';

export class ExerciseService {
  constructor(
    private readonly store: WorkspaceStore,
    private readonly workspaces: WorkspaceService,
    private readonly plans: PlanService,
    private readonly events: EventBus,
    private readonly clock: Clock,
  ) {}

  create(name: string): Workspace {
    const id = this.#newId();
    this.store.create(id, 'exercise');
    const live = this.workspaces.get(LIVE_WORKSPACE_ID).settings;
    this.workspaces.updateSettings(id, {
      displayName: name,
      organisation: live.organisation,
      reportLanguage: live.reportLanguage,
      statusMeetingHours: live.statusMeetingHours,
      // An exercise never talks to the outside world: no connector polls, nothing is published.
      sealed: true,
    });
    this.plans.copyPlan(LIVE_WORKSPACE_ID, id);
    this.events.emit('workspaces:changed', { workspaceId: id });
    return this.workspaces.get(id);
  }

  #newId(): WorkspaceId {
    const stamp = this.clock.now().toISOString().slice(0, 16).replace(/[-:T]/g, '');
    return `exercise-${stamp}-${randomBytes(3).toString('hex')}`;
  }
}
