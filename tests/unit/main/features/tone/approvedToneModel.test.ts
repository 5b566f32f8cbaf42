// A workspace's approved ONNX tone model, read from its models folder: it tones the posts of its languages, and a
// broken folder leaves tone to the lexicon while `tone:backend` says why, in a worded FR/EN reason.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import { useTempDirs } from '../../../../support/tempDir';
import { invoke, makeTestCore } from '../../../../support/testCore';
import { linearSoftmaxOnnx, type LinearModel } from '../../../../support/onnxLinearModel';

const VOCABULARY = ['colis', 'merci'];
/** Columns negative, neutral, positive: "colis" is read as a complaint, which no lexicon would say. */
const LINEAR: LinearModel = { weights: [[2.5, 0, -1], [-1, 0, 2]], bias: [0, 0.5, 0] };
const MANIFEST = {
  format: 'tocsin-tone-model',
  version: 1,
  labels: ['negative', 'neutral', 'positive'],
  languages: ['fr'],
  input: { name: 'features', kind: 'bagOfWords', vocabulary: VOCABULARY },
  output: { name: 'probabilities', activation: 'softmax' },
};

const tempDir = useTempDirs();
let core: Core | null = null;
afterEach(() => {
  core?.close();
  core = null;
});

function withModelFolder(model: Uint8Array | string): string {
  const dataDir = tempDir();
  const folder = join(dataDir, 'models', 'live', 'tone');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'tone-model.json'), JSON.stringify(MANIFEST));
  writeFileSync(join(folder, 'model.onnx'), model);
  return dataDir;
}

async function settled(c: Core) {
  return vi.waitFor(
    async () => {
      const backend = await invoke(c, 'tone:backend', { workspaceId: 'live' });
      if (backend.kind !== 'onnx' && !backend.problem) throw new Error('still opening');
      return backend;
    },
    { timeout: 60_000, interval: 100 },
  );
}

async function toneOf(c: Core, text: string, language: 'fr' | 'en') {
  const { id } = await invoke(c, 'mentions:capture', {
    workspaceId: 'live',
    capture: { channel: 'phonePost', outlet: 'Facebook', text, occurredAt: '2026-03-10T11:00:00Z', language },
  });
  const mention = await invoke(c, 'mentions:get', { workspaceId: 'live', id: id! });
  return { toneClass: mention.toneClass, toneScore: mention.toneScore };
}

describe('approved ONNX tone model', () => {
  it('tones the posts of its languages by the model, the others by the lexicon', async () => {
    const dataDir = withModelFolder(linearSoftmaxOnnx(LINEAR));
    core = makeTestCore(dataDir);
    const backend = await settled(core);
    expect(backend).toEqual({ kind: 'onnx', folder: join(dataDir, 'models', 'live', 'tone'), languages: ['fr'], problem: null });

    const logits = [2 * 2.5, 0.5, -2];
    const exps = logits.map(Math.exp);
    const total = exps.reduce((a, b) => a + b, 0);
    const fr = await toneOf(core, 'Colis toujours au relais, colis perdu', 'fr');
    expect(fr.toneClass).toBe('negative');
    expect(fr.toneScore).toBeCloseTo(exps[2]! / total - exps[0]! / total, 5);
    // English is not among the model's languages: the lexicon reads this one, and finds no tone word.
    expect(await toneOf(core, 'Parcel colis still at the pickup point', 'en')).toEqual({ toneClass: 'neutral', toneScore: 0 });
  });

  it('falls back to the lexicon on a corrupt model and says why', async () => {
    const dataDir = withModelFolder('PK\u0003\u0004 this is a zip, not an ONNX model');
    core = makeTestCore(dataDir);
    const backend = await settled(core);
    expect(backend.kind).toBe('lexicon');
    expect(backend.problem).toMatchObject({ code: 'UNAVAILABLE', wording: { key: 'detection.toneBackend.problems.notAModel', values: { file: 'model.onnx' } } });
    expect(await toneOf(core, 'Colis toujours au relais', 'fr')).toEqual({ toneClass: 'neutral', toneScore: 0 });
  });

  it('uses no model and reports no problem while the workspace has no model folder', async () => {
    core = makeTestCore(tempDir());
    expect(await invoke(core, 'tone:backend', { workspaceId: 'live' })).toMatchObject({ kind: 'lexicon', languages: [], problem: null });
  });
});
