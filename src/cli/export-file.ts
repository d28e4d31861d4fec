// Writing an export table (src/main/exports) to the file a command's --out names: .xlsx or .csv, the same files
// the app's Export… saves.
import { writeFile } from 'node:fs/promises';
import { renderTable } from '../main/exports/render';
import { formatOfPath, type ExportTable } from '../main/exports/table';
import { CliUsageError } from './run';

/** True when --out names a file of the app's export formats (.xlsx or .csv). */
export const isTablePath = (path: string | undefined): path is string => path !== undefined && formatOfPath(path) !== null;

export async function writeTableFile(table: ExportTable, path: string): Promise<number> {
  const format = formatOfPath(path);
  if (!format) throw new CliUsageError(`--out must name a .xlsx or .csv file (got "${path}").`);
  await writeFile(path, await renderTable(table, format));
  return table.rows.length;
}
