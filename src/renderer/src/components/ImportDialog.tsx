// Import a CocoonOPS export (with a column-mapping preview: the first rows as mapped and every problem by row,
// before anything is stored), or a Xero contacts file.
import { useState } from 'react';
import type { MappingField } from '../../../shared/contract';
import { useApi } from '../api/context';
import { usePreviewedImport } from '../hooks/usePreviewedImport';
import { PreviewedImportDialog, type PreviewField } from './PreviewedImportDialog';

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

export function ImportDialog({ initialKind = 'cocoon', onClose, onImported }: { initialKind?: Kind; onClose: () => void; onImported: (message: string) => void }) {
  const api = useApi();
  const [kind, setKind] = useState<Kind>(initialKind);
  const file = usePreviewedImport<MappingField>(kind === 'cocoon' ? (input) => api.imports.previewCocoon(input) : null);
  return (
    <PreviewedImportDialog
      title="Import"
      onClose={onClose}
      state={file}
      onImport={async ({ fileName, content, mapping, encoding }) => {
        if (kind === 'cocoon') {
          const r = await api.imports.cocoon({ fileName, content, mapping, encoding });
          const warnings = r.warnings.length ? `, ${r.warnings.length.toLocaleString()} warning${r.warnings.length > 1 ? 's' : ''}` : '';
          onImported(`Imported ${r.rows.toLocaleString()} billing accounts from ${fileName} (read as ${r.readAs}${warnings})`);
        } else {
          const r = await api.imports.xeroFile({ fileName, content });
          onImported(`Imported ${r.rows.toLocaleString()} Xero contacts from ${fileName}`);
        }
      }}
      importLabel={kind === 'cocoon' ? `Import ${file.preview ? file.preview.totalRows.toLocaleString() : ''} rows` : 'Import contacts'}
      fields={FIELDS}
      accept={kind === 'cocoon' ? '.csv,.xlsx,.txt' : '.json'}
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
                file.reset();
              }}
            />
            {k === 'cocoon' ? 'CocoonOPS billing accounts (CSV / XLSX)' : 'Xero contacts (saved GET /Contacts JSON)'}
          </label>
        ))}
      </div>
    </PreviewedImportDialog>
  );
}
