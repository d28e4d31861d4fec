// Xero-side findings: contacts that are likely the same business twice. Integrations that hit a name
// clash create "Name 1" / "Name-1" copies, and legal-form variants ("Acme" / "Acme Pty Ltd") pile up.
import type { XeroContact, XeroFinding } from '../../shared/domain';
import { fingerprint } from './columns';
import { normaliseName, type NameRules } from './normalise-name';
import type { PreparedSide } from './prepare';

const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
const COUNTER = /^(.*\S)\s*[-_(]?\s*\d{1,2}\)?$/;

/** The name without a trailing copy counter ("Acme 1", "Acme-2", "Acme (3)"), or null when it has none. */
export function withoutCounter(name: string): string | null {
  const m = COUNTER.exec(name.trim());
  return m ? m[1]!.trim() : null;
}

export function findDuplicateContacts(contacts: readonly XeroContact[], prepared: PreparedSide, rules: NameRules): XeroFinding[] {
  const groups = new Map<number, number[]>();
  const counterOf = new Map<number, string>();
  for (let i = 0; i < prepared.size; i++) {
    const key = prepared.nameKey[i]!;
    if (!key) continue;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  }
  // A copy with a counter joins the group of the name it copies, when that name exists.
  contacts.forEach((c, i) => {
    const base = withoutCounter(c.name);
    if (!base) return;
    const tokens = normaliseName(c.name, rules).tokens;
    if (tokens.length < 2 || !/^\d{1,2}$/.test(tokens[tokens.length - 1]!)) return;
    const target = groups.get(fingerprint(tokens.slice(0, -1).join(' ')));
    if (target && !target.includes(i)) {
      target.push(i);
      counterOf.set(i, base);
    }
  });
  const findings: XeroFinding[] = [];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const sorted = [...members].sort((x, y) => compare(contacts[x]!.contactId, contacts[y]!.contactId));
    const names = sorted.map((i) => `'${contacts[i]!.name}'${contacts[i]!.status === 'ACTIVE' ? '' : ' (archived)'}`);
    const copies = sorted.filter((i) => counterOf.has(i));
    const explanation = copies.length
      ? `${names.join(', ')}: ${copies.map((i) => `'${contacts[i]!.name}'`).join(', ')} looks like a copy made on a name clash; merge them in Xero`
      : `${names.join(', ')} have the same name up to legal form and punctuation; merge them in Xero`;
    findings.push({
      kind: 'duplicate_contact',
      contactIds: sorted.map((i) => contacts[i]!.contactId),
      score: copies.length ? 0.9 : 0.95,
      explanation,
    });
  }
  return findings.sort((x, y) => compare(x.contactIds[0]!, y.contactIds[0]!));
}
