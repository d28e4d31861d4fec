// Saved Xero GET /Contacts responses read from real files and folders.
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContactsFile } from '../../src/main/imports/xero-contacts-file';
import { importError, tempFolder } from '../support/import-files';

const EXAMPLE = new URL('../fixtures/xero/contacts-get-example.json', import.meta.url).pathname;
const { dir, file } = tempFolder('xero-contacts-');

function page(n: number, count: number, ids: string[]): string {
  return JSON.stringify({
    Id: `resp-${n}`,
    Status: 'OK',
    ProviderName: 'Reconciler tests',
    DateTimeUTC: '/Date(1551399323399)/',
    pagination: { page: n, pageSize: 2, pageCount: count, itemCount: count * 2 },
    Contacts: ids.map((id) => ({
      ContactID: id,
      Name: `Contact ${id}`,
      AccountNumber: `AN-${id}`,
      ContactStatus: 'ACTIVE',
      IsCustomer: true,
      UpdatedDateUTC: '/Date(1503348544227+0000)/',
    })),
  });
}

describe('readContactsFile', () => {
  it('reads one GET /Contacts response (the API reference example)', async () => {
    const { contacts, raw, pages } = await readContactsFile(EXAMPLE);
    expect(pages).toBe(1);
    expect(contacts.map((c) => [c.name, c.phone, c.address, c.postcode, c.isCustomer])).toEqual([
      ['Katherine Warren', '(626) 847-1294', 'Palo Alto, CA, United States', '94020', true],
      ['Lisa Parker', '(510) 266-3583', 'Anchorage, AK, United States', '99501', false],
    ]);
    expect(contacts[0]?.updatedDateUtc).toBe('2017-08-21T20:49:04.227Z');
    expect(raw[0]).toMatchObject({ ContactID: contacts[0]?.contactId, Balances: { AccountsReceivable: { Outstanding: 760 } } });
  });

  it('reads a folder of pages in natural order (page-2 before page-10)', async () => {
    const folder = join(dir, 'pages');
    await mkdir(folder);
    for (let n = 1; n <= 10; n++) await writeFile(join(folder, `page-${n}.json`), page(n, 10, [`${n}a`, `${n}b`]));
    await writeFile(join(folder, 'README.txt'), 'not a page');
    const { contacts, raw, pages } = await readContactsFile(folder);
    expect(pages).toBe(10);
    expect(contacts).toHaveLength(20);
    expect(contacts.slice(0, 6).map((c) => c.contactId)).toEqual(['1a', '1b', '2a', '2b', '3a', '3b']);
    expect(contacts.at(-1)?.contactId).toBe('10b');
    expect(raw.map((r) => r.ContactID)).toEqual(contacts.map((c) => c.contactId));
  });

  it('refuses a folder with a missing page unless a partial list is accepted', async () => {
    const folder = join(dir, 'gap');
    await mkdir(folder);
    await writeFile(join(folder, 'page-1.json'), page(1, 3, ['a']));
    await writeFile(join(folder, 'page-3.json'), page(3, 3, ['c']));
    expect((await importError(readContactsFile(folder))).message).toMatch(/page 2 of 3 is missing/);
    expect((await readContactsFile(folder, { allowPartial: true })).contacts).toHaveLength(2);
  });

  it('names the file for malformed JSON', async () => {
    const path = await file('broken.json', '{ "Contacts": [ { "ContactID": "a", } ');
    const e = await importError(readContactsFile(path));
    expect(e.message.split('\n')[0]).toMatch(/^broken\.json was not read: 1 problem in the Xero contacts file/);
    expect(e.message).toMatch(/\n {2}broken\.json: not valid JSON \(/);
  });

  it('names the file when the Contacts array is missing', async () => {
    const path = await file('invoices.json', JSON.stringify({ Id: 'x', Status: 'OK', Invoices: [] }));
    const e = await importError(readContactsFile(path));
    expect(e.problems[0]?.message).toBe(
      "invoices.json: expected an object with a Contacts array, as Xero's GET /Contacts returns; found the keys Id, Status, Invoices",
    );
  });

  it('names file and contact for a missing ContactID and for one ContactID with two contents', async () => {
    const folder = join(dir, 'conflicts');
    await mkdir(folder);
    await copyFile(EXAMPLE, join(folder, 'page-1.json'));
    const again = JSON.parse(page(2, 2, ['5cc8cf28-567e-4d43-b287-687cfcaec47c'])) as { Contacts: object[] };
    again.Contacts.push({ Name: 'Nobody' });
    await writeFile(join(folder, 'page-2.json'), JSON.stringify(again));
    const e = await importError(readContactsFile(folder));
    expect(e.problems.map((p) => p.message)).toEqual([
      'page-2.json: contact 2 ("Nobody") has no ContactID',
      'ContactID 5cc8cf28-567e-4d43-b287-687cfcaec47c appears twice with different content: page-1.json contact 1 and page-2.json contact 1',
    ]);
  });

  it('refuses a missing path and a folder without .json files', async () => {
    expect((await importError(readContactsFile(join(dir, 'nope.json')))).message).toMatch(/nope\.json does not exist/);
    const empty = join(dir, 'empty');
    await mkdir(empty);
    expect((await importError(readContactsFile(empty))).message).toMatch(/empty holds no \.json files/);
  });
});
