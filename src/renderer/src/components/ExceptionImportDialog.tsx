// Import an Exceptions Manager export (CSV / XLSX): the detected columns (changeable), the first rows as mapped and
// every problem by row, before anything is stored.
import { useState } from 'react';
import { ApiError } from '../../../shared/api-client';
import type { ExceptionColumnMapping } from '../../../shared/contract-exceptions';
import type { ExceptionField, ExceptionImportSummary, ExceptionsPreview } from '../../../shared/exceptions';
import { useApi } from '../api/context';
import { errorMessage, readAsBase64 } from '../lib/file-content';
import { Dialog } from './Dialog';

/** The fields in the order the mapping shows them (the shared list's labels, without importing zod). */
const FIELDS: { field: ExceptionField; label: string }[] = [
  { field: 'message', label: 'Exception text *' },
  { field: 'document', label: 'Document number' },
  { field: 'invoiceNumber', label: 'Invoice number' },
  { field: 'creditNoteNumber', label: 'Credit note number' },
  { field: 'type', label: 'Document type' },
  { field: 'accountCode', label: 'Billing account code' },
  { field: 'contactName', label: 'Organisation / contact' },
  { field: 'date', label: 'Document date' },
  { field: 'total', label: 'Total' },
  { field: 'currency', label: 'Currency' },
  { field: 'state', label: 'Invoice state' },
  { field: 'raisedAt', label: 'Exception raised' },
];

interface Loaded {
  fileName: string;
  content: string;
}

type Failure = { message: string; problems: ApiError['problems'] };

export function ExceptionImportDialog({ onClose, onImported }: { onClose: () => void; onImported: (summary: ExceptionImportSummary) => void }) {
  const api = useApi();
  const [file, setFile] = useState<Loaded | null>(null);
  const [mapping, setMapping] = useState<ExceptionColumnMapping>({});
  const [preview, setPreview] = useState<ExceptionsPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Failure | null>(null);
  const fail = (e: unknown) => setError({ message: errorMessage(e), problems: e instanceof ApiError ? e.problems : [] });

  const runPreview = async (f: Loaded, m: ExceptionColumnMapping) => {
    setBusy(true);
    setError(null);
    try {
      setPreview(await api.exceptions.previewImport({ fileName: f.fileName, content: f.content, mapping: m }));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const choose = async (files: FileList | null) => {
    const chosen = files?.[0];
    if (!chosen) return;
    const loaded = { fileName: chosen.name, content: await readAsBase64(chosen) };
    setFile(loaded);
    setMapping({});
    setPreview(null);
    await runPreview(loaded, {});
  };

  const store = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      onImported(await api.exceptions.import({ fileName: file.fileName, content: file.content, mapping }));
    } catch (e) {
      fail(e);
      setBusy(false);
    }
  };

  const problems = error?.problems.length ? error.problems : (preview?.problems ?? []);
  const errors = preview ? preview.problems.filter((p) => p.severity === 'error').length : 0;
  const mapped = preview ? FIELDS.filter((f) => preview.columns.mapping[f.field]) : [];
  return (
    <Dialog
      title="Import CocoonOPS exceptions"
      onClose={onClose}
      wide
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={!file || !preview || busy || errors > 0} onClick={() => void store()}>
            Import {preview ? `${preview.totalRows.toLocaleString()} rows` : ''}
          </button>
        </>
      }
    >
      <p className="small muted">An Exceptions Manager export (CSV or XLSX): exception text, invoice or credit note number, billing account, date.</p>
      <label className="stacked">
        <span>File</span>
        <input type="file" accept=".csv,.xlsx,.txt" aria-label="Exceptions file to import" data-autofocus onChange={(e) => void choose(e.target.files)} />
      </label>
      {busy && <p role="status">Reading…</p>}
      {error && (
        <div className="error-box" role="alert">
          <p className="pre-line">{error.message}</p>
        </div>
      )}
      {preview && file && (
        <div className="mapping">
          <p className="small muted">
            {preview.format?.toUpperCase() ?? '?'} · {preview.encoding ?? '?'} · {preview.totalRows.toLocaleString()} rows ·{' '}
            {errors === 0 ? 'no errors' : `${errors} error${errors > 1 ? 's' : ''}: nothing can be imported until they are fixed`}
          </p>
          <div className="mapping-grid">
            {FIELDS.map(({ field, label }) => (
              <label key={field} className="field">
                <span>{label}</span>
                <select
                  aria-label={`Column for ${label.replace(' *', '')}`}
                  value={preview.columns.mapping[field] ?? ''}
                  onChange={(e) => {
                    const next = { ...mapping, [field]: e.target.value || null };
                    setMapping(next);
                    void runPreview(file, next);
                  }}
                >
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
          {mapped.length > 0 && preview.rows.length > 0 && (
            <div className="table-scroll">
              <table className="preview-table">
                <caption className="visually-hidden">The first rows as they will be imported</caption>
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    {mapped.map((f) => (
                      <th key={f.field} scope="col">
                        {f.label.replace(' *', '')}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((r) => (
                    <tr key={r.row}>
                      <td className="num">{r.row}</td>
                      {mapped.map((f) => (
                        <td key={f.field}>{r[f.field]}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
      {problems.length > 0 && (
        <section aria-label="Problems by row">
          <h3>Problems</h3>
          <ul className="problems small">
            {problems.slice(0, 200).map((p, i) => (
              <li key={i} className={p.severity}>
                <span className="tag">{p.severity}</span> {p.row > 0 ? `row ${p.row}${p.column ? ` (${p.column})` : ''}: ` : ''}
                {p.message}
              </li>
            ))}
          </ul>
          {problems.length > 200 && <p className="muted small">… and {problems.length - 200} more.</p>}
        </section>
      )}
    </Dialog>
  );
}
