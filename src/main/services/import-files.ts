// Imports from files into a workspace. Each import is all-or-nothing: the file is parsed and checked in
// full before one transaction replaces the stored side; a bad file leaves everything as it was.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { encodingLabel } from '../../shared/domain';
import type { Workspace } from '../db';
import { ImportError } from '../errors';
import { parseAccountsBuffer, parseAccountsFile, type ImportOptions, type ParsedAccounts } from '../cocoon/import-accounts';
import { mergeContactsPages, parseContactsPage, readContactsFile, type ContactsFile } from '../xero/contacts-file';

export interface ImportSummary {
  importId: number;
  rows: number;
  warnings: ParsedAccounts['warnings'];
  /** The text encoding the file was read in, as shown to the user ("UTF-8", "Windows-1252"). */
  readAs: string;
}

async function sha256(path: string): Promise<string | null> {
  try {
    return createHash('sha256').update(await readFile(path)).digest('hex');
  } catch {
    return null; // a folder of pages has no single checksum
  }
}

function storeCocoon(ws: Workspace, parsed: ParsedAccounts, fileName: string, digest: string | null, actor: string): ImportSummary {
  const importId = ws.transaction(() => {
    const id = ws.imports.begin('cocoon', fileName, digest);
    ws.accounts.replaceAll(id, parsed.accounts);
    ws.imports.complete(id, parsed.accounts.length, { encoding: parsed.encoding, format: parsed.format, columns: parsed.columns, warnings: parsed.warnings.length });
    ws.audit.append({ actor, action: 'import.cocoon', subject: fileName, result: 'ok', detail: { importId: id, rows: parsed.accounts.length } });
    return id;
  });
  return { importId, rows: parsed.accounts.length, warnings: parsed.warnings, readAs: encodingLabel(parsed.encoding) };
}

export async function importCocoonFile(ws: Workspace, path: string, options: ImportOptions = {}, actor = 'user'): Promise<ImportSummary> {
  const parsed = await parseAccountsFile(path, options);
  return storeCocoon(ws, parsed, basename(path), await sha256(path), actor);
}

/** The same import from the bytes of an uploaded file (the review app's import dialog). */
export async function importCocoonBytes(ws: Workspace, bytes: Uint8Array, fileName: string, options: ImportOptions = {}, actor = 'user'): Promise<ImportSummary> {
  const parsed = await parseAccountsBuffer(bytes, fileName, options);
  return storeCocoon(ws, parsed, fileName, createHash('sha256').update(bytes).digest('hex'), actor);
}

/** A Xero contacts file from its text (one GET /Contacts response), all-or-nothing like importXeroContactsFile. */
export function importXeroContactsText(ws: Workspace, text: string, fileName: string, actor = 'user'): ImportSummary {
  const { file, problems } = mergeContactsPages([parseContactsPage(text, fileName)]);
  if (problems.length > 0) {
    throw new ImportError(`${fileName} was not read: ${problems.length} problem${problems.length > 1 ? 's' : ''} in the Xero contacts file, so nothing was imported.`, problems);
  }
  return storeXero(ws, file, fileName, createHash('sha256').update(text).digest('hex'), actor);
}

export async function importXeroContactsFile(ws: Workspace, path: string, actor = 'user'): Promise<ImportSummary> {
  return storeXero(ws, await readContactsFile(path), basename(path), await sha256(path), actor);
}

function storeXero(ws: Workspace, { contacts, raw, pages }: ContactsFile, fileName: string, digest: string | null, actor: string): ImportSummary {
  const importId = ws.transaction(() => {
    const id = ws.imports.begin('xero_file', fileName, digest);
    ws.contacts.replaceAll(
      contacts.map((contact, i) => ({ contact, raw: raw[i]! })),
      id,
    );
    ws.imports.complete(id, contacts.length, { pages });
    ws.audit.append({ actor, action: 'import.xero_file', subject: fileName, result: 'ok', detail: { importId: id, rows: contacts.length, pages } });
    return id;
  });
  return { importId, rows: contacts.length, warnings: [], readAs: 'UTF-8' };
}
