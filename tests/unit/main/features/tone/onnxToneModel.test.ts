// The approved-model backend: a tiny bag-of-words model generated here, run by onnxruntime-web, must give the
// linear model's own maths; a folder that is missing a file, holds corrupt bytes or a wrong manifest is refused
// with a worded reason.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../../src/shared/contract/envelope';
import { OnnxToneModel } from '../../../../../src/main/features/tone/onnxToneModel';
import { linearSoftmaxOnnx, type LinearModel } from '../../../../support/onnxLinearModel';

const VOCABULARY = ['nul', 'honte', 'merci', 'bravo', 'bug', 'awful', 'great', 'thanks', 'scandale'];
/** Columns: negative, neutral, positive. */
const LINEAR: LinearModel = {
  weights: [
    [1.4, -0.2, -1.1],
    [1.9, -0.3, -1.5],
    [-1.2, 0.1, 1.3],
    [-1.0, -0.1, 1.6],
    [0.8, 0.4, -0.9],
    [1.7, -0.4, -1.2],
    [-1.3, 0.0, 1.5],
    [-0.9, 0.2, 1.1],
    [1.5, 0.1, -1.4],
  ],
  bias: [-0.1, 0.3, -0.05],
};

const root = mkdtempSync(join(tmpdir(), 'tocsin-onnx-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const manifest = (over: Record<string, unknown> = {}) => ({
  format: 'tocsin-tone-model',
  version: 1,
  labels: ['negative', 'neutral', 'positive'],
  languages: ['fr', 'en'],
  input: { name: 'features', kind: 'bagOfWords', vocabulary: VOCABULARY },
  output: { name: 'probabilities', activation: 'softmax' },
  ...over,
});

let folders = 0;
function folder(files: { manifest?: unknown; model?: Uint8Array | string }): string {
  const dir = join(root, `model-${(folders += 1)}`);
  mkdirSync(dir);
  if (files.manifest !== undefined) writeFileSync(join(dir, 'tone-model.json'), typeof files.manifest === 'string' ? files.manifest : JSON.stringify(files.manifest));
  if (files.model !== undefined) writeFileSync(join(dir, 'model.onnx'), files.model);
  return dir;
}

/** The linear model's softmax, computed here in plain JS from the word counts. */
function expected(counts: Record<string, number>): number[] {
  const logits = LINEAR.bias.map((b, c) => b + VOCABULARY.reduce((sum, word, v) => sum + (counts[word] ?? 0) * LINEAR.weights[v]![c]!, 0));
  const max = Math.max(...logits);
  const exps = logits.map((l) => Math.exp(l - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

async function refusal(dir: string): Promise<AppFailure> {
  const error = await OnnxToneModel.load(dir).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppFailure);
  return error as AppFailure;
}

describe('ONNX tone model', () => {
  it('scores FR and EN posts as the linear model computes them', async () => {
    const model = await OnnxToneModel.load(folder({ manifest: manifest(), model: linearSoftmaxOnnx(LINEAR) }));
    try {
      const posts: Array<[string, Record<string, number>]> = [
        ['Service NUL, vraiment nul. Une honte #scandale', { nul: 2, honte: 1, scandale: 1 }],
        ['Merci à l’équipe, bravo pour la réparation du bug', { merci: 1, bravo: 1, bug: 1 }],
        ['Great fix, thanks!', { great: 1, thanks: 1 }],
        ['Awful outage, awful support', { awful: 2 }],
        ['Le bus 14 passe par la place du marché', {}],
      ];
      for (const [text, counts] of posts) {
        const p = model.probabilities(text);
        const want = expected(counts);
        for (let c = 0; c < 3; c += 1) expect(p[c]).toBeCloseTo(want[c]!, 5);
      }
      expect(model.predict('Service nul, une honte')).toMatchObject({ toneClass: 'negative' });
      expect(model.predict('Great fix, thanks!')).toMatchObject({ toneClass: 'positive' });
      const verdict = model.predict('Merci, bravo');
      const want = expected({ merci: 1, bravo: 1 });
      expect(verdict.score).toBeCloseTo(want[2]! - want[0]!, 5);
      expect(model.handles('fr') && model.handles('en') && !model.handles('de')).toBe(true);
    } finally {
      await model.close();
    }
  });

  it('applies the softmax itself when the model answers logits, in the manifest’s label order', async () => {
    const reordered: LinearModel = { weights: LINEAR.weights.map(([n, u, p]) => [p!, n!, u!]), bias: [LINEAR.bias[2]!, LINEAR.bias[0]!, LINEAR.bias[1]!] };
    const bytes = linearSoftmaxOnnx(reordered, { input: 'features', output: 'probabilities' }, false);
    const model = await OnnxToneModel.load(folder({ manifest: manifest({ labels: ['positive', 'negative', 'neutral'], output: { name: 'probabilities', activation: 'logits' } }), model: bytes }));
    try {
      const want = expected({ nul: 1, honte: 1 });
      const p = model.probabilities('nul et honte');
      expect(p[1]).toBeCloseTo(want[0]!, 5);
      expect(p[0]).toBeCloseTo(want[2]!, 5);
      expect(model.predict('nul et honte')).toMatchObject({ toneClass: 'negative' });
    } finally {
      await model.close();
    }
  });

  it('refuses a folder without its manifest or its model', async () => {
    expect((await refusal(folder({ model: linearSoftmaxOnnx(LINEAR) }))).wording).toEqual({ key: 'detection.toneBackend.problems.missingFile', values: { file: 'tone-model.json' } });
    expect((await refusal(folder({ manifest: manifest() }))).wording).toEqual({ key: 'detection.toneBackend.problems.missingFile', values: { file: 'model.onnx' } });
    expect((await refusal(join(root, 'nowhere'))).wording?.key).toBe('detection.toneBackend.problems.missingFile');
  });

  it('refuses corrupt model bytes and a model whose tensors or width differ from its manifest', async () => {
    const good = linearSoftmaxOnnx(LINEAR);
    expect((await refusal(folder({ manifest: manifest(), model: good.slice(0, good.length / 2) }))).wording?.key).toBe('detection.toneBackend.problems.notAModel');
    expect((await refusal(folder({ manifest: manifest(), model: 'not a model at all' }))).wording?.key).toBe('detection.toneBackend.problems.notAModel');
    expect((await refusal(folder({ manifest: manifest({ input: { name: 'tokens', kind: 'bagOfWords', vocabulary: VOCABULARY } }), model: good }))).wording).toEqual({
      key: 'detection.toneBackend.problems.tensorMissing',
      values: { name: 'tokens' },
    });
    expect((await refusal(folder({ manifest: manifest({ labels: ['negative', 'positive'] }), model: good }))).wording?.key).toBe('detection.toneBackend.problems.shapeMismatch');
    expect((await refusal(folder({ manifest: manifest({ input: { name: 'features', kind: 'bagOfWords', vocabulary: ['nul', 'bravo'] } }), model: good }))).wording?.key).toBe(
      'detection.toneBackend.problems.shapeMismatch',
    );
  });

  it('refuses a manifest that is not JSON or not a tone manifest, naming each problem', async () => {
    const good = linearSoftmaxOnnx(LINEAR);
    expect((await refusal(folder({ manifest: '{"format": "tocsin-tone-model",', model: good }))).wording?.key).toBe('detection.toneBackend.problems.notJson');
    const bad = await refusal(folder({ manifest: manifest({ labels: ['neutral', 'neutral'], languages: ['de'], extra: true }), model: good }));
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.wording?.key).toBe('detection.toneBackend.problems.badManifest');
    const keys = (bad.issues ?? []).map((i) => `${i.path} ${i.wording?.key}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^languages\.0 platform\.validation\.oneOf/),
        expect.stringMatching(/^ platform\.validation\.unknownFields/),
      ]),
    );
    const labels = await refusal(folder({ manifest: manifest({ labels: ['neutral', 'neutral'] }), model: good }));
    expect(labels.issues?.map((i) => i.wording?.key)).toEqual(['detection.toneBackend.problems.duplicateLabels', 'detection.toneBackend.problems.missingPolarity']);
  });
});
