// The selected account in full: the finding and why, both records side by side, the evidence, other candidates,
// a search to link another contact by hand, and the decision with accept / ignore / undo.
import { forwardRef } from 'react';
import { ACTION_LABELS } from '../../../shared/decision-rules';
import type { FindingDetail } from '../../../shared/review';
import type { DetailState } from '../hooks/useDetail';
import { formatDateTime } from '../lib/dates';
import { damagedCocoonName } from '../lib/describe';
import { CandidateList } from './CandidateList';
import { DecisionSummary } from './DecisionSummary';
import { EmptyState } from './EmptyState';
import { ErrorMessage } from './ErrorMessage';
import { Evidence } from './Evidence';
import { KindBadge } from './KindBadge';
import { LinkSearch } from './LinkSearch';
import { RecordCompare, type XeroColumn } from './RecordCompare';

interface Props {
  state: DetailState;
  hasSelection: boolean;
  onAccept: () => void;
  onIgnore: () => void;
  onUndo: () => void;
  /** Undo the decision's pushed corrections in Xero (the Push screen's undo). */
  onUndoInXero: (ids: number[]) => void;
  onLink: (contactId: string, name: string) => void;
}

export const DetailPane = forwardRef<HTMLElement, Props>(function DetailPane(
  { state, hasSelection, onAccept, onIgnore, onUndo, onUndoInXero, onLink },
  ref,
) {
  const { detail, loading, error } = state;
  return (
    <aside className="detail" aria-label="Account detail" ref={ref} tabIndex={-1}>
      {!hasSelection ? (
        <EmptyState title="No account selected">Choose an account in the table (j / k), then Enter.</EmptyState>
      ) : error ? (
        <ErrorMessage message={error} onRetry={state.refresh} />
      ) : !detail ? (
        <div className="loading" role="status">
          {loading ? 'Loading…' : ''}
        </div>
      ) : (
        <DetailBody detail={detail} onAccept={onAccept} onIgnore={onIgnore} onUndo={onUndo} onUndoInXero={onUndoInXero} onLink={onLink} />
      )}
    </aside>
  );
});

/** What each Xero contact of the pane is to the account: the one shown beside it, and the code's holder when another. */
function xeroColumns(d: FindingDetail): { shown: XeroColumn | null; holder: XeroColumn | null } {
  const holds = `holds ${d.account.code}`;
  const other = d.codeHolder !== null && d.codeHolder.contactId !== d.contact?.contactId;
  const holder = other ? { contact: d.codeHolder!, role: holds, score: d.holderScore } : null;
  if (!d.contact) return { shown: holder, holder: null };
  const role =
    d.row.decision?.action === 'link' && d.row.decision.xeroContactId === d.contact.contactId
      ? 'linked by hand'
      : other
        ? d.row.kind === 'code_conflict'
          ? 'matches by name'
          : 'same business'
        : d.codeHolder?.contactId === d.contact.contactId
          ? holds
          : 'closest match';
  return { shown: { contact: d.contact, role, score: d.contactScore }, holder };
}

/** The percentage of the pair the evidence is about (a code conflict's: the holder's, not the row's shown contact's). */
function scoredScore(d: FindingDetail): number {
  const id = d.scoredContact?.contactId;
  if (id !== undefined && id === d.codeHolder?.contactId && id !== d.contact?.contactId) return d.holderScore ?? d.row.score;
  if (id !== undefined && id === d.contact?.contactId) return d.contactScore ?? d.row.score;
  return d.row.score;
}

function DetailBody({
  detail: d,
  onAccept,
  onIgnore,
  onUndo,
  onUndoInXero,
  onLink,
}: { detail: FindingDetail } & Omit<Props, 'state' | 'hasSelection'>) {
  const holderDiffers = d.codeHolder !== null && d.codeHolder.contactId !== d.contact?.contactId;
  const columns = xeroColumns(d);
  const attention = d.row.decision?.attention ?? null;
  return (
    <>
      <header className="detail-header">
        <h2>
          <span className="mono">{d.account.code}</span> <span className="keep-spaces">{d.account.name}</span>
        </h2>
        <div className="detail-meta">
          <KindBadge kind={d.row.kind} xeroTrust={d.xeroTrust} fix={d.row.fix} />
        </div>
      </header>
      {d.xeroTrust !== 'complete' && (
        <p className="banner banner-warn small">The Xero data is incomplete or missing: this finding may change after a complete sync.</p>
      )}
      <p className="explanation keep-spaces">{d.explanation}</p>
      {d.nameCheck && d.nameCheck.losses.length > 0 && (
        <div className="banner banner-warn small" role="note" aria-label="Names to look at">
          <ul className="look-list keep-spaces">
            {d.nameCheck.losses.map((l, i) => (
              <li key={i}>
                <strong>{l.label}</strong> ({l.detail})
              </li>
            ))}
          </ul>
          {d.nameCheck.better
            ? `The suggestion keeps the ${d.nameCheck.better === 'xero' ? 'Xero' : 'CocoonOPS'} name. Bulk accept leaves this account out unless asked.`
            : 'Neither name is clearly better: decide by hand. Bulk accept leaves this account out unless asked.'}
          {damagedCocoonName(d) && (
            <p className="small" data-testid="rename-in-xero-warning">
              “Rename in Xero” would copy the damaged CocoonOPS name into Xero: it asks first. Rename in CocoonOPS instead, or correct the
              name in CocoonOPS and import it again.
            </p>
          )}
        </div>
      )}

      <section aria-label="Decision" className="detail-section decision-box">
        <DecisionSummary
          decision={d.decision}
          attention={attention}
          pending={d.row.decision?.pending ?? null}
          undoable={d.undoable.length}
        />
        <div className="button-row">
          <button
            type="button"
            className="primary"
            onClick={onAccept}
            disabled={d.actions.length === 0}
            title={d.actions[0] ? `${ACTION_LABELS[d.actions[0]]}… (a)` : 'Nothing to accept: link a contact by hand'}
          >
            {attention ? 'Decide again…' : 'Accept…'}
          </button>
          {attention && d.undoable.length > 0 && (
            <button
              type="button"
              onClick={() => onUndoInXero(d.undoable.map((u) => u.id))}
              title="Write the reviewed values back to Xero; the decision is reopened"
            >
              Undo in Xero
            </button>
          )}
          <button type="button" onClick={onIgnore} title="Ignore with a note (i)">
            Ignore…
          </button>
          <button type="button" onClick={onUndo} disabled={!d.decision} title="Undo this account's decision (u)">
            Undo
          </button>
        </div>
      </section>

      <section aria-label="Records side by side" className="detail-section">
        <h3>Records</h3>
        <RecordCompare account={d.account} shown={columns.shown} holder={columns.holder} xeroWebApp={d.xeroWebApp} />
        {holderDiffers && (
          <p className="small note keep-spaces">
            The code <span className="mono">{d.account.code}</span> is held in Xero by “{d.codeHolder!.name}” (
            {d.codeHolder!.status.toLowerCase()}
            {d.codeHolder!.mergedToContactId
              ? d.codeHolder!.mergedToContactId === d.contact?.contactId
                ? `, merged into “${d.contact.name}”`
                : ', merged into another contact'
              : ''}
            ).
          </p>
        )}
      </section>

      <section aria-label="Evidence" className="detail-section">
        <h3>Evidence</h3>
        <Evidence
          account={d.account}
          contributions={d.contributions}
          scoredContact={d.scoredContact}
          codeHolder={d.codeHolder}
          contact={d.contact}
          score={scoredScore(d)}
        />
      </section>

      <section aria-label="Other candidates" className="detail-section">
        <h3>Candidates</h3>
        <CandidateList
          candidates={d.candidates}
          linkedId={d.contact?.contactId ?? null}
          holderId={d.codeHolder?.contactId ?? null}
          code={d.account.code}
          onLink={onLink}
        />
      </section>

      <section aria-label="Link another contact" className="detail-section">
        <h3>Link another Xero contact</h3>
        <LinkSearch onLink={onLink} />
      </section>

      {d.history.length > 1 && (
        <section aria-label="History" className="detail-section">
          <h3>History</h3>
          <ol className="history small">
            {d.history.map((h) => (
              <li key={h.id} className={h.undoneAt ? 'undone' : undefined}>
                {ACTION_LABELS[h.action]} · {h.source} · {formatDateTime(h.createdAt)}
                {h.undoneAt ? ' · undone' : ''}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
