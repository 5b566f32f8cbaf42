// Accent folding shared by the draft check and fact matching: "vérifié" and "verifie" must meet.

/** Removes combining accents but keeps length per character, so match offsets stay valid on the original. */
export function foldAccents(text: string): string {
  let out = '';
  for (const ch of text) {
    const base = ch.normalize('NFD').replace(/\p{M}+/gu, '');
    // Ligatures and the like may not decompose to one unit; keep the original then, offsets matter more.
    out += base.length === ch.length ? base : ch;
  }
  return out;
}
