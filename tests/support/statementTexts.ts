// fast-check arbitraries for statement texts as a crisis cell writes them: FR and EN words with accents and
// typographic spaces, numbers (1.5, 1 500, 14:00), links, e-mails, Bluesky and Mastodon handles, hashtags,
// emoji sequences, sentence punctuation, line breaks and blank lines.
import fc from 'fast-check';

const words = fc.constantFrom(
  'Nous',
  'sommes',
  'désolés',
  'déjà',
  'être',
  'Noël',
  'œuvre',
  'garçon',
  'Où',
  'client·es',
  'aujourd’hui',
  'payment',
  'service',
  'restored',
  'e\u0301te\u0301',
  'incident',
  'K2',
  '«\u00a0bouilloire\u00a0»',
  'point\u00a0:',
);
const numbers = fc.constantFrom('1.5', '1 500', '1\u202f000\u202f000', '14:00', '9 h 40', '3,14', '2026', '+33 1 23 45 67 89', '100 %', '0,5 %');
const links = fc.constantFrom(
  'https://acme.example/fr/incident',
  'https://acme.example/fr/incident?id=42&lang=fr#maj',
  'https://status.acme.fr/2026/11/21/paiements',
  'http://acme.fr/a.b.c/',
  'https://fr.wikipedia.org/wiki/Crise_(communication)',
  'acme.fr/aide',
);
const emails = fc.constantFrom('crise@acme.fr', 'presse+crise@acme.example', 'j.dupont@sous.domaine.acme.fr');
const handles = fc.constantFrom('@critic.test', '@acme.bsky.social', '@camille', '@support@mastodon.social', '@Lea_M@piaille.fr');
const hashtags = fc.constantFrom('#TestCrise', '#AcmeFuite', '#Paiement2026', '#éthique');
const emoji = fc.constantFrom('👍🏽', '🇫🇷', '👨‍👩‍👧', '⚠️', '✅', '🙏');
const endings = fc.constantFrom('', '', '', '.', ',', ' !', ' ?', '…', ':', ';', '.)');

const token = fc.tuple(fc.oneof({ weight: 8, arbitrary: words }, numbers, links, emails, handles, hashtags, emoji), endings).map(([t, e]) => t + e);
const separator = fc.constantFrom(' ', ' ', ' ', ' ', ' ', '\n', '\n\n', '  ', ' \n', '\t', '\n\n\n');

/** A statement of 1 to `maxTokens` tokens; it may start or end with whitespace, as typed text sometimes does. */
export function statementText(maxTokens = 160): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.array(fc.tuple(token, separator), { minLength: 1, maxLength: maxTokens }),
      fc.constantFrom('', '', '', ' ', '\n'),
      fc.constantFrom('', '', '', '\n', '  '),
    )
    .map(([pairs, lead, trail]) => lead + pairs.map(([t, s], i) => (i === pairs.length - 1 ? t : t + s)).join('') + trail);
}
