import { describe, expect, it } from 'vitest';
import { SandboxState } from '../state/store';
import { listRecords } from './list-query';

function world() {
  const state = new SandboxState({ tenants: [{ tenantName: 'Books' }] });
  const tenant = [...state.tenants.keys()].at(-1)!;
  for (let i = 0; i < 10; i++) state.save(tenant, 'Contacts', { Name: `Acme ${i}`, ContactStatus: i % 2 ? 'ARCHIVED' : 'ACTIVE' });
  const list = (query: Record<string, string>, filter?: (s: { data: Record<string, unknown> }) => boolean) =>
    listRecords(state, tenant, { coll: 'Contacts', query: new Map(Object.entries(query)), ifModifiedSince: undefined, filter });
  return { state, tenant, list };
}

describe('listRecords between pages', () => {
  it('pages one filtered, ordered list, and sees a record saved between two pages', () => {
    const { state, tenant, list } = world();
    const query = { where: 'Name.StartsWith("Acme")', order: 'Name DESC', pagesize: '4' };
    const first = list({ ...query, page: '1' });
    expect(first.items.map((c) => c.Name)).toEqual(['Acme 9', 'Acme 8', 'Acme 7', 'Acme 6']);
    expect(first.pagination).toMatchObject({ itemCount: 10, pageCount: 3 });
    state.save(tenant, 'Contacts', { Name: 'Acme 99' });
    const second = list({ ...query, page: '2' });
    expect(second.pagination).toMatchObject({ itemCount: 11 });
    // 'Acme 99' sorts first, so page 2 starts one record later than it would have.
    expect(second.items.map((c) => c.Name)).toEqual(['Acme 6', 'Acme 5', 'Acme 4', 'Acme 3']);
  });

  it('keeps lists of different queries apart', () => {
    const { list } = world();
    const active = (s: { data: Record<string, unknown> }) => s.data.ContactStatus !== 'ARCHIVED';
    expect(list({ page: '1' }, active).pagination).toMatchObject({ itemCount: 5 });
    expect(list({ page: '1', includearchived: 'true' }).pagination).toMatchObject({ itemCount: 10 });
    expect(list({ page: '1', order: 'Name' }, active).items[0]!.Name).toBe('Acme 0');
    expect(list({ page: '1', order: 'Name DESC' }, active).items[0]!.Name).toBe('Acme 8');
  });
});
