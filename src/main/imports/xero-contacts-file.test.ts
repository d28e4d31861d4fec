import { describe, expect, it } from 'vitest';
import { mergeContactsPages, parseContactsPage } from './xero-contacts-file';

const envelope = (contacts: unknown[], pagination?: object) =>
  JSON.stringify({
    Id: 'x',
    Status: 'OK',
    ProviderName: 'P',
    DateTimeUTC: '/Date(1551399323399)/',
    ...(pagination ? { pagination } : {}),
    Contacts: contacts,
  });
const contact = (id: string, extra: object = {}) => ({ ContactID: id, Name: `Name ${id}`, ContactStatus: 'ACTIVE', ...extra });

describe('parseContactsPage', () => {
  it('reads contacts and pagination, ignoring a BOM', () => {
    const page = parseContactsPage(
      `\uFEFF${envelope([contact('a'), contact('b')], { page: 2, pageSize: 100, pageCount: 3, itemCount: 250 })}`,
      'p2.json',
    );
    expect(page.problems).toEqual([]);
    expect(page.items.map((i) => i.contact.contactId)).toEqual(['a', 'b']);
    expect([page.page, page.pageCount]).toEqual([2, 3]);
  });

  it('explains invalid JSON with the file name', () => {
    expect(parseContactsPage('{"Contacts": [', 'bad.json').problems[0]?.message).toMatch(/^bad\.json: not valid JSON \(/);
  });

  it('explains a file that is not the envelope', () => {
    const msg = (text: string) => parseContactsPage(text, 'f.json').problems[0]?.message;
    expect(msg('{"Invoices": []}')).toMatch(
      /f\.json: expected an object with a Contacts array, as Xero's GET \/Contacts returns; found the keys Invoices/,
    );
    expect(msg('[{"ContactID": "a"}]')).toMatch(/bare array/);
    expect(msg('{"Type":null,"Title":"Forbidden","Status":403,"Detail":"AuthenticationUnsuccessful"}')).toMatch(
      /error response from Xero \(403 Forbidden AuthenticationUnsuccessful\)/,
    );
  });

  it('names the contact that has no ContactID or a bad field', () => {
    const page = parseContactsPage(envelope([contact('a'), { Name: 'No Id' }, contact('c', { IsCustomer: 'yes' })]), 'p.json');
    expect(page.items).toHaveLength(1);
    expect(page.problems.map((p) => p.message)).toEqual([
      'p.json: contact 2 ("No Id") has no ContactID',
      expect.stringMatching(/^p\.json: contact 3 \("Name c"\), ContactID c: IsCustomer: /),
    ]);
  });
});

describe('mergeContactsPages', () => {
  it('without the JSON (keepRaw: false) keeps the contacts only, and compares repeats on what was read', () => {
    const p1 = parseContactsPage(envelope([contact('a'), contact('b')]), 'page-1.json', { keepRaw: false });
    const p2 = parseContactsPage(envelope([{ ...contact('a'), Website: 'not read' }, contact('b', { Name: 'Other' })]), 'page-2.json', {
      keepRaw: false,
    });
    const { file, problems } = mergeContactsPages([p1, p2]);
    expect(file.contacts.map((c) => c.contactId)).toEqual(['a', 'b']);
    expect(file.raw).toEqual([]);
    expect(problems.map((p) => p.message)).toEqual([
      'ContactID b appears twice with different content: page-1.json contact 2 and page-2.json contact 2',
    ]);
  });

  it('keeps one copy of an identical duplicate and reports a differing one with both places', () => {
    const p1 = parseContactsPage(envelope([contact('a'), contact('b')]), 'page-1.json');
    const p2 = parseContactsPage(
      envelope([{ ContactStatus: 'ACTIVE', Name: 'Name a', ContactID: 'a' }, contact('b', { Name: 'Other' })]),
      'page-2.json',
    );
    const { file, problems } = mergeContactsPages([p1, p2]);
    expect(file.contacts.map((c) => c.contactId)).toEqual(['a', 'b']);
    expect(file.raw).toHaveLength(2);
    expect(problems.map((p) => p.message)).toEqual([
      'ContactID b appears twice with different content: page-1.json contact 2 and page-2.json contact 2',
    ]);
  });

  it('reports missing pages unless a partial list is accepted', () => {
    const p1 = parseContactsPage(envelope([contact('a')], { page: 1, pageCount: 3 }), 'page-1.json');
    const p3 = parseContactsPage(envelope([contact('c')], { page: 3, pageCount: 3 }), 'page-3.json');
    expect(mergeContactsPages([p1, p3]).problems[0]?.message).toMatch(/^page 2 of 3 is missing/);
    expect(mergeContactsPages([p1, p3], { allowPartial: true }).problems).toEqual([]);
  });
});
