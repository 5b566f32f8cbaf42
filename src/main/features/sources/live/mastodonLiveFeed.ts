// Mastodon streaming over WebSocket (docs: methods/streaming): the hashtag stream, which since 4.2 needs a user
// token. Frames are `{stream, event, payload}` where payload is itself JSON text for `update`.
import { z } from 'zod';
import { mastodonStatusSchema } from '../connectors/mastodon/mastodonStatus';
import { validateMastodonConfig } from '../connectors/mastodon/mastodonConfig';
import { statusToMention } from '../connectors/mastodon/statusToMention';
import type { LiveFeed, LiveFrame } from './liveFeed';

const frameSchema = z.object({ event: z.string(), payload: z.string().optional() });

export const mastodonLiveFeed: LiveFeed = {
  kind: 'mastodon',

  endpoint(config, credentials, _resume, cursor) {
    let settings;
    try {
      settings = validateMastodonConfig(config);
    } catch {
      return undefined;
    }
    const token = credentials.accessToken?.trim();
    if (settings.mode !== 'hashtag' || !token) return undefined;
    const url = new URL('/api/v1/streaming', typeof cursor?.streaming === 'string' ? cursor.streaming : settings.instance);
    if (url.protocol === 'https:' || url.protocol === 'http:') url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('stream', settings.localOnly ? 'hashtag:local' : 'hashtag');
    url.searchParams.set('tag', settings.query.replace(/^#/, ''));
    return { url: url.toString(), headers: { authorization: `Bearer ${token}` } };
  },

  reader(config) {
    const host = new URL(String(config.instance)).host;
    return (frame) => readFrame(frame, host);
  },
};

function readFrame(frame: string, host: string): LiveFrame {
  let outer: z.infer<typeof frameSchema>;
  try {
    outer = frameSchema.parse(JSON.parse(frame));
  } catch {
    return { mentions: [], malformed: true };
  }
  if ((outer.event !== 'update' && outer.event !== 'status.update') || outer.payload === undefined) return { mentions: [] };
  try {
    const status = mastodonStatusSchema.parse(JSON.parse(outer.payload));
    return { mentions: [statusToMention(status, host)] };
  } catch {
    return { mentions: [], malformed: true };
  }
}
