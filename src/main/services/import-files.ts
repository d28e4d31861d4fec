// Imports from files into a workspace. Each import is all-or-nothing: the file is parsed and checked in
// full before one transaction replaces the stored side; a bad file leaves everything as it was.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Workspace } from '../db';
import { parseAccountsFile, type ImportOptions, type ParsedAccounts } from '../cocoon/import-accounts';
import { readContactsFile } from '../xero/contacts-file';

export interface ImportSummary {
  importId: number;
  rows: number;
  warnings: ParsedAccounts['warnings'];
}

async function sha256(path: string): Promise<string | null> {
  try {
    return createHash('sha256').update(await readFile(path)).digest('hex');
  } catch {
    return null; // a folder of pages has no single checksum
  }
}

export async function importCocoonFile(ws: Workspace, path: string, options: ImportOptions = {}, actor = 'user'): Promise<ImportSummary> {
  const parsed = await parseAccountsFile(path, options);
  const digest = await sha256(path);
  const importId = ws.transaction(() => {
    const id = ws.imports.begin('cocoon', basename(path), digest);
    ws.accounts.replaceAll(id, parsed.accounts);
    ws.imports.complete(id, parsed.accounts.length, { encoding: parsed.encoding, format: parsed.format, columns: parsed.columns, warnings: parsed.warnings.length });
    ws.audit.append({ actor, action: 'import.cocoon', subject: basename(path), result: 'ok', detail: { importId: id, rows: parsed.accounts.length } });
    return id;
  });
  return { importId, rows: parsed.accounts.length, warnings: parsed.warnings };
}

export async function importXeroContactsFile(ws: Workspace, path: string, actor = 'user'): Promise<ImportSummary> {
  const { contacts, raw, pages } = await readContactsFile(path);
  const digest = await sha256(path);
  const importId = ws.transaction(() => {
    const id = ws.imports.begin('xero_file', basename(path), digest);
    ws.contacts.replaceAll(
      contacts.map((contact, i) => ({ contact, raw: raw[i]! })),
      id,
    );
    ws.imports.complete(id, contacts.length, { pages });
    ws.audit.append({ actor, action: 'import.xero_file', subject: basename(path), result: 'ok', detail: { importId: id, rows: contacts.length, pages } });
    return id;
  });
  return { importId, rows: contacts.length, warnings: [] };
}
