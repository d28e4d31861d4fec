// The other Xero contacts the matcher considered, best first, each with a way to link it by hand.
import type { FindingDetail } from '../../../shared/review';
import { percent } from '../lib/format';

interface Props {
  candidates: FindingDetail['candidates'];
  linkedId: string | null;
  /** The contact holding the account's code, and the code: the holder is marked as such. */
  holderId: string | null;
  code: string;
  onLink: (contactId: string, name: string) => void;
}

export function CandidateList({ candidates, linkedId, holderId, code, onLink }: Props) {
  if (candidates.length === 0) return <p className="muted small">No other candidates.</p>;
  return (
    <ol className="candidates">
      {candidates.map(({ candidate: c, contact }) => (
        <li key={c.contactId}>
          <span className="num score" title={`${percent(c.score)} likely the same business as the account`}>
            {percent(c.score)}
          </span>
          <span className="candidate-name keep-spaces">
            {c.name}
            <span className="muted small">
              {' '}
              {c.accountNumber ? `· ${c.accountNumber}` : '· no AccountNumber'}
              {contact?.status === 'ARCHIVED' ? ' · archived' : ''}
              {contact && !contact.isCustomer ? ' · not a customer' : ''}
            </span>
            {c.contactId === holderId && <span className="tag">holds {code}</span>}
          </span>
          {c.contactId === linkedId ? (
            <span className="tag">shown</span>
          ) : (
            <button type="button" className="small-button" aria-label={`Link ${c.name}`} onClick={() => onLink(c.contactId, c.name)}>
              Link
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}
