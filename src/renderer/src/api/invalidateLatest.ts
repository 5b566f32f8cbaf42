// A pushed change event marks queries stale. TanStack Query lets an invalidation join a query's first fetch when it
// is still in flight (it only restarts fetches of queries that already hold data), so a screen that started reading
// just before the change would keep the older answer with no further event to come: an import stuck at "running"
// although it finished. Such a first read is read again once it lands; it is not cancelled, because a caller may be
// awaiting it (a desktop notification reads the alert that way).
import type { QueryClient, QueryKey } from '@tanstack/react-query';

export async function invalidateLatest(client: QueryClient, queryKey: QueryKey): Promise<void> {
  const firstReads = client
    .getQueryCache()
    .findAll({ queryKey, predicate: (query) => query.state.data === undefined && query.state.fetchStatus === 'fetching' });
  await client.invalidateQueries({ queryKey });
  await Promise.all(
    firstReads.map(async (query) => {
      await query.promise?.catch(() => undefined);
      await client.invalidateQueries({ queryKey: query.queryKey, exact: true });
    }),
  );
}
