// The Push screen's plan: what changes on how many contacts (per kind, then each change), what is blocked and why,
// what is left to do by hand; then Push to Xero (asked first) with the call count, progress and Cancel, and what the
// last push, retry or undo ended with.
import { useState } from 'react';
import type { PushPlan } from '../../../shared/contract-outbox';
import { counted, formatCount, pushSummary } from '../../../shared/push-summary';
import type { PushRun } from '../hooks/usePushRun';
import { PushConfirmDialog } from './PushConfirmDialog';
import { unseenDifference } from '../../../shared/unseen-difference';
import { changeLine } from '../lib/describe';

export function PushPlanCard({ plan, run }: { plan: PushPlan; run: PushRun }) {
  const [confirming, setConfirming] = useState(false);
  const { running, progress, message } = run;
  const blocked = plan.items.filter((i) => i.blocked);
  const listed = plan.items.filter((i) => !i.blocked);
  const summary = pushSummary(plan);
  const pct = progress?.total ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : undefined;
  return (
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
      {plan.toSend > 0 && (
        <details open={plan.toSend <= 20}>
          <summary>
            Changes ({formatCount(plan.toSend)})
            {listed.length < plan.toSend && ` · the first ${formatCount(listed.length)} listed; Export plan… has them all`}
          </summary>
          <ul className="plan-items small keep-spaces">
            {listed.map((i, n) => (
              <li key={n} data-testid="plan-item" data-code={i.accountCode}>
                <strong>{i.accountCode}</strong> {i.contactName}:{' '}
                {i.changes.map((c) => [changeLine(c), unseenDifference(c.from, c.to)].filter(Boolean).join(' ')).join('; ')}
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
          <span
            className="muted small"
            data-testid="push-calls"
            title="Xero allows 5,000 calls a day per organisation (1,000 on its Starter plan)"
          >
            about {counted(plan.calls.needed, 'call')} to Xero{plan.calls.budget ? ` · ${plan.calls.budget}` : ''}
          </span>
        )}
        {running && (
          <button type="button" onClick={run.cancel}>
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
            run.push();
          }}
        />
      )}
      {message && (
        <p className="small" role="status" data-testid="push-message">
          {message}
        </p>
      )}
    </section>
  );
}
