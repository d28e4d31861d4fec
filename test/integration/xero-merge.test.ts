// A merge made in Xero's web app (the stand-in's POST /admin/merge), read by an incremental sync: the workspace keeps
// MergedToContactID; the finding says "merged into" and follows to the surviving contact (the suggestion gives it the
// code, never restores the merged-away one); the checklist has the step that frees the number the merged-away
// contact still holds; the push waits for it, and goes through once it is done and synced.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/main/db';
import { currentChecklist, pushOutbox } from '../../src/main/outbox';
import { applyDecision } from '../../src/main/review/decide';
import { findingDetail } from '../../src/main/review/detail';
import { reviewRow } from '../../src/main/review/rows';
import { createMemorySecretStore, openXeroSession, systemClock } from '../../src/main/xero';
import { syncWorkspace } from '../../src/main/findings/sync-workspace';
import type { Json } from '../../src/sandbox/index.js';
import { importAccounts, TENANT } from '../support/outbox-setup';
import { sandbox, tempDir, signIn } from '../support/xero-sandbox';

const id = (i: number) => `00000018-0000-4000-8000-${String(i).padStart(12, '0')}`;
const [ACME_OLD, ACME, BAY_OLD, BAY] = [1, 2, 3, 4].map(id) as [string, string, string, string];
const contact = (contactId: string, name: string, accountNumber: string, n: number): Json => ({
  ContactID: contactId,
  Name: name,
  AccountNumber: accountNumber,
  IsCustomer: true,
  EmailAddress: `accounts@business${n}.example`,
  Addresses: [{ AddressType: 'STREET', AddressLine1: `${n} Wharf Street`, City: 'Fremantle', PostalCode: `616${n}`, Country: 'Australia' }],
  Phones: [{ PhoneType: 'DEFAULT', PhoneNumber: `9335 000${n}` }],
});
const account = (row: number, code: string, name: string, n: number) => ({
  row,
  code,
  name,
  contactName: '',
  email: `accounts@business${n}.example`,
  phone: `9335 000${n}`,
  address: `${n} Wharf Street, Fremantle`,
  postcode: `616${n}`,
  status: '',
});

async function mergedWorld() {
  const sb = await sandbox();
  sb.state.seed(
    TENANT,
    {
      Contacts: [
        // Duplicates: the account's contact (with its code) and the one the bookkeeper keeps.
        contact(ACME_OLD, 'Acme Freight', 'A001', 1),
        contact(ACME, 'Acme Freight Pty Ltd', '', 1),
        contact(BAY_OLD, 'Bayside Wholesale', 'B002', 2),
        contact(BAY, 'Bayside Wholesale Pty Ltd', '', 2),
      ],
    },
    'replace',
  );
  const ws = openWorkspace(join(tempDir('reconciler-merge-'), 'books.reconciler'), { create: true });
  const secrets = createMemorySecretStore();
  const clock = systemClock;
  await signIn(ws, sb, { secrets, clock });
  const session = openXeroSession(ws, { standIn: sb.url, secrets, clock });
  importAccounts(ws, [account(1, 'A001', 'Acme Freight', 1), account(2, 'B002', 'Bayside Wholesale Ltd', 2)]);
  await syncWorkspace(ws, session.client, { clock });
  return { sb, ws, session, sync: () => syncWorkspace(ws, session.client, { clock }) };
}

describe('a merge made in the Xero web app', () => {
  it('is followed to the surviving contact: "merged into" in the finding and the review, and a step to free the number', async () => {
    const { sb, ws, session, sync } = await mergedWorld();
    expect(ws.findings.get('A001')).toMatchObject({ kind: 'ok', xeroContactId: ACME_OLD });
    expect(ws.findings.get('B002')!.kind).toBe('name_mismatch');

    for (const [from, into] of [
      [ACME_OLD, ACME],
      [BAY_OLD, BAY],
    ])
      expect((await sb.admin('POST', '/merge', { from, into })).status).toBe(200);
    const summary = await sync();
    expect(summary.entities.contacts.full).toBe(false);

    // The sync keeps MergedToContactID; the merged-away contact is archived and still holds its number.
    expect(ws.contacts.get(ACME_OLD)).toMatchObject({ status: 'ARCHIVED', accountNumber: 'A001', mergedToContactId: ACME });
    expect(ws.contacts.get(ACME)!.mergedToContactId).toBeUndefined();

    // The account's name is the merged-away contact's: Xero refuses it; the finding follows to the survivor.
    const acme = ws.findings.get('A001')!;
    expect(acme).toMatchObject({
      kind: 'archived_holder',
      fix: 'follow_merge',
      xeroContactId: ACME,
      codeHolderId: ACME_OLD,
      sync: { outcome: 'refused', message: 'Unable to assign an Archived contact.' },
    });
    expect(acme.explanation).toContain(
      "'Acme Freight' was merged into 'Acme Freight Pty Ltd' in Xero and is archived, but still has the account's name and holds A001",
    );
    expect(acme.explanation).toContain("free it from 'Acme Freight' first");
    expect(acme.explanation).not.toMatch(/restore/i);
    // The account's name is neither: Xero would create a contact with a number the merged-away one holds.
    const bay = ws.findings.get('B002')!;
    expect(bay).toMatchObject({
      kind: 'archived_holder',
      fix: 'follow_merge',
      xeroContactId: BAY,
      codeHolderId: BAY_OLD,
      sync: { message: 'The Account Number already exists. Please enter a different Account Number.' },
    });
    expect(bay.explanation).toContain("'Bayside Wholesale' was merged into 'Bayside Wholesale Pty Ltd'");

    // The review shows the surviving contact, and says which contact holds the code and where it was merged.
    expect(reviewRow(ws, 'A001')).toMatchObject({
      kind: 'archived_holder',
      xeroId: ACME,
      xeroName: 'Acme Freight Pty Ltd',
      xeroStatus: 'ACTIVE',
    });
    const detail = findingDetail(ws, 'A001');
    expect(detail.contact!.contactId).toBe(ACME);
    expect(detail.codeHolder).toMatchObject({ contactId: ACME_OLD, status: 'ARCHIVED', mergedToContactId: ACME });
    expect(detail.actions).toEqual(['set_account_number', 'rename_in_xero', 'rename_in_cocoon']);
    expect(detail.choices.find((c) => c.action === 'set_account_number')!.stillFails).toBeNull();

    // The suggestion gives the survivor the code (and the two names one spelling); the number must be freed first.
    const decided = applyDecision(ws, { accountCode: 'A001', action: 'set_account_number' });
    expect(decided.warning).toBeNull();
    expect(decided.decision.changes).toContainEqual({ target: 'xero', subject: ACME, field: 'AccountNumber', from: '', to: 'A001' });
    const lines = currentChecklist(ws, new Date().toISOString())
      .groups.flatMap((g) => g.lines)
      .filter((l) => l.accountCode === 'A001');
    const free = lines.find((l) => l.key.startsWith('free:'))!;
    expect(free).toMatchObject({ place: 'xero', kind: 'free_number' });
    expect(free.text).toBe(
      'In the Xero web app, free the Account Number A001: "Acme Freight" was merged into "Acme Freight Pty Ltd" and, archived, still holds it, so Xero refuses it on "Acme Freight Pty Ltd" ("The Account Number already exists"). Then sync and push again:',
    );
    expect(free.steps[0]).toBe('Contacts → Archived: open "Acme Freight".');

    // Pushed before that: held back, nothing written.
    await pushOutbox(ws, session.client);
    expect(sb.state.get(TENANT, 'Contacts', ACME)!.data.AccountNumber).toBe('');

    // The bookkeeper frees the number in Xero, syncs: the step is gone and the push gives the survivor the code.
    expect((await sb.admin('PATCH', `/tenants/${TENANT}/contacts/${ACME_OLD}`, { AccountNumber: '' })).status).toBe(200);
    await sync();
    expect(
      currentChecklist(ws, new Date().toISOString())
        .groups.flatMap((g) => g.lines)
        .some((l) => l.key.startsWith('free:')),
    ).toBe(false);
    // The decision's rename went in the first push: its held-back AccountNumber starts from the version that push
    // wrote, so our own rename is not taken for a change made by someone else (no conflict, nothing to retry).
    const first = await pushOutbox(ws, session.client);
    expect(first).toMatchObject({ done: 1, conflicts: 0, problems: [] });
    expect(sb.state.get(TENANT, 'Contacts', ACME)!.data).toMatchObject({ Name: 'Acme Freight', AccountNumber: 'A001' });
  });
});
