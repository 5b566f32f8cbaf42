// A change event that lands while a screen's first read of the same data is still in flight must not be lost.
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { invalidateLatest } from '../../../../src/renderer/src/api/invalidateLatest';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('invalidateLatest', () => {
  it('reads again when the change came during the first read, which answered with the state before it', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    let state = 'running';
    // The server answers with the state it had when the request arrived, after a delay.
    const queryFn = async () => {
      const seen = state;
      await tick(30);
      return seen;
    };
    const observer = new QueryObserver(client, { queryKey: ['importRun', 'r1'], queryFn });
    const seen: (string | undefined)[] = [];
    const unsubscribe = observer.subscribe((result) => seen.push(result.data));
    await tick(5);
    state = 'done';
    await invalidateLatest(client, ['importRun']);
    await tick(80);
    expect(client.getQueryData(['importRun', 'r1'])).toBe('done');
    expect(seen.at(-1)).toBe('done');
    unsubscribe();
    client.clear();
  });

  it('does not cancel a first read somebody awaits', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const reading = client.fetchQuery({
      queryKey: ['detection', 'live', 'overview'],
      queryFn: async () => {
        await tick(20);
        return 'overview';
      },
    });
    await invalidateLatest(client, ['detection']);
    await expect(reading).resolves.toBe('overview');
    client.clear();
  });

  it('leaves a query that already has data to the usual refetch, and one nobody reads alone', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    let calls = 0;
    const observer = new QueryObserver(client, { queryKey: ['detection', 'live'], queryFn: async () => ++calls });
    const unsubscribe = observer.subscribe(() => undefined);
    await tick(5);
    expect(client.getQueryData(['detection', 'live'])).toBe(1);
    client.setQueryData(['unread'], 'kept');
    await invalidateLatest(client, ['detection']);
    await invalidateLatest(client, ['unread']);
    expect(client.getQueryData(['detection', 'live'])).toBe(2);
    expect(client.getQueryData(['unread'])).toBe('kept');
    unsubscribe();
    client.clear();
  });
});
