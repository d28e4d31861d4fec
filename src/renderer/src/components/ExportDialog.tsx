// "Export…": what is on screen as an Excel workbook or a CSV file. Says what the file will hold, asks which format,
// then saves it (Electron: the save dialog; in a browser: a download) and reports where it went.
import { useState, type ReactNode } from 'react';
import type { ExportFormat, ExportRequest, ExportSaved } from '../../../shared/contract-exports';
import { useApi } from '../api/context';
import { downloadBase64 } from '../lib/download';
import { errorMessage } from '../lib/file-content';
import { count } from '../lib/format';
import { Dialog } from './Dialog';

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'xlsx', label: 'Excel workbook (.xlsx)' },
  { format: 'csv', label: 'CSV (.csv)' },
];

interface Props {
  title: string;
  /** What the file holds, in a sentence ("The 1,234 accounts shown, in the order shown, …"). */
  children: ReactNode;
  request: (format: ExportFormat) => ExportRequest;
  onClose: () => void;
  /** Called with what happened ("Saved 1,234 rows to …"), once the file is saved or downloaded. */
  onDone: (message: string) => void;
}

/** The sentence for a finished export (null: the save dialog was cancelled). */
export function exportedMessage(r: ExportSaved): string | null {
  if (r.kind === 'cancelled') return null;
  if (r.kind === 'saved') return `Saved ${count(r.rows, 'row')} to ${r.path}`;
  return `Downloaded ${r.fileName} (${count(r.rows, 'row')})`;
}

export function ExportDialog({ title, children, request, onClose, onDone }: Props) {
  const api = useApi();
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.exports.save(request(format));
      if (r.kind === 'download') downloadBase64(r);
      const message = exportedMessage(r);
      if (message) onDone(message);
      else setBusy(false);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  return (
    <Dialog title={title} onClose={onClose} action={{ label: busy ? 'Exporting…' : 'Export', disabled: busy, onClick: () => void run() }}>
      <p data-testid="export-scope">{children}</p>
      <div className="segmented" role="radiogroup" aria-label="File format">
        {FORMATS.map((f) => (
          <label key={f.format} className={format === f.format ? 'active' : undefined}>
            <input
              type="radio"
              name="export-format"
              value={f.format}
              checked={format === f.format}
              onChange={() => setFormat(f.format)}
              data-autofocus={format === f.format || undefined}
            />
            {f.label}
          </label>
        ))}
      </div>
      {busy && (
        <p className="small muted" role="status">
          Writing the file…
        </p>
      )}
      {error && (
        <p className="problem small" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
