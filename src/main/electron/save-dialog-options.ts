// The save dialog of an export in Electron: where it opens (the Documents folder, with the suggested name), which
// file type it offers, and the path it returns with the format's extension. Pure; index.ts shows the dialog.
import { join } from 'node:path';
import type { ExportFormat } from '../../shared/contract-exports';

const FILTERS: Record<ExportFormat, { name: string; extensions: string[] }> = {
  xlsx: { name: 'Excel workbook', extensions: ['xlsx'] },
  csv: { name: 'CSV (comma-separated values)', extensions: ['csv'] },
};

export function saveDialogOptions(fileName: string, format: ExportFormat, documentsDir: string) {
  return {
    title: 'Export',
    defaultPath: join(documentsDir, fileName),
    filters: [FILTERS[format]],
    properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
  };
}

/** The chosen path, with the format's extension when the user typed a name without it. */
export function withExtension(path: string, format: ExportFormat): string {
  return path.toLowerCase().endsWith(`.${format}`) ? path : `${path}.${format}`;
}
