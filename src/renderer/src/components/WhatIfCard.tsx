// The plan's what-if: how many of today's failing accounts will pass once the push (and then the checklist) is done,
// by the same model of the sync the findings use; accounts that would start to fail; decided accounts whose fix
// does not make them pass, with why.
import type { PlanWhatIf } from '../../../shared/contract-outbox';
import { counted, formatCount } from '../../../shared/push-summary';

export function WhatIfCard({ whatIf: w }: { whatIf: PlanWhatIf }) {
  if (w.failingNow === 0 && w.afterChecklist.failing === 0) return null;
  const later = w.afterChecklist.fixed - w.afterPush.fixed;
  const broken = w.afterChecklist.broken;
  const meanwhile = w.afterPush.broken.filter((code) => !broken.includes(code));
  return (
    <section className="card what-if" aria-labelledby="what-if-title" data-testid="what-if">
      <h2 id="what-if-title">After this plan</h2>
      <p className="what-if-headline">
        <strong data-testid="what-if-pass">{formatCount(w.afterChecklist.fixed)}</strong> of the {counted(w.failingNow, 'failing account')}{' '}
        will pass; <strong data-testid="what-if-still">{formatCount(w.failingNow - w.afterChecklist.fixed)}</strong> still fail.
      </p>
      <p className="small" data-testid="what-if-push">
        After the push alone: {formatCount(w.afterPush.fixed)} pass, and {counted(w.afterPush.failing, 'account')} fail on the next sync
        {w.afterPush.broken.length > 0 ? ` (${formatCount(w.afterPush.broken.length)} of them pass today)` : ''}
        {later > 0 ? `; ${formatCount(later)} more pass once the checklist's steps are done (in CocoonOPS and in Xero's web app)` : ''}.
      </p>
      {broken.length > 0 && (
        <p className="problem small" role="alert">
          {counted(broken.length, 'account')} that pass today would fail after this plan: {broken.slice(0, 10).join(', ')}
          {broken.length > 10 ? ', …' : ''}. Look at them before you push.
        </p>
      )}
      {meanwhile.length > 0 && (
        <p className="small" data-testid="what-if-meanwhile">
          Until the checklist's steps are done, {counted(meanwhile.length, 'account')} that {meanwhile.length === 1 ? 'passes' : 'pass'}{' '}
          today {meanwhile.length === 1 ? 'fails' : 'fail'}: {meanwhile.slice(0, 10).join(', ')}
          {meanwhile.length > 10 ? ', …' : ''} (a step of the checklist completes {meanwhile.length === 1 ? 'its fix' : 'their fixes'}).
        </p>
      )}
      {w.decidedStillFailing > 0 && (
        <details>
          <summary>
            {counted(w.decidedStillFailing, 'decided account')} would still fail: the decision does not fix{' '}
            {w.decidedStillFailing === 1 ? 'it' : 'them'}
          </summary>
          <ul className="small" data-testid="what-if-still-list">
            {w.stillFailing.map((f) => (
              <li key={f.code}>
                <strong>{f.code}</strong> {f.name}: {f.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
