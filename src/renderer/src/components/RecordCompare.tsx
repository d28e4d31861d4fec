// Every field of the two records side by side; rows that differ are marked (in words too, for screen readers).
import type { BillingAccount, XeroContact } from '../../../shared/domain';
import { formatDateTime } from '../lib/dates';
import { diffNames } from '../lib/name-diff';
import { sameValue } from '../lib/same-value';
import { NameDiff } from './NameDiff';

interface Props {
  account: BillingAccount;
  contact: XeroContact | null;
}

interface Line {
  label: string;
  field?: string;
  cocoon: string;
  xero: string;
  /** Compare these two (false: informational only). */
  compare: boolean;
}

export function RecordCompare({ account, contact }: Props) {
  const lines: Line[] = [
    { label: 'Name', cocoon: account.name, xero: contact?.name ?? '', compare: true },
    { label: 'Code / AccountNumber', cocoon: account.code, xero: contact?.accountNumber ?? '', compare: true },
    { label: 'Email', field: 'email', cocoon: account.email, xero: contact?.email ?? '', compare: true },
    { label: 'Phone', field: 'phone', cocoon: account.phone, xero: contact?.phone ?? '', compare: true },
    { label: 'Address', field: 'address', cocoon: account.address, xero: contact?.address ?? '', compare: true },
    { label: 'Postcode', cocoon: account.postcode, xero: contact?.postcode ?? '', compare: true },
    { label: 'Contact person', cocoon: account.contactName, xero: '', compare: false },
    {
      label: 'Status',
      cocoon: account.status,
      xero: contact ? [contact.status, contact.isCustomer ? 'customer' : 'not a customer', contact.isSupplier ? 'supplier' : ''].filter(Boolean).join(', ') : '',
      compare: false,
    },
    { label: 'Row / updated', cocoon: `row ${account.row}`, xero: contact?.updatedDateUtc ? formatDateTime(contact.updatedDateUtc) : '', compare: false },
  ];
  return (
    <table className="compare">
      <caption className="visually-hidden">The CocoonOPS billing account and the Xero contact, field by field</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">CocoonOPS</th>
          <th scope="col">Xero</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => {
          const differs = l.compare && contact !== null && l.cocoon.trim() !== '' && l.xero.trim() !== '' && !sameValue(l.field ?? l.label, l.cocoon, l.xero);
          const exactDiff = (differs || l.label === 'Name') && l.cocoon !== l.xero && l.cocoon !== '' && l.xero !== '';
          const diff = exactDiff ? diffNames(l.cocoon, l.xero) : null;
          return (
            <tr key={l.label} className={differs ? 'differs' : undefined}>
              <th scope="row">
                {l.label}
                {differs && <span className="differs-mark" aria-label="differs" title="differs">≠</span>}
              </th>
              <td>{diff ? <NameDiff segments={diff.a} /> : l.cocoon || <span className="muted">—</span>}</td>
              <td>{diff ? <NameDiff segments={diff.b} /> : l.xero || <span className="muted">—</span>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
