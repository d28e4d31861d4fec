// Look at a generated data set by eye: random account ⇄ contact pairs per truth kind, or an engine's mistakes.
// Usage: tsx bench/inspect.ts DIR [--n 15] [--kind K] [--seed S] [--errors DIR/predictions-ours.json]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsv } from './lib/csv';
import { FILES } from './lib/dataset';
import { Rng } from './lib/prng';
import type { WorkerOutput } from './worker';

interface RawContact {
  ContactID: string;
  Name: string;
  AccountNumber?: string;
  ContactStatus: string;
  IsCustomer: boolean;
  Addresses: { AddressLine1: string; PostalCode: string }[];
  Phones: { PhoneNumber: string; PhoneAreaCode: string }[];
}

const argv = process.argv.slice(2);
const dir = argv[0];
if (!dir) {
  console.error('usage: tsx bench/inspect.ts DIR [--n 15] [--kind K] [--seed S] [--errors predictions.json]');
  process.exit(2);
}
const opt = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const n = Number(opt('n') ?? 15);
const rng = new Rng(Number(opt('seed') ?? 3));
const accounts = new Map(readCsv(join(dir, FILES.cocoon)).map((r) => [r['Billing Account Code'] as string, r]));
const contacts = new Map(
  (JSON.parse(readFileSync(join(dir, FILES.xero), 'utf8')) as { Contacts: RawContact[] }).Contacts.map((c) => [c.ContactID, c]),
);
const truth = readCsv(join(dir, FILES.truth));

const describe = (id: string | null | undefined) => {
  const c = id ? contacts.get(id) : undefined;
  if (!c) return '—';
  const a = c.Addresses[0];
  const p = c.Phones[0];
  const flags = [
    c.AccountNumber ? `#${c.AccountNumber}` : 'no code',
    c.ContactStatus === 'ARCHIVED' ? 'ARCHIVED' : '',
    c.IsCustomer ? '' : 'not customer',
  ].filter(Boolean);
  return `"${c.Name}" [${flags.join(', ')}] ${a?.AddressLine1 ?? ''} ${a?.PostalCode ?? ''} ${[p?.PhoneAreaCode, p?.PhoneNumber].filter(Boolean).join(' ')}`;
};
const show = (code: string, extra = '') => {
  const a = accounts.get(code);
  const t = truth.find((r) => r.billing_account_code === code);
  console.log(`  ${code} "${a?.['Organisation Name']}" ${a?.Address ?? ''} ${a?.Postcode ?? ''} ${a?.Phone ?? ''}${extra}`);
  console.log(`      same business: ${describe(t?.xero_contact_id)}`);
  if (t?.code_holder_id && t.code_holder_id !== t.xero_contact_id) console.log(`      code holder:   ${describe(t.code_holder_id)}`);
};

const errorsFile = opt('errors');
if (errorsFile) {
  const preds = (JSON.parse(readFileSync(errorsFile, 'utf8')) as WorkerOutput).predictions;
  const byCode = new Map(preds.map((p) => [p.accountCode, p]));
  const wrong = truth.filter((t) => {
    const p = byCode.get(t.billing_account_code as string);
    return p && (p.kind !== t.finding || (p.xeroContactId ?? '') !== t.xero_contact_id) && (!opt('kind') || t.finding === opt('kind'));
  });
  console.log(`${wrong.length} wrong of ${truth.length}`);
  for (const t of rng.shuffle(wrong).slice(0, n)) {
    const p = byCode.get(t.billing_account_code as string);
    show(t.billing_account_code as string, `\n      truth ${t.finding}, predicted ${p?.kind} → ${describe(p?.xeroContactId)}`);
  }
} else {
  const kinds = [...new Set(truth.map((t) => t.finding as string))].filter((k) => !opt('kind') || k === opt('kind'));
  for (const kind of kinds) {
    const rows = truth.filter((t) => t.finding === kind);
    console.log(`\n== ${kind} (${rows.length}) ==`);
    for (const t of rng.shuffle([...rows]).slice(0, n)) show(t.billing_account_code as string);
  }
}
