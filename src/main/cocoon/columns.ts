// Header row → which column holds which billing-account field (tolerant matching, synonyms, explicit mapping).
import type { Problem } from '../errors';

export const ACCOUNT_FIELDS = ['name', 'code', 'contactName', 'email', 'phone', 'address', 'postcode', 'status'] as const;
export type AccountField = (typeof ACCOUNT_FIELDS)[number];
export const REQUIRED_FIELDS: readonly AccountField[] = ['name', 'code'];

/** Header text per field, chosen by the user; null = do not use this field. Overrides detection. */
export type ColumnMapping = Partial<Record<AccountField, string | null>>;

export interface ResolvedColumns {
  /** Header text per field (as written in the file), null when the file has no such column. */
  mapping: Record<AccountField, string | null>;
  /** Column index per field, null when unmapped. */
  index: Record<AccountField, number | null>;
  /** Headers that no field uses (ignored). */
  unknown: string[];
}

export const FIELD_LABELS: Record<AccountField, string> = {
  name: 'organisation name',
  code: 'billing account code',
  contactName: 'contact name',
  email: 'email',
  phone: 'phone',
  address: 'address',
  postcode: 'postcode',
  status: 'status',
};

/** Synonyms per field, best first; compared after normaliseHeader. */
const SYNONYMS: Record<AccountField, readonly string[]> = {
  name: ['Organisation Name', 'Organization Name', 'Organisation', 'Organization', 'Company Name', 'Company',
    'Customer Name', 'Customer', 'Account Name', 'Billing Account Name', 'Business Name', 'Name'],
  code: ['Billing Account Code', 'Billing Account Number', 'Account Code', 'Account Number', 'Account No',
    'Billing Code', 'Customer Code', 'Code'],
  contactName: ['Contact Name', 'Contact Person', 'Contact'],
  email: ['Email', 'Email Address', 'E-mail', 'E-mail Address'],
  phone: ['Phone', 'Phone Number', 'Telephone', 'Telephone Number', 'Tel', 'Mobile', 'Mobile Number'],
  address: ['Address', 'Billing Address', 'Street Address', 'Street', 'Postal Address'],
  postcode: ['Postcode', 'Post Code', 'Postal Code', 'ZIP Code', 'Zip'],
  status: ['Status', 'Account Status'],
};

/** Lower case, accents and everything but letters and digits removed: "E-mail Address " → "emailaddress". */
export function normaliseHeader(header: string): string {
  return header.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** normalised synonym → [field, rank] (lower rank = better). */
const SYNONYM_INDEX = new Map<string, [AccountField, number]>();
for (const field of ACCOUNT_FIELDS) {
  SYNONYMS[field].forEach((s, rank) => SYNONYM_INDEX.set(normaliseHeader(s), [field, rank]));
}

export function fieldForHeader(header: string): AccountField | null {
  return SYNONYM_INDEX.get(normaliseHeader(header))?.[0] ?? null;
}

function quoteList(items: readonly string[]): string {
  return items.map((h) => `"${h}"`).join(', ');
}

function findHeader(header: readonly string[], wanted: string): number {
  const exact = header.findIndex((h) => h.trim() === wanted.trim());
  if (exact >= 0) return exact;
  const key = normaliseHeader(wanted);
  return key === '' ? -1 : header.findIndex((h) => normaliseHeader(h) === key);
}

function emptyRecord<T>(value: T): Record<AccountField, T> {
  return Object.fromEntries(ACCOUNT_FIELDS.map((f) => [f, value])) as Record<AccountField, T>;
}

/**
 * Matches a header row to fields. Problems (all on the header row): an explicit mapping naming a missing
 * header or an unknown field, a missing required column (errors); two columns for one field (warning).
 */
export function resolveColumns(header: readonly string[], explicit: ColumnMapping = {}, headerRow = 1): {
  columns: ResolvedColumns;
  problems: Problem[];
} {
  const index = emptyRecord<number | null>(null);
  const problems: Problem[] = [];
  const found = quoteList(header.filter((h) => h.trim() !== ''));
  const claimed = new Set<number>();
  const fixed = new Set<string>();
  const badMapping = new Set<AccountField>();

  for (const [key, wanted] of Object.entries(explicit) as [string, string | null | undefined][]) {
    if (wanted === undefined) continue;
    if (!(ACCOUNT_FIELDS as readonly string[]).includes(key)) {
      problems.push({ row: headerRow, severity: 'error', message: `the column mapping names an unknown field "${key}"; fields are ${ACCOUNT_FIELDS.join(', ')}` });
      continue;
    }
    const field = key as AccountField;
    fixed.add(field);
    if (wanted === null) continue;
    const at = findHeader(header, wanted);
    if (at < 0) {
      problems.push({ row: headerRow, severity: 'error', message: `the column mapping uses "${wanted}" for the ${FIELD_LABELS[field]}, but the file has no such column. Columns found: ${found}` });
      badMapping.add(field);
      continue;
    }
    index[field] = at;
    claimed.add(at);
  }

  const best = new Map<AccountField, { at: number; rank: number }>();
  const also = new Map<AccountField, number[]>();
  header.forEach((h, at) => {
    if (claimed.has(at)) return;
    const hit = SYNONYM_INDEX.get(normaliseHeader(h));
    if (!hit || fixed.has(hit[0])) return;
    const [field, rank] = hit;
    const current = best.get(field);
    if (!current || rank < current.rank) {
      if (current) also.set(field, [...(also.get(field) ?? []), current.at]);
      best.set(field, { at, rank });
    } else {
      also.set(field, [...(also.get(field) ?? []), at]);
    }
  });
  for (const [field, { at }] of best) {
    index[field] = at;
    claimed.add(at);
    const others = also.get(field);
    if (others) {
      problems.push({
        row: headerRow,
        severity: 'warning',
        message: `${quoteList([header[at] ?? '', ...others.map((o) => header[o] ?? '')])} all look like the ${FIELD_LABELS[field]}; ` +
          `using "${header[at]}" (pass a column mapping to choose another)`,
      });
    }
  }

  for (const field of REQUIRED_FIELDS) {
    if (index[field] !== null || badMapping.has(field)) continue;
    const examples = quoteList(SYNONYMS[field].slice(0, 3));
    problems.push({
      row: headerRow,
      severity: 'error',
      message: `no column for the ${FIELD_LABELS[field]} (looked for headers such as ${examples}). Columns found: ${found}. ` +
        `Choose the column with a mapping, e.g. { ${field}: "<header in your file>" } (CLI: --map ${field}="<header>")`,
    });
  }

  const mapping = emptyRecord<string | null>(null);
  for (const field of ACCOUNT_FIELDS) {
    const at = index[field];
    mapping[field] = at === null ? null : (header[at] ?? null);
  }
  const unknown = header.filter((h, at) => !claimed.has(at) && h.trim() !== '');
  return { columns: { mapping, index, unknown }, problems };
}
