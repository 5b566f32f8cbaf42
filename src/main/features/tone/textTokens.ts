// Splits social-media text into the tokens the tone scorer and the emerging-term detector look at.
// Apostrophes split words ("n'est" → n, est; "don't" → don, t), so elided negations become tokens of their own.

export interface TextToken {
  /** Lower-cased token; hashtags keep their '#'. */
  text: string;
  /** Lower-cased and accent-free, for lexicon fallbacks on unaccented tweets. */
  folded: string;
  /** As written, case kept: a hashtag's capitals say where its words start (#HelvetiaLeak). */
  raw: string;
  /** `break` ends a sentence; `pause` (comma, colon) ends a clause, and with it a negation's reach. */
  kind: 'word' | 'emoji' | 'emoticon' | 'hashtag' | 'mention' | 'url' | 'break' | 'pause';
  /** Written in capitals (3+ letters), which reads as shouting. */
  shouted: boolean;
}

const TOKEN =
  /(https?:\/\/\S+)|([@][\p{L}\p{N}_.]+)|(#[\p{L}\p{N}_]+)|([:;=8xX][-'o]?[)(\][dDpP/\\|]|<\/?3|[dD]:|>:\(|\^_?\^|-_-|[tT]_[tT])|(\p{Extended_Pictographic}|[\u2600-\u27BF])|([\p{L}\p{N}]+(?:[-][\p{L}\p{N}]+)*)|([.!?…;]+)|([,:]+)/gu;

const BEYOND_PRINTABLE_ASCII = /[^ -~]/;

export function foldAccents(text: string): string {
  // Most tokens are plain ASCII, which normalisation leaves as is: skipping it halves the tone scorer's time.
  if (!BEYOND_PRINTABLE_ASCII.test(text)) return text;
  return text.normalize('NFD').replace(/\p{M}+/gu, '');
}

export function tokenize(input: string): TextToken[] {
  const text = input.replace(/[\u2019\u2018`´]/g, "'").replace(/\uFE0F/g, '');
  const tokens: TextToken[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    const lower = raw.toLowerCase();
    const push = (t: string, kind: TextToken['kind'], shouted = false) =>
      tokens.push({ text: t, folded: foldAccents(t), raw, kind, shouted });
    if (m[1]) push(lower, 'url');
    else if (m[2]) push(lower, 'mention');
    else if (m[3]) push(lower, 'hashtag');
    else if (m[4]) push(lower, 'emoticon');
    else if (m[5]) push(raw, 'emoji');
    else if (m[6]) push(lower, 'word', raw.length >= 3 && raw === raw.toUpperCase() && /\p{Lu}/u.test(raw));
    else if (m[7]) push(raw, 'break');
    else push(raw, 'pause');
  }
  return tokens;
}
