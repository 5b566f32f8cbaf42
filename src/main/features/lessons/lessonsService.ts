// Lessons-learned answers of a workspace: stored as given, anonymous ones without any name.
import type { Lesson, NewLesson } from '../../../shared/contract/lessons';
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import { LessonsRepository, type LessonRow } from './lessonsRepository';
import { perWorkspace } from '../../platform/workspaces/perWorkspace';
import type { WorkspaceStore } from '../../platform/workspaces/workspaceStore';

export class LessonsService {
  readonly #repo = perWorkspace((ws) => new LessonsRepository(ws.db));

  constructor(
    private readonly store: WorkspaceStore,
    private readonly events: EventBus,
    private readonly clock: Clock,
  ) {}

  list(workspaceId: WorkspaceId): Lesson[] {
    return this.#repo(this.store.get(workspaceId)).list().map(toLesson);
  }

  submit(workspaceId: WorkspaceId, lesson: Required<NewLesson>): Lesson {
    const row = {
      submittedAt: this.clock.now().toISOString(),
      // An anonymous answer keeps no role either: in a small cell the role names the person.
      author: lesson.author,
      authorRole: lesson.author ? lesson.authorRole : null,
      wentWell: lesson.wentWell,
      wentBadly: lesson.wentBadly,
      actionsJson: JSON.stringify(lesson.actions),
    };
    const id = this.#repo(this.store.get(workspaceId)).insert(row);
    this.events.emit('lessons:changed', { workspaceId });
    return toLesson({ ...row, id });
  }
}

function toLesson(row: LessonRow): Lesson {
  return {
    id: row.id,
    submittedAt: row.submittedAt,
    author: row.author,
    authorRole: row.authorRole,
    wentWell: row.wentWell,
    wentBadly: row.wentBadly,
    actions: JSON.parse(row.actionsJson) as Lesson['actions'],
  };
}
