import { describe, expect, it } from 'vitest';
import { parseArrayInSlices } from './json-array-slices';

// Over 2 MB of items: the array is read in many slices.
const contacts = (n: number, extra: (i: number) => object = () => ({})) =>
  Array.from({ length: n }, (_, i) => ({
    ContactID: `id-${i}`,
    Name: `Contact ${i} ${'x'.repeat(300)} "q" },{ üñï`,
    IsCustomer: i % 2 === 0,
    ...extra(i),
  }));
const response = (items: unknown[], after: object = { pagination: { page: 1, pageCount: 1 } }) => ({
  Id: 'r',
  Status: 'OK',
  Contacts: items,
  ...after,
});

function parse(text: string) {
  const { envelope, results } = parseArrayInSlices(Buffer.from(text, 'utf8'), 'Contacts', 'ContactID', (item, index) => ({ item, index }));
  return { envelope, results: results.map((r) => r.item), indices: results.map((r) => r.index) };
}

/** What reading the whole text gives: the items, and the response (its array left empty when sliced). */
function expectSameAsJsonParse(text: string) {
  const whole = JSON.parse(text.replace(/^\uFEFF/, '')) as { Contacts: unknown[] };
  const { envelope, results, indices } = parse(text);
  expect(results).toEqual(whole.Contacts);
  expect(indices).toEqual(whole.Contacts.map((_, i) => i));
  expect({ ...(envelope as object), Contacts: whole.Contacts }).toEqual(whole);
  return envelope as { Contacts: unknown[] };
}

describe('parseArrayInSlices', () => {
  it('reads a large compact response in slices, item for item as JSON.parse does', () => {
    const envelope = expectSameAsJsonParse(JSON.stringify(response(contacts(7000))));
    expect(envelope.Contacts).toEqual([]); // sliced: the items were not kept in the response
  });

  it('gives the same result for pretty-printed text, a byte-order mark, and empty or small arrays', () => {
    expectSameAsJsonParse(JSON.stringify(response(contacts(7000)), null, 2));
    expectSameAsJsonParse(`\uFEFF${JSON.stringify(response(contacts(3)))}`);
    expectSameAsJsonParse(JSON.stringify(response([])));
    expectSameAsJsonParse(JSON.stringify(response(contacts(1), {})));
  });

  it('falls back to parsing the whole text when a cut would fall inside an item', () => {
    // Every item holds a nested list whose objects also start with "ContactID": cuts there are caught.
    const nested = (i: number) => ({ ContactGroups: [{ Name: 'g' }, { ContactID: `n-${i}` }] });
    expect(expectSameAsJsonParse(JSON.stringify(response(contacts(7000, nested)))).Contacts).toHaveLength(7000);
  });

  it('falls back when the array is not where a response keeps it, or the key appears twice', () => {
    expectSameAsJsonParse(JSON.stringify({ Meta: { Contacts: contacts(2) }, Contacts: contacts(7000) }));
    expectSameAsJsonParse(`{"Contacts":${JSON.stringify(contacts(7000))},"Contacts":[]}`);
    expectSameAsJsonParse(JSON.stringify(response(contacts(7000), { Warnings: [{ Message: 'm' }] })));
  });

  it("reads text without the array, and throws JSON.parse's error for text that is not JSON", () => {
    expect(parse('[{"ContactID":"a"}]')).toMatchObject({ envelope: [{ ContactID: 'a' }], results: [] });
    expect(parse('{"Invoices":[]}').results).toEqual([]);
    expect(() => parse('{"Contacts":[{"ContactID":"a"},')).toThrow(SyntaxError);
    expect(() => parse(`${JSON.stringify(response(contacts(7000)))}x`)).toThrow(SyntaxError);
  });
});
