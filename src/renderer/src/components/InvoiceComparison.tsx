// The invoice-number check: the verdict in words, and the CocoonOPS record against the Xero document field by
// field in one order (differences marked, in words too; the fields that could not be compared say why, beside Xero's
// value to compare by hand).
import type { CheckField, ExceptionItem, InvoiceCheck, XeroDocument } from '../../../shared/exceptions';
import { formatDate, formatDateTime } from '../lib/dates';
import { VerdictBadge } from './ExceptionBadges';

/** A difference's value as the table shows it (dates in the user's format). */
const shown = (f: CheckField, value: string): string => (f === 'date' ? formatDate(value) : value);

const FIELD_LABELS: Record<CheckField, string> = {
  type: 'Type',
  contact: 'Contact',
  date: 'Date',
  total: 'Total',
  currency: 'Currency',
  status: 'Status',
};

const docTypeText = (t: string | null): string => (t === 'credit_note' ? 'credit note' : t === 'invoice' ? 'invoice' : '');

function cocoonValue(e: ExceptionItem, f: CheckField): string {
  switch (f) {
    case 'type':
      return docTypeText(e.docType);
    case 'contact':
      return [e.contactName, e.accountCode && `(${e.accountCode})`].filter(Boolean).join(' ');
    case 'date':
      return formatDate(e.date);
    case 'total':
      return e.total === null ? '' : e.total.toFixed(2);
    case 'currency':
      return e.currency;
    case 'status':
      return e.state;
  }
}

function xeroValue(x: XeroDocument | null, f: CheckField): string {
  if (!x) return '';
  switch (f) {
    case 'type':
      return `${docTypeText(x.docType)} (${x.type})`;
    case 'contact':
      return [x.contactName, x.contactAccountNumber && `(${x.contactAccountNumber})`].filter(Boolean).join(' ');
    case 'date':
      return formatDate(x.date);
    case 'total':
      return x.total.toFixed(2);
    case 'currency':
      return x.currency;
    case 'status':
      return x.status;
  }
}

export function InvoiceComparison({ exception, check }: { exception: ExceptionItem; check: InvoiceCheck }) {
  const x = check.xero;
  return (
    <div className="invoice-check" data-testid="invoice-check" data-verdict={check.verdict}>
      <p>
        <VerdictBadge verdict={check.verdict} /> {check.summary}
      </p>
      {x && (
        <table className="compare">
          <caption className="visually-hidden">The CocoonOPS document and the Xero document {x.number}, field by field</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">CocoonOPS</th>
              <th scope="col">Xero {x.number}</th>
            </tr>
          </thead>
          <tbody>
            {(Object.keys(FIELD_LABELS) as CheckField[]).map((f) => {
              const n = check.notCompared.find((v) => v.field === f);
              if (n) {
                return (
                  <tr key={f} className="not-compared">
                    <th scope="row">{FIELD_LABELS[f]}</th>
                    <td className="muted" title={`not compared: ${n.why}`}>
                      {n.why.startsWith('the exception ') ? 'not given: compare by hand' : `not compared: ${n.why}`}
                    </td>
                    <td>{xeroValue(x, f) || <span className="muted">—</span>}</td>
                  </tr>
                );
              }
              if (!check.compared.includes(f)) return null;
              const d = check.differences.find((v) => v.field === f);
              return (
                <tr key={f} className={d ? 'differs' : undefined}>
                  <th scope="row">
                    {FIELD_LABELS[f]}
                    {d && (
                      <span className="differs-mark" aria-label="differs" title="differs">
                        ≠
                      </span>
                    )}
                  </th>
                  <td>{(d ? shown(f, d.cocoon) : cocoonValue(exception, f)) || <span className="muted">—</span>}</td>
                  <td>{(d ? shown(f, d.xero) : xeroValue(x, f)) || <span className="muted">—</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {check.notes.length > 0 && (
        <ul className="small notes-list">
          {check.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
      {check.others.length > 0 && (
        <p className="small note">
          Also in Xero with this number:{' '}
          {check.others.map((o) => `${docTypeText(o.docType)} ${o.number} (${o.contactName}, ${o.status.toLowerCase()})`).join('; ')}
        </p>
      )}
      <p className="muted small">Xero synced: {check.syncedAt ? formatDateTime(check.syncedAt) : 'unknown'}</p>
    </div>
  );
}
