// Import an Exceptions Manager export (CSV / XLSX): the detected columns (changeable), the first rows as mapped and
// every problem by row, before anything is stored.
import type { ExceptionField, ExceptionImportSummary } from '../../../shared/exceptions';
import { useApi } from '../api/context';
import { usePreviewedImport } from '../hooks/usePreviewedImport';
import { formatWritten } from '../lib/dates';
import { PreviewedImportDialog, type PreviewField } from './PreviewedImportDialog';

/** The fields in the order the mapping shows them (the shared list's labels, without importing zod). */
const FIELDS: PreviewField<ExceptionField>[] = [
  { field: 'message', label: 'Exception text', required: true },
  { field: 'document', label: 'Document number' },
  { field: 'invoiceNumber', label: 'Invoice number' },
  { field: 'creditNoteNumber', label: 'Credit note number' },
  { field: 'type', label: 'Document type' },
  { field: 'accountCode', label: 'Billing account code' },
  { field: 'contactName', label: 'Organisation / contact' },
  { field: 'date', label: 'Document date', show: (cell) => formatWritten(cell) },
  { field: 'total', label: 'Total' },
  { field: 'currency', label: 'Currency' },
  { field: 'state', label: 'Invoice state' },
  { field: 'raisedAt', label: 'Exception raised', show: (cell) => formatWritten(cell) },
];

export function ExceptionImportDialog({
  onClose,
  onImported,
}: {
  onClose: () => void;
  onImported: (summary: ExceptionImportSummary) => void;
}) {
  const api = useApi();
  const file = usePreviewedImport<ExceptionField>(async (input) => {
    const preview = await api.exceptions.previewImport(input);
    return { ...preview, mapping: preview.columns.mapping };
  });
  return (
    <PreviewedImportDialog
      title="Import CocoonOPS exceptions"
      onClose={onClose}
      state={file}
      onImport={async (input) => onImported(await api.exceptions.import(input))}
      importLabel={`Import ${file.preview ? `${file.preview.totalRows.toLocaleString()} rows` : ''}`}
      fields={FIELDS}
      accept=".csv,.xlsx,.txt"
      fileLabel="Exceptions file to import"
      autoFocus
    >
      <p className="small muted">
        An Exceptions Manager export (CSV or XLSX): exception text, invoice or credit note number, billing account, date.
      </p>
    </PreviewedImportDialog>
  );
}
