// Search (both sides, fuzzy), kind, score range and decision state (with "Needs attention" and its count); the
// count shown; bulk accept; export of the rows shown.
import { forwardRef } from 'react';
import type { FindingKind } from '../../../shared/domain';
import { KINDS as FINDING_KINDS, FINDING_KIND_LABELS } from '../../../shared/decision-rules';
import type { ReviewFilter } from '../lib/review-view';

interface Props {
  query: string;
  onQuery: (q: string) => void;
  filter: ReviewFilter;
  onFilter: (f: ReviewFilter) => void;
  shown: number;
  total: number;
  /** Rows whose decision needs attention (carried out, still failing). */
  attention: number;
  /** Only the first rows are loaded yet. */
  loading?: boolean;
  onBulk: () => void;
  onExport: () => void;
}

const pct = (v: number) => Math.round(v * 100);
const fromPct = (s: string, fallback: number) => {
  const n = Number(s);
  return s.trim() === '' || Number.isNaN(n) ? fallback : Math.min(1, Math.max(0, n / 100));
};

export const FilterBar = forwardRef<HTMLInputElement, Props>(function FilterBar(
  { query, onQuery, filter, onFilter, shown, total, attention, loading, onBulk, onExport },
  searchRef,
) {
  const kind = filter.kinds.length === 1 ? filter.kinds[0]! : '';
  return (
    <div className="filter-bar" role="search">
      <input
        ref={searchRef}
        type="search"
        className="search-input"
        placeholder="Search both sides: name or code  ( / )"
        aria-label="Search accounts and Xero contacts"
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' || e.key === 'Enter') (e.target as HTMLInputElement).blur();
        }}
      />
      <label className="field">
        <span>Kind</span>
        <select
          aria-label="Finding kind"
          value={kind}
          onChange={(e) => onFilter({ ...filter, kinds: e.target.value ? [e.target.value as FindingKind] : [] })}
        >
          <option value="">All kinds</option>
          {FINDING_KINDS.map((k) => (
            <option key={k} value={k}>
              {FINDING_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Score</span>
        <ScoreInput bound="Minimum" value={filter.minScore} onChange={(v) => onFilter({ ...filter, minScore: fromPct(v, 0) })} />
        <span aria-hidden="true">–</span>
        <ScoreInput bound="Maximum" value={filter.maxScore} onChange={(v) => onFilter({ ...filter, maxScore: fromPct(v, 1) })} />
        <span className="muted">%</span>
      </label>
      <label className="field">
        <span>Show</span>
        <select
          aria-label="Decision state"
          value={filter.decided}
          onChange={(e) => onFilter({ ...filter, decided: e.target.value as ReviewFilter['decided'] })}
        >
          <option value="all">All</option>
          <option value="undecided">Undecided</option>
          <option value="decided">Decided</option>
          <option value="attention">Needs attention ({attention.toLocaleString()})</option>
        </select>
      </label>
      <span className="muted small count" aria-live="polite" data-testid="shown-count" data-shown={shown} data-kind={kind}>
        {loading ? `loading ${total.toLocaleString()} accounts…` : `${shown.toLocaleString()} of ${total.toLocaleString()}`}
      </span>
      <button
        type="button"
        onClick={onBulk}
        disabled={shown === 0 || loading}
        title="Accept the suggestions of every account shown (preview first)  (b)"
      >
        Accept shown…
      </button>
      <button
        type="button"
        onClick={onExport}
        disabled={shown === 0 || loading}
        title="Save the accounts shown, as shown, as an Excel workbook or a CSV file"
      >
        Export…
      </button>
    </div>
  );
});

/** One end of the score range, in percent. */
function ScoreInput({ bound, value, onChange }: { bound: 'Minimum' | 'Maximum'; value: number; onChange: (text: string) => void }) {
  return (
    <input
      type="number"
      min={0}
      max={100}
      step={5}
      className="score-input"
      aria-label={`${bound} score (%)`}
      value={pct(value)}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
