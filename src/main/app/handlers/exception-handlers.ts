// exceptions.*: the Exceptions screen — list, detail, import (preview first), paste, resolve / reopen, re-check
// and the CocoonOPS steps. The work is done in ../exceptions; here only the workspace and the error codes.
import {
  addPastedException,
  exceptionChecklist,
  ExceptionNotFoundError,
  getException,
  importExceptionsBuffer,
  listExceptions,
  listPlaybooks,
  previewExceptions,
  recheckExceptions,
  setExceptionResolved,
} from '../../exceptions';
import { AppError } from '../../../shared/app-error';
import { workspaceForImport, type AppContext, type HandlerGroup } from './context';
import type { ExceptionsChannel } from '../../../shared/channels-exceptions';

const bytesOf = (base64: string): Buffer => Buffer.from(base64, 'base64');

/** An unknown exception id → not_found (404), anything else as it is. */
async function known<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof ExceptionNotFoundError) throw new AppError('not_found', e.message);
    throw e;
  }
}

export function exceptionHandlers(ctx: AppContext): HandlerGroup<ExceptionsChannel> {
  const ws = () => ctx.session.require().ws;
  const progress = (message: string, finished: boolean) =>
    ctx.events.emit('progress', { task: 'import', message, done: finished ? 1 : 0, total: 1, finished });
  return {
    'exceptions.list': async (query) => ({ items: listExceptions(ws(), query), playbooks: listPlaybooks() }),
    'exceptions.detail': async ({ id }) => known(() => getException(ws(), id)),
    'exceptions.previewImport': async ({ fileName, content, mapping, sheet, encoding }) =>
      previewExceptions(bytesOf(content), fileName, { mapping, sheet, encoding, limit: 20 }),
    'exceptions.import': async ({ fileName, content, mapping, sheet, encoding }) => {
      const { ws: w } = workspaceForImport(ctx);
      progress(`Importing ${fileName}…`, false);
      const summary = await importExceptionsBuffer(w, bytesOf(content), fileName, { mapping, sheet, encoding }, 'user');
      progress(`Imported ${summary.rows} exceptions`, true);
      return summary;
    },
    'exceptions.paste': async ({ message, number, accountCode, docType }) =>
      addPastedException(ws(), { message, number: number ?? '', accountCode: accountCode ?? '', docType: docType ?? null }),
    'exceptions.setResolved': async ({ id, resolved, note }) => known(() => setExceptionResolved(ws(), id, resolved, { note })),
    'exceptions.recheck': async ({ ids }) => recheckExceptions(ws(), { ids }),
    'exceptions.checklist': async ({ includeResolved }) => exceptionChecklist(ws(), { includeResolved }),
  };
}
