// Every field of the billing account beside its Xero contact, and beside the code's holder when another contact
// holds the code (a code conflict; a merged-away holder): each Xero column says which contact it is and how likely it
// is the account's business. Rows that differ are marked (in words too, for screen readers).
import type { BillingAccount, XeroContact } from '../../../shared/domain';
import { xeroContactUrl } from '../../../shared/xero-links';
import { formatDateTime } from '../lib/dates';
import { percent } from '../lib/format';
import { diffNames } from '../lib/name-diff';
import { sameValue } from '../lib/same-value';
import { NameDiff } from './NameDiff';

/** One Xero column: the contact, what it is to the account (e.g. "holds CAROLE01"), and its pair percentage. */
export interface XeroColumn {
  contact: XeroContact;
  role: string;
  score: number | null;
}

interface Props {
  account: BillingAccount;
  /** The contact shown beside the account (null: Xero has none), and the code's holder when it is another contact. */
  shown: XeroColumn | null;
  holder: XeroColumn | null;
  /** Contacts can be opened in Xero's web app. */
  xeroWebApp: boolean;
}

interface Line {
  label: string;
  field?: string;
  xero: (c: XeroContact) => string;
  /** Compare these values (false: informational only). */
  compare: boolean;
}

const LINES: readonly Line[] = [
  { label: 'Name', xero: (c) => c.name, compare: true },
  { label: 'Code / Account\u00adNumber', xero: (c) => c.accountNumber, compare: true },
  { label: 'Email', field: 'email', xero: (c) => c.email, compare: true },
  { label: 'Phone', field: 'phone', xero: (c) => c.phone, compare: true },
  { label: 'Address', field: 'address', xero: (c) => c.address, compare: true },
  { label: 'Postcode', xero: (c) => c.postcode, compare: true },
  { label: 'Contact person', xero: () => '', compare: false },
  {
    label: 'Status',
    xero: (c) => [c.status, c.isCustomer ? 'customer' : 'not a customer', c.isSupplier ? 'supplier' : ''].filter(Boolean).join(', '),
    compare: false,
  },
  { label: 'Row / updated', xero: (c) => (c.updatedDateUtc ? formatDateTime(c.updatedDateUtc) : ''), compare: false },
];

function cocoonValue(label: string, a: BillingAccount): string {
  const values: Record<string, string> = {
    Name: a.name,
    'Code / Account\u00adNumber': a.code,
    Email: a.email,
    Phone: a.phone,
    Address: a.address,
    Postcode: a.postcode,
    'Contact person': a.contactName,
    Status: a.status,
    'Row / updated': `row ${a.row}`,
  };
  return values[label] ?? '';
}

const differs = (l: Line, cocoon: string, xero: string): boolean =>
  l.compare && cocoon.trim() !== '' && xero.trim() !== '' && !sameValue(l.field ?? l.label, cocoon, xero);

function ColumnHead({ column, xeroWebApp }: { column: XeroColumn | null; xeroWebApp: boolean }) {
  if (!column) return <th scope="col">Xero</th>;
  const { contact, role, score } = column;
  return (
    <th scope="col" className="compare-xero-head">
      <span className="compare-role">Xero · {role}</span>
      {score !== null && (
        <span className="compare-score" data-testid="column-score">
          {percent(score)} likely the same business
        </span>
      )}
      {xeroWebApp && (
        <a
          className="small"
          href={xeroContactUrl(contact.contactId)}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={`Open “${contact.name}” in Xero`}
        >
          Open in Xero ↗
        </a>
      )}
    </th>
  );
}

export function RecordCompare({ account, shown, holder, xeroWebApp }: Props) {
  const columns = [shown, holder].filter((c): c is XeroColumn => c !== null);
  const both = columns.length === 2;
  return (
    <table className={both ? 'compare compare-three' : 'compare'}>
      <caption className="visually-hidden">
        {both
          ? `The CocoonOPS billing account and two Xero contacts, field by field: the one shown beside it (${shown!.role}), and the one that ${holder!.role}`
          : 'The CocoonOPS billing account and the Xero contact, field by field'}
      </caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">CocoonOPS</th>
          {columns.length === 0 ? (
            <ColumnHead column={null} xeroWebApp={false} />
          ) : (
            columns.map((c) => <ColumnHead key={c.contact.contactId} column={c} xeroWebApp={xeroWebApp} />)
          )}
        </tr>
      </thead>
      <tbody>
        {LINES.map((l) => {
          const cocoon = cocoonValue(l.label, account);
          const first = columns[0] ? l.xero(columns[0].contact) : '';
          const rowDiffers = columns[0] !== undefined && differs(l, cocoon, first);
          // The CocoonOPS value is marked against the first Xero column (the contact shown), each Xero value against CocoonOPS.
          const diffWith = (xero: string) =>
            l.compare && (differs(l, cocoon, xero) || l.label === 'Name') && cocoon !== xero && cocoon !== '' && xero !== ''
              ? diffNames(cocoon, xero)
              : null;
          const mine = diffWith(first);
          return (
            <tr key={l.label} className={rowDiffers ? 'differs' : undefined}>
              <th scope="row">
                {l.label}
                {rowDiffers && (
                  <span className="differs-mark" aria-label="differs" title="differs">
                    ≠
                  </span>
                )}
              </th>
              <td className={l.label === 'Name' ? 'keep-spaces' : undefined}>
                {mine ? <NameDiff segments={mine.a} /> : cocoon || <span className="muted">—</span>}
              </td>
              {columns.length === 0 && (
                <td>
                  <span className="muted">—</span>
                </td>
              )}
              {columns.map((c) => {
                const value = l.xero(c.contact);
                const diff = diffWith(value);
                return (
                  <td
                    key={c.contact.contactId}
                    className={
                      [differs(l, cocoon, value) && 'cell-differs', l.label === 'Name' && 'keep-spaces'].filter(Boolean).join(' ') ||
                      undefined
                    }
                  >
                    {diff ? <NameDiff segments={diff.b} /> : value || <span className="muted">—</span>}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
