// Where a write to Xero goes, as the confirmations say it: the organisation by name, a Sandbox / Live Xero badge,
// and one plain line so a sandbox is never mistaken for the real books (nor the other way round).
import { organisationLine } from '../../../shared/push-summary';
import '../outbox.css';

export function OrganisationNote({ organisation, sandbox }: { organisation: string; sandbox: boolean }) {
  return (
    <>
      <p className="push-org">
        Xero organisation: <strong data-testid="push-organisation">{organisation}</strong>{' '}
        <span className={sandbox ? 'badge org-sandbox' : 'badge org-live'}>{sandbox ? 'Sandbox' : 'Live Xero'}</span>
      </p>
      <p className="muted small">{organisationLine({ organisation, sandbox })}</p>
    </>
  );
}
