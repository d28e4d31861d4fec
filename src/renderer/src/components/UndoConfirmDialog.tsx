// Asks before an undo writes to Xero (the Push screen's Undo, the detail pane's Undo in Xero): names the
// organisation (and says plainly when it is a sandbox), lists each change written back as "now → back to", and
// writes only on the explicit "Write back N changes to <Org>" (Cancel has focus).
import { counted } from '../../../shared/push-summary';
import { undoConfirmLabel, type UndoSummary } from '../../../shared/undo-summary';
import { Dialog } from './Dialog';
import { OrganisationNote } from './OrganisationNote';

/** A value as the dialog quotes it; an empty field says so. */
const quoted = (v: string): string => (v === '' ? '(empty)' : `“${v}”`);

interface Props {
  summary: UndoSummary;
  onConfirm: () => void;
  onCancel: () => void;
}

export function UndoConfirmDialog({ summary, onConfirm, onCancel }: Props) {
  return (
    <Dialog
      title={`Undo in ${summary.organisation}?`}
      onClose={onCancel}
      action={{ label: undoConfirmLabel(summary), onClick: onConfirm, focusCancel: true }}
    >
      <div data-testid="undo-confirm">
        <OrganisationNote organisation={summary.organisation} sandbox={summary.sandbox} />
        <p>
          {counted(summary.changes, 'change')} written back to the value{summary.changes === 1 ? '' : 's'} Xero had before the push:
        </p>
        <ul className="undo-items keep-spaces" aria-label="What will be written back" data-testid="undo-items">
          {summary.items.map((item, i) => (
            <li key={i} data-testid="undo-item">
              <strong>{item.account}</strong> <span className="muted small">· Xero contact “{item.contact}”</span>
              <ul className="changes small">
                {item.fields.map((f) => (
                  <li key={f.field}>
                    {f.field} {quoted(f.now)} → back to {quoted(f.back)} {f.unseen}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
        <p className="muted small">
          Each contact is read from Xero again first: one changed in Xero since the push is not overwritten but shown as a conflict. When a
          change is written back, its decision is reopened (the account is undecided again).
        </p>
      </div>
    </Dialog>
  );
}
