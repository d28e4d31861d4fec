// The search over the loaded rows, its texts prepared in slices after the table has painted. Until it is ready a
// plain substring search answers (no close matches yet), so typing never waits.
import { useEffect, useState } from 'react';
import type { ReviewRow } from '../../../shared/review';
import { buildReviewSearch, quickSearch, type ReviewSearch, type SearchHits } from '../lib/review-search';

const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export interface SearchState {
  ready: boolean;
  search(query: string): SearchHits | null;
}

export function useReviewSearch(rows: readonly ReviewRow[], version: number, enabled = true): SearchState {
  const [index, setIndex] = useState<{ version: number; search: ReviewSearch } | null>(null);
  useEffect(() => {
    if (rows.length === 0 || !enabled) return;
    const abort = new AbortController();
    // Positions and names do not change between full loads: the index follows `version`, not row patches.
    buildReviewSearch(rows, pause, abort.signal).then(
      (search) => setIndex({ version, search }),
      () => {},
    );
    return () => abort.abort();
    // Built on the rows of this load: a patch (a new `rows` array, same names and positions) does not rebuild it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, enabled]);
  const current = index?.version === version ? index.search : null;
  return {
    ready: current !== null,
    search: (query) => (current ? current.search(query) : quickSearch(rows, query)),
  };
}
