// An approved ONNX tone model from a folder (model.onnx and its manifest), checked before it scores anything: a
// folder that is missing, corrupt or says one thing while the model does another is refused with a worded reason.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ToneClass } from '../../../shared/domain/storedMention';
import { failure } from '../../platform/i18n/failure';
import { wordedIssues } from '../../platform/i18n/zodIssues';
import { MANIFEST_FILE, MODEL_FILE, onnxManifestSchema, type OnnxManifest } from './onnxManifest';
import { OnnxRunner, OnnxRuntimeError } from './onnxRunner';
import { foldAccents } from './textTokens';

const MAX_MANIFEST_BYTES = 20 * 1024 * 1024;
const MAX_MODEL_BYTES = 1024 * 1024 * 1024;

const problem = (key: string, values?: Record<string, string | number>) => failure('UNAVAILABLE', `detection.toneBackend.problems.${key}`, values);

function readBounded(folder: string, file: string, limit: number): Buffer {
  const path = join(folder, file);
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw problem('missingFile', { file });
    size = stat.size;
  } catch (error) {
    if (error instanceof Error && 'code' in error && typeof error.code === 'string') throw problem('missingFile', { file });
    throw error;
  }
  if (size > limit) throw problem('tooLarge', { file, megabytes: Math.round(limit / 1024 / 1024) });
  return readFileSync(path);
}

function readManifest(folder: string): OnnxManifest {
  let json: unknown;
  try {
    json = JSON.parse(readBounded(folder, MANIFEST_FILE, MAX_MANIFEST_BYTES).toString('utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) throw problem('notJson', { file: MANIFEST_FILE });
    throw error;
  }
  const parsed = onnxManifestSchema.safeParse(json);
  if (!parsed.success) throw failure('INVALID_INPUT', 'detection.toneBackend.problems.badManifest', { file: MANIFEST_FILE }, wordedIssues(parsed.error));
  return parsed.data;
}

/** Tone from an approved ONNX model: word counts in, one probability per manifest label out. */
export class OnnxToneModel {
  private readonly index: Map<string, number>;

  private constructor(
    readonly manifest: OnnxManifest,
    private readonly runner: OnnxRunner,
  ) {
    this.index = new Map(manifest.input.vocabulary.map((word, i) => [this.#normalise(word), i]));
  }

  /** Opens and checks the model in `folder`; rejects with a worded AppFailure when anything in it is wrong. */
  static async load(folder: string): Promise<OnnxToneModel> {
    const manifest = readManifest(folder);
    const bytes = readBounded(folder, MODEL_FILE, MAX_MODEL_BYTES);
    let runner: OnnxRunner;
    try {
      runner = await OnnxRunner.open(new Uint8Array(bytes));
    } catch (error) {
      if (error instanceof OnnxRuntimeError) throw problem('notAModel', { file: MODEL_FILE });
      throw error;
    }
    const model = new OnnxToneModel(manifest, runner);
    try {
      model.#check();
    } catch (error) {
      void runner.close();
      throw error;
    }
    return model;
  }

  /** The model's tensors must be those the manifest names, and it must answer one column per label. */
  #check(): void {
    const { input, output, labels } = this.manifest;
    if (!this.runner.inputNames.includes(input.name)) throw problem('tensorMissing', { name: input.name });
    if (!this.runner.outputNames.includes(output.name)) throw problem('tensorMissing', { name: output.name });
    let dims: number[];
    try {
      dims = this.runner.run(input.name, new Float32Array(input.vocabulary.length), [1, input.vocabulary.length], output.name).dims;
    } catch (error) {
      if (error instanceof OnnxRuntimeError) throw problem('shapeMismatch', { words: input.vocabulary.length, labels: labels.length });
      throw error;
    }
    if (dims.length !== 2 || dims[0] !== 1 || dims[1] !== labels.length) throw problem('shapeMismatch', { words: input.vocabulary.length, labels: labels.length });
  }

  #normalise(text: string): string {
    const { lowercase, foldAccents: fold } = this.manifest.input;
    const lowered = lowercase ? text.toLowerCase() : text;
    return fold ? foldAccents(lowered) : lowered;
  }

  handles(language: string): boolean {
    return (this.manifest.languages as readonly string[]).includes(language);
  }

  /** How often each vocabulary word occurs in the text, words split on anything that is not a letter or digit. */
  features(text: string): Float32Array {
    const counts = new Float32Array(this.manifest.input.vocabulary.length);
    for (const word of this.#normalise(text).split(/[^\p{L}\p{N}]+/u)) {
      const slot = word ? this.index.get(word) : undefined;
      if (slot !== undefined) counts[slot]! += 1;
    }
    return counts;
  }

  /** One probability per manifest label, in the manifest's order. */
  probabilities(text: string): number[] {
    const { input, output } = this.manifest;
    const { data } = this.runner.run(input.name, this.features(text), [1, input.vocabulary.length], output.name);
    const values = Array.from(data);
    if (output.activation === 'softmax') return values;
    const max = Math.max(...values);
    const exps = values.map((v) => Math.exp(v - max));
    const total = exps.reduce((a, b) => a + b, 0);
    return exps.map((e) => e / total);
  }

  /** Same shape and [−1, 1] scale as the local model's verdict: P(positive) − P(negative). */
  predict(text: string): { toneClass: ToneClass; score: number } {
    const p = this.probabilities(text);
    const { labels } = this.manifest;
    const best = p.indexOf(Math.max(...p));
    return { toneClass: labels[best]!, score: p[labels.indexOf('positive')]! - p[labels.indexOf('negative')]! };
  }

  close(): Promise<number> {
    return this.runner.close();
  }
}
