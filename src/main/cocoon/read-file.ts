// Reads an export file from disk: refuses folders, missing files and files over the size limit with clear messages.
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ImportError } from './import-problems';
import { readWholeFile } from './read-whole-file';

/** Larger files are refused before they are read. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export interface ExportFile {
  bytes: Uint8Array;
  /** The file's base name, for messages. */
  name: string;
}

/** `what` names the export in the size message, e.g. "the billing-account export". */
export async function readExportFile(path: string, what = 'the billing-account export'): Promise<ExportFile> {
  const name = basename(path);
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : `cannot be opened (${code ?? String(e)})`;
    throw ImportError.file(`${path} ${why}. Choose the CSV or XLSX file exported from CocoonOPS.`, e);
  }
  if (info.isDirectory()) throw ImportError.file(`${path} is a folder. Choose the CSV or XLSX file exported from CocoonOPS inside it.`);
  if (!info.isFile()) throw ImportError.file(`${path} is not a regular file. Choose the CSV or XLSX file exported from CocoonOPS.`);
  if (info.size > MAX_IMPORT_BYTES) {
    const mb = (n: number): string => `${Math.round(n / (1024 * 1024))} MB`;
    throw ImportError.file(`${name} is ${mb(info.size)}; files over ${mb(MAX_IMPORT_BYTES)} are refused. Is this ${what}?`);
  }
  return { bytes: await readWholeFile(path), name };
}
