// The review table's column transport (see ReviewColumns) to rows and back. No zod: used by the renderer.
import type { ReviewColumns, ReviewRow } from './review';

export function rowsFromColumns(c: ReviewColumns): ReviewRow[] {
  const n = c.code.length;
  const rows: ReviewRow[] = new Array(n);
  for (let i = 0; i < n; i++) {
    rows[i] = {
      code: c.code[i]!,
      row: c.row[i]!,
      name: c.name[i]!,
      kind: c.kind[i] ?? null,
      score: c.score[i]!,
      fix: c.fix[i] ?? null,
      xeroId: c.xeroId[i] ?? null,
      xeroName: c.xeroName[i]!,
      xeroNumber: c.xeroNumber[i]!,
      xeroStatus: c.xeroStatus[i] ?? null,
      decision: null,
      look: c.look[i] ?? null,
    };
  }
  for (const [i, d] of c.decisions) if (rows[i]) rows[i].decision = d;
  return rows;
}

export function columnsFromRows(rows: readonly ReviewRow[]): ReviewColumns {
  return {
    code: rows.map((r) => r.code),
    row: rows.map((r) => r.row),
    name: rows.map((r) => r.name),
    kind: rows.map((r) => r.kind),
    score: rows.map((r) => r.score),
    fix: rows.map((r) => r.fix),
    xeroId: rows.map((r) => r.xeroId),
    xeroName: rows.map((r) => r.xeroName),
    xeroNumber: rows.map((r) => r.xeroNumber),
    xeroStatus: rows.map((r) => r.xeroStatus),
    look: rows.map((r) => r.look),
    decisions: rows.flatMap((r, i) => (r.decision ? [[i, r.decision] as [number, NonNullable<ReviewRow['decision']>]] : [])),
  };
}
