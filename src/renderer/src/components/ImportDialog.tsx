// Import a CocoonOPS export (with a column-mapping preview: the first rows as mapped and every problem by row,
// before anything is stored), or a Xero contacts file.
import { useState } from 'react';
import type { CocoonPreview, ColumnMapping } from '../../../shared/contract';
import { useApi } from '../api/context';
import { errorMessage, readAsBase64 } from '../lib/file-content';
import { ApiError } from '../../../shared/api-client';
import { Dialog } from './Dialog';
import { MappingPreview } from './MappingPreview';

type Kind = 'cocoon' | 'xero';

interface Loaded {
  fileName: string;
  content: string;
}

export function ImportDialog({ initialKind = 'cocoon', onClose, onImported }: { initialKind?: Kind; onClose: () => void; onImported: (message: string) => void }) {
  const api = useApi();
  const [kind, setKind] = useState<Kind>(initialKind);
  const [file, setFile] = useState<Loaded | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [preview, setPreview] = useState<CocoonPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; problems: ApiError['problems'] } | null>(null);

  const runPreview = async (f: Loaded, m: ColumnMapping) => {
    setBusy(true);
    setError(null);
    try {
      setPreview(await api.imports.previewCocoon({ fileName: f.fileName, content: f.content, mapping: m }));
    } catch (e) {
      setError({ message: errorMessage(e), problems: e instanceof ApiError ? e.problems : [] });
    } finally {
      setBusy(false);
    }
  };

  const choose = async (files: FileList | null) => {
    const chosen = files?.[0];
    if (!chosen) return;
    const loaded = { fileName: chosen.name, content: await readAsBase64(chosen) };
    setFile(loaded);
    setPreview(null);
    setMapping({});
    if (kind === 'cocoon') await runPreview(loaded, {});
  };

  const store = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      if (kind === 'cocoon') {
        const r = await api.imports.cocoon({ fileName: file.fileName, content: file.content, mapping });
        onImported(`Imported ${r.rows.toLocaleString()} billing accounts from ${file.fileName}${r.warnings.length ? ` (${r.warnings.length} warnings)` : ''}`);
      } else {
        const r = await api.imports.xeroFile({ fileName: file.fileName, content: file.content });
        onImported(`Imported ${r.rows.toLocaleString()} Xero contacts from ${file.fileName}`);
      }
    } catch (e) {
      setError({ message: errorMessage(e), problems: e instanceof ApiError ? e.problems : [] });
      setBusy(false);
    }
  };

  const blocked = kind === 'cocoon' && (!preview || preview.errors > 0);
  return (
    <Dialog
      title="Import"
      onClose={onClose}
      wide
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={!file || busy || blocked} onClick={() => void store()}>
            {kind === 'cocoon' ? `Import ${preview ? preview.totalRows.toLocaleString() : ''} rows` : 'Import contacts'}
          </button>
        </>
      }
    >
      <div className="segmented" role="radiogroup" aria-label="What to import">
        {(['cocoon', 'xero'] as const).map((k) => (
          <label key={k} className={kind === k ? 'active' : undefined}>
            <input
              type="radio"
              name="import-kind"
              checked={kind === k}
              onChange={() => {
                setKind(k);
                setFile(null);
                setPreview(null);
                setError(null);
              }}
            />
            {k === 'cocoon' ? 'CocoonOPS billing accounts (CSV / XLSX)' : 'Xero contacts (saved GET /Contacts JSON)'}
          </label>
        ))}
      </div>
      <label className="stacked">
        <span>File</span>
        <input type="file" accept={kind === 'cocoon' ? '.csv,.xlsx,.txt' : '.json'} aria-label="File to import" onChange={(e) => void choose(e.target.files)} />
      </label>
      {busy && <p role="status">Reading…</p>}
      {error && (
        <div className="error-box" role="alert">
          <p className="pre-line">{error.message}</p>
        </div>
      )}
      {kind === 'cocoon' && preview && file && (
        <MappingPreview
          preview={preview}
          onMapping={(field, header) => {
            const next = { ...mapping, [field]: header };
            setMapping(next);
            void runPreview(file, next);
          }}
        />
      )}
    </Dialog>
  );
}
