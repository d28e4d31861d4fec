// Saved GET /Contacts responses (one file, or a folder of page files) → XeroContacts plus their raw JSON. A file that
// is JSON but not such a response (no Contacts array, items that are not contacts, a contact without its ContactID or
// Name, no contacts at all) is refused naming the first bad record and its field; nothing is stored.
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { XeroContact } from '../../shared/domain';
import { ImportError, type Problem } from '../cocoon/import-problems';
import { readWholeFile } from '../cocoon/read-whole-file';
import { XeroContactReader } from '../xero/contact-mapping';
import { parseArrayInSlices } from '../xero/json-array-slices';

/** Page files larger than this are refused before they are read. */
export const MAX_PAGE_BYTES = 200 * 1024 * 1024;

export interface ContactsFile {
  contacts: XeroContact[];
  /** The raw JSON of each contact, index for index with `contacts` (none when read with `keepRaw: false`). */
  raw: Record<string, unknown>[];
  /** Number of page files read. */
  pages: number;
}

export interface ReadContactsOptions {
  /** Accept pages that say more pages exist than were found (by default that is an error). */
  allowPartial?: boolean;
  /** Keep each contact's JSON (the default). Matching needs only the contacts, and holds far less without. */
  keepRaw?: boolean;
}

const Pagination = z.looseObject({ page: z.number().int().optional(), pageCount: z.number().int().optional() });
const Envelope = z.looseObject({ Contacts: z.array(z.unknown()), pagination: Pagination.nullish() });

/** A required text field of a saved contact: "has no ContactID", "has a Name that is not text", "has an empty Name". */
const required = (field: string) =>
  z
    .string({ error: (i) => (i.input === undefined || i.input === null ? `has no ${field}` : `has a ${field} that is not text`) })
    .trim()
    .min(1, `has an empty ${field}`);
/** What every contact Xero sends has: checked first, cheaply (two strings; its output holds only them). */
const Identified = z.object({ ContactID: required('ContactID'), Name: required('Name') });

/** Problems listed per page; the contacts after them are only counted (a file of 50,000 bad ones builds no 50,000 messages). */
export const LISTED_PER_PAGE = 20;

export interface ContactsPage {
  file: string;
  /** `raw` is the item's JSON, or null when the page was read without it. */
  items: { index: number; raw: Record<string, unknown> | null; contact: XeroContact }[];
  page: number | null;
  pageCount: number | null;
  problems: Problem[];
  /** Contacts with problems beyond the LISTED_PER_PAGE listed ones. */
  unlisted: number;
}

function fileProblem(message: string): Problem {
  return { row: 0, severity: 'error', message };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function notEnvelope(file: string, json: unknown): string {
  const base = `${file}: expected an object with a Contacts array, as Xero's GET /Contacts returns`;
  if (Array.isArray(json)) return `${base}; this file holds a bare array. Save the whole response ({ "Contacts": [...] })`;
  if (isRecord(json) && (json.Title || json.Detail || json.Message)) {
    const what = [json.Status, json.Title, json.Detail ?? json.Message].filter((v) => v !== undefined && v !== null).join(' ');
    return `${base}; this looks like an error response from Xero (${what})`;
  }
  if (isRecord(json)) return `${base}; found the keys ${Object.keys(json).slice(0, 8).join(', ') || '(none)'}`;
  return base;
}

function describe(item: unknown, index: number): string {
  const name = isRecord(item) && typeof item.Name === 'string' && item.Name.trim() !== '' ? ` ("${item.Name}")` : '';
  return `contact ${index + 1}${name}`;
}

type PageItem = ContactsPage['items'][number];

/** Marks a contact with problems beyond the listed ones (one shared object: nothing is built for it). */
const UNLISTED: Problem = Object.freeze(fileProblem('unlisted'));

/** One item of the Contacts array: the contact it maps to, or what is wrong with it (UNLISTED when `quiet`). */
function readItem(item: unknown, index: number, file: string, keepRaw: boolean, quiet: boolean): PageItem | Problem {
  // Described only when something is wrong and listed, so a 50,000-contact file builds no message strings.
  const problem = (what: () => string): Problem => (quiet ? UNLISTED : fileProblem(`${file}: ${describe(item, index)}${what()}`));
  if (!isRecord(item)) return problem(() => " is not an object (a contact of Xero's GET /Contacts is one)");
  const identified = Identified.safeParse(item);
  if (!identified.success) return problem(() => ` ${identified.error.issues[0]!.message}`);
  const parsed = XeroContactReader.safeParse(item);
  if (!parsed.success) {
    return problem(
      () =>
        `, ContactID ${item.ContactID}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(contact)'}: ${i.message}`).join('; ')}`,
    );
  }
  return { index, raw: keepRaw ? item : null, contact: parsed.data };
}

/**
 * Parses one saved GET /Contacts response (pure). Problems carry the file name and contact number. With
 * `keepRaw: false` each item's JSON is let go once it is read (see json-array-slices.ts).
 */
export function parseContactsPage(source: string | Buffer, file: string, { keepRaw = true }: { keepRaw?: boolean } = {}): ContactsPage {
  const page: ContactsPage = { file, items: [], page: null, pageCount: null, problems: [], unlisted: 0 };
  let parsed;
  let listed = 0;
  const read = (item: unknown, index: number): PageItem | Problem => {
    const r = readItem(item, index, file, keepRaw, listed >= LISTED_PER_PAGE);
    if (!('contact' in r)) listed++;
    return r;
  };
  try {
    const bytes = typeof source === 'string' ? Buffer.from(source, 'utf8') : source;
    parsed = parseArrayInSlices(bytes, 'Contacts', 'ContactID', read);
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).slice(0, 200);
    page.problems.push(fileProblem(`${file}: not valid JSON (${reason}). Save the GET /Contacts response again.`));
    return page;
  }
  const envelope = Envelope.safeParse(parsed.envelope);
  if (!envelope.success) {
    page.problems.push(fileProblem(notEnvelope(file, parsed.envelope)));
    return page;
  }
  page.page = envelope.data.pagination?.page ?? null;
  page.pageCount = envelope.data.pagination?.pageCount ?? null;
  for (const result of parsed.results) {
    if ('contact' in result) page.items.push(result);
    else if (result === UNLISTED) page.unlisted++;
    else page.problems.push(result);
  }
  if (page.unlisted > 0)
    page.problems.push(fileProblem(`${file}: ${page.unlisted} more contact${page.unlisted === 1 ? '' : 's'} with problems (not listed)`));
  return page;
}

/** JSON with object keys sorted, so that two copies of a contact compare equal whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function missingPages(pages: readonly ContactsPage[]): number[] {
  const count = Math.max(0, ...pages.map((p) => p.pageCount ?? 0));
  const seen = new Set(pages.map((p) => p.page));
  const missing: number[] = [];
  for (let n = 1; n <= count; n++) if (!seen.has(n)) missing.push(n);
  return missing;
}

/**
 * Joins pages in order (pure). The same ContactID twice is fine when both copies are identical (kept once)
 * and an error when they differ; missing pages (by `pagination`) are an error unless allowPartial.
 */
export function mergeContactsPages(
  pages: readonly ContactsPage[],
  options: ReadContactsOptions = {},
): { file: ContactsFile; problems: Problem[] } {
  const problems = pages.flatMap((p) => p.problems);
  if (problems.length === 0 && pages.every((p) => p.items.length === 0))
    problems.push(
      fileProblem(
        `${pages.length === 1 ? pages[0]!.file : 'the files'} list${pages.length === 1 ? 's' : ''} no contacts: importing ${pages.length === 1 ? 'it' : 'them'} would leave the workspace without any Xero contact`,
      ),
    );
  const contacts: XeroContact[] = [];
  const raw: Record<string, unknown>[] = [];
  // What a repeat is compared with: the first copy's JSON, or without it what was read of it.
  const copies: (Record<string, unknown> | XeroContact)[] = [];
  // Where each contact was read (its page and number), index for index with `contacts`.
  const fromPage: ContactsPage[] = [];
  const fromIndex: number[] = [];
  /** The first copy of each ContactID, as an index into `contacts`. */
  const first = new Map<string, number>();
  const where = (page: ContactsPage, index: number) => `${page.file} contact ${index + 1}`;
  for (const page of pages) {
    for (const { index, raw: json, contact } of page.items) {
      const item = json ?? contact;
      const k = first.get(contact.contactId);
      if (k !== undefined) {
        // Serialised only for the rare repeat, so a 50,000-contact file pays nothing for the check.
        if (canonical(copies[k]) !== canonical(item)) {
          problems.push(
            fileProblem(
              `ContactID ${contact.contactId} appears twice with different content: ${where(fromPage[k]!, fromIndex[k]!)} and ${where(page, index)}`,
            ),
          );
        }
        continue;
      }
      first.set(contact.contactId, contacts.length);
      contacts.push(contact);
      copies.push(item);
      if (json) raw.push(json);
      fromPage.push(page);
      fromIndex.push(index);
    }
  }
  const missing = options.allowPartial ? [] : missingPages(pages);
  if (missing.length > 0) {
    const of = Math.max(...pages.map((p) => p.pageCount ?? 0));
    problems.push(
      fileProblem(
        `page${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${of} ${missing.length > 1 ? 'are' : 'is'} missing ` +
          "(by the responses' pagination). Put every page file in one folder, or accept a partial list explicitly",
      ),
    );
  }
  return { file: { contacts, raw, pages: pages.length }, problems };
}

const byNaturalName = new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare;

async function pageFiles(path: string): Promise<string[]> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw ImportError.file(
      `${path} ${code === 'ENOENT' ? 'does not exist' : `cannot be opened (${code ?? String(e)})`}. Choose a saved GET /Contacts response or a folder of them.`,
      e,
    );
  }
  if (info.isFile()) return [path];
  if (!info.isDirectory()) throw ImportError.file(`${path} is neither a file nor a folder.`);
  const names = (await readdir(path, { withFileTypes: true }))
    .filter((d) => d.isFile() && !d.name.startsWith('.') && d.name.toLowerCase().endsWith('.json'))
    .map((d) => d.name)
    .sort(byNaturalName);
  if (names.length === 0) throw ImportError.file(`${path} holds no .json files. Save each GET /Contacts page as a .json file in it.`);
  return names.map((n) => join(path, n));
}

async function readPage(path: string, keepRaw: boolean): Promise<ContactsPage> {
  const file = basename(path);
  const { size } = await stat(path);
  if (size > MAX_PAGE_BYTES) {
    const problem = fileProblem(`${file} is ${Math.round(size / 2 ** 20)} MB; page files over ${MAX_PAGE_BYTES / 2 ** 20} MB are refused`);
    return { file, items: [], page: null, pageCount: null, problems: [problem], unlisted: 0 };
  }
  return parseContactsPage(await readWholeFile(path), file, { keepRaw });
}

/**
 * Reads one saved GET /Contacts response, or a folder of page files (*.json, in natural order: page-2
 * before page-10). All-or-nothing: any problem throws ImportError naming the file (and contact number).
 */
export async function readContactsFile(pathOrDir: string, options: ReadContactsOptions = {}): Promise<ContactsFile> {
  const files = await pageFiles(pathOrDir);
  const pages: ContactsPage[] = [];
  for (const f of files) pages.push(await readPage(f, options.keepRaw ?? true));
  const { file, problems } = mergeContactsPages(pages, options);
  if (problems.length > 0) {
    const summary =
      `${basename(pathOrDir)} was not read: ${problems.length} problem${problems.length > 1 ? 's' : ''} in the Xero contacts ` +
      'file(s), so nothing was imported. Save the GET /Contacts responses again (or fix the files) and retry.';
    throw new ImportError(summary, problems);
  }
  return file;
}
