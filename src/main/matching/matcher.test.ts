import { describe, expect, it } from 'vitest';
import { account, contact } from '../../../test/support/records';
import { buildContactIndex, evidenceStats, generateCandidates, strongest } from './candidates';
import { DEFAULT_CONFIG } from './config';
import { XERO_MESSAGES } from '../../shared/sync-model';
import { matchAccounts } from './index';
import { prepareAll } from './prepare';
import { scorePair } from './score';

const one = (accounts: Parameters<typeof matchAccounts>[0], contacts: Parameters<typeof matchAccounts>[1]) =>
  matchAccounts(accounts, contacts).findings[0]!;

describe('finding kinds', () => {
  it('ok: the holder has the same name, as Xero compares names (case and surrounding spaces aside)', () => {
    const f = one([account('A1', 'Acme Freight')], [contact('c1', ' ACME freight', 'A1')]);
    expect(f).toMatchObject({ kind: 'ok', xeroContactId: 'c1', codeHolderId: 'c1', fix: 'none' });
    expect(f.sync).toEqual({ outcome: 'filed', message: null, doubt: null });
    expect(f.explanation).toBe("same code and name as ' ACME freight'");
  });

  it('a double space inside the name is a "may fail": Xero may not see the names as one', () => {
    const f = one([account('A1', 'Acme  Freight')], [contact('c1', 'Acme Freight', 'A1')]);
    expect(f).toMatchObject({ kind: 'name_mismatch', xeroContactId: 'c1', codeHolderId: 'c1' });
    expect(f.sync.outcome).toBe('refused');
    expect(f.sync.message).toBe(XERO_MESSAGES.accountNumberTaken);
    expect(f.sync.doubt).toContain('differ only in spacing');
    expect(f.explanation).toContain(
      "names differ only in spacing ('Acme Freight': one space after “Acme” in Xero, two spaces in CocoonOPS); the sync may fail with",
    );
  });

  it('Dirksen: a contact of exactly that name gets the invoice, so a code held elsewhere does not fail the sync', () => {
    const f = one(
      [account('C01217', 'Dirksen')],
      [contact('c1', 'East Moline Citizens for Comm. Center', 'C01217'), contact('c2', 'Dirksen', 'X-08659')],
    );
    expect(f).toMatchObject({ kind: 'code_differs', xeroContactId: 'c2', codeHolderId: 'c1', fix: 'use_xero_code' });
    expect(f.sync).toEqual({ outcome: 'filed', message: null, doubt: null });
    expect(f.explanation).toContain('use X-08659 in CocoonOPS');
  });

  it('an archived contact of that name refuses the invoice, whoever holds the code', () => {
    const f = one([account('B1', 'Bravo Carriers')], [contact('c1', 'Bravo Carriers', 'OLD-1', { status: 'ARCHIVED' })]);
    expect(f).toMatchObject({ kind: 'archived_holder', xeroContactId: 'c1', fix: 'restore_archived' });
    expect(f.sync).toMatchObject({ outcome: 'refused', message: XERO_MESSAGES.archivedContact });
  });

  it('name_mismatch: names differ only by legal form', () => {
    const f = one([account('A1', 'Acme Freight Pty Ltd')], [contact('c1', 'Acme Freight', 'A1')]);
    expect(f.kind).toBe('name_mismatch');
    expect(f.explanation).toContain("names differ only by legal form 'Pty Ltd'");
    expect(f.score).toBeGreaterThan(0.99);
  });

  it('name_mismatch: a renamed business is told apart from an unrelated one by its evidence', () => {
    const renamed = one(
      [account('A1', 'Northside Carriers', { phone: '02 9999 1234', address: '12 King St', postcode: '2000' })],
      [contact('c1', 'Quokka Holdings', 'A1', { phone: '(02) 9999-1234', address: '12 King Street', postcode: '2000' })],
    );
    expect(renamed.kind).toBe('name_mismatch');
    expect(renamed.xeroContactId).toBe('c1');
    expect(renamed.explanation).toMatch(/phone, address and postcode agree: same business, renamed/);

    const unrelated = one(
      [account('A1', 'Northside Carriers', { phone: '02 9999 1234', address: '12 King St' })],
      [contact('c1', 'Quokka Holdings', 'A1', { phone: '03 8888 0000', address: '400 Collins St' })],
    );
    expect(unrelated).toMatchObject({ kind: 'code_conflict', xeroContactId: null, codeHolderId: 'c1', fix: 'recode_in_cocoon' });
    expect(unrelated.explanation).toContain('an unrelated business');
  });

  it('code_conflict names the contact that matches by name', () => {
    const f = one([account('E1', 'Echo Couriers Pty Ltd')], [contact('c1', 'Yankee Widgets', 'E1'), contact('c2', 'Echo Couriers')]);
    expect(f).toMatchObject({ kind: 'code_conflict', xeroContactId: 'c2', codeHolderId: 'c1' });
    expect(f.sync).toMatchObject({ outcome: 'refused', message: XERO_MESSAGES.accountNumberTaken, doubt: null });
  });

  it('code_missing: a same-name contact without a number gets the invoice (passes); set its number', () => {
    const f = one([account('E1', 'Echo Couriers')], [contact('c1', 'Yankee Widgets', 'E1'), contact('c2', 'Echo Couriers')]);
    expect(f).toMatchObject({ kind: 'code_missing', xeroContactId: 'c2', codeHolderId: 'c1', fix: 'set_account_number' });
    expect(f.sync.outcome).toBe('filed');
  });

  it('archived_holder, not_customer, code_missing, not_in_xero', () => {
    const { findings } = matchAccounts(
      [account('F1', 'Foxtrot Movers'), account('G1', 'Golf Carriers'), account('D1', 'Delta Haulage'), account('H1', 'Hotel Shipping')],
      [
        contact('c6', 'Foxtrot Movers', 'F1', { status: 'ARCHIVED' }),
        contact('c7', 'Golf Carriers', 'G1', { isCustomer: false }),
        contact('c4', 'Delta Haulage Ltd', 'OLD-9'),
      ],
    );
    expect(findings.map((f) => [f.kind, f.xeroContactId])).toEqual([
      ['archived_holder', 'c6'],
      ['not_customer', 'c7'],
      ['code_missing', 'c4'],
      ['not_in_xero', null],
    ]);
    expect(findings[2]!.explanation).toContain("holds account number 'OLD-9' and another name: the sync will create a second contact");
    expect(findings.map((f) => f.sync.outcome)).toEqual(['refused', 'filed', 'created', 'created']);
  });

  it('ambiguous: two different contacts match equally well', () => {
    const f = one(
      [account('K1', 'Kestrel Freight', { postcode: '2000' })],
      [
        contact('c1', 'Kestrel Freight Sydney', '', { postcode: '2000' }),
        contact('c2', 'Kestrel Freight Melbourne', '', { postcode: '2000' }),
      ],
    );
    expect(f.kind).toBe('ambiguous');
    expect(f.explanation).toMatch(/^2 Xero contacts match about equally/);
  });

  it('links each Xero contact to one account at most, choosing globally', () => {
    const { findings } = matchAccounts(
      [account('A1', 'Harbour Freight'), account('A2', 'Harbour Freight Lines')],
      [contact('c1', 'Harbour Freight Lines')],
    );
    expect(findings.map((f) => f.xeroContactId)).toEqual([null, 'c1']);
  });
});

/** One account scored against one contact, as the matcher scores a candidate pair. */
function scoreOne(a: ReturnType<typeof account>, c: ReturnType<typeof contact>) {
  const p = prepareAll([a], [c], DEFAULT_CONFIG);
  const evidence = evidenceStats(buildContactIndex(p.contacts), 1);
  return scorePair(0, 0, false, { ...p, evidence, config: DEFAULT_CONFIG });
}

describe('scoring', () => {
  it('keeps per-field contributions that add up to the score', () => {
    const s = scoreOne(account('A1', 'Acme', { phone: '99991234' }), contact('c1', 'Acme', '', { phone: '9999 1234', postcode: '2000' }));
    expect(s.contributions.map((c) => [c.field, c.level])).toEqual([
      ['name', 'exact'],
      ['phone', 'exact'],
      ['email', 'missing'],
      ['address', 'missing'],
      ['postcode', 'missing'],
    ]);
    const total = DEFAULT_CONFIG.candidatePrior + s.contributions.reduce((t, c) => t + c.weight, 0);
    expect(s.logOdds).toBeCloseTo(total, 1);
    expect(s.probability).toBeGreaterThan(0.999);
  });

  it('counts disagreeing evidence against a match', () => {
    const s = scoreOne(account('A1', 'Acme', { phone: '99991234' }), contact('c1', 'Acme', '', { phone: '55550000' }));
    expect(s.contributions.find((c) => c.field === 'phone')!.weight).toBeLessThan(0);
  });
});

describe('candidates', () => {
  it('finds the holder, equal names, shared evidence and typos without comparing every pair', () => {
    const accounts = [account('A1', 'Fairyland Nursery School', { phone: '7251246' })];
    const contacts = [
      contact('holder', 'Something Else', 'A1'),
      contact('typo', 'Fairyand Nursery'),
      contact('phone', 'Totally Different', '', { phone: '(773) 725-1246' }),
      ...Array.from({ length: 200 }, (_, i) => contact(`noise${i}`, `Noise ${i} School`)),
    ];
    const p = prepareAll(accounts, contacts, DEFAULT_CONFIG);
    const index = buildContactIndex(p.contacts);
    const [c] = generateCandidates(p.accounts, index, p.words, contacts.length, DEFAULT_CONFIG);
    expect(c!.holders).toEqual([0]);
    expect(c!.candidates.slice(0, 3).sort()).toEqual([0, 1, 2]);
    expect(c!.candidates.length).toBeLessThanOrEqual(DEFAULT_CONFIG.maxCandidates);
  });

  it('keeps the k strongest contacts in the order a full sort gives, ties by index', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (const n of [0, 1, 5, 8, 9, 300]) {
      const score = Float64Array.from({ length: n }, () => Math.floor(random() * 20));
      const items = Array.from({ length: n }, (_, i) => i).sort(() => random() - 0.5);
      const sorted = [...items].sort((x, y) => score[y]! - score[x]! || x - y);
      for (const k of [1, 3, 8]) expect(strongest(items, k, score)).toEqual(sorted.slice(0, k));
    }
  });
});

describe('xero-side findings', () => {
  it('flags copies made on a name clash and legal-form twins', () => {
    const { xeroFindings } = matchAccounts(
      [],
      [contact('b', 'Acme Freight'), contact('a', 'Acme Freight 1'), contact('c', 'Zeta Ltd'), contact('d', 'Zeta')],
    );
    expect(xeroFindings.map((f) => f.contactIds)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(xeroFindings[0]!.explanation).toContain("'Acme Freight 1' looks like a copy");
  });

  it('are left out when not asked for (a CSV of billing accounts has no place for them)', () => {
    const contacts = [contact('b', 'Acme Freight'), contact('a', 'Acme Freight 1')];
    expect(matchAccounts([], contacts, { xeroFindings: false }).xeroFindings).toEqual([]);
    expect(matchAccounts([], contacts).xeroFindings).toHaveLength(1);
  });
});

describe('determinism', () => {
  it('gives byte-identical output for the same input', () => {
    const accounts = Array.from({ length: 300 }, (_, i) => account(`C${i}`, `Company ${i % 37} Freight ${i % 11}`));
    const contacts = Array.from({ length: 400 }, (_, i) => contact(`x${i}`, `Company ${i % 41} Freight ${i % 13}`, i % 3 ? `C${i}` : ''));
    expect(JSON.stringify(matchAccounts(accounts, contacts))).toBe(JSON.stringify(matchAccounts(accounts, contacts)));
  });

  it("gives the same output whatever order the Xero contacts come in (a file's order, a workspace's ContactID order)", () => {
    const accounts = Array.from({ length: 300 }, (_, i) => account(`C${i}`, `Company ${i % 37} Freight ${i % 11}`));
    // Many contacts share a name, so scores tie and the candidate cut-off has to choose among equals.
    const contacts = Array.from({ length: 400 }, (_, i) =>
      contact(`x${(i * 7919) % 400}`, `Company ${i % 41} Freight ${i % 13}`, i % 3 ? `C${i}` : ''),
    );
    const reversed = [...contacts].reverse();
    const sorted = [...contacts].sort((x, y) => (x.contactId < y.contactId ? -1 : 1));
    const out = JSON.stringify(matchAccounts(accounts, contacts));
    expect(JSON.stringify(matchAccounts(accounts, reversed))).toBe(out);
    expect(JSON.stringify(matchAccounts(accounts, sorted))).toBe(out);
  });
});

describe('trading names', () => {
  it('links a T/A name to its trading name or its entity, but not two trades of one entity', () => {
    const { findings } = matchAccounts(
      [account('T1', 'Walker Family Trust t/as Moss Partners'), account('T2', 'Fast Freight')],
      [contact('c1', 'Walker Family Trust T/A Golden Coast Containers'), contact('c2', 'ABC Pty Ltd T/A Fast Freight')],
    );
    expect(findings.map((f) => [f.kind, f.xeroContactId])).toEqual([
      ['not_in_xero', null],
      ['code_missing', 'c2'],
    ]);
  });
});
