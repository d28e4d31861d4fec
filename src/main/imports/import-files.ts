// Imports from files into a workspace. Each import is all-or-nothing: the file is parsed and checked in
// full before one transaction replaces the stored side; a bad file leaves everything as it was.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { encodingLabel } from '../../shared/domain';
import type { Workspace } from '../db';
import { ImportError } from '../cocoon/import-problems';
import { parseAccountsBuffer, parseAccountsFile, type ImportOptions, type ParsedAccounts } from '../cocoon/import-accounts';
import { mergeContactsPages, parseContactsPage, readContactsFile, type ContactsFile } from './xero-contacts-file';
import {
  exportContact,
  isExportRaw,
  parseXeroExport,
  replaceView,
  viewFromFileName,
  viewsPresent,
  type ExportRaw,
  type ExportView,
  type ParsedExport,
} from './xero-contacts-export';
import { readWholeFile } from '../cocoon/read-whole-file';

export interface ImportSummary {
  importId: number;
  rows: number;
  warnings: ParsedAccounts['warnings'];
  /** The text encoding the file was read in, as shown to the user ("UTF-8", "Windows-1252"). */
  readAs: string;
}

async function sha256(path: string): Promise<string | null> {
  try {
    return createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  } catch {
    return null; // a folder of pages has no single checksum
  }
}

function storeCocoon(ws: Workspace, parsed: ParsedAccounts, fileName: string, digest: string | null, actor: string): ImportSummary {
  const importId = ws.transaction(() => {
    const id = ws.imports.begin('cocoon', fileName, digest);
    ws.accounts.replaceAll(id, parsed.accounts);
    ws.imports.complete(id, parsed.accounts.length, {
      encoding: parsed.encoding,
      format: parsed.format,
      columns: parsed.columns,
      warnings: parsed.warnings.length,
    });
    ws.audit.append({
      actor,
      action: 'import.cocoon',
      subject: fileName,
      result: 'ok',
      detail: { importId: id, rows: parsed.accounts.length },
    });
    return id;
  });
  return { importId, rows: parsed.accounts.length, warnings: parsed.warnings, readAs: encodingLabel(parsed.encoding) };
}

export async function importCocoonFile(ws: Workspace, path: string, options: ImportOptions = {}, actor = 'user'): Promise<ImportSummary> {
  const parsed = await parseAccountsFile(path, options);
  return storeCocoon(ws, parsed, basename(path), await sha256(path), actor);
}

/** The same import from the bytes of an uploaded file (the review app's import dialog). */
export async function importCocoonBytes(
  ws: Workspace,
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions = {},
  actor = 'user',
): Promise<ImportSummary> {
  const parsed = await parseAccountsBuffer(bytes, fileName, options);
  return storeCocoon(ws, parsed, fileName, createHash('sha256').update(bytes).digest('hex'), actor);
}

export interface XeroFileOptions {
  /** For Xero's contacts export: the list it was exported from (else the file name's, else All contacts). */
  view?: ExportView;
}

/** Saved GET /Contacts JSON starts with { (or [); anything else is read as Xero's contacts export (CSV). */
function looksLikeJson(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 64))
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return head.startsWith('{') || head.startsWith('[');
}

/**
 * A Xero contacts file from its bytes: a saved GET /Contacts response (it replaces the Xero side), or Xero's contacts
 * export (it replaces the contacts of its view). All-or-nothing like importXeroContactsFile.
 */
export function importXeroContactsBytes(
  ws: Workspace,
  bytes: Uint8Array,
  fileName: string,
  options: XeroFileOptions = {},
  actor = 'user',
): ImportSummary {
  if (looksLikeJson(bytes)) return importXeroContactsText(ws, Buffer.from(bytes).toString('utf8'), fileName, actor);
  const digest = createHash('sha256').update(bytes).digest('hex');
  const view = options.view ?? viewFromFileName(fileName) ?? 'all';
  return storeXeroExport(ws, parseXeroExport(bytes, fileName, view), view, fileName, digest, actor);
}

/** A Xero contacts file from its text (one GET /Contacts response), all-or-nothing like importXeroContactsFile. */
export function importXeroContactsText(ws: Workspace, text: string, fileName: string, actor = 'user'): ImportSummary {
  const { file, problems } = mergeContactsPages([parseContactsPage(text, fileName)]);
  if (problems.length > 0) {
    throw new ImportError(
      `${fileName} was not read: ${problems.length} problem${problems.length > 1 ? 's' : ''} in the Xero contacts file, so nothing was imported. ` +
        'Import a GET /Contacts response saved whole from Xero (or fix the file) and retry.',
      problems,
    );
  }
  return storeXero(ws, file, fileName, createHash('sha256').update(text).digest('hex'), actor);
}

export async function importXeroContactsFile(
  ws: Workspace,
  path: string,
  actor = 'user',
  options: XeroFileOptions = {},
): Promise<ImportSummary> {
  if (/\.(csv|txt)$/i.test(path)) return importXeroContactsBytes(ws, await readWholeFile(path), basename(path), options, actor);
  return storeXero(ws, await readContactsFile(path), basename(path), await sha256(path), actor);
}

/**
 * Xero's contacts export as the Xero side. It replaces the contacts of its own view and keeps those of the others
 * (import All contacts and Archived, in either order, for the whole list); over contacts from a sync or a GET /Contacts
 * file it replaces them all, as any Xero file import does (the next sync is then a full one and takes over).
 */
function storeXeroExport(
  ws: Workspace,
  parsed: ParsedExport,
  view: ExportView,
  fileName: string,
  digest: string,
  actor: string,
): ImportSummary {
  const { rows, problems } = parsed;
  if (problems.length > 0) {
    throw new ImportError(
      `${fileName} was not read: ${problems.length} problem${problems.length > 1 ? 's' : ''} in Xero's contacts export, so nothing was imported.`,
      problems,
    );
  }
  if (rows.length === 0)
    throw ImportError.file(
      `${fileName} lists no contacts. In Xero, open the list of contacts, click Export, and import the file Xero downloads.`,
    );
  const importId = ws.transaction(() => {
    const id = ws.imports.begin('xero_file', fileName, digest);
    const stored = ws.contacts.listRaw();
    const kept = stored.every(isExportRaw) ? (stored as ExportRaw[]) : [];
    const raws = replaceView(kept, view, rows, id, fileName);
    const customersKnown = raws.some((r) => r.views.customers);
    ws.contacts.replaceAll(
      raws.map((raw) => ({ contact: exportContact(raw, customersKnown), raw })),
      id,
    );
    const views = viewsPresent(raws);
    ws.imports.complete(id, rows.length, { format: 'xero-export', view, views, contacts: raws.length, encoding: parsed.encoding });
    ws.audit.append({
      actor,
      action: 'import.xero_file',
      subject: fileName,
      result: 'ok',
      detail: { importId: id, rows: rows.length, format: 'xero-export', view, views },
    });
    return id;
  });
  return { importId, rows: rows.length, warnings: [], readAs: encodingLabel(parsed.encoding) };
}

function storeXero(
  ws: Workspace,
  { contacts, raw, pages }: ContactsFile,
  fileName: string,
  digest: string | null,
  actor: string,
): ImportSummary {
  const importId = ws.transaction(() => {
    const id = ws.imports.begin('xero_file', fileName, digest);
    ws.contacts.replaceAll(
      contacts.map((contact, i) => ({ contact, raw: raw[i]! })),
      id,
    );
    ws.imports.complete(id, contacts.length, { pages });
    ws.audit.append({
      actor,
      action: 'import.xero_file',
      subject: fileName,
      result: 'ok',
      detail: { importId: id, rows: contacts.length, pages },
    });
    return id;
  });
  return { importId, rows: contacts.length, warnings: [], readAs: 'UTF-8' };
}
