// Asks before a push writes to Xero: names the organisation (and says plainly when it is a sandbox), counts what
// will be written per kind of change, warns when the push makes accounts that pass today fail (until the checklist's
// steps are done, or for good), and writes only on the explicit "Write N changes to <Org>" (Cancel has focus).
import { breakWarnings, confirmLabel, counted, type PushSummary } from '../../../shared/push-summary';
import { Dialog } from './Dialog';
import { OrganisationNote } from './OrganisationNote';

interface Props {
  summary: PushSummary;
  /** Changes the checks hold back (not sent). */
  blocked: number;
  onConfirm: () => void;
  onCancel: () => void;
}

export function PushConfirmDialog({ summary, blocked, onConfirm, onCancel }: Props) {
  const warnings = breakWarnings(summary);
  return (
    <Dialog
      title={`Write to ${summary.organisation}?`}
      onClose={onCancel}
      action={{ label: confirmLabel(summary), onClick: onConfirm, focusCancel: true }}
    >
      <div data-testid="push-confirm">
        <OrganisationNote organisation={summary.organisation} sandbox={summary.sandbox} />
        <ul className="push-confirm-kinds" aria-label="What will be written" data-testid="push-confirm-kinds">
          {summary.kinds.map((k) => (
            <li key={k.kind}>{k.text}</li>
          ))}
          {summary.resuming > 0 && <li>{counted(summary.resuming, 'change')} of an interrupted push, finished first</li>}
        </ul>
        {warnings.length > 0 && (
          <div className="push-confirm-breaks small" role="note" data-testid="push-confirm-breaks">
            {warnings.map((w) => (
              <p key={w}>{w}</p>
            ))}
          </div>
        )}
        <p data-testid="push-confirm-total">
          In all: <strong>{counted(summary.changes, 'change')}</strong> on <strong>{counted(summary.contacts, 'contact')}</strong>.
        </p>
        <p className="muted small">
          Every contact is read again first: one changed in Xero since your review is not overwritten but shown as a conflict. Each change
          can be undone from this screen afterwards.
          {blocked > 0 && ` ${counted(blocked, 'change')} held back by the checks ${blocked === 1 ? 'is' : 'are'} not sent.`}
        </p>
      </div>
    </Dialog>
  );
}
