// The morning view: how many accounts will fail on the next sync, counts per finding kind (each a filter),
// what the last push fixed (and what still fails), and how fresh each side's data is.
import type { FindingKind } from '../../../shared/domain';
import { FAILING as FAILING_KINDS, KINDS as FINDING_KINDS, FINDING_KIND_LABELS } from '../../../shared/decision-rules';
import { FINDING_GLOSSARY } from '../../../shared/finding-glossary';
import type { AppInfo } from '../../../shared/contract';
import type { WorkspaceStatus } from '../../../shared/review';
import { EXPORT_VIEW_LABELS } from '../../../shared/xero-export';
import { ago } from '../lib/dates';
import { count } from '../lib/format';
import { lastPushWords } from '../../../shared/last-push-words';
import { SyncControl } from './SyncControl';
import { When } from './When';

interface Props {
  status: WorkspaceStatus;
  info: AppInfo;
  activeKinds: readonly FindingKind[];
  onKind: (kind: FindingKind) => void;
  /** Show the rows that need attention (the review's filter). */
  onAttention: () => void;
}

/**
 * "12 need a decision · 40 have a fix queued for Xero · 5 have a step to do in Xero's web app · 3 were pushed and still
 * fail · 9 wait for changes in CocoonOPS · 2 ignored"
 */
/** Why an account only may fail (the kinds of "may" the sync model says). */
const MAY_FAIL_WHY =
  "The code's holder in Xero is not a customer (CocoonOPS links customers only), or the names differ only in spacing, which Xero may overlook: the next sync may fail, or may not.";

function breakdown(b: WorkspaceStatus['failingBreakdown']): string {
  const parts: [number, string][] = [
    [b.undecided, 'need a decision'],
    [b.queued, b.queued === 1 ? 'has a fix queued for Xero' : 'have a fix queued for Xero'],
    [b.webApp, b.webApp === 1 ? "has a step to do in Xero's web app (checklist)" : "have a step to do in Xero's web app (checklist)"],
    [
      b.webAppToCheck,
      b.webAppToCheck === 1
        ? "was done in Xero's web app: sync with Xero to check it"
        : "were done in Xero's web app: sync with Xero to check them",
    ],
    [b.pushed, b.pushed === 1 ? 'was pushed and still fails' : 'were pushed and still fail'],
    [b.webAppFailed, b.webAppFailed === 1 ? "was done in Xero's web app and still fails" : "were done in Xero's web app and still fail"],
    [b.changed, b.changed === 1 ? 'was changed in CocoonOPS and still fails' : 'were changed in CocoonOPS and still fail'],
    [b.cocoon, b.cocoon === 1 ? 'waits for a change in CocoonOPS' : 'wait for changes in CocoonOPS'],
    [b.ignored, 'ignored'],
  ];
  return parts
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${n.toLocaleString()} ${what}`)
    .join(' · ');
}

/**
 * "Last push 5 minutes ago: 154 fixed, 10 still failing, 9 that passed before now fail (19 wait for a checklist step,
 * 2 need attention) · 19 accounts from earlier pushes still wait for a checklist step".
 */
function LastPushLine({ last, onAttention }: { last: NonNullable<WorkspaceStatus['lastPush']>; onAttention: () => void }) {
  const w = lastPushWords(last);
  return (
    <div className="small last-push" data-testid="last-push">
      Last push <When at={last.at} />: <strong>{w.fixed}</strong>, {w.failing}
      {(w.waiting || w.attentionText) && ' ('}
      {w.waiting}
      {w.waiting && w.attentionText && ', '}
      {w.attentionText && (
        <button type="button" className="link-button warn-text" onClick={onAttention} title="Show the decisions that need attention">
          {w.attentionText}
        </button>
      )}
      {(w.waiting || w.attentionText) && ')'}
      {w.earlier && <span data-testid="last-push-earlier"> · {w.earlier}</span>}
    </div>
  );
}

export function Dashboard({ status, info, activeKinds, onKind, onAttention }: Props) {
  const xeroSide = status.lastSync ?? status.lastXeroImport;
  const xeroLine =
    status.xeroExport && status.lastXeroImport
      ? `Xero's contacts export (${status.xeroExport.views.map((v) => EXPORT_VIEW_LABELS[v]).join(', ')}) imported ${ago(status.lastXeroImport.at)}: no ContactIDs until a sync`
      : status.lastSync
        ? `${status.xeroConnection ? `${status.xeroConnection.tenantName}${status.xeroConnection.sandbox ? ' (sandbox)' : ''} ` : ''}synced ${ago(status.lastSync.at)}`
        : status.lastXeroImport
          ? `file ${status.lastXeroImport.fileName ?? ''} imported ${ago(status.lastXeroImport.at)}`
          : 'not loaded';
  // Without the Xero side, or with findings older than the accounts (matching stopped), no count can be trusted.
  const unknown = status.xeroTrust === 'missing' || status.findingsOutdated;
  return (
    <section className="dashboard" aria-label="Dashboard">
      <div className="headline">
        <div
          className={unknown ? 'headline-number' : status.failing > 0 ? 'headline-number bad' : 'headline-number good'}
          data-testid="failing-count"
        >
          {unknown ? '—' : status.failing.toLocaleString()}
        </div>
        <div>
          <div className="headline-text">
            {status.xeroTrust === 'missing'
              ? 'Load the Xero side to see which accounts will fail'
              : status.findingsOutdated
                ? 'Match again to see which accounts will fail (the findings are out of date)'
                : `${status.failing === 1 ? 'account' : 'accounts'} will fail on the next sync`}
          </div>
          {!unknown && status.mayFail > 0 && (
            <p className="headline-breakdown small" data-testid="may-fail" title={MAY_FAIL_WHY}>
              {status.mayFail === status.failing
                ? status.failing === 1
                  ? 'It only may fail'
                  : 'All of them only may fail'
                : `${status.mayFail.toLocaleString()} of them only may fail`}{' '}
              (not a customer in Xero, or names that differ only in spacing)
            </p>
          )}
          {!unknown && status.failing > 0 && (
            <p className="headline-breakdown small" data-testid="failing-breakdown">
              {breakdown(status.failingBreakdown)}
            </p>
          )}
          {!unknown && status.lastPush && <LastPushLine last={status.lastPush} onAttention={onAttention} />}
          <div className="muted small">
            {count(status.decided, 'decision')} made · {count(status.accounts, 'billing account')} ·{' '}
            {count(status.contacts, 'Xero contact')}
          </div>
        </div>
      </div>
      <ul className="kind-cards" aria-label="Findings by kind">
        {FINDING_KINDS.map((kind) => {
          const active = activeKinds.includes(kind);
          return (
            <li key={kind}>
              <button
                type="button"
                className={`kind-card kind-${kind}${active ? ' active' : ''}${FAILING_KINDS.includes(kind) ? ' failing' : ''}`}
                aria-pressed={active}
                aria-label={`${FINDING_KIND_LABELS[kind]}: ${status.counts[kind].toLocaleString()} — show only these`}
                title={FINDING_GLOSSARY[kind].tooltip}
                onClick={() => onKind(kind)}
              >
                <span className="kind-count">{status.counts[kind].toLocaleString()}</span>
                <span className="kind-label">{FINDING_KIND_LABELS[kind]}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <div className="freshness" aria-label="Data freshness">
        <div>
          <span className="muted">Xero</span> <span className={status.xeroTrust === 'complete' ? '' : 'warn-text'}>{xeroLine}</span>
          {xeroSide && <span className="muted"> · {count(status.contacts, 'contact')}</span>}
        </div>
        <div>
          <span className="muted">CocoonOPS</span>{' '}
          {status.lastCocoonImport
            ? `${status.lastCocoonImport.fileName ?? 'export'} imported ${ago(status.lastCocoonImport.at)}`
            : 'not imported'}
        </div>
        <SyncControl info={info} status={status} />
      </div>
    </section>
  );
}
