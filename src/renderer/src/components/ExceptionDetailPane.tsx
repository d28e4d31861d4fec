// One exception in full: Xero's message, resolve / reopen, the invoice-number check, the billing account's
// finding and decision, the playbook (cause, how to resolve, re-send) and the CocoonOPS steps.
import { useState } from 'react';
import type { DecisionAction } from '../../../shared/review';
import { ACTION_LABELS } from '../../../shared/decision-rules';
import type { ExceptionDetail, Playbook, ResendPolicy } from '../../../shared/exceptions';
import { formatWritten } from '../lib/dates';
import { PlaybookBadge, ResolvedBadge, VerdictBadge } from './ExceptionBadges';
import { InvoiceComparison } from './InvoiceComparison';
import { KindBadge } from './KindBadge';
import { When } from './When';
import { accountHash } from '../hooks/useAccountRoute';

const RESEND_TEXT: Record<ResendPolicy, string> = {
  after_fix: 'Re-send the invoice from CocoonOPS once the cause is fixed.',
  if_not_in_xero: 'Re-send only if the invoice is not in Xero (see the invoice check); otherwise close the exception.',
  never: 'Do not re-send: it would fail the same way. Close the exception once the cause is dealt with.',
  after_wait: 'Wait, then re-send: the cause is temporary.',
};

const PLACE_LABELS = { cocoonops: 'CocoonOPS', xero: 'Xero', reconciler: 'Reconciler' } as const;

interface Props {
  detail: ExceptionDetail;
  busy: boolean;
  onResolve: (resolved: boolean, note: string) => void;
}

function PlaybookText({ playbook: p }: { playbook: Playbook }) {
  return (
    <div className="playbook">
      <h4>Cause</h4>
      <ul>
        {p.cause.map((c, i) => (
          <li key={i}>{c}</li>
        ))}
      </ul>
      <h4>How to resolve</h4>
      <ol>
        {p.resolve.map((c, i) => (
          <li key={i}>{c}</li>
        ))}
      </ol>
      <h4>Re-send</h4>
      <p>{RESEND_TEXT[p.resend]}</p>
      {p.check.length > 0 && (
        <>
          <h4>Check</h4>
          <ul>
            {p.check.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </>
      )}
      <p className="muted small">
        Xero says: {p.xeroMessages.map((m) => `“${m}”`).join(' · ')}
        {!p.confirmed && ' (message text not confirmed by a source)'}
      </p>
    </div>
  );
}

export function ExceptionDetailPane({ detail: d, busy, onResolve }: Props) {
  const e = d.exception;
  const [note, setNote] = useState('');
  const actionLabel = d.decision ? (ACTION_LABELS[d.decision.action as DecisionAction] ?? d.decision.action) : null;
  return (
    <>
      <header className="detail-header">
        <h2>
          {e.number ? <span className="mono">{e.number}</span> : null} {d.playbook.title}
        </h2>
        <div className="detail-meta">
          <ResolvedBadge resolvedAt={e.resolvedAt} />
          <PlaybookBadge title={d.playbook.title} area={d.playbook.area} />
          {e.verdict && <VerdictBadge verdict={e.verdict} />}
        </div>
      </header>
      <blockquote className="xero-message" aria-label="Xero's message">
        {e.message}
      </blockquote>
      <p className="muted small">
        {e.source === 'pasted' ? 'Pasted' : `From ${e.fileName ?? 'a file'}${e.row ? `, row ${e.row}` : ''}`} · <When at={e.importedAt} />
        {e.accountCode && (
          <>
            {' '}
            · account <span className="mono">{e.accountCode}</span>
          </>
        )}
        {e.raisedAt && ` · raised ${formatWritten(e.raisedAt)}`}
      </p>

      <section aria-label="Resolution" className="detail-section decision-box">
        {e.resolvedAt ? (
          <p data-testid="resolution">
            <strong>Resolved</strong>{' '}
            <span className="muted small">
              · <When at={e.resolvedAt} />
            </span>
            {e.resolvedNote && <span className="small"> · “{e.resolvedNote}”</span>}
          </p>
        ) : (
          <p data-testid="resolution" className="muted small">
            Open: resolve it in CocoonOPS (see the steps), then mark it resolved here.
          </p>
        )}
        <div className="button-row">
          {!e.resolvedAt && (
            <input
              type="text"
              className="grow"
              aria-label="Resolution note (optional)"
              placeholder="Note (optional)"
              value={note}
              maxLength={2000}
              onChange={(ev) => setNote(ev.target.value)}
            />
          )}
          {e.resolvedAt ? (
            <button type="button" disabled={busy} onClick={() => onResolve(false, '')}>
              Reopen
            </button>
          ) : (
            <button type="button" className="primary" disabled={busy} onClick={() => onResolve(true, note)}>
              Mark resolved
            </button>
          )}
        </div>
      </section>

      {e.check && (
        <section aria-label="Invoice check" className="detail-section">
          <h3>Invoice check</h3>
          <InvoiceComparison exception={e} check={e.check} />
        </section>
      )}

      {(d.playbook.linksAccount || d.finding || d.decision) && (
        <section aria-label="Billing account" className="detail-section" data-testid="linked-account">
          <h3>
            Billing account {e.accountCode || e.details.accountNumber}
            {d.finding && (
              <>
                {' '}
                <a className="small heading-link" href={accountHash(d.finding.accountCode)}>
                  open in the review
                </a>
              </>
            )}
          </h3>
          {d.finding ? (
            <>
              <p>
                <KindBadge kind={d.finding.kind} /> <span className="small">{d.finding.explanation}</span>
              </p>
              <p className="small" data-testid="linked-decision">
                {d.decision ? (
                  <>
                    Decision: <strong>{actionLabel}</strong>{' '}
                    <span className="muted">
                      · <When at={d.decision.createdAt} />
                    </span>
                    {d.decision.note && <> · “{d.decision.note}”</>}
                  </>
                ) : (
                  <span className="muted">
                    No decision yet: <a href={accountHash(d.finding.accountCode)}>decide it in the review</a>.
                  </span>
                )}
              </p>
            </>
          ) : (
            <p className="muted small">
              {e.accountCode || e.details.accountNumber
                ? 'This billing account is not in the workspace (import the CocoonOPS export).'
                : 'No billing account given: paste or import it with the exception.'}
            </p>
          )}
        </section>
      )}

      <section aria-label="Playbook" className="detail-section">
        <h3>Playbook</h3>
        <PlaybookText playbook={d.playbook} />
        {d.also.length > 0 && <p className="small note">Also in this message: {d.also.map((p) => p.title).join(', ')}.</p>}
      </section>

      {d.steps.length > 0 && (
        <section aria-label="Steps" className="detail-section">
          <h3>Steps</h3>
          <ol className="steps">
            {d.steps.map((s) => (
              <li key={s.order}>
                <span className="tag">{PLACE_LABELS[s.place]}</span> {s.text}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
