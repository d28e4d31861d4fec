// An import dialog: the file input, "Reading…" or the failure, and the column-mapping preview: which column holds
// which field (changeable), the encoding a CSV is read in (changeable), every problem by row, and the first rows as mapped. Nothing is stored until the import
// button, which stays disabled while the preview has errors.
import type { ReactNode } from 'react';
import type { ImportComparison } from '../../../shared/contract';
import { ChosenEncoding, encodingLabel } from '../../../shared/domain';
import type { PreviewedImport } from '../hooks/usePreviewedImport';
import { Dialog } from './Dialog';
import { ProgressLine } from './ProgressLine';

export interface PreviewField<F extends string> {
  field: F;
  label: string;
  required?: boolean;
  /** How a cell is shown in the preview (e.g. a date as it will be read, in the user's format); as written otherwise. */
  show?: (cell: string) => string;
}

interface Props<F extends string> {
  title: string;
  onClose: () => void;
  state: PreviewedImport<F>;
  /** Stores the chosen file (with the mapping chosen in the preview). */
  onImport: Parameters<PreviewedImport<F>['store']>[0];
  importLabel: string;
  /** The fields in the order the mapping shows them. */
  fields: readonly PreviewField<F>[];
  accept: string;
  /** The file input's accessible name. */
  fileLabel: string;
  autoFocus?: boolean;
  /** Shown above the file input. */
  children: ReactNode;
}

export function PreviewedImportDialog<F extends string>({
  title,
  onClose,
  state,
  onImport,
  importLabel,
  fields,
  accept,
  fileLabel,
  autoFocus,
  children,
}: Props<F>) {
  const { preview, problems } = state;
  const errors = preview?.problems.filter((p) => p.severity === 'error').length ?? 0;
  const mapped = fields.filter((f) => preview?.mapping[f.field]);
  const problemList = problems.length > 0 && (
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
  );
  return (
    <Dialog
      title={title}
      onClose={onClose}
      wide
      action={{ label: importLabel, disabled: state.blocked, onClick: () => void state.store(onImport) }}
    >
      {children}
      <label className="stacked">
        <span>File</span>
        <input
          type="file"
          accept={accept}
          aria-label={fileLabel}
          data-autofocus={autoFocus}
          onChange={(e) => void state.choose(e.target.files)}
        />
      </label>
      {state.busy && <ProgressLine inline waiting="Reading…" />}
      {state.error && (
        <div className="error-box" role="alert">
          <p className="pre-line">{state.error.message}</p>
        </div>
      )}
      {!preview ? (
        problemList
      ) : (
        <div className="mapping">
          <p className="small muted">
            {preview.format === null
              ? `The file could not be read: ${errors === 1 ? 'the problem below says' : 'the problems below say'} why, and what to do.`
              : `${preview.format.toUpperCase()} · ${preview.encoding ? `read as ${encodingLabel(preview.encoding)}` : 'not read'} · ` +
                `${preview.totalRows.toLocaleString()} rows · ` +
                (errors === 0 ? 'no errors' : `${errors} error${errors > 1 ? 's' : ''}: nothing can be imported until they are fixed`)}
          </p>
          {preview.comparison && <Comparison c={preview.comparison} />}
          {preview.format !== 'xlsx' && (
            <label className="field">
              <span>Encoding</span>
              <select
                aria-label="Encoding"
                value={state.encoding ?? ''}
                onChange={(e) => state.chooseEncoding(e.target.value === '' ? undefined : ChosenEncoding.parse(e.target.value))}
              >
                <option value="">Detect (UTF-8, else Windows-1252)</option>
                <option value="utf-8">UTF-8 (bytes that are not UTF-8 become �)</option>
                <option value="windows-1252">Windows-1252 (Excel's plain CSV on Windows)</option>
              </select>
            </label>
          )}
          {/* Nothing read: no columns to map (only the encoding, which may be what it takes). */}
          {preview.format !== null && (
            <div className="mapping-grid">
              {fields.map(({ field, label, required }) => (
                <label key={field} className="field">
                  <span>
                    {label}
                    {required ? ' *' : ''}
                  </span>
                  <select
                    aria-label={`Column for ${label}`}
                    value={preview.mapping[field] ?? ''}
                    onChange={(e) => state.map(field, e.target.value || null)}
                  >
                    <option value="">— not in the file —</option>
                    {preview.header
                      .filter((h) => h.trim() !== '')
                      .map((h) => (
                        <option key={h} value={h}>
                          {h}
                        </option>
                      ))}
                  </select>
                </label>
              ))}
            </div>
          )}
          {problemList}
          {mapped.length > 0 && preview.rows.length > 0 && (
            <div className="table-scroll">
              <table className="preview-table">
                <caption className="visually-hidden">The first rows as they will be imported</caption>
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    {mapped.map((f) => (
                      <th key={f.field} scope="col">
                        {f.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((r) => (
                    <tr key={r.row}>
                      <td className="num">{r.row}</td>
                      {mapped.map((f) => (
                        <td key={f.field}>{f.show ? f.show(String(r[f.field] ?? '')) : r[f.field]}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </Dialog>
  );
}

const n = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString()} ${count === 1 ? one : many}`;

/** What the export would change against the workspace; decided accounts it leaves out are said plainly. */
function Comparison({ c }: { c: ImportComparison }) {
  const lost = c.goneDecided - c.recodedAsDecided;
  const gone =
    c.gone === 0
      ? null
      : `${n(c.gone, 'account')} not in this file` +
        (c.goneDecided > 0
          ? ` (${c.goneDecided.toLocaleString()} with a decision${c.recodedAsDecided > 0 ? `, ${c.recodedAsDecided.toLocaleString()} of them recoded as decided` : ''})`
          : '');
  const parts = [
    c.added > 0 ? `${c.added.toLocaleString()} new` : null,
    c.renamed > 0 ? `${c.renamed.toLocaleString()} renamed` : null,
    gone,
  ];
  return (
    <>
      <p className="small" data-testid="import-comparison">
        Against this workspace: {parts.filter(Boolean).join(' · ') || 'the same accounts and names'}
      </p>
      {lost > 0 && (
        <p className="problem small" role="note" data-testid="import-gone-decided">
          {n(lost, 'account')} with a decision {lost === 1 ? 'is' : 'are'} not in this file ({c.goneDecidedSample.join(', ')}
          {lost > c.goneDecidedSample.length ? ', …' : ''}): {lost === 1 ? 'its decision is' : 'their decisions are'} kept, and shown again
          when an export has {lost === 1 ? 'its code' : 'their codes'}. Is this the whole export?
        </p>
      )}
    </>
  );
}
