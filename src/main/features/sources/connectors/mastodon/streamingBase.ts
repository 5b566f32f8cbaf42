// Where an instance streams from: `configuration.urls.streaming` of GET /api/v2/instance, often a separate
// host (wss://streaming.mastodon.social). The user's token goes there, so only the instance's own host or one
// of its subdomains is accepted, over the WebSocket scheme matching the instance's.
export function streamingBase(instance: string, declared: unknown): string | undefined {
  if (typeof declared !== 'string') return undefined;
  let url: URL;
  let home: URL;
  try {
    url = new URL(declared);
    home = new URL(instance);
  } catch {
    return undefined;
  }
  const scheme = home.protocol === 'https:' ? 'wss:' : 'ws:';
  if (url.protocol !== scheme && url.protocol !== home.protocol) return undefined;
  const sameSite = url.hostname === home.hostname || url.hostname.endsWith(`.${home.hostname}`);
  if (!sameSite || url.username || url.password) return undefined;
  return `${scheme}//${url.host}`;
}
