// One URL per article, whatever tracking or redirect wrapped it: the key of cross-source dedupe.

const TRACKING_PARAMS = new Set(['fbclid', 'gclid', 'dclid', 'msclkid', 'mc_cid', 'mc_eid', 'igshid', 'yclid', '_hsenc', '_hsmi']);
const GOOGLE_REDIRECT_HOSTS = /^(www\.)?google\.[a-z.]+$/;

/**
 * Google Alerts links point to `https://www.google.com/url?…&url=<real URL>`; the real URL is the article.
 * Returns the input unchanged when it is not such a redirect.
 */
export function unwrapGoogleRedirect(url: URL): URL {
  if (!GOOGLE_REDIRECT_HOSTS.test(url.hostname) || url.pathname !== '/url') return url;
  const target = url.searchParams.get('url') ?? url.searchParams.get('q');
  if (!target) return url;
  try {
    const inner = new URL(target);
    return inner.protocol === 'http:' || inner.protocol === 'https:' ? inner : url;
  } catch {
    return url;
  }
}

/** Real link to show and open: redirects unwrapped, otherwise as given. Undefined when not an http(s) URL. */
export function displayUrl(raw: string | undefined): string | undefined {
  const url = parseHttpUrl(raw);
  return url ? unwrapGoogleRedirect(url).toString() : undefined;
}

/** Lower-case host, no default port, no fragment, no utm_* or click ids, sorted query. */
export function canonicalUrl(raw: string | undefined): string | undefined {
  const parsed = parseHttpUrl(raw);
  if (!parsed) return undefined;
  const url = unwrapGoogleRedirect(parsed);
  url.hash = '';
  url.username = '';
  url.password = '';
  const kept = [...url.searchParams].filter(([key]) => !key.toLowerCase().startsWith('utm_') && !TRACKING_PARAMS.has(key.toLowerCase()));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.replace(/\/+$/, '');
  return url.toString();
}

function parseHttpUrl(raw: string | undefined): URL | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
