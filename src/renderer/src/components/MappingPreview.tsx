// The column-mapping preview: which column holds which field (changeable), the first rows as mapped, and every
// problem by row. Nothing is stored until the import button.
import type { CocoonPreview, MappingField } from '../../../shared/contract';

const FIELDS: { field: MappingField; label: string; required?: boolean }[] = [
  { field: 'name', label: 'Organisation name', required: true },
  { field: 'code', label: 'Billing account code', required: true },
  { field: 'contactName', label: 'Contact name' },
  { field: 'email', label: 'Email' },
  { field: 'phone', label: 'Phone' },
  { field: 'address', label: 'Address' },
  { field: 'postcode', label: 'Postcode' },
  { field: 'status', label: 'Status' },
];

export function MappingPreview({ preview, onMapping }: { preview: CocoonPreview; onMapping: (field: MappingField, header: string | null) => void }) {
  const errors = preview.problems.filter((p) => p.severity === 'error');
  return (
    <div className="mapping">
      <p className="small muted">
        {preview.format?.toUpperCase()} · {preview.encoding} · {preview.totalRows.toLocaleString()} rows ·{' '}
        {errors.length === 0 ? 'no errors' : `${errors.length} error${errors.length > 1 ? 's' : ''}: nothing can be imported until they are fixed`}
      </p>
      <div className="mapping-grid">
        {FIELDS.map(({ field, label, required }) => (
          <label key={field} className="field">
            <span>
              {label}
              {required ? ' *' : ''}
            </span>
            <select aria-label={`Column for ${label}`} value={preview.mapping[field] ?? ''} onChange={(e) => onMapping(field, e.target.value || null)}>
              <option value="">— not in the file —</option>
              {preview.header.filter((h) => h.trim() !== '').map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {preview.problems.length > 0 && (
        <section aria-label="Problems by row">
          <h3>Problems</h3>
          <ul className="problems small">
            {preview.problems.slice(0, 200).map((p, i) => (
              <li key={i} className={p.severity}>
                <span className="tag">{p.severity}</span> {p.row > 0 ? `row ${p.row}${p.column ? ` (${p.column})` : ''}: ` : ''}
                {p.message}
              </li>
            ))}
          </ul>
          {preview.problems.length > 200 && <p className="muted small">… and {preview.problems.length - 200} more.</p>}
        </section>
      )}
      <div className="table-scroll">
        <table className="preview-table">
          <caption className="visually-hidden">The first rows as they will be imported</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              {FIELDS.filter((f) => preview.mapping[f.field]).map((f) => (
                <th key={f.field} scope="col">
                  {f.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <tr key={String(r.row)}>
                <td className="num">{r.row}</td>
                {FIELDS.filter((f) => preview.mapping[f.field]).map((f) => (
                  <td key={f.field}>{r[f.field]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
