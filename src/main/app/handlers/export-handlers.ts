// exports.save: a table as the screen shows it (the review's rows, the push plan, the exceptions list) as CSV or
// XLSX, read and written on a worker thread (50,000 rows take seconds). With a save dialog (Electron) the user
// chooses where first and the file is written there; without one (the web host) the file goes back to the browser
// to download.
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { TABLE_NAMES } from '../../exports/tables';
import { exportFileName, MIME_TYPES } from '../../exports/table';
import { exportOnWorker } from '../../threads/export-thread';
import type { AppContext, HandlerGroup } from './context';

export function exportHandlers(ctx: AppContext): HandlerGroup<'exports.save'> {
  return {
    'exports.save': async (request) => {
      const { ws, info } = ctx.session.require();
      const fileName = exportFileName(info.isDemo ? 'Demo' : info.name, TABLE_NAMES[request.table], request.format);
      // Asked before any work: the dialog opens at once.
      const path = ctx.config.chooseSavePath ? await ctx.config.chooseSavePath({ fileName, format: request.format }) : undefined;
      if (path === null) return { kind: 'cancelled' };
      const { bytes, rows } = await exportOnWorker(ws.path, request);
      if (path !== undefined) {
        await writeFile(path, bytes);
        return { kind: 'saved', path, fileName: basename(path), rows };
      }
      return { kind: 'download', fileName, mimeType: MIME_TYPES[request.format], base64: Buffer.from(bytes).toString('base64'), rows };
    },
  };
}
