// Bulk accept: exactly the accounts the table lists (after filters and search), each with its suggested fix; a
// preview that says how many of them will be decided, how many are skipped and why (decided rows are never
// overwritten; renames where a name lost information and AccountNumbers that replace one are left out unless
// ticked), before anything is stored.
import { useMemo, useState } from 'react';
import { ACTION_LABELS } from '../../../shared/decision-rules';
import type { BulkApplied, BulkOption, BulkPreview } from '../../../shared/contract';
import type { DecisionAction } from '../../../shared/review';
import { useApi } from '../api/context';
import { useLoad } from '../hooks/useLoad';
import { errorMessage } from '../lib/file-content';
import { count } from '../lib/format';
import type { SearchCounts } from '../lib/review-view';
import { Dialog } from './Dialog';

/** What the listed accounts are: the search that found them (if any) and its two tiers among them. */
export interface BulkScope {
  query: string | null;
  counts: SearchCounts | null;
}

interface Props {
  /** The codes of the rows listed, every one of them. */
  codes: string[];
  scope: BulkScope;
  onDone: (result: BulkApplied) => void;
  onClose: () => void;
}

const CHOICES: (DecisionAction | 'suggested')[] = [
  'suggested',
  'rename_in_xero',
  'rename_in_cocoon',
  'set_account_number',
  'different_business',
  'ignore',
];
const SHOWN = 100;
/** How many accounts each reason for leaving accounts out names, with their particulars. */
const CASES_SHOWN = 3;

/** The options that bring left-out accounts back in, as the bookkeeper reads them. */
const OPTIONS: Record<BulkOption, (n: number) => string> = {
  includeNameLoss: (n) => `Also accept ${count(n, 'account')} whose names lost information (each renamed towards the name that keeps it)`,
  replaceAccountNumbers: (n) => `Also replace ${count(n, 'AccountNumber')} that contacts already have`,
};

export function BulkDialog({ codes, scope, onDone, onClose }: Props) {
  const api = useApi();
  const [action, setAction] = useState<DecisionAction | 'suggested'>('suggested');
  const [busy, setBusy] = useState(false);
  const [options, setOptions] = useState<Record<BulkOption, boolean>>({ includeNameLoss: false, replaceAccountNumbers: false });
  // How many accounts each option brings in (kept while it is ticked: then nothing of its kind is skipped).
  const [held, setHeld] = useState<Record<BulkOption, number>>({ includeNameLoss: 0, replaceAccountNumbers: 0 });

  const previewed = useLoad(
    async (signal) => {
      const p = await api.decisions.bulkPreview({ accountCodes: codes, action, ...options });
      if (!signal.aborted)
        setHeld((h) => {
          const next = { ...h };
          for (const o of Object.keys(OPTIONS) as BulkOption[]) if (!options[o]) next[o] = p.skipped.filter((s) => s.option === o).length;
          return next;
        });
      return p;
    },
    [api, codes, action, options],
  );
  // Each choice makes a new preview: nothing is shown (nor can be accepted) while it is prepared, or when it failed.
  const preview = previewed.loading || previewed.error !== null ? null : previewed.data;
  // An accept that failed is told with the preview it was asked on (a new preview drops it).
  const [applyFailed, setApplyFailed] = useState<{ on: BulkPreview | null; message: string } | null>(null);
  const error = previewed.loading ? null : (previewed.error ?? (applyFailed?.on === preview ? applyFailed.message : null));

  // Each reason once, with how many it leaves out and the particulars of the first few (a workspace may have hundreds).
  const reasons = useMemo(() => {
    const m = new Map<string, { count: number; cases: { accountCode: string; detail: string }[] }>();
    for (const s of preview?.skipped ?? []) {
      let r = m.get(s.reason);
      if (!r) m.set(s.reason, (r = { count: 0, cases: [] }));
      r.count++;
      if (s.detail && r.cases.length < CASES_SHOWN) r.cases.push({ accountCode: s.accountCode, detail: s.detail });
    }
    return [...m].sort((a, b) => b[1].count - a[1].count);
  }, [preview]);

  const apply = () => {
    setBusy(true);
    api.decisions.bulkApply({ accountCodes: codes, action, ...options }).then(
      (r) => onDone(r),
      (e: unknown) => {
        setApplyFailed({ on: preview, message: errorMessage(e) });
        setBusy(false);
      },
    );
  };

  const n = preview?.items.length ?? 0;
  const shown = count(codes.length, 'account');
  return (
    <Dialog
      title={`Accept suggestions: the ${shown} shown`}
      onClose={onClose}
      wide
      action={{ label: busy ? 'Accepting…' : `Accept ${count(n, 'suggestion')}`, disabled: !preview || n === 0 || busy, onClick: apply }}
    >
      <label className="field">
        <span>Fix</span>
        <select aria-label="Fix to apply" value={action} onChange={(e) => setAction(e.target.value as DecisionAction | 'suggested')}>
          {CHOICES.map((c) => (
            <option key={c} value={c}>
              {c === 'suggested' ? 'The suggested fix of each account' : ACTION_LABELS[c]}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {!preview && !error && <p role="status">Preparing the preview…</p>}
      {preview && (
        <div
          className="bulk-preview"
          data-testid="bulk-preview"
          data-shown={codes.length}
          data-deciding={n}
          data-skipped={preview.skipped.length}
        >
          <p>
            {action === 'suggested' ? 'Accept the suggestion for ' : 'Decide '}
            <strong>{n.toLocaleString()}</strong> of the <strong>{shown}</strong> shown
            {action !== 'suggested' && <> as “{ACTION_LABELS[action]}”</>} (
            {[scopePhrase(scope), preview.skipped.length > 0 ? skipPhrase(preview.skipped) : 'none is skipped'].filter(Boolean).join('; ')}
            ).
          </p>
          {reasons.length > 0 && (
            <ul className="small muted">
              {reasons.map(([reason, { count: k, cases }]) => (
                <li key={reason}>
                  {k.toLocaleString()} skipped: {reason}
                  {cases.length > 0 && (
                    <ul className="bulk-cases">
                      {cases.map((c) => (
                        <li key={c.accountCode}>
                          <span className="mono">{c.accountCode}</span>: {c.detail}
                        </li>
                      ))}
                      {k > cases.length && <li>… and {(k - cases.length).toLocaleString()} more</li>}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          )}
          {(Object.keys(OPTIONS) as BulkOption[])
            .filter((o) => held[o] > 0 || options[o])
            .map((o) => (
              <label key={o} className="bulk-option">
                <input type="checkbox" checked={options[o]} onChange={(e) => setOptions((v) => ({ ...v, [o]: e.target.checked }))} />
                <span>{OPTIONS[o](held[o])}</span>
              </label>
            ))}
          <ol className="bulk-items small">
            {preview.items.slice(0, SHOWN).map((it) => (
              <li key={it.accountCode}>
                <span className="mono">{it.accountCode}</span> {ACTION_LABELS[it.action]}: {it.summary}
                {it.note && <span className="tag tag-look">{it.note}</span>}
              </li>
            ))}
          </ol>
          {n > SHOWN && <p className="muted small">… and {(n - SHOWN).toLocaleString()} more.</p>}
        </div>
      )}
    </Dialog>
  );
}

/** "8,501 contain “ltd”, 40 close matches": what the search found among the rows listed. */
function scopePhrase({ query, counts }: BulkScope): string | null {
  if (query === null || counts === null) return null;
  const contains = `${count(counts.contains, 'contains', 'contain')} “${query}”`;
  return counts.close > 0 ? `${contains}, ${count(counts.close, 'close match', 'close matches')}` : contains;
}

/** "7,267 are decided or skipped, as listed below", from the reasons of the skipped accounts. */
function skipPhrase(skipped: BulkPreview['skipped']): string {
  const decided = skipped.filter((s) => s.reason.startsWith('already decided')).length;
  const k = skipped.length.toLocaleString();
  const one = skipped.length === 1;
  if (decided === skipped.length) return `${k} ${one ? 'is' : 'are'} already decided`;
  if (decided === 0) return `${k} ${one ? 'is' : 'are'} skipped, as listed below`;
  return `${k} are decided or skipped, as listed below`;
}
