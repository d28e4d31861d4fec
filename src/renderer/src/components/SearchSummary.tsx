// Above the table while searching: how many of the rows shown contain the query and how many are close matches
// (typos), how many more matches the filters hide, and the order the list is in (relevance, or a chosen column).
import { count } from '../lib/format';
import { SORT_LABELS, type SearchCounts, type Sort } from '../lib/review-view';

interface Props {
  query: string;
  counts: SearchCounts;
  /** null: relevance order. */
  sort: Sort | null;
  onRelevance: () => void;
}

export function SearchSummary({ query, counts, sort, onRelevance }: Props) {
  return (
    <div
      className="search-summary small"
      data-testid="search-summary"
      data-contains={counts.contains}
      data-close={counts.close}
      data-hidden={counts.hidden}
    >
      <span>
        {count(counts.contains, 'account contains', 'accounts contain')} “{query.trim()}”
        {counts.close > 0 && <> · {count(counts.close, 'close match', 'close matches')} (a typo or two), listed after them</>}
        {counts.hidden > 0 && <span className="muted"> · the filters hide {count(counts.hidden, 'other match', 'other matches')}</span>}
      </span>
      <span className="search-order" data-testid="search-order">
        {sort === null ? (
          'Sorted by relevance'
        ) : (
          <>
            Sorted by {SORT_LABELS[sort.key]} {sort.descending ? '▾' : '▴'} ·{' '}
            <button type="button" className="link-button" onClick={onRelevance}>
              Sort by relevance
            </button>
          </>
        )}
      </span>
    </div>
  );
}
