import { describe, expect, it } from 'vitest';
import type { XeroDocument } from '../../shared/exceptions';
import { checkInvoiceNumber, type CocoonDocument } from './invoice-check';

const SYNCED = { synced: true, syncedAt: '2025-06-01T00:00:00.000Z' };

const xero = (o: Partial<XeroDocument> = {}): XeroDocument => ({
  invoiceId: 'i-1',
  docType: 'invoice',
  type: 'ACCREC',
  number: 'INV-0001',
  contactId: 'c-1',
  contactName: 'Acme Freight Pty Ltd',
  contactAccountNumber: 'ACME01',
  date: '2025-03-03',
  total: 1250,
  currency: 'AUD',
  status: 'AUTHORISED',
  ...o,
});

const doc = (o: Partial<CocoonDocument> = {}): CocoonDocument => ({
  docType: 'invoice',
  number: 'INV-0001',
  accountCode: 'ACME01',
  contactName: 'Acme Freight Pty Ltd',
  date: '2025-03-03',
  total: 1250,
  currency: 'AUD',
  ...o,
});

describe('checkInvoiceNumber', () => {
  it('exists_matches when contact, date, total, currency and type agree (number compared without case)', () => {
    const c = checkInvoiceNumber(doc({ number: 'inv-0001', total: 1250.004 }), [xero()], SYNCED);
    expect(c).toMatchObject({ verdict: 'exists_matches', differences: [], notCompared: [], xero: { invoiceId: 'i-1' } });
    expect(c.compared).toEqual(['type', 'contact', 'date', 'total', 'currency', 'status']);
    expect(c.summary).toBe(
      'The invoice INV-0001 exists in Xero and matches on type, contact, date, total and currency: safe to close the exception in CocoonOPS.',
    );
  });

  it('exists_differs lists every difference with both values', () => {
    const c = checkInvoiceNumber(
      doc({ accountCode: 'BOS01', date: '2025-03-04', total: 1300, currency: 'nzd', docType: 'credit_note' }),
      [xero()],
      SYNCED,
    );
    expect(c.verdict).toBe('exists_differs');
    expect(c.differences).toEqual([
      { field: 'type', cocoon: 'credit note', xero: 'invoice (ACCREC)' },
      { field: 'contact', cocoon: 'BOS01', xero: 'ACME01 (Acme Freight Pty Ltd)' },
      { field: 'date', cocoon: '2025-03-04', xero: '2025-03-03' },
      { field: 'total', cocoon: '1300.00', xero: '1250.00' },
      { field: 'currency', cocoon: 'NZD', xero: 'AUD' },
    ]);
    expect(c.summary).toContain('total: 1300.00 in CocoonOPS, 1250.00 in Xero');
  });

  it('treats a voided or deleted Xero document as a difference, and notes a draft', () => {
    expect(checkInvoiceNumber(doc(), [xero({ status: 'VOIDED' })], SYNCED).differences).toEqual([
      { field: 'status', cocoon: 'active', xero: 'VOIDED' },
    ]);
    const draft = checkInvoiceNumber(doc(), [xero({ status: 'DRAFT' })], SYNCED);
    expect(draft).toMatchObject({ verdict: 'exists_matches', notes: ['The Xero invoice is still a DRAFT.'] });
  });

  it('with nothing to compare, says "exists in Xero: compare it" and lists what to compare, never "matches"', () => {
    const c = checkInvoiceNumber(
      { docType: null, number: 'INV-0001', accountCode: '', contactName: '', date: '', total: null, currency: '' },
      [xero()],
      SYNCED,
    );
    expect(c.verdict).toBe('exists_unverified');
    expect(c.notCompared.map((n) => n.field)).toEqual(['type', 'contact', 'date', 'total', 'currency']);
    expect(c.notCompared.find((n) => n.field === 'total')!.why).toBe('the exception has no total');
    expect(c.summary).toBe(
      "The invoice INV-0001 exists in Xero: compare it with CocoonOPS's invoice before closing — its type, contact, date, total and currency (not in the exception).",
    );
    expect(c.summary).not.toMatch(/match|safe to close/);
  });

  it('says "matches" only about what it compared', () => {
    // Only the contact: it exists, the contact matches, the rest is to compare by hand.
    const some = checkInvoiceNumber(doc({ docType: null, date: '', total: null, currency: '' }), [xero()], SYNCED);
    expect(some.verdict).toBe('exists_unverified');
    expect(some.summary).toBe(
      "The invoice INV-0001 exists in Xero: compare it with CocoonOPS's invoice before closing — its type, date, total and currency (not in the exception); its contact matches.",
    );
    // Contact, date and total agree: safe to close, naming what was not compared.
    const enough = checkInvoiceNumber(doc({ docType: null, currency: '' }), [xero()], SYNCED);
    expect(enough.verdict).toBe('exists_matches');
    expect(enough.summary).toBe(
      'The invoice INV-0001 exists in Xero and matches on contact, date and total (type and currency not compared: not in the exception): safe to close the exception in CocoonOPS.',
    );
    // A difference found in what was compared is a difference, whatever was not compared.
    expect(checkInvoiceNumber(doc({ date: '', total: 99 }), [xero()], SYNCED).verdict).toBe('exists_differs');
  });

  it('compares the contact by name when its Account Number is unknown, and notes a name difference behind equal codes', () => {
    const byName = checkInvoiceNumber(doc({ contactName: 'ACME FREIGHT PTY. LTD.' }), [xero({ contactAccountNumber: null })], SYNCED);
    expect(byName).toMatchObject({ verdict: 'exists_matches', notes: [expect.stringContaining('compared by name')] });
    const other = checkInvoiceNumber(doc({ contactName: 'Blue Ocean' }), [xero({ contactAccountNumber: null })], SYNCED);
    expect(other.differences).toEqual([{ field: 'contact', cocoon: 'Blue Ocean', xero: 'Acme Freight Pty Ltd' }]);
    const renamed = checkInvoiceNumber(doc({ contactName: 'Acme Freight' }), [xero()], SYNCED);
    expect(renamed).toMatchObject({ verdict: 'exists_matches', notes: [expect.stringContaining('the names differ')] });
    const noNumber = checkInvoiceNumber(doc(), [xero({ contactAccountNumber: '' })], SYNCED);
    expect(noNumber.differences).toEqual([{ field: 'contact', cocoon: 'ACME01', xero: 'Acme Freight Pty Ltd (no Account Number)' }]);
  });

  it("compares a credit note's total without its sign", () => {
    const cn = xero({ docType: 'credit_note', type: 'ACCRECCREDIT', number: 'CN-0001', total: 125 });
    expect(checkInvoiceNumber(doc({ docType: 'credit_note', number: 'CN-0001', total: -125 }), [cn], SYNCED).verdict).toBe(
      'exists_matches',
    );
  });

  it('prefers the document of the same type when an invoice and a credit note share the number', () => {
    const inv = xero({ invoiceId: 'b', number: 'INV-0007', total: 7425.1 });
    const cn = xero({ invoiceId: 'a', docType: 'credit_note', type: 'ACCRECCREDIT', number: 'INV-0007', total: 200 });
    const c = checkInvoiceNumber(doc({ number: 'INV-0007', total: 7425.1 }), [cn, inv], SYNCED);
    expect(c).toMatchObject({ verdict: 'exists_matches', xero: { invoiceId: 'b' }, others: [{ invoiceId: 'a' }] });
    const asCredit = checkInvoiceNumber(doc({ number: 'INV-0007', total: 200, docType: 'credit_note' }), [cn, inv], SYNCED);
    expect(asCredit.xero?.invoiceId).toBe('a');
  });

  it('not_found when no sales document has the number; bills with it do not count', () => {
    const bill = xero({ type: 'ACCPAY', number: 'INV-0003' });
    const c = checkInvoiceNumber(doc({ number: 'INV-0003' }), [bill], SYNCED);
    expect(c).toMatchObject({ verdict: 'not_found', xero: null, notes: [expect.stringContaining('A bill (ACCPAY) has this number')] });
    expect(c.summary).toBe('INV-0003 is not among the synced sales invoices and credit notes: re-send it from CocoonOPS.');
  });

  it('cannot_check (never not_found) when Xero was never synced, or the exception has no number', () => {
    expect(checkInvoiceNumber(doc(), [], { synced: false, syncedAt: null })).toMatchObject({
      verdict: 'cannot_check',
      summary: 'Cannot check INV-0001: no invoices synced yet (sync Xero first).',
    });
    // A sync that brought no sales documents is no evidence that the number is free.
    expect(checkInvoiceNumber(doc(), [], { synced: false, syncedAt: '2026-12-01T00:00:00.000Z' })).toMatchObject({
      verdict: 'cannot_check',
      summary: 'Cannot check INV-0001: no invoices synced yet (the last sync found no sales invoices or credit notes in Xero).',
    });
    expect(checkInvoiceNumber(doc({ number: ' ' }), [xero()], SYNCED)).toMatchObject({
      verdict: 'cannot_check',
      summary: expect.stringContaining('no invoice or credit note number'),
    });
  });
});
