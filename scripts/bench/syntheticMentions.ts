// Deterministic synthetic FR/EN mentions for the ingestion benchmark: posts and articles, some HTML,
// tracking URLs, a few duplicates, spread over a week.
import type { MentionInput } from '../../src/shared/domain/mention';
import { seededRandom } from '../../src/main/platform/seededRandom';

const FR = [
  'Encore une panne chez ACME, le service client ne répond plus',
  'Fuite de données chez ACME : les clients sont inquiets',
  "J'adore le nouveau produit ACME, très réussi",
  'Scandale ACME : un rappel de produits est annoncé',
  'Le PDG d’ACME s’exprime à la télévision ce soir',
  'Boycott ACME ? Les réseaux sociaux s’enflamment',
];
const EN = [
  'ACME outage again, customer service is not answering',
  'ACME data breach: customers are worried about their accounts',
  'Loving the new ACME product, well done',
  'ACME recall announced after safety complaints',
  'ACME CEO to speak on TV tonight',
  'Is it time to boycott ACME? Social media reacts',
];
const WORDS = ['aujourd’hui', 'vraiment', 'encore', 'merci', 'today', 'really', 'again', 'thanks', 'Genève', 'Zürich', 'Paris', 'London'];

const START = Date.parse('2026-03-02T00:00:00Z');
const WEEK_MS = 7 * 24 * 3600 * 1000;

/** Mentions `from` … `from + count − 1`; about 1 in 50 repeats an earlier id (a duplicate to drop). */
export function syntheticMentions(from: number, count: number, seed = 7): MentionInput[] {
  const out: MentionInput[] = [];
  for (let i = from; i < from + count; i++) {
    const random = seededRandom(seed * 1_000_003 + i);
    const fr = random() < 0.55;
    const base = (fr ? FR : EN)[Math.floor(random() * 6)]!;
    const extra = `${WORDS[Math.floor(random() * WORDS.length)]} #${i % 97}`;
    const html = random() < 0.2;
    const id = random() < 0.02 && i > 100 ? i - 1 - Math.floor(random() * 100) : i;
    out.push({
      externalId: `post-${id}`,
      url: `https://social.example/@user${id % 5000}/${id}?utm_source=feed&utm_medium=rss`,
      author: { handle: `@user${id % 5000}`, displayName: `User ${id % 5000}`, audience: Math.floor(random() ** 3 * 200_000), kind: 'public' },
      text: html ? `<p>${base} <a href="https://acme.example/${id}">lien</a></p><p>${extra}</p>` : `${base} ${extra}`,
      language: fr ? 'fr' : 'en',
      publishedAt: new Date(START + Math.floor((i / 1_000_000) * WEEK_MS) + Math.floor(random() * 60_000)).toISOString(),
      engagement: { likes: Math.floor(random() * 50), shares: Math.floor(random() * 10) },
    });
  }
  return out;
}
