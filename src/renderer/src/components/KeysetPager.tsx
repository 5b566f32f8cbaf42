// Lists that can grow without bound are read a page at a time by keyset: the cursor where each page shown so far
// started is kept, so going back is exact, and a new filter starts again from the first page.
import { Button, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';

export interface PageStarts<C> {
  /** The current page's cursor; null on the first page. */
  readonly current: C | null;
  /** 1 on the first page. */
  readonly page: number;
  readonly back: () => void;
  readonly forward: (cursor: C) => void;
}

/** `resetKey` changes whenever the list's filter does (a string, so the effect compares it by value). */
export function usePageStarts<C>(resetKey: string): PageStarts<C> {
  const [starts, setStarts] = useState<(C | null)[]>([null]);
  useEffect(() => setStarts([null]), [resetKey]);
  return {
    current: starts.at(-1) ?? null,
    page: starts.length,
    back: () => setStarts((s) => (s.length > 1 ? s.slice(0, -1) : s)),
    forward: (cursor) => setStarts((s) => [...s, cursor]),
  };
}

export function KeysetPager<C>({
  pages,
  next,
  busy,
  labels,
  testIds,
}: {
  pages: PageStarts<C>;
  /** Where the next page starts; null on the last page. */
  next: C | null;
  /** While the next page is being read, its button waits. */
  busy: boolean;
  labels: { navigation: string; back: string; page: string; forward: string };
  testIds: { back: string; page: string; forward: string };
}) {
  if (pages.page === 1 && next === null) return null;
  return (
    <Group justify="center" gap="sm" role="navigation" aria-label={labels.navigation}>
      <Button size="compact-sm" variant="default" disabled={pages.page === 1} onClick={pages.back} data-testid={testIds.back}>
        {labels.back}
      </Button>
      <Text size="sm" data-testid={testIds.page}>
        {labels.page}
      </Text>
      <Button size="compact-sm" variant="default" disabled={next === null || busy} onClick={() => next !== null && pages.forward(next)} data-testid={testIds.forward}>
        {labels.forward}
      </Button>
    </Group>
  );
}
