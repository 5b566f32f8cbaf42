// npm run eval:language [-- <folder laid out like tone-dev: <english|french>/<split>_text.txt>]
// Accuracy and speed of the product's language detector (eld, small model, our candidate languages) against
// tinyld restricted to the same candidates, both fed the same cleaned text and timed in this run.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { detect as tinyldDetect } from 'tinyld';
import {
  detectLanguage,
  LANGUAGE_CANDIDATES,
  textForDetection,
} from '../src/main/features/mentions/detectLanguage';

const folder = resolve(process.argv[2] ?? '../shared/data/tone-dev');
const CORPORA = [
  { language: 'en', dir: 'english' },
  { language: 'fr', dir: 'french' },
] as const;
const SPLITS = ['train', 'val'];
const TIMED_ROUNDS = 5;

type Detector = (clean: string) => string | null;
const detectors: Record<'eld' | 'tinyld', Detector> = {
  eld: (clean) => detectLanguage(clean),
  tinyld: (clean) => tinyldDetect(clean, { only: LANGUAGE_CANDIDATES }) || null,
};

function readPosts(dir: string): string[] {
  return SPLITS.flatMap((split) => {
    const file = join(folder, dir, `${split}_text.txt`);
    return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '') : [];
  });
}

const corpora = CORPORA.map(({ language, dir }) => {
  const posts = readPosts(dir);
  const texts = posts.map(textForDetection).filter((t): t is string => t !== null);
  return { language, posts: posts.length, texts };
});
if (corpora.some((c) => c.posts === 0)) {
  console.error(`no english/french {${SPLITS.join(',')}}_text.txt found under ${folder}`);
  process.exit(1);
}

const accuracy: Record<string, number> = {};
for (const [name, detect] of Object.entries(detectors)) {
  for (const { language, texts } of corpora) {
    const wrong = new Map<string, number>();
    for (const text of texts) {
      const got = detect(text) ?? 'none';
      if (got !== language) wrong.set(got, (wrong.get(got) ?? 0) + 1);
    }
    const misses = [...wrong.values()].reduce((a, b) => a + b, 0);
    accuracy[`${name}_${language}`] = 1 - misses / texts.length;
    const labels = [...wrong].map(([got, n]) => `${got}:${n}`).join(' ') || '-';
    console.log(
      `${name.padEnd(6)} ${language}  accuracy=${(100 * accuracy[`${name}_${language}`]!).toFixed(1)} %  (${texts.length - misses}/${texts.length}; wrong labels ${labels})`,
    );
  }
}

// Rounds alternate between the detectors so that machine noise falls on both alike; the first call of each is a
// warm-up outside the timing.
const allTexts = corpora.flatMap((c) => c.texts);
const elapsed = { eld: 0, tinyld: 0 };
for (const detect of Object.values(detectors)) allTexts.forEach(detect);
for (let round = 0; round < TIMED_ROUNDS; round += 1) {
  for (const [name, detect] of Object.entries(detectors) as [keyof typeof detectors, Detector][]) {
    const start = performance.now();
    for (const text of allTexts) detect(text);
    elapsed[name] += performance.now() - start;
  }
}
const rate = (ms: number) => (allTexts.length * TIMED_ROUNDS * 1000) / ms;
for (const name of Object.keys(elapsed) as (keyof typeof elapsed)[]) {
  console.log(`${name.padEnd(6)} ${Math.round(rate(elapsed[name]))} posts/s`);
}
const skipped = corpora.map((c) => `${c.language} ${c.posts - c.texts.length}/${c.posts}`).join(', ');
console.log(`posts scored: those with at least the product's minimum of letters after links/handles/hashtags (too short: ${skipped})`);

const pct = (key: string) => (100 * accuracy[key]!).toFixed(1);
console.log(
  `language eld_en=${pct('eld_en')} eld_fr=${pct('eld_fr')} tinyld_en=${pct('tinyld_en')} tinyld_fr=${pct('tinyld_fr')} speedup=${(elapsed.tinyld / elapsed.eld).toFixed(2)}`,
);
