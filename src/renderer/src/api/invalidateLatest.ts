// A pushed change event marks queries stale. TanStack Query lets an invalidation join a query's first fetch when it
// is still in flight (it only cancels fetches of queries that already hold data), so a screen that started reading
// just before the change would keep the older answer with no further event to come: an import stuck at
// "running" although it finished. Such a first fetch is cancelled and made again.
import type { QueryClient, QueryKey } from '@tanstack/react-query';

export async function invalidateLatest(client: QueryClient, queryKey: QueryKey): Promise<void> {
  await client.cancelQueries({ queryKey, predicate: (query) => query.state.data === undefined && query.state.fetchStatus === 'fetching' });
  await client.invalidateQueries({ queryKey });
}
