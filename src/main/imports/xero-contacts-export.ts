// Xero's own contacts export (web app: Contacts → All contacts / Customers / Archived → Export, a CSV) read as the
// Xero side of a workspace (pure). The export has no ContactID, no status and no customer flag: each contact gets a
// stand-in id made from its name (unique among Xero's active contacts; archived ones may share a name), its status
// comes from the view it was exported from, and it is a customer when a Customers export lists it. See
// docs/xero-behaviour.md, "Xero's contacts export".
import type { XeroContact } from '../../shared/domain';
import { EXPORT_VIEWS, viewFromFileName, type ExportView } from '../../shared/xero-export';
import type { Problem } from '../cocoon/import-problems';
import { parseCsv } from '../cocoon/csv';
import { decodeText } from '../cocoon/decode';
import { XeroContactReader } from '../xero/contact-mapping';
import { exportContactId, nameKey } from '../xero/export-ids';

export { EXPORT_VIEWS, viewFromFileName, type ExportView };

/** A header cell as Xero writes it: the import template marks required columns with "*" (`*ContactName`). */
const headerKey = (cell: string): string =>
  cell
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/^\*/, '')
    .toLowerCase();

/** Columns only Xero's contact export (and its import template) has together; ContactName plus two of them. */
const EXPORT_MARKERS = [
  'accountnumber',
  'emailaddress',
  'firstname',
  'lastname',
  'poaddressline1',
  'saaddressline1',
  'phonenumber',
  'skypename',
];

/** Is this header row the one of Xero's contact export? (ContactName and Xero's column names; no ContactID.) */
export function isXeroExportHeader(header: readonly string[]): boolean {
  const keys = new Set(header.map(headerKey));
  return keys.has('contactname') && !keys.has('contactid') && EXPORT_MARKERS.filter((k) => keys.has(k)).length >= 2;
}

/** One row of an export, as the GET /Contacts item it stands for (without status and customer flag). */
export interface ExportRow {
  row: number;
  name: string;
  /** Which contact of this name in the file (from 0): more than one only in the Archived view's export. */
  n: number;
  json: Record<string, unknown>;
}

export interface ParsedExport {
  rows: ExportRow[];
  problems: Problem[];
  /** How the bytes were read ("utf-8", "windows-1252", …). */
  encoding: string;
}

const ADDRESS_PARTS = [
  'AttentionTo',
  'AddressLine1',
  'AddressLine2',
  'AddressLine3',
  'AddressLine4',
  'City',
  'Region',
  'PostalCode',
  'Country',
];
const PHONES: [column: string, type: string][] = [
  ['phonenumber', 'DEFAULT'],
  ['mobilenumber', 'MOBILE'],
  ['ddinumber', 'DDI'],
  ['faxnumber', 'FAX'],
];

/** The row's cells by header key (blank cells left out). */
function cellsByKey(header: readonly string[], cells: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  header.forEach((h, i) => {
    const v = (cells[i] ?? '').trim();
    if (v !== '') out.set(headerKey(h), v);
  });
  return out;
}

function address(cells: Map<string, string>, prefix: 'po' | 'sa', type: 'POBOX' | 'STREET'): Record<string, string> | null {
  const parts: Record<string, string> = {};
  for (const part of ADDRESS_PARTS) {
    const v = cells.get(`${prefix}${part.toLowerCase()}`);
    if (v !== undefined) parts[part] = v;
  }
  return Object.keys(parts).length > 0 ? { AddressType: type, ...parts } : null;
}

/** One export row as a GET /Contacts item: the same fields, named as the API names them. */
function rowJson(cells: Map<string, string>): Record<string, unknown> {
  const json: Record<string, unknown> = { Name: cells.get('contactname') ?? '' };
  for (const [key, field] of [
    ['accountnumber', 'AccountNumber'],
    ['emailaddress', 'EmailAddress'],
    ['firstname', 'FirstName'],
    ['lastname', 'LastName'],
  ] as const) {
    const v = cells.get(key);
    if (v !== undefined) json[field] = v;
  }
  const addresses = [address(cells, 'po', 'POBOX'), address(cells, 'sa', 'STREET')].filter((a) => a !== null);
  if (addresses.length > 0) json.Addresses = addresses;
  const phones = PHONES.flatMap(([key, type]) => (cells.has(key) ? [{ PhoneType: type, PhoneNumber: cells.get(key)! }] : []));
  if (phones.length > 0) json.Phones = phones;
  return json;
}

const problem = (row: number, message: string): Problem => ({ row, severity: 'error', message });

/**
 * Reads an export's bytes (UTF-8 with or without BOM, or Windows-1252, as Excel may save it). Problems: a header
 * that is not Xero's, a row without ContactName, and, outside the Archived view, one name twice (Xero holds each
 * active contact's name once).
 */
export function parseXeroExport(bytes: Uint8Array, fileName: string, view: ExportView = 'all'): ParsedExport {
  const what = "Xero's contacts export";
  const decoded = decodeText(bytes, fileName, what);
  const table = parseCsv(decoded.text, fileName, { what });
  const out: ParsedExport = { rows: [], problems: table.problems.filter((p) => p.severity === 'error'), encoding: decoded.encoding };
  if (!isXeroExportHeader(table.header)) {
    out.problems.push(
      problem(
        0,
        `${fileName} is not Xero's contacts export: its first row should hold Xero's column names (ContactName, AccountNumber, EmailAddress, …). ` +
          'In Xero, open Contacts → All contacts (or Archived), click Export, and import the file Xero downloads.',
      ),
    );
    return out;
  }
  const seen = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const byKey = cellsByKey(table.header, cells);
    if (byKey.size === 0) continue;
    const name = byKey.get('contactname') ?? '';
    if (name === '') {
      out.problems.push(problem(row, 'has no ContactName: every Xero contact has a name'));
      continue;
    }
    const earlier = out.rows.filter((r) => nameKey(r.name) === nameKey(name)).length;
    const first = seen.get(nameKey(name));
    if (first !== undefined && view !== 'archived') {
      out.problems.push(problem(row, `"${name}" is listed again (first on row ${first}); Xero holds each active contact's name once`));
      continue;
    }
    if (first === undefined) seen.set(nameKey(name), row);
    out.rows.push({ row, name, n: earlier, json: rowJson(byKey) });
  }
  return out;
}

/** What is stored as a contact's raw JSON: the row of each view that lists it, with the import that brought it. */
export interface ExportRaw {
  source: 'xero-export';
  views: Partial<Record<ExportView, { importId: number; file: string; row: number; n: number; json: Record<string, unknown> }>>;
}

export function isExportRaw(raw: unknown): raw is ExportRaw {
  return typeof raw === 'object' && raw !== null && (raw as { source?: unknown }).source === 'xero-export';
}

/** The stand-in id of a stored entry: an archived contact is one of the Archived view, an active one of the others. */
function idOf(raw: ExportRaw): string {
  const archived = raw.views.archived;
  if (archived) return exportContactId(String(archived.json.Name ?? ''), true, archived.n);
  const active = raw.views.all ?? raw.views.customers;
  return exportContactId(String(active?.json.Name ?? ''));
}

/**
 * The stored export contacts with one view's export replaced by `rows` (pure): a contact keeps what the other views
 * said of it, and one no view lists any more goes. The All contacts and Customers views list the same active
 * contacts; the Archived view lists others (an archived contact may have the name of an active one).
 */
export function replaceView(
  stored: readonly ExportRaw[],
  view: ExportView,
  rows: readonly ExportRow[],
  importId: number,
  file: string,
): ExportRaw[] {
  const byId = new Map<string, ExportRaw>();
  for (const raw of stored) {
    const views = { ...raw.views };
    delete views[view];
    const kept: ExportRaw = { source: 'xero-export', views };
    if (Object.keys(views).length > 0) byId.set(idOf(kept), kept);
  }
  for (const r of rows) {
    const id = exportContactId(r.name, view === 'archived', r.n);
    const entry = byId.get(id) ?? { source: 'xero-export', views: {} };
    entry.views[view] = { importId, file, row: r.row, n: r.n, json: r.json };
    byId.set(id, entry);
  }
  return [...byId.values()];
}

/** The views the stored contacts came from, in EXPORT_VIEWS order. */
export function viewsPresent(raws: readonly ExportRaw[]): ExportView[] {
  return EXPORT_VIEWS.filter((v) => raws.some((r) => r.views[v]));
}

/**
 * The contact each stored entry stands for (pure). Its fields come from the newest export listing it; it is ARCHIVED
 * when it came from the Archived view. It is a customer when a Customers export lists it; without any Customers export
 * that cannot be known, and it counts as a customer (the review says `not_customer` is not checked).
 */
export function exportContact(raw: ExportRaw, customersKnown: boolean): XeroContact {
  const newest = Object.values(raw.views).sort((a, b) => b.importId - a.importId)[0]!;
  const archived = raw.views.archived !== undefined;
  const item = {
    ...newest.json,
    ContactID: idOf(raw),
    ContactStatus: archived ? 'ARCHIVED' : 'ACTIVE',
    IsCustomer: customersKnown && !archived ? Boolean(raw.views.customers) : true,
  };
  const parsed = XeroContactReader.safeParse(item);
  if (!parsed.success) throw new Error(`export row of "${String(newest.json.Name)}" does not read as a contact: ${parsed.error.message}`); // rowJson builds only valid items
  return parsed.data;
}
