import type { ToneClass } from '../../../shared/domain/storedMention';
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import { ToneRepository } from './toneRepository';
import { perWorkspace } from '../../platform/workspaces/perWorkspace';
import type { OpenWorkspace } from '../../platform/workspaces/workspaceStore';
import { hashedFeatures } from './hashedFeatures';
import type { Lexicon, ToneLanguage } from './lexicon';
import { scoreWithLexicon } from './lexiconScorer';
import { TONE_CLASSES, TONE_MODEL_BUCKETS, ToneModel } from './toneModel';
import type { WorkspaceLookup } from '../../platform/workspaces/workspaceLookup';
import { failure } from '../../platform/i18n/failure';

/** A model trained on fewer corrections, or missing a class, would be worse than the lexicon. */
export const MIN_CORRECTIONS = 30;
const MIN_PER_CLASS = 5;
/** Most recent corrections used for training, so retraining stays in milliseconds. */
const MAX_TRAINING = 5000;

export interface CorrectionResult {
  mentionId: number;
  toneClass: ToneClass;
  previous: ToneClass | null;
  corrections: number;
  /** Corrections the workspace model was trained on; 0 while the lexicon alone scores tone. */
  modelSamples: number;
}

interface WorkspaceTone {
  repo: ToneRepository;
  model: ToneModel | null;
  samples: number;
}

/** Analysts' tone corrections, and the workspace's local model retrained from them. */
export class ToneService {
  readonly #state = perWorkspace((ws: OpenWorkspace): WorkspaceTone => {
    const repo = new ToneRepository(ws.db);
    const stored = repo.model();
    let model: ToneModel | null = null;
    if (stored) {
      try {
        model = ToneModel.fromBuffer(stored.weights);
      } catch {
        // A damaged model is dropped: the lexicon scores tone until the next correction retrains it.
        model = null;
      }
    }
    return { repo, model, samples: model ? stored!.samples : 0 };
  });

  constructor(
    private readonly store: WorkspaceLookup,
    private readonly lexicons: Record<ToneLanguage, Lexicon>,
    private readonly clock: Clock,
    private readonly events: EventBus,
  ) {}

  model(workspaceId: WorkspaceId): ToneModel | null {
    return this.#state(this.store.get(workspaceId)).model;
  }

  correct(workspaceId: WorkspaceId, mentionId: number, toneClass: ToneClass, by: string | null): CorrectionResult {
    const state = this.#state(this.store.get(workspaceId));
    const now = this.clock.now().toISOString();
    const changed = state.repo.correct(mentionId, toneClass, by, now);
    if (!changed) throw failure('NOT_FOUND', 'mentions.failures.noMentionHere', { id: mentionId });
    const corrections = state.repo.correctionCount();
    if (corrections >= MIN_CORRECTIONS) this.#retrain(state, now);
    this.events.emit('mentions:changed', { workspaceId, sourceIds: [] });
    return { mentionId, toneClass, previous: changed.previous, corrections, modelSamples: state.samples };
  }

  #retrain(state: WorkspaceTone, now: string): void {
    const samples = state.repo.samples().slice(-MAX_TRAINING);
    const perClass = TONE_CLASSES.map((c) => samples.filter((s) => s.toneClass === c).length);
    if (perClass.some((n) => n < MIN_PER_CLASS)) return;
    const examples = samples.map((s) => {
      const lexicon = this.lexicons[s.language === 'fr' ? 'fr' : 'en'];
      return { features: hashedFeatures(s.text, lexicon.language, scoreWithLexicon(s.text, lexicon), TONE_MODEL_BUCKETS), label: s.toneClass };
    });
    const model = ToneModel.train(examples, TONE_MODEL_BUCKETS);
    state.repo.saveModel(model.toBuffer(), samples.length, now, { perClass });
    state.model = model;
    state.samples = samples.length;
  }
}
