// Import a CocoonOPS export (with a column-mapping preview: the first rows as mapped and every problem by row,
// before anything is stored), or Xero's contacts: the export of a list in Xero's web app (asking which list), or a
// saved GET /Contacts response.
import { useState } from 'react';
import type { MappingField } from '../../../shared/contract';
import { useApi } from '../api/context';
import { usePreviewedImport } from '../hooks/usePreviewedImport';
import { PreviewedImportDialog, type PreviewField } from './PreviewedImportDialog';
import { EXPORT_VIEW_LABELS, EXPORT_VIEWS, isExportFileName, viewFromFileName, type ExportView } from '../../../shared/xero-export';

type Kind = 'cocoon' | 'xero';

const FIELDS: PreviewField<MappingField>[] = [
  { field: 'name', label: 'Organisation name', required: true },
  { field: 'code', label: 'Billing account code', required: true },
  { field: 'contactName', label: 'Contact name' },
  { field: 'email', label: 'Email' },
  { field: 'phone', label: 'Phone' },
  { field: 'address', label: 'Address' },
  { field: 'postcode', label: 'Postcode' },
  { field: 'status', label: 'Status' },
];

export function ImportDialog({
  initialKind = 'cocoon',
  onClose,
  onImported,
}: {
  initialKind?: Kind;
  onClose: () => void;
  onImported: (message: string) => void;
}) {
  const api = useApi();
  const [kind, setKind] = useState<Kind>(initialKind);
  const file = usePreviewedImport<MappingField>(kind === 'cocoon' ? (input) => api.imports.previewCocoon(input) : null);
  const fileName = file.file?.fileName ?? null;
  const isExport = kind === 'xero' && fileName !== null && isExportFileName(fileName);
  // The list the export came from: the user's choice, else what the file name says, else All contacts.
  const [chosenView, setChosenView] = useState<ExportView | null>(null);
  const view = chosenView ?? (fileName ? viewFromFileName(fileName) : null) ?? 'all';
  return (
    <PreviewedImportDialog
      title="Import"
      onClose={onClose}
      state={{
        ...file,
        choose: async (files: FileList | null) => {
          setChosenView(null);
          await file.choose(files);
        },
      }}
      onImport={async ({ fileName, content, mapping, encoding }) => {
        if (kind === 'cocoon') {
          const r = await api.imports.cocoon({ fileName, content, mapping, encoding });
          const warnings = r.warnings.length ? `, ${r.warnings.length.toLocaleString()} warning${r.warnings.length > 1 ? 's' : ''}` : '';
          onImported(`Imported ${r.rows.toLocaleString()} billing accounts from ${fileName} (read as ${r.readAs}${warnings})`);
        } else {
          const r = await api.imports.xeroFile({ fileName, content, view: isExport ? view : undefined });
          const from = isExport ? ` (Xero's export of ${EXPORT_VIEW_LABELS[view]})` : '';
          onImported(`Imported ${r.rows.toLocaleString()} Xero contacts from ${fileName}${from}`);
        }
      }}
      importLabel={
        kind !== 'cocoon' ? 'Import contacts' : file.preview?.format ? `Import ${file.preview.totalRows.toLocaleString()} rows` : 'Import'
      }
      fields={FIELDS}
      accept={kind === 'cocoon' ? '.csv,.xlsx,.txt' : '.csv,.json'}
      fileLabel="File to import"
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
                setChosenView(null);
                file.reset();
              }}
            />
            {k === 'cocoon'
              ? 'CocoonOPS billing accounts (CSV / XLSX)'
              : "Xero contacts (Xero's contacts export CSV, or GET /Contacts JSON)"}
          </label>
        ))}
      </div>
      {kind === 'xero' && !isExport && (
        <p className="small muted">
          No Xero connection yet? In Xero, open Contacts → All contacts and click Export, then import the file here; do the same from
          Contacts → Archived, since archived contacts are exported only from there.
        </p>
      )}
      {isExport && (
        <fieldset className="export-view">
          <legend>Which list of Xero contacts did you export?</legend>
          <div className="segmented" role="radiogroup" aria-label="Which list of Xero contacts">
            {EXPORT_VIEWS.map((v) => (
              <label key={v} className={view === v ? 'active' : undefined}>
                <input type="radio" name="export-view" checked={view === v} onChange={() => setChosenView(v)} />
                {EXPORT_VIEW_LABELS[v]}
              </label>
            ))}
          </div>
          <p className="small muted">
            {view === 'archived'
              ? 'Its contacts are marked archived. They are added to the contacts imported from the other lists.'
              : view === 'customers'
                ? 'Its contacts are marked customers; the contacts of the other lists are kept.'
                : "It replaces the contacts of an earlier All contacts export; archived contacts come only from the Archived list's export."}
          </p>
        </fieldset>
      )}
    </PreviewedImportDialog>
  );
}
