import { describe, expect, it } from 'vitest';
import { streamingBase } from '../../../../../src/main/features/sources/connectors/mastodon/streamingBase';

describe('streamingBase', () => {
  it('accepts the instance itself or a subdomain, over the matching WebSocket scheme', () => {
    expect(streamingBase('https://mastodon.social', 'wss://streaming.mastodon.social')).toBe('wss://streaming.mastodon.social');
    expect(streamingBase('https://mastodon.social', 'https://mastodon.social')).toBe('wss://mastodon.social');
    expect(streamingBase('http://127.0.0.1:4000', 'ws://127.0.0.1:4000')).toBe('ws://127.0.0.1:4000');
  });

  it('refuses any other host, a downgrade to ws, credentials in the URL and garbage: the token never goes elsewhere', () => {
    expect(streamingBase('https://mastodon.social', 'wss://evil.example')).toBeUndefined();
    expect(streamingBase('https://mastodon.social', 'wss://mastodon.social.evil.example')).toBeUndefined();
    expect(streamingBase('https://mastodon.social', 'wss://notmastodon.social')).toBeUndefined();
    expect(streamingBase('https://mastodon.social', 'ws://streaming.mastodon.social')).toBeUndefined();
    expect(streamingBase('https://mastodon.social', 'wss://user:pw@streaming.mastodon.social')).toBeUndefined();
    expect(streamingBase('https://mastodon.social', 42)).toBeUndefined();
    expect(streamingBase('https://mastodon.social', 'not a url')).toBeUndefined();
  });
});
