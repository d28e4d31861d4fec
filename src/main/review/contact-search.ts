// "Link another contact by hand": fuzzy search over the Xero contacts (Fuse.js), an exact AccountNumber first.
import Fuse from 'fuse.js';
import type { XeroContact } from '../../shared/domain';

export interface ContactHit {
  contact: XeroContact;
  /** 1 = perfect, 0 = poor. */
  score: number;
}

export interface ContactSearch {
  search(query: string, limit: number): ContactHit[];
}

export function createContactSearch(contacts: readonly XeroContact[]): ContactSearch {
  const fuse = new Fuse(contacts, {
    keys: [
      { name: 'name', weight: 3 },
      { name: 'accountNumber', weight: 1 },
      { name: 'email', weight: 1 },
    ],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.4,
  });
  const byNumber = new Map<string, XeroContact[]>();
  for (const c of contacts) {
    if (!c.accountNumber) continue;
    const key = c.accountNumber.trim().toLowerCase();
    byNumber.set(key, [...(byNumber.get(key) ?? []), c]);
  }
  return {
    search(query, limit) {
      const q = query.trim();
      if (q === '') return [];
      const exact = (byNumber.get(q.toLowerCase()) ?? []).map((contact) => ({ contact, score: 1 }));
      const seen = new Set(exact.map((h) => h.contact.contactId));
      const fuzzy = fuse
        .search(q, { limit: limit + exact.length })
        .filter((r) => !seen.has(r.item.contactId))
        .map((r) => ({ contact: r.item, score: Math.round((1 - (r.score ?? 1)) * 1000) / 1000 }));
      return [...exact, ...fuzzy].slice(0, limit);
    },
  };
}
