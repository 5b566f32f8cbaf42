// Bluesky Jetstream (firehose as JSON, no auth): only app.bsky.feed.post commits are asked for; the source's
// query words are matched locally. time_us is the resume point; reconnections rewind a few seconds and the
// store's dedupe drops what was already seen.
import { z } from 'zod';
import { validateBlueskyConfig } from '../connectors/bluesky/blueskyConfig';
import { postRecordSchema } from '../connectors/bluesky/blueskyPost';
import { postToMention } from '../connectors/bluesky/postToMention';
import { compileKeywords } from './keywordFilter';
import type { LiveFeed, LiveFrame } from './liveFeed';

const REWIND_US = 5_000_000;

const eventSchema = z.object({
  did: z.string().startsWith('did:'),
  time_us: z.number().int().positive(),
  kind: z.string(),
  commit: z
    .object({
      operation: z.string(),
      collection: z.string(),
      rkey: z.string().regex(/^[A-Za-z0-9._:~-]{1,512}$/),
      record: z.unknown().optional(),
    })
    .optional(),
});

export const jetstreamLiveFeed: LiveFeed = {
  kind: 'bluesky',

  endpoint(config, _credentials, resume) {
    let settings;
    try {
      settings = validateBlueskyConfig(config);
    } catch {
      return undefined;
    }
    if (!settings.jetstream) return undefined;
    const url = new URL(settings.jetstream);
    url.searchParams.set('wantedCollections', 'app.bsky.feed.post');
    if (resume && /^\d+$/.test(resume)) url.searchParams.set('cursor', String(Math.max(0, Number(resume) - REWIND_US)));
    return { url: url.toString() };
  },

  reader(config) {
    const matches = compileKeywords(typeof config.query === 'string' ? config.query : '');
    const lang = typeof config.lang === 'string' ? config.lang : undefined;
    return (frame) => readEvent(frame, matches, lang);
  },
};

function readEvent(frame: string, matches: (text: string) => boolean, lang: string | undefined): LiveFrame {
  let event: z.infer<typeof eventSchema>;
  try {
    event = eventSchema.parse(JSON.parse(frame));
  } catch {
    return { mentions: [], malformed: true };
  }
  const resume = String(event.time_us);
  const commit = event.commit;
  if (event.kind !== 'commit' || !commit || commit.operation !== 'create' || commit.collection !== 'app.bsky.feed.post') {
    return { mentions: [], resume };
  }
  const record = postRecordSchema.safeParse(commit.record);
  if (!record.success) return { mentions: [], resume, malformed: true };
  if (!matches(record.data.text)) return { mentions: [], resume };
  if (lang && !(record.data.langs ?? []).includes(lang)) return { mentions: [], resume };
  const mention = postToMention({
    uri: `at://${event.did}/app.bsky.feed.post/${commit.rkey}`,
    text: record.data.text,
    createdAt: record.data.createdAt,
    fallbackTime: new Date(Math.floor(event.time_us / 1000)).toISOString(),
    langs: record.data.langs,
    replyTo: record.data.reply?.parent?.uri,
  });
  return { mentions: [mention], resume };
}
