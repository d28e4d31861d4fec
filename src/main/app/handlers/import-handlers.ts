// imports.*: the column-mapping preview (nothing stored) and the imports themselves, each followed by a recompute.
import { previewAccounts } from '../../cocoon/import-accounts';
import { importCocoonBytes, importXeroContactsBytes } from '../../imports/import-files';
import { importComparison } from '../../imports/import-comparison';
import { recomputeAndAnnounce, workspaceForImport, type AppContext, type HandlerGroup } from './context';
import type { CocoonPreview } from '../../../shared/contract';

const bytesOf = (base64: string): Buffer => Buffer.from(base64, 'base64');

export function importHandlers(ctx: AppContext): HandlerGroup<'imports.previewCocoon' | 'imports.cocoon' | 'imports.xeroFile'> {
  const progress = (message: string, finished: boolean) =>
    ctx.events.emit('progress', { task: 'import', message, done: finished ? 1 : 0, total: 1, finished });
  return {
    'imports.previewCocoon': async ({ fileName, content, mapping, encoding }): Promise<CocoonPreview> => {
      const p = await previewAccounts(bytesOf(content), fileName, { mapping, encoding, limit: 20 });
      return {
        header: p.header,
        rows: p.rows,
        totalRows: p.totalRows,
        mapping: p.columns.mapping,
        unknownColumns: p.columns.unknown,
        problems: p.problems,
        errors: p.problems.filter((x) => x.severity === 'error').length,
        encoding: p.encoding,
        format: p.format,
        // Against the open workspace: what the import would add, rename, and leave out (decided accounts above all).
        comparison: ctx.session.info() && p.accounts.length > 0 ? importComparison(ctx.session.require().ws, p.accounts) : null,
      };
    },
    'imports.cocoon': async ({ fileName, content, mapping, encoding }) => {
      const { ws } = workspaceForImport(ctx);
      progress(`Importing ${fileName}…`, false);
      const summary = await importCocoonBytes(ws, bytesOf(content), fileName, { mapping, encoding }, 'user');
      progress(`Imported ${summary.rows} billing accounts`, true);
      await recomputeAndAnnounce(ctx, ws, 'imported');
      return { rows: summary.rows, warnings: summary.warnings, readAs: summary.readAs };
    },
    'imports.xeroFile': async ({ fileName, content, view }) => {
      const { ws } = workspaceForImport(ctx);
      progress(`Importing ${fileName}…`, false);
      const summary = importXeroContactsBytes(ws, bytesOf(content), fileName, { view }, 'user');
      progress(`Imported ${summary.rows} Xero contacts`, true);
      await recomputeAndAnnounce(ctx, ws, 'imported');
      return { rows: summary.rows, warnings: [], readAs: summary.readAs };
    },
  };
}
