// exports.save: a table as the screen shows it (the review's rows, the push plan, the exceptions list) as CSV or
// XLSX. The rows are read here; the file is written on a worker thread (a 50,000-row workbook takes seconds).
// With a save dialog (Electron) the user chooses where first and the file is written there; without one (the web
// host) the file goes back to the browser to download.
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Workspace } from '../db';
import { exceptionsExportTable } from '../exports/exceptions-table';
import { planExportTable } from '../exports/plan-table';
import { reviewExportTable } from '../exports/review-table';
import { exportFileName, MIME_TYPES, type ExportTable } from '../exports/table';
import { buildPlan } from '../outbox/plan';
import { renderOnWorker } from '../threads/export-thread';
import type { ExportRequest } from '../../shared/contract-exports';
import type { AppContext, HandlerGroup } from './context';

const TABLE_NAMES: Record<ExportRequest['table'], string> = { review: 'Review', plan: 'Push plan', exceptions: 'Exceptions' };

export function exportTableFor(ws: Workspace, request: ExportRequest, now = new Date().toISOString()): ExportTable {
  switch (request.table) {
    case 'review':
      return reviewExportTable(ws, request.accountCodes);
    case 'plan':
      return planExportTable(ws, buildPlan(ws, now));
    case 'exceptions':
      return exceptionsExportTable(ws, request.filter);
  }
}

export function exportHandlers(ctx: AppContext): HandlerGroup<'exports.save'> {
  return {
    'exports.save': async (request) => {
      const { ws, info } = ctx.session.require();
      const fileName = exportFileName(info.isDemo ? 'Demo' : info.name, TABLE_NAMES[request.table], request.format);
      // Asked before any work: the dialog opens at once.
      const path = ctx.config.chooseSavePath ? await ctx.config.chooseSavePath({ fileName, format: request.format }) : undefined;
      if (path === null) return { kind: 'cancelled' };
      const table = exportTableFor(ws, request);
      const bytes = await renderOnWorker({ table, format: request.format });
      if (path !== undefined) {
        await writeFile(path, bytes);
        return { kind: 'saved', path, fileName: basename(path), rows: table.rows.length };
      }
      return { kind: 'download', fileName, mimeType: MIME_TYPES[request.format], base64: Buffer.from(bytes).toString('base64'), rows: table.rows.length };
    },
  };
}
