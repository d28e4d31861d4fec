// Link a different Xero contact by hand: fuzzy search over every contact in the workspace.
import { useEffect, useState } from 'react';
import type { Output } from '../../../shared/contract';
import { useApi } from '../api/context';
import { errorMessage } from '../lib/file-content';
import { percent } from '../lib/format';

export function LinkSearch({ onLink }: { onLink: (contactId: string, name: string) => void }) {
  const api = useApi();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Output<'contacts.search'>>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (query.trim() === '') {
      setHits([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api.contacts.search({ query, limit: 8 }).then(
        (h) => live && (setHits(h), setError(null)),
        (e: unknown) => live && setError(errorMessage(e)),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, query]);
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
              <button type="button" className="small-button" aria-label={`Link ${contact.name}`} onClick={() => onLink(contact.contactId, contact.name)}>
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
