// Writes the demo's Xero sales invoices and credit notes (demo/xero-invoices.json, demo/xero-credit-notes.json) and a
// CocoonOPS Exceptions Manager export (demo/exceptions.csv) from demo/cocoon.csv and demo/xero-contacts.json, so
// that the demo's Exceptions view shows every verdict. Deterministic: the same files on every run.
// Usage: npx tsx scripts/demo-documents.ts [DEMO_DIR]
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Rng } from '../bench/lib/prng';
import { matchFiles } from '../src/main/findings/match-files';
import type { Finding, XeroContact } from '../src/shared/domain';

const DAY = 86_400_000;
/** CocoonOPS sent its invoices between these days (UTC), 2026. */
const FIRST = Date.UTC(2026, 8, 1);
const LAST = Date.UTC(2026, 10, 30);

const uuid = (label: string): string => {
  const h = createHash('sha1').update(`reconciler demo ${label}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
const xeroDate = (ms: number): string => `/Date(${ms}+0000)/`;
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const auDay = (ms: number): string => isoDay(ms).split('-').reverse().join('/');
const cents = (n: number): number => Math.round(n * 100) / 100;
const money = (n: number): string => n.toLocaleString('en-AU', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const csvCell = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

interface Customer {
  code: string;
  /** The account's name in CocoonOPS (the Xero contact's, for an `ok` account). */
  name: string;
  contact: XeroContact;
}

interface Doc {
  kind: 'invoice' | 'credit_note';
  number: string;
  customer: Customer;
  day: number;
  total: number;
  status: 'DRAFT' | 'AUTHORISED' | 'PAID' | 'VOIDED';
  reference: string;
}

function toJson(d: Doc): Record<string, unknown> {
  const tax = cents(d.total / 11);
  const common = {
    Type: d.kind === 'invoice' ? 'ACCREC' : 'ACCRECCREDIT',
    Reference: d.reference,
    Contact: { ContactID: d.customer.contact.contactId, Name: d.customer.contact.name },
    DateString: `${isoDay(d.day)}T00:00:00`,
    Date: xeroDate(d.day),
    Status: d.status,
    LineAmountTypes: 'Inclusive',
    LineItems: [
      {
        Description: d.kind === 'invoice' ? 'Freight services' : 'Freight credit',
        Quantity: 1.0,
        UnitAmount: d.total,
        TaxAmount: tax,
        LineAmount: d.total,
        AccountCode: '200',
      },
    ],
    SubTotal: cents(d.total - tax),
    TotalTax: tax,
    Total: d.total,
    CurrencyCode: 'AUD',
    UpdatedDateUTC: xeroDate(d.day + 9 * 3_600_000),
  };
  if (d.kind === 'credit_note') {
    return { ...common, CreditNoteID: uuid(d.number), CreditNoteNumber: d.number, RemainingCredit: d.status === 'PAID' ? 0 : d.total };
  }
  const paid = d.status === 'PAID' ? d.total : 0;
  return {
    ...common,
    InvoiceID: uuid(d.number),
    InvoiceNumber: d.number,
    DueDate: xeroDate(d.day + 30 * DAY),
    AmountDue: cents(d.total - paid),
    AmountPaid: paid,
  };
}

function envelope(collection: 'Invoices' | 'CreditNotes', items: Record<string, unknown>[]): string {
  return `${JSON.stringify({ Id: uuid(collection), Status: 'OK', ProviderName: 'Cocoon Xero Reconciler', DateTimeUTC: xeroDate(LAST + DAY), [collection]: items }, null, 1)}\n`;
}

export async function generateDemoDocuments(
  demoDir: string,
  seed = 19,
): Promise<{ invoices: number; creditNotes: number; exceptions: number }> {
  const { parsed, contacts, result } = await matchFiles({ path: join(demoDir, 'cocoon.csv') }, join(demoDir, 'xero-contacts.json'));
  const byId = new Map(contacts.map((c) => [c.contactId, c]));
  const names = new Map(parsed.accounts.map((a) => [a.code, a.name]));
  const of = (kind: Finding['kind']): Finding[] => result.findings.filter((f) => f.kind === kind);
  const rng = new Rng(seed);

  // Customers whose invoices sync today: the contact of that name holds the code, and is a customer.
  const ok = of('ok')
    .map((f) => ({ code: f.accountCode, name: names.get(f.accountCode) ?? '', contact: byId.get(f.xeroContactId ?? '') }))
    .filter((c): c is Customer => c.contact !== undefined && c.contact.isCustomer && c.contact.status === 'ACTIVE');
  const customers = rng
    .fork('customers')
    .shuffle([...ok])
    .slice(0, 90);

  // About three months of CocoonOPS invoices, numbered in date order; some paid, a few voided or still drafts.
  const docs: Doc[] = [];
  const r = rng.fork('invoices');
  const days: number[] = [];
  for (let d = FIRST; d <= LAST; d += DAY) if (![0, 6].includes(new Date(d).getUTCDay())) days.push(d);
  let number = 104_200;
  for (const day of days) {
    for (let n = r.range(2, 6); n > 0; n--) {
      const status = r.weighted([
        ['PAID', day < LAST - 30 * DAY ? 6 : 1],
        ['AUTHORISED', 4],
        ['VOIDED', 0.15],
        ['DRAFT', 0.1],
      ] as const);
      docs.push({
        kind: 'invoice',
        number: `CO-${number++}`,
        customer: r.pick(customers),
        day,
        total: cents(r.range(18_000, 980_000) / 100),
        status,
        reference: `Job ${number + 41_000}`,
      });
    }
  }
  const invoices = docs.filter((d) => d.kind === 'invoice');
  const credits: Doc[] = [];
  const c = rng.fork('credit-notes');
  for (let i = 0; i < 14; i++) {
    const inv = c.pick(invoices.filter((d) => d.status !== 'VOIDED' && d.status !== 'DRAFT'));
    credits.push({
      kind: 'credit_note',
      number: `CN-${5_100 + i}`,
      customer: inv.customer,
      day: inv.day + c.range(3, 12) * DAY,
      total: cents(inv.total * c.pick([0.1, 0.15, 0.25, 0.5])),
      status: c.chance(0.6) ? 'PAID' : 'AUTHORISED',
      reference: `${inv.number} adjustment`,
    });
  }
  credits.sort((a, b) => a.day - b.day);

  // The exceptions CocoonOPS raised in its latest runs (4–5 December 2026).
  const e = rng.fork('exceptions');
  const rows: string[][] = [];
  let raised = Date.UTC(2026, 11, 4, 7, 30);
  const row = (
    d: Pick<Doc, 'kind' | 'number' | 'day' | 'total'> & { code: string; name: string },
    state: string,
    message: string,
    currency = 'AUD',
  ): void => {
    raised += e.range(3, 240) * 60_000;
    const stamp = new Date(raised).toISOString().slice(0, 16).replace('T', ' ');
    const total = d.kind === 'credit_note' ? -d.total : d.total;
    rows.push([
      stamp,
      d.kind === 'invoice' ? 'Invoice' : 'Credit Note',
      d.number,
      d.code,
      d.name,
      auDay(d.day),
      money(total),
      currency,
      state,
      message,
    ]);
  };
  const UNIQUE = 'Invoice # must be unique.';
  const sent = (d: Doc) => ({ ...d, code: d.customer.code, name: d.customer.name });
  const live = invoices.filter((d) => d.status === 'AUTHORISED' || d.status === 'PAID');
  // Sent again after a time-out: Xero has it, just as CocoonOPS does (exists_matches).
  for (const d of e.shuffle([...live]).slice(0, 3)) row(sent(d), 'Issued', UNIQUE);
  row(sent(e.pick(credits)), 'Issued', UNIQUE);
  // The number is taken in Xero by another customer's invoice; one edited in Xero since; one voided (exists_differs).
  const [taken, edited] = e.shuffle([...live]).slice(0, 2) as [Doc, Doc];
  const other = e.pick(customers.filter((x) => x.code !== taken.customer.code));
  row({ ...taken, code: other.code, name: other.name, total: cents(taken.total * 0.62) }, 'Issued', UNIQUE);
  row({ ...sent(edited), total: cents(edited.total - 55) }, 'Issued', UNIQUE);
  row(sent(e.pick(invoices.filter((d) => d.status === 'VOIDED'))), 'Approved', UNIQUE);
  // Not in Xero: raised after the last invoice Xero has (not_found: re-send).
  for (let i = 0; i < 2; i++) {
    const who = e.pick(customers);
    row(
      {
        kind: 'invoice',
        number: `CO-${number++}`,
        day: LAST + (i + 1) * DAY,
        total: cents(e.range(30_000, 400_000) / 100),
        code: who.code,
        name: who.name,
      },
      'Issued',
      UNIQUE,
    );
  }
  // Accounts whose sync fails (the review's findings), with the message Xero gave.
  const failing = (kind: Finding['kind'], message: string, count: number): void => {
    for (const f of e.shuffle(of(kind)).slice(0, count)) {
      row(
        {
          kind: 'invoice',
          number: `CO-${number++}`,
          day: LAST + e.range(1, 3) * DAY,
          total: cents(e.range(20_000, 600_000) / 100),
          code: f.accountCode,
          name: names.get(f.accountCode) ?? '',
        },
        'Issued',
        message,
      );
    }
  };
  failing('name_mismatch', 'The Account Number already exists. Please enter a different Account Number.', 2);
  failing('code_conflict', 'The Account Number already exists. Please enter a different Account Number.', 1);
  failing(
    'archived_holder',
    'The contact with the specified contact details has been archived. The contact must be un-archived before creating new invoices or credit notes.',
    1,
  );
  // Settings in Xero, whoever the customer.
  const any = (): Customer => e.pick(customers);
  const at = (who: Customer, day: number) => ({
    kind: 'invoice' as const,
    number: `CO-${number++}`,
    day,
    total: cents(e.range(15_000, 90_000) / 100),
    code: who.code,
    name: who.name,
  });
  row(
    at(any(), LAST + 2 * DAY),
    'Issued',
    "The TaxType code 'GST on Income' does not exist or cannot be used for this type of transaction.",
  );
  row(at(any(), LAST + 3 * DAY), 'Issued', 'Organisation is not subscribed to currency USD', 'USD');
  row(
    at(any(), Date.UTC(2026, 5, 26)),
    'Issued',
    'The document date cannot be before the end of year lock date, currently set at 30-Jun-2026',
  );
  // A paid invoice CocoonOPS tried to update.
  row(
    sent(e.pick(invoices.filter((d) => d.status === 'PAID'))),
    'Issued',
    'This document cannot be edited as it has a payment or credit note allocated to it.',
  );
  rows.sort((a, b) => (a[0] as string).localeCompare(b[0] as string));

  writeFileSync(join(demoDir, 'xero-invoices.json'), envelope('Invoices', invoices.map(toJson)));
  writeFileSync(join(demoDir, 'xero-credit-notes.json'), envelope('CreditNotes', credits.map(toJson)));
  const header = [
    'Exception Date',
    'Type',
    'Document Number',
    'Billing Account',
    'Organisation',
    'Invoice Date',
    'Total',
    'Currency',
    'Invoice State',
    'Exception',
  ];
  writeFileSync(join(demoDir, 'exceptions.csv'), `${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`);
  return { invoices: invoices.length, creditNotes: credits.length, exceptions: rows.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = resolve(process.argv[2] ?? join(import.meta.dirname, '../demo'));
  generateDemoDocuments(dir).then(
    (s) => console.log(JSON.stringify(s)),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
