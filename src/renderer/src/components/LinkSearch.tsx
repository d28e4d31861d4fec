// Link a different Xero contact by hand: fuzzy search over every contact in the workspace.
import { useState } from 'react';
import { useApi } from '../api/context';
import { useLoad } from '../hooks/useLoad';
import { percent } from '../lib/format';

export function LinkSearch({ onLink }: { onLink: (contactId: string, name: string) => void }) {
  const api = useApi();
  const [query, setQuery] = useState('');
  // Asked once typing pauses; an emptied box shows nothing at once.
  const empty = query.trim() === '';
  const found = useLoad(() => (empty ? null : api.contacts.search({ query, limit: 8 })), [api, query, empty], { delayMs: empty ? 0 : 150 });
  const hits = (!empty && found.data) || [];
  const error = empty ? null : found.error;
  return (
    <div className="link-search">
      <input
        type="search"
        placeholder="Search Xero contacts by name, AccountNumber or email"
        aria-label="Search Xero contacts to link"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && (e.target as HTMLInputElement).blur()}
      />
      {error && <p className="error-text small">{error}</p>}
      {hits.length > 0 && (
        <ul className="link-results" aria-label="Xero contacts found">
          {hits.map(({ contact, score }) => (
            <li key={contact.contactId}>
              <span className="num score">{percent(score)}</span>
              <span className="candidate-name">
                {contact.name}
                <span className="muted small"> {contact.accountNumber ? `· ${contact.accountNumber}` : '· no AccountNumber'}</span>
              </span>
              <button
                type="button"
                className="small-button"
                aria-label={`Link ${contact.name}`}
                onClick={() => onLink(contact.contactId, contact.name)}
              >
                Link
              </button>
            </li>
          ))}
        </ul>
      )}
      {query.trim() !== '' && hits.length === 0 && !error && <p className="muted small">No contact found yet.</p>}
    </div>
  );
}
