import { describe, expect, it } from 'vitest';
import { localBucketEdges } from '../../../../../src/main/features/dashboard/localBuckets';

const minute = (iso: string) => Date.parse(iso) / 60_000;
const isoOf = (m: number) => new Date(m * 60_000).toISOString().slice(0, 16);

describe('localBucketEdges', () => {
  it('gives the hour lived twice when clocks go back its own hourly bucket', () => {
    const edges = localBucketEdges(minute('2026-10-24T22:00Z'), minute('2026-10-25T03:00Z'), 60, 'Europe/Zurich');
    // 00:00, 01:00, 02:00 summer time, 02:00 winter time, 03:00 …
    expect(edges.map(isoOf)).toEqual(['2026-10-24T22:00', '2026-10-24T23:00', '2026-10-25T00:00', '2026-10-25T01:00', '2026-10-25T02:00', '2026-10-25T03:00']);
  });

  it('covers the asked stretch with whole local days, a 23- and a 25-hour one included', () => {
    const edges = localBucketEdges(minute('2026-03-28T12:00Z'), minute('2026-03-30T12:00Z'), 1440, 'Europe/Zurich');
    expect(edges.map(isoOf)).toEqual(['2026-03-27T23:00', '2026-03-28T23:00', '2026-03-29T22:00', '2026-03-30T22:00']);
    const autumn = localBucketEdges(minute('2026-10-25T12:00Z'), minute('2026-10-25T13:00Z'), 1440, 'Europe/Zurich');
    expect(autumn.map(isoOf)).toEqual(['2026-10-24T22:00', '2026-10-25T23:00']);
  });

  it('starts the hours of a +05:45 zone at a quarter to', () => {
    const edges = localBucketEdges(minute('2026-03-10T00:00Z'), minute('2026-03-10T02:00Z'), 60, 'Asia/Kathmandu');
    expect(edges.map(isoOf)).toEqual(['2026-03-09T23:15', '2026-03-10T00:15', '2026-03-10T01:15', '2026-03-10T02:15']);
  });
});
