import type { LexiconTone } from './lexiconScorer';
import { foldAccents } from './textTokens';

/** Sparse feature vector: parallel index/value arrays. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

export const DENSE_FEATURES = 6;

/** 32-bit FNV-1a, so that feature indices are stable across runs and machines (the model is stored). */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function normalise(text: string): string {
  return foldAccents(text.toLowerCase())
    .replace(/https?:\/\/\S+/g, ' http ')
    .replace(/@\w+/g, ' @user ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Word 1–2-grams and character 3–5-grams of the lower-cased, accent-free text hashed into `buckets` slots
 * (L2-normalised), followed by dense lexicon features, so that a model trained on few corrections still leans on
 * the lexicon. Language is a feature prefix: one model serves FR and EN.
 */
export function hashedFeatures(text: string, language: string, lexicon: LexiconTone, buckets: number): SparseVector {
  const counts = new Map<number, number>();
  const add = (key: string) => {
    const index = fnv1a(key) % buckets;
    counts.set(index, (counts.get(index) ?? 0) + 1);
  };
  const clean = normalise(text);
  const words = clean.split(/[^\p{L}\p{N}#@!?]+/u).filter(Boolean);
  for (let i = 0; i < words.length; i += 1) {
    add(`w|${words[i]}`);
    if (i > 0) add(`b|${words[i - 1]} ${words[i]}`);
  }
  const padded = ` ${clean} `;
  for (let n = 3; n <= 5; n += 1) {
    for (let i = 0; i + n <= padded.length; i += 1) add(`c${n}|${padded.slice(i, i + n)}`);
  }
  add(`lang|${language}`);
  let norm = 0;
  for (const v of counts.values()) norm += v * v;
  norm = Math.sqrt(norm) || 1;

  const indices = new Int32Array(counts.size + DENSE_FEATURES);
  const values = new Float32Array(counts.size + DENSE_FEATURES);
  let k = 0;
  for (const [index, v] of counts) {
    indices[k] = index;
    values[k] = v / norm;
    k += 1;
  }
  const dense = [
    Math.log1p(lexicon.positive) / 2,
    Math.log1p(lexicon.negative) / 2,
    lexicon.score,
    lexicon.hits === 0 ? 1 : 0,
    Math.min(lexicon.crisisTerms.length, 3) / 3,
    1,
  ];
  for (let d = 0; d < DENSE_FEATURES; d += 1) {
    indices[k] = buckets + d;
    values[k] = dense[d]!;
    k += 1;
  }
  return { indices, values };
}
