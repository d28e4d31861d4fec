// Bulk accept: the accounts shown, each with its suggested fix; a preview of what will happen (and what is
// skipped: decided rows are never overwritten; renames where a name lost information and AccountNumbers that
// replace one are left out unless ticked) before anything is stored.
import { useEffect, useMemo, useState } from 'react';
import { ACTION_LABELS } from '../../../shared/decision-rules';
import type { BulkApplied, BulkOption, BulkPreview } from '../../../shared/contract';
import type { DecisionAction } from '../../../shared/review';
import { useApi } from '../api/context';
import { errorMessage } from '../lib/file-content';
import { count } from '../lib/format';
import { Dialog } from './Dialog';

interface Props {
  codes: string[];
  onDone: (result: BulkApplied) => void;
  onClose: () => void;
}

const CHOICES: (DecisionAction | 'suggested')[] = ['suggested', 'rename_in_xero', 'rename_in_cocoon', 'set_account_number', 'different_business', 'ignore'];
const SHOWN = 100;

/** The options that bring left-out accounts back in, as the bookkeeper reads them. */
const OPTIONS: Record<BulkOption, (n: number) => string> = {
  includeNameLoss: (n) => `Also accept ${count(n, 'account')} whose names lost information (each renamed towards the name that keeps it)`,
  replaceAccountNumbers: (n) => `Also replace ${count(n, 'AccountNumber')} that contacts already have`,
};

export function BulkDialog({ codes, onDone, onClose }: Props) {
  const api = useApi();
  const [action, setAction] = useState<DecisionAction | 'suggested'>('suggested');
  const [preview, setPreview] = useState<BulkPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [options, setOptions] = useState<Record<BulkOption, boolean>>({ includeNameLoss: false, replaceAccountNumbers: false });
  // How many accounts each option brings in (kept while it is ticked: then nothing of its kind is skipped).
  const [held, setHeld] = useState<Record<BulkOption, number>>({ includeNameLoss: 0, replaceAccountNumbers: 0 });

  useEffect(() => {
    let live = true;
    setPreview(null);
    setError(null);
    api.decisions.bulkPreview({ accountCodes: codes, action, ...options }).then(
      (p) => {
        if (!live) return;
        setPreview(p);
        setHeld((h) => {
          const next = { ...h };
          for (const o of Object.keys(OPTIONS) as BulkOption[]) if (!options[o]) next[o] = p.skipped.filter((s) => s.option === o).length;
          return next;
        });
      },
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [api, codes, action, options]);

  const reasons = useMemo(() => {
    const m = new Map<string, number>();
    for (const s of preview?.skipped ?? []) m.set(s.reason, (m.get(s.reason) ?? 0) + 1);
    return [...m].sort((a, b) => b[1] - a[1]);
  }, [preview]);

  const apply = () => {
    setBusy(true);
    api.decisions.bulkApply({ accountCodes: codes, action, ...options }).then(
      (r) => onDone(r),
      (e: unknown) => {
        setError(errorMessage(e));
        setBusy(false);
      },
    );
  };

  const n = preview?.items.length ?? 0;
  return (
    <Dialog
      title={`Accept ${count(codes.length, 'shown account')}`}
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
        <div className="bulk-preview" data-testid="bulk-preview">
          <p>
            <strong>{count(n, 'account')}</strong> will be decided
            {preview.skipped.length > 0 && (
              <>
                ; <strong>{preview.skipped.length.toLocaleString()}</strong> skipped
              </>
            )}
            .
          </p>
          {reasons.length > 0 && (
            <ul className="small muted">
              {reasons.map(([reason, k]) => (
                <li key={reason}>
                  {k.toLocaleString()} skipped: {reason}
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
