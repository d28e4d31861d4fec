// The Push screen: the plan first (what changes, on how many contacts, what it does to the failing accounts, what is
// blocked and why), then the push (asked first: which Xero organisation, what it writes) with progress and cancel, then every correction with its result: conflicts
// side by side with Retry, failures with Xero's message and the advice, done ones with Undo.
import { useState } from 'react';
import type { ContactImage, CorrectionView, PushProgress } from '../../../shared/contract-outbox';
import { CORRECTION_LABELS, counted, formatCount, pushSummary } from '../../../shared/push-summary';
import type { WorkspaceInfo } from '../../../shared/review';
import { useApi, useApiEvent } from '../api/context';
import { useLoad } from '../hooks/useLoad';
import { errorMessage } from '../lib/file-content';
import { formatDateTime } from '../lib/dates';
import { EmptyState } from './EmptyState';
import { ExportDialog } from './ExportDialog';
import { WhatIfCard } from './WhatIfCard';
import { PushConfirmDialog } from './PushConfirmDialog';
import { ErrorMessage } from './ErrorMessage';
import { ScreenHeader } from './ScreenHeader';
import '../exceptions.css';
import '../outbox.css';

function Image({ title, image }: { title: string; image: ContactImage | null }) {
  return (
    <div className="contact-image">
      <strong>{title}</strong>
      {image ? (
        <dl>
          <dt>Name</dt>
          <dd>{image.name}</dd>
          <dt>Account number</dt>
          <dd>{image.accountNumber || '—'}</dd>
          <dt>Status</dt>
          <dd>{image.status}</dd>
          <dt>Updated</dt>
          <dd>{formatDateTime(image.updatedDateUtc) || '—'}</dd>
        </dl>
      ) : (
        <p className="muted small">—</p>
      )}
    </div>
  );
}

function CorrectionItem({ c, busy, onRetry, onUndo }: { c: CorrectionView; busy: boolean; onRetry: () => void; onUndo: () => void }) {
  return (
    <li className="correction" data-testid="correction" data-status={c.status}>
      <div className="correction-head">
        <span className={`badge status-${c.status}`}>{c.status}</span>
        <strong>{c.accountCode}</strong> <span>{c.accountName}</span>
        <span className="muted small">{CORRECTION_LABELS[c.kind]}</span>
        {c.attempts > 1 && <span className="muted small">{c.attempts} attempts</span>}
        <span className="spacer" />
        {(c.status === 'conflict' || c.status === 'failed') && (
          <button type="button" disabled={busy} onClick={onRetry}>
            Retry
          </button>
        )}
        {c.canUndo && (
          <button type="button" disabled={busy} onClick={onUndo}>
            Undo
          </button>
        )}
      </div>
      <ul className="changes small">
        {c.changes.map((ch) => (
          <li key={ch.field}>
            {ch.field}: <s>{ch.from || '—'}</s> → <strong>{ch.to || '—'}</strong>
          </li>
        ))}
      </ul>
      {c.status === 'failed' && (
        <div className="problem small" role="note">
          <p className="pre-line">Xero said: {c.message}</p>
          {c.advice && <p className="muted">{c.advice}</p>}
        </div>
      )}
      {c.status === 'conflict' && (
        <>
          <p className="small">{c.message}</p>
          <div className="side-by-side">
            <Image title="Reviewed" image={c.reviewed} />
            <Image title="Now in Xero" image={c.current} />
            <Image title="After the change" image={c.after} />
          </div>
          {c.advice && <p className="muted small">{c.advice}</p>}
        </>
      )}
    </li>
  );
}

export function PushScreen({ workspace }: { workspace: WorkspaceInfo }) {
  const api = useApi();
  const loaded = useLoad(async () => {
    const [plan, items] = await Promise.all([api.outbox.plan(), api.outbox.list({ target: 'xero' })]);
    return { plan, items };
  }, [api]);
  const { error, reload: refresh } = loaded;
  const plan = loaded.data?.plan ?? null;
  const items = loaded.data?.items ?? null;
  const [message, setMessage] = useState<string | null>(null);
  const [progress, setProgress] = useState<PushProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [exporting, setExporting] = useState(false);

  useApiEvent('outbox.progress', (p) => setProgress(p.finished ? null : p));
  useApiEvent('workspace.changed', () => {
    if (!running) refresh();
  });

  const run = async (what: () => Promise<string>) => {
    setRunning(true);
    setMessage(null);
    try {
      setMessage(await what());
    } catch (e) {
      setMessage(errorMessage(e));
    } finally {
      setRunning(false);
      setProgress(null);
      refresh();
    }
  };

  const push = () =>
    run(async () => {
      const r = await api.outbox.push();
      if (r.cancelled) return `Push cancelled after ${counted(r.done, 'change')}: push again to finish.`;
      const parts = [`${counted(r.done, 'change')} written`];
      if (r.alreadyApplied) parts.push(`${formatCount(r.alreadyApplied)} already so in Xero`);
      if (r.conflicts) parts.push(counted(r.conflicts, 'conflict'));
      if (r.failed) parts.push(`${formatCount(r.failed)} failed`);
      if (r.blocked) parts.push(`${formatCount(r.blocked)} blocked`);
      return `Push finished: ${parts.join(', ')}.${r.done + r.alreadyApplied > 0 ? await checked() : ''}`;
    });
  /** What the push fixed, on the findings recomputed after it (as the dashboard says it). */
  const checked = async (): Promise<string> => {
    const s = await api.workspace.status().catch(() => null);
    if (!s?.lastPush) return '';
    if (s.findingsOutdated) return ' The findings are out of date: match again to see what it fixed.';
    const { fixed, stillFailing, waiting } = s.lastPush;
    const attention = stillFailing - waiting;
    const why = [waiting > 0 ? `${formatCount(waiting)} wait for a checklist step` : '', attention > 0 ? `${formatCount(attention)} need attention (the review's Needs attention filter shows them)` : '']
      .filter(Boolean)
      .join(', ');
    return ` Checked after reading the contacts back: ${counted(fixed, 'account')} fixed, ${formatCount(stillFailing)} still failing${why ? ` (${why})` : ''}.`;
  };
  const retry = (id: number) => run(async () => `${counted((await api.outbox.retry({ ids: [id] })).length, 'correction')} back in the queue.`);
  const undo = (id: number) =>
    run(async () => {
      const r = await api.outbox.undo({ ids: [id] });
      const reopened = r.reopened.length > 0 ? ` The decision on ${r.reopened.join(', ')} is reopened: decide again in the review.` : '';
      return r.undone ? `Undone: the reviewed values are back in Xero.${reopened}` : (r.refused[0]?.reason ?? (r.conflicts ? 'Not undone: the contact changed in Xero since.' : 'Not undone.'));
    });

  const blocked = plan?.items.filter((i) => i.blocked) ?? [];
  const summary = plan ? pushSummary(plan) : null;
  const pct = progress?.total ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : undefined;
  return (
    <div className="workbench outbox-screen">
      <ScreenHeader workspace={workspace} current="#push">
        <button type="button" onClick={() => setExporting(true)} disabled={!plan || plan.items.length === 0} title="Save the plan as an Excel workbook or a CSV file">
          Export plan…
        </button>
        <button type="button" onClick={refresh} disabled={running}>
          Refresh
        </button>
      </ScreenHeader>
      {exporting && plan && (
        <ExportDialog
          title="Export the push plan"
          request={(format) => ({ table: 'plan', format })}
          onClose={() => setExporting(false)}
          onDone={(m) => {
            setExporting(false);
            setMessage(m);
          }}
        >
          The plan&apos;s {counted(plan.items.length, 'contact change')}
          {blocked.length > 0 ? ` (${formatCount(blocked.length)} blocked, with why)` : ''}: one row per field written, with the billing account, the Xero
          contact, its value in Xero now and after the push.
        </ExportDialog>
      )}
      <main className="outbox-main">
        {error ? (
          <ErrorMessage message={error} onRetry={refresh} title="The push plan could not be loaded" />
        ) : !plan || !items ? (
          <div className="loading" role="status">
            Loading the plan…
          </div>
        ) : (
          <>
            <WhatIfCard whatIf={plan.whatIf} />
            <section className="card" aria-labelledby="plan-title" data-testid="push-plan">
              <h2 id="plan-title">Plan</h2>
              <p data-testid="plan-summary">
                {plan.toSend === 0
                  ? 'Nothing to push to Xero.'
                  : `${counted(plan.toSend, 'change')} to push on ${counted(plan.contacts, 'contact')}.`}
                {plan.resuming > 0 && ` ${counted(plan.resuming, 'change')} of an interrupted push will be finished first.`}
              </p>
              {summary && summary.kinds.length > 0 && (
                <ul className="plan-kinds">
                  {summary.kinds.map((k) => (
                    <li key={k.kind}>{k.text}</li>
                  ))}
                </ul>
              )}
              {plan.items.filter((i) => !i.blocked).length > 0 && (
                <details open={plan.items.length <= 20}>
                  <summary>Changes ({plan.items.filter((i) => !i.blocked).length})</summary>
                  <ul className="plan-items small">
                    {plan.items
                      .filter((i) => !i.blocked)
                      .slice(0, 500)
                      .map((i, n) => (
                        <li key={n} data-testid="plan-item" data-code={i.accountCode}>
                          <strong>{i.accountCode}</strong> {i.contactName}: {i.changes.map((c) => `${c.field} “${c.from}” → “${c.to}”`).join('; ')}
                        </li>
                      ))}
                  </ul>
                </details>
              )}
              {blocked.length > 0 && (
                <details open>
                  <summary>Blocked ({formatCount(blocked.length)})</summary>
                  <ul className="small" data-testid="plan-blocked">
                    {blocked.map((i, n) => (
                      <li key={n}>
                        <strong>{i.accountCode}</strong> {i.contactName}: {i.blocked}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
              {plan.checklistOpen > 0 && (
                <p className="small">
                  {counted(plan.checklistOpen, 'step')} to do by hand: <a href="#checklist">open the checklist</a>.
                </p>
              )}
              {plan.notReady && (
                <p className="problem small" role="note" data-testid="not-ready">
                  {plan.notReady}
                </p>
              )}
              <div className="push-actions">
                <button type="button" className="primary" disabled={running || !!plan.notReady || !summary} onClick={() => setConfirming(true)}>
                  Push to Xero
                </button>
                {!running && plan.calls && summary && (
                  <span className="muted small" data-testid="push-calls" title="Xero allows 5,000 calls a day per organisation (1,000 on its Starter plan)">
                    about {counted(plan.calls.needed, 'call')} to Xero{plan.calls.budget ? ` · ${plan.calls.budget}` : ''}
                  </span>
                )}
                {running && (
                  <button type="button" onClick={() => void api.outbox.cancel()}>
                    Cancel
                  </button>
                )}
                {running && (
                  <span className="push-progress" role="status" aria-live="polite">
                    <progress max={100} value={pct} aria-label="Push progress" /> {progress?.message ?? 'Starting…'}
                  </span>
                )}
              </div>
              {confirming && summary && (
                <PushConfirmDialog
                  summary={summary}
                  blocked={blocked.length}
                  onCancel={() => setConfirming(false)}
                  onConfirm={() => {
                    setConfirming(false);
                    void push();
                  }}
                />
              )}
              {message && (
                <p className="small" role="status" data-testid="push-message">
                  {message}
                </p>
              )}
            </section>
            <section className="card" aria-labelledby="results-title">
              <h2 id="results-title">Results</h2>
              {items.length === 0 ? (
                <EmptyState title="Nothing pushed yet">Accept suggestions in the review, then push them here.</EmptyState>
              ) : (
                <ul className="corrections" data-testid="corrections">
                  {items.map((c) => (
                    <CorrectionItem key={c.id} c={c} busy={running} onRetry={() => void retry(c.id)} onUndo={() => void undo(c.id)} />
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </main>
    </div>
  );
}
