// Quality of a set of findings against the bench truth. Pure: no I/O.
import { FINDING_KINDS } from '../src/shared/domain';

export interface Prediction {
  accountCode: string;
  kind: string;
  xeroContactId: string | null;
}

export interface TruthEntry {
  code: string;
  kind: string;
  /** '' when the business is not in Xero. */
  xeroContactId: string;
  /** '' when no contact holds the code. */
  codeHolderId: string;
}

export interface Prf {
  tp: number;
  /** How many the engine said / how many the truth has. */
  predicted: number;
  actual: number;
  /** null when undefined (nothing predicted / nothing to find). */
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface KindScore extends Prf {
  kind: string;
}

export interface Metrics {
  accounts: number;
  /** Accounts whose kind AND linked contact are right (= micro-averaged F1 over accounts). */
  accuracy: number;
  microF1: number;
  /** Mean F1 over the kinds present in the truth (an undefined F1 counts as 0). */
  macroF1: number;
  /** Accounts whose kind is right, whatever the contact. */
  kindAccuracy: number;
  perKind: KindScore[];
  /** Over (account, xero contact) pairs. */
  link: Prf;
  /** Accounts linked to the code holder when the truth says the holder is another business. */
  wrongUnrelatedHolderLinks: number;
  /** Accounts in the truth with no prediction (they count as wrong). */
  missingPredictions: number;
  /** Predictions for accounts not in the truth (ignored). */
  unknownPredictions: number;
  /** truth kind → predicted kind → count ('(none)' = no prediction). */
  confusion: Record<string, Record<string, number>>;
}

export function prf(tp: number, predicted: number, actual: number): Prf {
  const precision = predicted > 0 ? tp / predicted : null;
  const recall = actual > 0 ? tp / actual : null;
  const f1 = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, predicted, actual, precision, recall, f1 };
}

const norm = (s: string | null | undefined) => (s ?? '').trim();

export function evaluate(predictions: readonly Prediction[], truth: readonly TruthEntry[]): Metrics {
  const byCode = new Map<string, Prediction>();
  const truthCodes = new Set(truth.map((t) => norm(t.code)));
  let unknownPredictions = 0;
  for (const p of predictions) {
    const code = norm(p.accountCode);
    if (!truthCodes.has(code)) unknownPredictions++;
    else byCode.set(code, p);
  }
  const kinds = [...FINDING_KINDS] as string[];
  for (const t of truth) if (!kinds.includes(t.kind)) kinds.push(t.kind);
  for (const p of byCode.values()) if (!kinds.includes(p.kind)) kinds.push(p.kind);

  const tp = new Map<string, number>();
  const predicted = new Map<string, number>();
  const actual = new Map<string, number>();
  const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const confusion: Record<string, Record<string, number>> = {};
  let correct = 0;
  let kindCorrect = 0;
  let missing = 0;
  let wrongHolder = 0;
  let linkTp = 0;
  let linkPred = 0;
  let linkActual = 0;

  for (const t of truth) {
    const p = byCode.get(norm(t.code));
    const predKind = p?.kind ?? '(none)';
    const predContact = norm(p?.xeroContactId);
    const truthContact = norm(t.xeroContactId);
    inc(actual, t.kind);
    if (p) inc(predicted, p.kind);
    else missing++;
    const row = (confusion[t.kind] ??= {});
    row[predKind] = (row[predKind] ?? 0) + 1;
    const contactRight = predContact === truthContact;
    if (p && p.kind === t.kind && contactRight) {
      correct++;
      inc(tp, t.kind);
    }
    if (p && p.kind === t.kind) kindCorrect++;
    if (predContact !== '') linkPred++;
    if (truthContact !== '') linkActual++;
    if (predContact !== '' && contactRight) linkTp++;
    const holder = norm(t.codeHolderId);
    if (holder !== '' && holder !== truthContact && predContact === holder) wrongHolder++;
  }

  const perKind: KindScore[] = kinds
    .filter((k) => (actual.get(k) ?? 0) > 0 || (predicted.get(k) ?? 0) > 0)
    .map((kind) => ({ kind, ...prf(tp.get(kind) ?? 0, predicted.get(kind) ?? 0, actual.get(kind) ?? 0) }));
  const present = perKind.filter((k) => k.actual > 0);
  const n = truth.length;
  return {
    accounts: n,
    accuracy: n > 0 ? correct / n : 0,
    microF1: n > 0 ? correct / n : 0,
    macroF1: present.length > 0 ? present.reduce((s, k) => s + (k.f1 ?? 0), 0) / present.length : 0,
    kindAccuracy: n > 0 ? kindCorrect / n : 0,
    perKind,
    link: prf(linkTp, linkPred, linkActual),
    wrongUnrelatedHolderLinks: wrongHolder,
    missingPredictions: missing,
    unknownPredictions,
    confusion,
  };
}

const FORMULA_ESCAPED = /^'(?=[=+\-@\t\r])/;
const pickColumn = (row: Record<string, string>, names: readonly string[]) => {
  for (const n of names) if (n in row) return row[n] as string;
  return undefined;
};

/** Predictions from findings-CSV rows (the CLI's `billing_account_code,xero_contact_id,finding,…`, or camelCase). */
export function predictionsFromRows(rows: readonly Record<string, string>[]): Prediction[] {
  return rows.map((r) => {
    const code = pickColumn(r, ['billing_account_code', 'accountCode', 'account_code', 'code']);
    const kind = pickColumn(r, ['finding', 'kind']);
    if (code === undefined || kind === undefined) throw new Error('findings rows need billing_account_code and finding columns');
    const contact = pickColumn(r, ['xero_contact_id', 'xeroContactId']) ?? '';
    return {
      accountCode: code.replace(FORMULA_ESCAPED, ''),
      kind: kind.trim(),
      xeroContactId: contact.trim() === '' ? null : contact.trim(),
    };
  });
}

/** Truth from truth.csv rows. */
export function truthFromRows(rows: readonly Record<string, string>[]): TruthEntry[] {
  return rows.map((r) => ({
    code: r.billing_account_code ?? '',
    kind: r.finding ?? '',
    xeroContactId: r.xero_contact_id ?? '',
    codeHolderId: r.code_holder_id ?? '',
  }));
}
