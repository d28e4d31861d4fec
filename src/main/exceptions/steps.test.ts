import { describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/domain';
import type { ExceptionItem, InvoiceCheck } from '../../shared/exceptions';
import { classifyMessage } from './classify-message';
import { RESEND_STEPS } from './playbooks';
import { resendSteps, stepsFor } from './steps';

const item = (message: string, o: Partial<ExceptionItem> = {}): ExceptionItem => {
  const c = classifyMessage(message);
  return {
    id: 7,
    source: 'file',
    fileName: 'x.csv',
    row: 2,
    message,
    docType: 'invoice',
    number: 'INV-0001',
    accountCode: 'SCT01',
    contactName: '',
    date: '',
    total: null,
    currency: '',
    state: '',
    raisedAt: '',
    playbookId: c.playbookId,
    also: c.also,
    details: c.details,
    verdict: null,
    check: null,
    checkedAt: null,
    importedAt: 't',
    lastSeenAt: 't',
    resolvedAt: null,
    resolvedNote: '',
    ...o,
  };
};

const check = (verdict: InvoiceCheck['verdict'], o: Partial<InvoiceCheck> = {}): InvoiceCheck => ({
  verdict,
  summary: 'summary.',
  xero: null,
  differences: [],
  compared: ['contact', 'total'],
  notCompared: [],
  notes: [],
  others: [],
  syncedAt: null,
  ...o,
});

const finding = (o: Partial<Finding> = {}): Finding => ({
  accountCode: 'SCT01',
  accountRow: 2,
  kind: 'name_mismatch',
  xeroContactId: 'c',
  codeHolderId: 'c',
  score: 0.9,
  explanation: "the code's holder is named Southern Cross Transport",
  contributions: [],
  candidates: [],
  fix: 'rename_in_xero_or_cocoon',
  sync: { outcome: 'refused', message: null, doubt: null },
  ...o,
});

const texts = (steps: { text: string }[]) => steps.map((s) => s.text);

describe('resendSteps', () => {
  it("are the seed's three state-toggle steps, for this document", () => {
    expect(RESEND_STEPS).toEqual([
      'Set the invoice state to something other than issued, if it is currently issued.',
      'Set the invoice state to issued to trigger the sync operation.',
      'Set the invoice state back to the original state if it was not issued.',
    ]);
    expect(texts(resendSteps({ docType: 'credit_note', number: 'CN-1', state: '' }))).toEqual([
      'Credit note CN-1: set the invoice state to something other than issued, if it is currently issued.',
      'Credit note CN-1: set the invoice state to issued to trigger the sync operation.',
      'Credit note CN-1: set the invoice state back to the original state if it was not issued.',
    ]);
    expect(texts(resendSteps({ docType: 'invoice', number: 'INV-1', state: 'Issued' }))).toHaveLength(2);
    expect(texts(resendSteps({ docType: 'invoice', number: 'INV-1', state: 'Approved' }))[2]).toBe(
      'Invoice INV-1: set the invoice state back to "Approved" (its state before the re-send).',
    );
  });
});

describe('stepsFor', () => {
  const unique = 'Invoice # must be unique';

  it('exists_matches: close the exception', () => {
    const steps = stepsFor(item(unique, { verdict: 'exists_matches', check: check('exists_matches') }), { finding: null, decision: null });
    expect(steps).toEqual([
      {
        exceptionId: 7,
        accountCode: 'SCT01',
        documentNumber: 'INV-0001',
        docType: 'invoice',
        order: 1,
        place: 'cocoonops',
        kind: 'close_exception',
        text: 'Close the exception for invoice INV-0001 in CocoonOPS: it exists in Xero and matches (compared: contact, total).',
      },
    ]);
  });

  it('exists_differs: compare in Xero with the differences, then close', () => {
    const c = check('exists_differs', { differences: [{ field: 'total', cocoon: '1300.00', xero: '1250.00' }] });
    const steps = stepsFor(item(unique, { verdict: 'exists_differs', check: c }), { finding: null, decision: null });
    expect(steps.map((s) => [s.place, s.kind])).toEqual([
      ['xero', 'check'],
      ['cocoonops', 'close_exception'],
    ]);
    expect(steps[0]!.text).toContain('total 1300.00 in CocoonOPS vs 1250.00 in Xero');
    const voided = check('exists_differs', { differences: [{ field: 'status', cocoon: 'active', xero: 'VOIDED' }] });
    expect(stepsFor(item(unique, { verdict: 'exists_differs', check: voided }), { finding: null, decision: null })[0]!.text).toBe(
      'Invoice INV-0001 is VOIDED in Xero and still holds the number: if it was cancelled on purpose, cancel it in CocoonOPS too; if it should be in Xero, it needs another number (ask CocoonOPS support), then re-send it.',
    );
  });

  it('exists_unverified: compare in Xero what the exception did not give, then close or renumber', () => {
    const c = check('exists_unverified', {
      compared: ['contact', 'status'],
      notCompared: [
        { field: 'date', why: 'x' },
        { field: 'total', why: 'y' },
      ],
    });
    const steps = stepsFor(item(unique, { verdict: 'exists_unverified', check: c }), { finding: null, decision: null });
    expect(steps.map((s) => [s.place, s.kind])).toEqual([
      ['xero', 'check'],
      ['cocoonops', 'close_exception'],
    ]);
    expect(texts(steps)).toEqual([
      "Open invoice INV-0001 in Xero and compare its date and total with CocoonOPS's: the exception did not give them.",
      'If it is the same invoice, close the exception for invoice INV-0001 in CocoonOPS; if not, it needs another number (ask CocoonOPS support), then re-send it.',
    ]);
  });

  it('not_found: the three re-send steps; cannot_check: check first', () => {
    const nf = stepsFor(item(unique, { verdict: 'not_found', check: check('not_found') }), { finding: null, decision: null });
    expect(nf.map((s) => s.kind)).toEqual(['resend', 'resend', 'resend']);
    const cc = stepsFor(
      item(unique, { verdict: 'cannot_check', check: check('cannot_check', { summary: 'Cannot check INV-0001: sync Xero first.' }) }),
      { finding: null, decision: null },
    );
    expect(cc).toMatchObject([
      {
        place: 'reconciler',
        kind: 'check',
        text: 'Cannot check INV-0001: sync Xero first. Until then, look invoice INV-0001 up in Xero by number.',
      },
    ]);
  });

  it('"Account Number already exists": fix the account per its finding and decision, then re-send', () => {
    const e = item('The Account Number already exists. Please enter a different Account Number.');
    const steps = stepsFor(e, {
      finding: finding(),
      decision: { id: 3, action: 'rename_in_cocoon', note: 'use the Xero name', createdAt: 't' },
    });
    expect(steps.map((s) => s.kind)).toEqual(['fix', 'resend', 'resend', 'resend']);
    expect(steps[0]!.text).toBe(
      "Fix billing account SCT01 first (Name mismatch: the code's holder is named Southern Cross Transport); it will fail again until this is fixed. Decided: Rename in CocoonOPS (use the Xero name).",
    );
    const fixed = stepsFor(e, { finding: finding({ kind: 'ok' }), decision: null });
    expect(fixed[0]).toMatchObject({ kind: 'check', text: expect.stringContaining('now matches its Xero contact') });
    const noFinding = stepsFor(e, { finding: null, decision: null });
    expect(noFinding.filter((s) => s.kind === 'fix')).toHaveLength(3);
  });

  it('playbooks without a document check: their fix steps (placed in Xero or CocoonOPS), then re-send unless told never', () => {
    const lock = stepsFor(item('The document date cannot be before the period lock date'), { finding: null, decision: null });
    expect(lock.map((s) => [s.place, s.kind])).toEqual([
      ['xero', 'fix'],
      ['cocoonops', 'fix'],
      ['cocoonops', 'resend'],
      ['cocoonops', 'resend'],
      ['cocoonops', 'resend'],
    ]);
    const locked = stepsFor(
      item('This document cannot be edited as it has a payment or credit note allocated to it.', {
        verdict: 'not_found',
        check: check('not_found'),
      }),
      { finding: null, decision: null },
    );
    expect(locked.some((s) => s.kind === 'resend')).toBe(false);
    expect(locked[0]!.text).toBe('Do not re-send: it would fail the same way.');
    const busy = stepsFor(item('Too many requests'), { finding: null, decision: null });
    expect(busy.map((s) => s.kind)).toEqual(['wait', 'resend', 'resend', 'resend']);
  });

  it('none once resolved', () => {
    expect(stepsFor(item(unique, { resolvedAt: 't' }), { finding: null, decision: null })).toEqual([]);
  });
});
