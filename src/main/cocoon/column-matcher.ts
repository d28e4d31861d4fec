// Header row → which column holds which field, for any import: tolerant matching (case, spacing, punctuation,
// accents), synonyms ranked best first, and an explicit mapping that overrides detection. Pure.
import type { Problem } from './import-problems';

/** What one kind of import looks for in a header row. */
export interface ColumnSpec<F extends string> {
  fields: readonly F[];
  required: readonly F[];
  /** How messages name each field, e.g. "billing account code". */
  labels: Record<F, string>;
  /** Header texts per field, best first; compared after normaliseHeader. */
  synonyms: Record<F, readonly string[]>;
}

/** Header text per field, chosen by the user; null = do not use this field. Overrides detection. */
export type FieldMapping<F extends string> = Partial<Record<F, string | null>>;

export interface ResolvedFields<F extends string> {
  /** Header text per field (as written in the file), null when the file has no such column. */
  mapping: Record<F, string | null>;
  /** Column index per field, null when unmapped. */
  index: Record<F, number | null>;
  /** Headers that no field uses (ignored). */
  unknown: string[];
}

export interface ColumnMatcher<F extends string> {
  readonly spec: ColumnSpec<F>;
  fieldForHeader(header: string): F | null;
  resolve(header: readonly string[], explicit?: FieldMapping<F>, headerRow?: number): { columns: ResolvedFields<F>; problems: Problem[] };
  /** Every field mapped to null. */
  emptyMapping(): Record<F, string | null>;
}

/** Lower case, accents and everything but letters and digits removed: "E-mail Address " → "emailaddress". */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
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

export function createColumnMatcher<F extends string>(spec: ColumnSpec<F>): ColumnMatcher<F> {
  const { fields, required, labels, synonyms } = spec;
  /** normalised synonym → [field, rank] (lower rank = better). */
  const synonymIndex = new Map<string, [F, number]>();
  for (const field of fields) synonyms[field].forEach((s, rank) => synonymIndex.set(normaliseHeader(s), [field, rank]));

  const emptyRecord = <T>(value: T): Record<F, T> => Object.fromEntries(fields.map((f) => [f, value])) as Record<F, T>;

  /**
   * Matches a header row to fields. Problems (all on the header row): an explicit mapping naming a missing
   * header or an unknown field, a missing required column (errors); two columns for one field (warning).
   */
  function resolve(
    header: readonly string[],
    explicit: FieldMapping<F> = {},
    headerRow = 1,
  ): { columns: ResolvedFields<F>; problems: Problem[] } {
    const index = emptyRecord<number | null>(null);
    const problems: Problem[] = [];
    const found = quoteList(header.filter((h) => h.trim() !== ''));
    const claimed = new Set<number>();
    const fixed = new Set<F>();
    const badMapping = new Set<F>();

    for (const [key, wanted] of Object.entries(explicit) as [string, string | null | undefined][]) {
      if (wanted === undefined) continue;
      if (!(fields as readonly string[]).includes(key)) {
        problems.push({
          row: headerRow,
          severity: 'error',
          message: `the column mapping names an unknown field "${key}"; fields are ${fields.join(', ')}`,
        });
        continue;
      }
      const field = key as F;
      fixed.add(field);
      if (wanted === null) continue;
      const at = findHeader(header, wanted);
      if (at < 0) {
        problems.push({
          row: headerRow,
          severity: 'error',
          message: `the column mapping uses "${wanted}" for the ${labels[field]}, but the file has no such column. Columns found: ${found}`,
        });
        badMapping.add(field);
        continue;
      }
      index[field] = at;
      claimed.add(at);
    }

    const best = new Map<F, { at: number; rank: number }>();
    const also = new Map<F, number[]>();
    header.forEach((h, at) => {
      if (claimed.has(at)) return;
      const hit = synonymIndex.get(normaliseHeader(h));
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
          message:
            `${quoteList([header[at] ?? '', ...others.map((o) => header[o] ?? '')])} all look like the ${labels[field]}; ` +
            `using "${header[at]}" (pass a column mapping to choose another)`,
        });
      }
    }

    for (const field of required) {
      if (index[field] !== null || badMapping.has(field)) continue;
      const examples = quoteList(synonyms[field].slice(0, 3));
      problems.push({
        row: headerRow,
        severity: 'error',
        message:
          `no column for the ${labels[field]} (looked for headers such as ${examples}). Columns found: ${found}. ` +
          `Choose the column with a mapping, e.g. { ${field}: "<header in your file>" } (CLI: --map ${field}="<header>")`,
      });
    }

    const mapping = emptyRecord<string | null>(null);
    for (const field of fields) {
      const at = index[field];
      mapping[field] = at === null ? null : (header[at] ?? null);
    }
    const unknown = header.filter((h, at) => !claimed.has(at) && h.trim() !== '');
    return { columns: { mapping, index, unknown }, problems };
  }

  return {
    spec,
    fieldForHeader: (header) => synonymIndex.get(normaliseHeader(header))?.[0] ?? null,
    resolve,
    emptyMapping: () => emptyRecord<string | null>(null),
  };
}
