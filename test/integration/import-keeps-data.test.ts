// Bad input never changes what a workspace already holds: each refused import leaves every table as it was.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../src/main/db';
import { ImportError } from '../../src/main/cocoon/import-problems';
import { importCocoonFile, importXeroContactsBytes, importXeroContactsFile } from '../../src/main/imports/import-files';
import { recomputeFindings } from '../../src/main/findings/recompute';
import { FIXTURES, tempDir } from '../support/cli';

const small = (f: string) => join(FIXTURES, 'small', f);

/** Everything a bookkeeper could lose, as one comparable value. */
function snapshot(ws: Workspace) {
  return {
    accounts: ws.accounts.list(),
    contacts: ws.contacts.list(),
    findings: ws.findings.list(),
    imports: ws.imports
      .list()
      .filter((i) => i.status === 'complete')
      .map((i) => i.id),
    decisions: ws.decisions.listCurrent(),
  };
}

describe('a refused import changes nothing stored', () => {
  let dir: string;
  let ws: Workspace;
  let before: ReturnType<typeof snapshot>;

  beforeAll(async () => {
    dir = tempDir();
    ws = openWorkspace(join(dir, 'w.reconciler'), { create: true });
    await importCocoonFile(ws, small('cocoon.csv'));
    await importXeroContactsFile(ws, small('xero-contacts.json'));
    recomputeFindings(ws);
    ws.decisions.add({ accountCode: 'A001', action: 'rename_in_xero', note: 'kept through bad imports' });
    before = snapshot(ws);
    expect(before.accounts).toHaveLength(8);
    expect(before.findings).toHaveLength(8);
  });

  const badCocoonFiles: [string, string | Uint8Array, RegExp][] = [
    ['empty.csv', '', /empty/i],
    ['wrong-columns.csv', 'Customer,Phone\nAcme,1\n', /Billing Account Code/],
    ['duplicate-codes.csv', 'Organisation Name,Billing Account Code\nAcme,A1\nBeta,A1\n', /rows 2 and 3/],
    ['junk.csv', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256), /does not look like/i],
    ['formula.csv', 'Organisation Name,Billing Account Code\n=HYPERLINK("x"),A1\n', /formula/i],
    ['long-code.csv', `Organisation Name,Billing Account Code\nAcme,${'X'.repeat(60)}\n`, /50/],
    [
      'dde.csv',
      "Organisation Name,Billing Account Code\n-2+3+cmd|' /C calc'!A0,A1\n",
      /row 2 \(Organisation Name\): .* looks like a formula/,
    ],
    [
      'full-width.csv',
      'Organisation Name,Billing Account Code\nAcme,＝1+1\n',
      /row 2 \(Billing Account Code\): "＝1\+1" looks like a formula/,
    ],
    // "Acmé" in UTF-8 beside one Windows-1252 no-break space: read as Windows-1252 it would store "AcmÃ©".
    [
      'mixed-encoding.csv',
      Uint8Array.from([
        ...Buffer.from('Organisation Name,Billing Account Code\nAcmé Pty Ltd,A1\nBeta'),
        0xa0,
        ...Buffer.from('Freight,B2\n'),
      ]),
      /mixed-encoding\.csv mixes UTF-8 with bytes that are not UTF-8 \(line 3\).*Save the export as UTF-8/s,
    ],
  ];

  it.each(badCocoonFiles)('%s is refused with a message that says what to fix', async (name, content, message) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    const error = await importCocoonFile(ws, path).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(message);
    expect(snapshot(ws)).toEqual(before);
  });

  it('a 50 MB single line fails fast', async () => {
    const path = join(dir, 'one-line.csv');
    writeFileSync(path, `Organisation Name,Billing Account Code\n"${'a'.repeat(50 * 1024 * 1024)}`);
    const t = performance.now();
    await expect(importCocoonFile(ws, path)).rejects.toThrow(ImportError);
    console.log(`50 MB line refused in ${Math.round(performance.now() - t)} ms`);
    expect(snapshot(ws)).toEqual(before);
  });

  it('a Windows-1252 export is read with its accents', async () => {
    const other = openWorkspace(join(dir, 'cp1252.reconciler'), { create: true });
    const path = join(dir, 'cp1252.csv');
    writeFileSync(path, Buffer.from('Organisation Name,Billing Account Code\nCaf\xe9 Fr\xe8res \x96 Lyon,C1\n', 'latin1'));
    expect((await importCocoonFile(other, path)).readAs).toBe('Windows-1252');
    expect(other.accounts.list()[0]!.name).toBe('Café Frères – Lyon');
    other.close();
  });

  it('a mixed file is read in the encoding the user chooses, and the summary says which', async () => {
    const other = openWorkspace(join(dir, 'chosen.reconciler'), { create: true });
    const path = join(dir, 'chosen.csv');
    writeFileSync(
      path,
      Uint8Array.from([...Buffer.from('Organisation Name,Billing Account Code\nAcmé,A1\nBeta'), 0xa0, ...Buffer.from('Freight,B2\n')]),
    );
    expect((await importCocoonFile(other, path, { encoding: 'utf-8' })).readAs).toBe('UTF-8');
    expect(other.accounts.list().map((a) => a.name)).toEqual(['Acmé', 'Beta\ufffdFreight']);
    other.close();
  });

  const contact = (i: number) => ({ ContactID: `id-${i}`, Name: `Contact ${i}`, ContactStatus: 'ACTIVE' });
  const badXeroFiles: [string, unknown, string][] = [
    ['empty-object.json', {}, "empty-object.json: expected an object with a Contacts array, as Xero's GET /Contacts returns"],
    ['strings.json', ['Acme', 'Beta'], 'strings.json: expected an object with a Contacts array'],
    ['contact-strings.json', { Contacts: ['Acme'] }, 'contact-strings.json: contact 1 is not an object'],
    ['no-id.json', { Contacts: [contact(1), { Name: 'Beta Freight' }] }, 'no-id.json: contact 2 ("Beta Freight") has no ContactID'],
    ['no-name.json', { Contacts: [contact(1), contact(2), { ContactID: 'id-3' }] }, 'no-name.json: contact 3 has no Name'],
    ['blank-name.json', { Contacts: [{ ContactID: 'id-1', Name: '  ' }] }, 'blank-name.json: contact 1 has an empty Name'],
    [
      'number-id.json',
      { Contacts: [{ ContactID: 7, Name: 'Acme' }] },
      'number-id.json: contact 1 ("Acme") has a ContactID that is not text',
    ],
    ['no-contacts.json', { Contacts: [] }, 'no-contacts.json lists no contacts'],
  ];

  it.each(badXeroFiles)('%s (JSON, not a Xero contacts response) is refused saying what is wrong and where', async (name, json, says) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(json));
    const error = await importXeroContactsFile(ws, path).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    const message = (error as Error).message;
    expect(message).toMatch(
      new RegExp(`^${name.replace('.', '\\.')} was not read: .*so nothing was imported\\. Save the GET /Contacts responses again`),
    );
    expect(message).toContain(`\n  ${says}`);
    expect(snapshot(ws)).toEqual(before);
  });

  it('a file of many bad contacts lists the first 20 and counts the rest', async () => {
    const path = join(dir, 'all-bad.json');
    writeFileSync(path, JSON.stringify({ Contacts: Array.from({ length: 5000 }, (_, i) => ({ ContactID: `id-${i}` })) }));
    const error = (await importXeroContactsFile(ws, path).catch((e: unknown) => e)) as ImportError;
    expect(error).toBeInstanceOf(ImportError);
    expect(error.problems).toHaveLength(21);
    expect(error.problems[0]!.message).toBe('all-bad.json: contact 1 has no Name');
    expect(error.problems[20]!.message).toBe('all-bad.json: 4980 more contacts with problems (not listed)');
    expect(snapshot(ws)).toEqual(before);
  });

  it('the same bad content uploaded through the app (bytes) is refused the same way', () => {
    const bytes = Buffer.from(JSON.stringify({ Contacts: [contact(1), { Name: 'Beta Freight' }] }));
    expect(() => importXeroContactsBytes(ws, bytes, 'upload.json')).toThrow(/upload\.json: contact 2 \("Beta Freight"\) has no ContactID/);
    expect(() => importXeroContactsBytes(ws, Buffer.from('{}'), 'upload.json')).toThrow(/Import a GET \/Contacts response saved whole/);
    expect(snapshot(ws)).toEqual(before);
  });

  it('a malformed Xero file is refused and the Xero side stays', async () => {
    const path = join(dir, 'contacts.json');
    writeFileSync(path, '{"Contacts": [ {"ContactID": "x", ');
    await expect(importXeroContactsFile(ws, path)).rejects.toThrow(ImportError);
    writeFileSync(path, '{"Invoices": []}');
    await expect(importXeroContactsFile(ws, path)).rejects.toThrow(/Contacts/);
    expect(snapshot(ws)).toEqual(before);
  });
});
