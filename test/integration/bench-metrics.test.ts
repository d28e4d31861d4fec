// bench/metrics.ts: per-kind P/R/F1 (kind AND contact must be right), links, unrelated holders, confusion.
import { describe, expect, it } from 'vitest';
import { evaluate, predictionsFromRows, prf, truthFromRows } from '../../bench/metrics';
import type { Prediction, TruthEntry } from '../../bench/metrics';

const truth: TruthEntry[] = [
  { code: 'A1', kind: 'ok', xeroContactId: 'c1', codeHolderId: 'c1' },
  { code: 'A2', kind: 'name_mismatch', xeroContactId: 'c2', codeHolderId: 'c2' },
  { code: 'A3', kind: 'code_conflict', xeroContactId: 'c3', codeHolderId: 'h3' },
  { code: 'A4', kind: 'not_in_xero', xeroContactId: '', codeHolderId: '' },
  { code: 'A5', kind: 'code_missing', xeroContactId: 'c5', codeHolderId: '' },
];

describe('bench metrics', () => {
  it('scores a perfect run as 1 everywhere', () => {
    const preds: Prediction[] = truth.map((t) => ({ accountCode: t.code, kind: t.kind, xeroContactId: t.xeroContactId || null }));
    const m = evaluate(preds, truth);
    expect(m.accuracy).toBe(1);
    expect(m.macroF1).toBe(1);
    expect(m.link).toMatchObject({ precision: 1, recall: 1, f1: 1, tp: 4 });
    expect(m.wrongUnrelatedHolderLinks).toBe(0);
    expect(m.confusion.ok).toEqual({ ok: 1 });
  });

  it('needs kind and contact both right; counts links to unrelated holders; keeps a confusion matrix', () => {
    const preds: Prediction[] = [
      { accountCode: 'A1', kind: 'ok', xeroContactId: 'c1' }, // right
      { accountCode: 'A2', kind: 'name_mismatch', xeroContactId: 'cX' }, // right kind, wrong contact
      { accountCode: 'A3', kind: 'name_mismatch', xeroContactId: 'h3' }, // linked to the unrelated holder
      { accountCode: 'A4', kind: 'code_missing', xeroContactId: 'c9' }, // invented link
      // A5 missing
      { accountCode: 'ZZ', kind: 'ok', xeroContactId: 'c1' }, // not in the truth: ignored
    ];
    const m = evaluate(preds, truth);
    expect(m.accounts).toBe(5);
    expect(m.accuracy).toBeCloseTo(1 / 5);
    expect(m.microF1).toBe(m.accuracy);
    expect(m.kindAccuracy).toBeCloseTo(2 / 5);
    expect(m.missingPredictions).toBe(1);
    expect(m.unknownPredictions).toBe(1);
    expect(m.wrongUnrelatedHolderLinks).toBe(1);

    const k = Object.fromEntries(m.perKind.map((x) => [x.kind, x]));
    expect(k.ok).toMatchObject({ tp: 1, predicted: 1, actual: 1, precision: 1, recall: 1, f1: 1 });
    expect(k.name_mismatch).toMatchObject({ tp: 0, predicted: 2, actual: 1, precision: 0, recall: 0, f1: 0 });
    expect(k.code_conflict).toMatchObject({ tp: 0, predicted: 0, actual: 1, precision: null, recall: 0, f1: null });
    expect(k.code_missing).toMatchObject({ tp: 0, predicted: 1, actual: 1 });
    // macro over the 5 kinds in the truth: only ok scores
    expect(m.macroF1).toBeCloseTo(1 / 5);

    // links: predicted c1, cX, h3, c9 (4); truth c1, c2, c3, c5 (4); right: c1
    expect(m.link).toMatchObject({ tp: 1, predicted: 4, actual: 4, precision: 0.25, recall: 0.25 });
    expect(m.confusion.code_conflict).toEqual({ name_mismatch: 1 });
    expect(m.confusion.code_missing).toEqual({ '(none)': 1 });
  });

  it('a right "not in Xero" needs no link', () => {
    const m = evaluate([{ accountCode: 'A4', kind: 'not_in_xero', xeroContactId: null }], [truth[3] as TruthEntry]);
    expect(m.accuracy).toBe(1);
    expect(m.link).toMatchObject({ predicted: 0, actual: 0, precision: null, recall: null, f1: null });
  });

  it('computes F1 as the harmonic mean', () => {
    expect(prf(2, 4, 2)).toMatchObject({ precision: 0.5, recall: 1 });
    expect(prf(2, 4, 2).f1).toBeCloseTo(2 / 3);
    expect(prf(0, 3, 3).f1).toBe(0);
  });

  it('reads the CLI findings CSV and truth.csv rows', () => {
    const preds = predictionsFromRows([
      { billing_account_code: "'-12", xero_contact_id: '', finding: 'not_in_xero', score: '0', code_holder_id: '', explanation: '' },
      { billing_account_code: 'B2', xero_contact_id: ' c2 ', finding: 'ok', score: '1', code_holder_id: 'c2', explanation: '' },
    ]);
    expect(preds).toEqual([
      { accountCode: '-12', kind: 'not_in_xero', xeroContactId: null },
      { accountCode: 'B2', kind: 'ok', xeroContactId: 'c2' },
    ]);
    expect(truthFromRows([{ billing_account_code: 'B2', xero_contact_id: 'c2', finding: 'ok', code_holder_id: 'c2' }])).toEqual([
      { code: 'B2', kind: 'ok', xeroContactId: 'c2', codeHolderId: 'c2' },
    ]);
    expect(() => predictionsFromRows([{ foo: 'x' }])).toThrow(/billing_account_code/);
  });
});
