// Publication channels, how each one counts characters, and its default limit.
import { z } from 'zod';

export const CHANNELS = ['x', 'bluesky', 'mastodon', 'linkedin', 'facebook', 'website', 'press', 'email', 'internal'] as const;
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;

/** Channels Tocsin publishes to itself; the others are published by a person who then confirms. */
export const API_CHANNELS: readonly Channel[] = ['mastodon', 'bluesky'];
export const isApiChannel = (c: Channel): boolean => API_CHANNELS.includes(c);

export type CountingMethod = 'x-weighted' | 'mastodon' | 'graphemes';

export interface ChannelSpec {
  readonly counting: CountingMethod;
  /** Default limit; Mastodon instances may raise theirs, so limits are configurable per workspace. */
  readonly defaultLimit: number | null;
  /** Whether a long text may go out as a thread of replies. */
  readonly threads: boolean;
  /** A cap on the post's UTF-8 size, besides its counted length (Bluesky records: 3,000 bytes). */
  readonly maxBytes?: number;
}

export const CHANNEL_SPECS: Readonly<Record<Channel, ChannelSpec>> = {
  x: { counting: 'x-weighted', defaultLimit: 280, threads: true },
  bluesky: { counting: 'graphemes', defaultLimit: 300, threads: true, maxBytes: 3000 },
  mastodon: { counting: 'mastodon', defaultLimit: 500, threads: true },
  linkedin: { counting: 'graphemes', defaultLimit: 3000, threads: false },
  facebook: { counting: 'graphemes', defaultLimit: 63206, threads: false },
  website: { counting: 'graphemes', defaultLimit: null, threads: false },
  press: { counting: 'graphemes', defaultLimit: null, threads: false },
  email: { counting: 'graphemes', defaultLimit: null, threads: false },
  internal: { counting: 'graphemes', defaultLimit: null, threads: false },
};

export const channelLimitsSchema = z.record(channelSchema, z.number().int().min(20).max(100_000).nullable());
export type ChannelLimits = Partial<Record<Channel, number | null>>;

export const limitOf = (channel: Channel, overrides: ChannelLimits = {}): number | null =>
  overrides[channel] !== undefined ? (overrides[channel] ?? null) : CHANNEL_SPECS[channel].defaultLimit;
