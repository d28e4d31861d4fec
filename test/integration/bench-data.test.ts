// The bench generators: files in the documented shapes, deterministic, and a truth that follows the labelling rules
// (re-derived here from the files alone, independently of the generator's own labelling code).
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHICAGO_CSV, generate as generateChicago, loadChicago, mergeObviousDuplicates } from '../../bench/generate-chicago';
import { generate as generateSynthetic } from '../../bench/generate-synthetic';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface RawContact {
  ContactID: string;
  ContactStatus: string;
  Name: string;
  AccountNumber?: string;
  EmailAddress: string;
  Addresses: Record<string, string>[];
  Phones: Record<string, string>[];
  UpdatedDateUTC: string;
  IsSupplier: boolean;
  IsCustomer: boolean;
  HasAttachments: boolean;
}

function readCsvFile(path: string): { header: string[]; rows: Record<string, string>[] } {
  const text = readFileSync(path, 'utf8');
  const header = (parse(text, { to_line: 1 }) as string[][])[0] as string[];
  return { header, rows: parse(text, { columns: true }) as Record<string, string>[] };
}

function loadDir(dir: string) {
  const cocoon = readCsvFile(join(dir, 'cocoon.csv'));
  const envelope = JSON.parse(readFileSync(join(dir, 'xero-contacts.json'), 'utf8')) as Record<string, unknown> & {
    Contacts: RawContact[];
  };
  const truth = readCsvFile(join(dir, 'truth.csv'));
  const dups = readCsvFile(join(dir, 'truth-duplicates.csv'));
  const entities = readCsvFile(join(dir, 'truth-entities.csv'));
  return { cocoon, envelope, truth, dups, entities };
}

/** The labelling rules of the brief, written out again from scratch. */
function rederive(dir: string) {
  const { cocoon, envelope, entities } = loadDir(dir);
  const entityOf = new Map(entities.rows.map((r) => [`${r.side}:${r.key}`, r.entity_id as string]));
  const contacts = envelope.Contacts;
  // Xero finds a contact by its name, trimmed and without regard to case (inner spaces count).
  const nameOf = (s: string) => s.trim().toLowerCase();
  const byCode = new Map<string, RawContact[]>();
  const byEntity = new Map<string, RawContact[]>();
  const byName = new Map<string, RawContact[]>();
  const add = (m: Map<string, RawContact[]>, k: string, c: RawContact) => m.set(k, [...(m.get(k) ?? []), c]);
  for (const c of contacts) {
    if (c.AccountNumber !== undefined) add(byCode, c.AccountNumber.trim().toLowerCase(), c);
    add(byEntity, entityOf.get(`xero:${c.ContactID}`) as string, c);
    add(byName, nameOf(c.Name), c);
  }
  return cocoon.rows.map((a) => {
    const code = a['Billing Account Code'] as string;
    const entity = entityOf.get(`cocoon:${code}`) as string;
    const holders = byCode.get(code.trim().toLowerCase()) ?? [];
    expect(holders.length).toBeLessThanOrEqual(1);
    const holder = holders[0];
    const same = byEntity.get(entity) ?? [];
    const holderSame = holder !== undefined && entityOf.get(`xero:${holder.ContactID}`) === entity;
    let linked = holderSame ? holder : (same.find((c) => c.ContactStatus === 'ACTIVE') ?? same[0]);
    const named = byName.get(nameOf(a['Organisation Name'] as string)) ?? [];
    const active = named.find((c) => c.ContactStatus === 'ACTIVE');
    let finding: string;
    if (active) {
      // The invoice is filed to the active contact of that name.
      linked = active;
      if (active === holder) finding = active.IsCustomer ? 'ok' : 'not_customer';
      else finding = (active.AccountNumber ?? '').trim() === '' ? 'code_missing' : 'code_differs';
    } else if (named[0]) {
      linked = named[0];
      finding = 'archived_holder';
    } else if (holder && holderSame) finding = holder.ContactStatus === 'ARCHIVED' ? 'archived_holder' : 'name_mismatch';
    else if (holder) finding = 'code_conflict';
    else finding = linked ? 'code_missing' : 'not_in_xero';
    return { billing_account_code: code, xero_contact_id: linked?.ContactID ?? '', finding, code_holder_id: holder?.ContactID ?? '' };
  });
}

function checkShapes(dir: string) {
  const { cocoon, envelope, truth, dups, entities } = loadDir(dir);
  expect(cocoon.header).toEqual(['Organisation Name', 'Billing Account Code', 'Contact Name', 'Email', 'Address', 'Phone', 'Postcode']);
  expect(truth.header).toEqual(['billing_account_code', 'xero_contact_id', 'finding', 'code_holder_id']);
  expect(dups.header).toEqual(['contact_id_a', 'contact_id_b']);
  expect(entities.header).toEqual(['side', 'key', 'entity_id', 'source_id']);
  expect(Object.keys(envelope)).toEqual(['Id', 'Status', 'ProviderName', 'DateTimeUTC', 'Contacts']);
  expect(envelope.Id).toMatch(UUID_V4);
  expect(envelope.Status).toBe('OK');
  expect(envelope.ProviderName).toBe('Reconciler bench');
  expect(envelope.DateTimeUTC).toMatch(/^\/Date\(\d+\)\/$/);

  const codes = new Set<string>();
  const names = new Set<string>();
  const ids = new Set<string>();
  for (const c of envelope.Contacts) {
    expect(c.ContactID).toMatch(UUID_V4);
    expect(ids.has(c.ContactID)).toBe(false);
    ids.add(c.ContactID);
    expect(['ACTIVE', 'ARCHIVED']).toContain(c.ContactStatus);
    expect(c.Name.trim()).not.toBe('');
    // Xero: names and account numbers are unique; a blank AccountNumber is left out.
    const nameKey = c.Name.trim().replace(/\s+/g, ' ').toLowerCase();
    expect(names.has(nameKey), c.Name).toBe(false);
    names.add(nameKey);
    if ('AccountNumber' in c) {
      expect((c.AccountNumber as string).trim()).not.toBe('');
      const k = (c.AccountNumber as string).trim().toLowerCase();
      expect(codes.has(k)).toBe(false);
      codes.add(k);
    }
    expect(c.Addresses.map((a) => a.AddressType)).toEqual(['STREET', 'POBOX']);
    expect(Object.keys(c.Addresses[0] as object)).toEqual(['AddressType', 'AddressLine1', 'City', 'Region', 'PostalCode', 'Country']);
    expect(c.Phones).toHaveLength(1);
    expect(Object.keys(c.Phones[0] as object)).toEqual(['PhoneType', 'PhoneNumber', 'PhoneAreaCode', 'PhoneCountryCode']);
    expect(c.UpdatedDateUTC).toMatch(/^\/Date\(\d+\+0000\)\/$/);
    expect(typeof c.IsSupplier).toBe('boolean');
    expect(typeof c.IsCustomer).toBe('boolean');
    expect(c.HasAttachments).toBe(false);
  }
  const accountCodes = cocoon.rows.map((r) => (r['Billing Account Code'] as string).toLowerCase());
  expect(new Set(accountCodes).size).toBe(accountCodes.length);
  expect(cocoon.rows.every((r) => (r['Organisation Name'] as string).trim() !== '')).toBe(true);

  const nameOfAccount = new Map(
    cocoon.rows.map((r) => [r['Billing Account Code'] as string, (r['Organisation Name'] as string).trim().toLowerCase()]),
  );
  // truth.csv: one row per account in cocoon.csv order, exactly as the rules give it.
  expect(truth.rows).toEqual(rederive(dir));
  // ... and never decided by file order: without a same-business holder there is at most one ACTIVE same-business contact.
  const entityOfKey = new Map(entities.rows.map((r) => [`${r.side}:${r.key}`, r.entity_id as string]));
  const activeByEntity = new Map<string, number>();
  for (const c of envelope.Contacts) {
    const e = entityOfKey.get(`xero:${c.ContactID}`) as string;
    if (c.ContactStatus === 'ACTIVE') activeByEntity.set(e, (activeByEntity.get(e) ?? 0) + 1);
  }
  for (const t of truth.rows) {
    if (t.code_holder_id !== '' && t.code_holder_id === t.xero_contact_id) continue;
    // Filed by name: the contact is the one active contact of that name, whatever the file order.
    if (t.finding === 'code_differs' || t.finding === 'ok' || t.finding === 'not_customer') continue;
    if (
      t.finding === 'code_missing' &&
      envelope.Contacts.some(
        (c) =>
          c.ContactID === t.xero_contact_id &&
          c.ContactStatus === 'ACTIVE' &&
          c.Name.trim().toLowerCase() === nameOfAccount.get(t.billing_account_code as string),
      )
    )
      continue;
    expect(
      activeByEntity.get(entityOfKey.get(`cocoon:${t.billing_account_code}`) as string) ?? 0,
      t.billing_account_code,
    ).toBeLessThanOrEqual(1);
  }
  expect(truth.rows.some((t) => t.finding === 'ambiguous')).toBe(false);

  // truth-duplicates.csv: exactly the pairs of Xero contacts that are the same business.
  const entityOf = new Map(entities.rows.filter((r) => r.side === 'xero').map((r) => [r.key as string, r.entity_id as string]));
  const expected = new Set<string>();
  const groups = new Map<string, string[]>();
  for (const c of envelope.Contacts) {
    const e = entityOf.get(c.ContactID) as string;
    for (const earlier of groups.get(e) ?? []) expected.add(`${earlier},${c.ContactID}`);
    groups.set(e, [...(groups.get(e) ?? []), c.ContactID]);
  }
  expect(new Set(dups.rows.map((d) => `${d.contact_id_a},${d.contact_id_b}`))).toEqual(expected);
  return { truth: truth.rows, envelope, cocoon, dups };
}

function shares(rows: Record<string, string>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[r.finding as string] = (out[r.finding as string] ?? 0) + 1 / rows.length;
  return out;
}

const TARGET: Record<string, number> = {
  ok: 0.35,
  name_mismatch: 0.25,
  code_missing: 0.12,
  archived_holder: 0.05,
  code_conflict: 0.08,
  not_in_xero: 0.1,
  not_customer: 0.05,
};

describe('bench data: Chicago', () => {
  let dir: string;
  let again: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bench-chicago-'));
    again = mkdtempSync(join(tmpdir(), 'bench-chicago-'));
    generateChicago(dir, 1);
    generateChicago(again, 1);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(again, { recursive: true, force: true });
  });

  it('writes the documented files, and a truth that follows the labelling rules', () => {
    const { truth, dups } = checkShapes(dir);
    const s = shares(truth);
    for (const [kind, target] of Object.entries(TARGET)) expect(Math.abs((s[kind] ?? 0) - target), kind).toBeLessThan(0.03);
    expect(dups.rows.length).toBeGreaterThan(10);
  });

  it('is byte-identical for the same seed', () => {
    for (const f of readdirSync(dir)) expect(readFileSync(join(again, f)).equals(readFileSync(join(dir, f))), f).toBe(true);
  });

  it('keeps the source records: entity = True Id (obvious duplicates merged), names as exported (trimmed, newlines collapsed)', () => {
    const source = parse(readFileSync(CHICAGO_CSV), { columns: true }) as Record<string, string>[];
    const byId = new Map(source.map((r) => [r.Id as string, r]));
    const merged = new Map(mergeObviousDuplicates(loadChicago()).map((r) => [r.id, r.entity]));
    const { entities, cocoon } = loadDir(dir);
    let mergedCount = 0;
    for (const e of entities.rows) {
      const r = byId.get(e.source_id as string);
      expect(r, e.source_id).toBeDefined();
      expect(e.entity_id).toBe(merged.get(e.source_id as string));
      if (e.entity_id !== r?.['True Id']) mergedCount++;
    }
    expect(mergedCount).toBeLessThan(entities.rows.length / 20);
    const sourceOf = new Map(
      entities.rows.filter((e) => e.side === 'cocoon').map((e) => [e.key as string, byId.get(e.source_id as string)]),
    );
    for (const a of cocoon.rows) {
      const r = sourceOf.get(a['Billing Account Code'] as string) as Record<string, string>;
      expect(a['Organisation Name']).toBe((r['Site name'] as string).replace(/[ \t]*[\r\n]+[ \t]*/g, ' ').trim());
      expect(a.Phone).toBe((r.Phone as string).trim());
      expect(a.Postcode).toBe((r.Zip as string).trim());
    }
  });

  it('differs for another seed', () => {
    const other = mkdtempSync(join(tmpdir(), 'bench-chicago-'));
    try {
      generateChicago(other, 2);
      expect(readFileSync(join(other, 'truth.csv')).equals(readFileSync(join(dir, 'truth.csv')))).toBe(false);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('bench data: synthetic (small)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bench-synthetic-'));
    generateSynthetic(dir, 5, { accounts: 2000, contacts: 5000 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the documented files, and a truth that follows the labelling rules', () => {
    const { truth, envelope, cocoon } = checkShapes(dir);
    expect(cocoon.rows).toHaveLength(2000);
    expect(envelope.Contacts).toHaveLength(5000);
    const s = shares(truth);
    for (const [kind, target] of Object.entries(TARGET)) expect(Math.abs((s[kind] ?? 0) - target), kind).toBeLessThan(0.02);
  });

  it('varies names realistically but keeps unrelated businesses mostly apart', () => {
    const { truth, envelope, cocoon } = loadDir(dir);
    const byId = new Map(envelope.Contacts.map((c) => [c.ContactID, c]));
    const nameOf = new Map(cocoon.rows.map((r) => [r['Billing Account Code'] as string, r['Organisation Name'] as string]));
    const mismatched = truth.rows.filter((t) => t.finding === 'name_mismatch');
    // most name_mismatch pairs still share a word (the rest: trading names, heavy edits)
    const share = mismatched.filter((t) => {
      const a = nameOf.get(t.billing_account_code as string) ?? '';
      const b = byId.get(t.xero_contact_id as string)?.Name ?? '';
      const words = new Set(
        a
          .toLowerCase()
          .split(/\W+/)
          .filter((w) => w.length > 2),
      );
      return b
        .toLowerCase()
        .split(/\W+/)
        .some((w) => words.has(w));
    }).length;
    expect(share / mismatched.length).toBeGreaterThan(0.85);
    const names = cocoon.rows.map((r) => (r['Organisation Name'] as string).toLowerCase());
    expect(new Set(names).size / names.length).toBeGreaterThan(0.98);
  });
});
