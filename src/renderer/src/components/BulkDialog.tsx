// Bulk accept: the accounts shown, each with its suggested fix; a preview of what will happen (and what is
// skipped: decided rows are never overwritten) before anything is stored.
import { useEffect, useMemo, useState } from 'react';
import { ACTION_LABELS } from '../../../shared/decision-rules';
import type { BulkPreview } from '../../../shared/contract';
import type { DecisionAction, ReviewRow } from '../../../shared/review';
import { useApi } from '../api/context';
import { errorMessage } from '../lib/file-content';
import { count } from '../lib/format';
import { Dialog } from './Dialog';

interface Props {
  codes: string[];
  onDone: (result: { applied: number; rows: ReviewRow[] }) => void;
  onClose: () => void;
}

const CHOICES: (DecisionAction | 'suggested')[] = ['suggested', 'rename_in_xero', 'rename_in_cocoon', 'set_account_number', 'different_business', 'ignore'];
const SHOWN = 100;

export function BulkDialog({ codes, onDone, onClose }: Props) {
  const api = useApi();
  const [action, setAction] = useState<DecisionAction | 'suggested'>('suggested');
  const [preview, setPreview] = useState<BulkPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    setPreview(null);
    setError(null);
    api.decisions.bulkPreview({ accountCodes: codes, action }).then(
      (p) => live && setPreview(p),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [api, codes, action]);

  const reasons = useMemo(() => {
    const m = new Map<string, number>();
    for (const s of preview?.skipped ?? []) m.set(s.reason, (m.get(s.reason) ?? 0) + 1);
    return [...m].sort((a, b) => b[1] - a[1]);
  }, [preview]);

  const apply = () => {
    setBusy(true);
    api.decisions.bulkApply({ accountCodes: codes, action }).then(
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
          <ol className="bulk-items small">
            {preview.items.slice(0, SHOWN).map((it) => (
              <li key={it.accountCode}>
                <span className="mono">{it.accountCode}</span> {ACTION_LABELS[it.action]}: {it.summary}
              </li>
            ))}
          </ol>
          {n > SHOWN && <p className="muted small">… and {(n - SHOWN).toLocaleString()} more.</p>}
        </div>
      )}
    </Dialog>
  );
}
