// Saved GET /Contacts responses (one file, or a folder of page files) → XeroContacts plus their raw JSON.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { XeroContact } from '../../shared/domain';
import { ImportError, type Problem } from '../errors';
import { XeroContactReader } from './contact-mapping';

/** Page files larger than this are refused before they are read. */
export const MAX_PAGE_BYTES = 200 * 1024 * 1024;

export interface ContactsFile {
  contacts: XeroContact[];
  /** The raw JSON of each contact, index for index with `contacts`. */
  raw: Record<string, unknown>[];
  /** Number of page files read. */
  pages: number;
}

export interface ReadContactsOptions {
  /** Accept pages that say more pages exist than were found (by default that is an error). */
  allowPartial?: boolean;
}

const Pagination = z.looseObject({ page: z.number().int().optional(), pageCount: z.number().int().optional() });
const Envelope = z.looseObject({ Contacts: z.array(z.unknown()), pagination: Pagination.nullish() });

export interface ContactsPage {
  file: string;
  items: { index: number; raw: Record<string, unknown>; contact: XeroContact }[];
  page: number | null;
  pageCount: number | null;
  problems: Problem[];
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
  const name = isRecord(item) && typeof item.Name === 'string' ? ` ("${item.Name}")` : '';
  return `contact ${index + 1}${name}`;
}

/** Parses one saved GET /Contacts response (pure). Problems carry the file name and contact number. */
export function parseContactsPage(text: string, file: string): ContactsPage {
  const page: ContactsPage = { file, items: [], page: null, pageCount: null, problems: [] };
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).slice(0, 200);
    page.problems.push(fileProblem(`${file}: not valid JSON (${reason}). Save the GET /Contacts response again.`));
    return page;
  }
  const envelope = Envelope.safeParse(json);
  if (!envelope.success) {
    page.problems.push(fileProblem(notEnvelope(file, json)));
    return page;
  }
  page.page = envelope.data.pagination?.page ?? null;
  page.pageCount = envelope.data.pagination?.pageCount ?? null;
  envelope.data.Contacts.forEach((item, index) => {
    // Described only when something is wrong, so a 50,000-contact file builds no message strings.
    const where = () => `${file}: ${describe(item, index)}`;
    if (!isRecord(item)) {
      page.problems.push(fileProblem(`${where()} is not an object`));
      return;
    }
    if (typeof item.ContactID !== 'string' || item.ContactID.trim() === '') {
      page.problems.push(fileProblem(`${where()} has no ContactID`));
      return;
    }
    const parsed = XeroContactReader.safeParse(item);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(contact)'}: ${i.message}`).join('; ');
      page.problems.push(fileProblem(`${where()}, ContactID ${item.ContactID}: ${issues}`));
      return;
    }
    page.items.push({ index, raw: item, contact: parsed.data });
  });
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
export function mergeContactsPages(pages: readonly ContactsPage[], options: ReadContactsOptions = {}): { file: ContactsFile; problems: Problem[] } {
  const problems = pages.flatMap((p) => p.problems);
  const contacts: XeroContact[] = [];
  const raw: Record<string, unknown>[] = [];
  // Where each contact was read (its page and number), index for index with `contacts`.
  const fromPage: ContactsPage[] = [];
  const fromIndex: number[] = [];
  /** The first copy of each ContactID, as an index into `contacts`. */
  const first = new Map<string, number>();
  const where = (page: ContactsPage, index: number) => `${page.file} contact ${index + 1}`;
  for (const page of pages) {
    for (const { index, raw: item, contact } of page.items) {
      const k = first.get(contact.contactId);
      if (k !== undefined) {
        // Serialised only for the rare repeat, so a 50,000-contact file pays nothing for the check.
        if (canonical(raw[k]) !== canonical(item)) {
          problems.push(fileProblem(`ContactID ${contact.contactId} appears twice with different content: ${where(fromPage[k]!, fromIndex[k]!)} and ${where(page, index)}`));
        }
        continue;
      }
      first.set(contact.contactId, contacts.length);
      contacts.push(contact);
      raw.push(item);
      fromPage.push(page);
      fromIndex.push(index);
    }
  }
  const missing = options.allowPartial ? [] : missingPages(pages);
  if (missing.length > 0) {
    const of = Math.max(...pages.map((p) => p.pageCount ?? 0));
    problems.push(fileProblem(
      `page${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${of} ${missing.length > 1 ? 'are' : 'is'} missing ` +
        '(by the responses\' pagination). Put every page file in one folder, or accept a partial list explicitly',
    ));
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
    throw ImportError.file(`${path} ${code === 'ENOENT' ? 'does not exist' : `cannot be opened (${code ?? String(e)})`}. Choose a saved GET /Contacts response or a folder of them.`, e);
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

async function readPage(path: string): Promise<ContactsPage> {
  const file = basename(path);
  const { size } = await stat(path);
  if (size > MAX_PAGE_BYTES) {
    const problem = fileProblem(`${file} is ${Math.round(size / 2 ** 20)} MB; page files over ${MAX_PAGE_BYTES / 2 ** 20} MB are refused`);
    return { file, items: [], page: null, pageCount: null, problems: [problem] };
  }
  return parseContactsPage(await readFile(path, 'utf8'), file);
}

/**
 * Reads one saved GET /Contacts response, or a folder of page files (*.json, in natural order: page-2
 * before page-10). All-or-nothing: any problem throws ImportError naming the file (and contact number).
 */
export async function readContactsFile(pathOrDir: string, options: ReadContactsOptions = {}): Promise<ContactsFile> {
  const files = await pageFiles(pathOrDir);
  const pages: ContactsPage[] = [];
  for (const f of files) pages.push(await readPage(f));
  const { file, problems } = mergeContactsPages(pages, options);
  if (problems.length > 0) {
    const summary = `${basename(pathOrDir)} was not read: ${problems.length} problem${problems.length > 1 ? 's' : ''} in the Xero contacts ` +
      'file(s), so nothing was imported. Save the GET /Contacts responses again (or fix the files) and retry.';
    throw new ImportError(summary, problems);
  }
  return file;
}
