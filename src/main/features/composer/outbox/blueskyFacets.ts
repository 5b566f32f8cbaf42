// Bluesky does not parse links in post text: each one needs a facet with UTF-8 byte offsets.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'’]/giu;

export interface LinkFacet {
  readonly index: { readonly byteStart: number; readonly byteEnd: number };
  readonly features: readonly [{ readonly $type: 'app.bsky.richtext.facet#link'; readonly uri: string }];
}

export function linkFacets(text: string): LinkFacet[] {
  const encoder = new TextEncoder();
  const facets: LinkFacet[] = [];
  for (const m of text.matchAll(URL_PATTERN)) {
    const byteStart = encoder.encode(text.slice(0, m.index)).length;
    const byteEnd = byteStart + encoder.encode(m[0]).length;
    facets.push({ index: { byteStart, byteEnd }, features: [{ $type: 'app.bsky.richtext.facet#link', uri: m[0] }] });
  }
  return facets;
}
