import { describe, expect, it } from 'vitest';
import { SandboxState } from './store';

describe('SandboxState.list', () => {
  it('keeps creation order through replacements and a reseed, as sorting by seq would', () => {
    const state = new SandboxState({ tenants: [{ tenantName: 'Books' }] });
    const tenant = [...state.tenants.keys()].at(-1)!;
    const ids = Array.from({ length: 50 }, (_, i) => state.save(tenant, 'Contacts', { Name: `C${i}` }).id);
    // Replace every third record (a write), newest first, then add more.
    for (const id of ids.filter((_, i) => i % 3 === 0).reverse()) state.save(tenant, 'Contacts', { ContactID: id, Name: 'renamed' });
    for (let i = 0; i < 5; i++) state.save(tenant, 'Contacts', { Name: `late${i}` });
    const listed = state.list(tenant, 'Contacts');
    expect(listed.map((s) => s.id)).toEqual([...listed].sort((a, b) => a.seq - b.seq).map((s) => s.id));
    expect(listed.slice(0, 50).map((s) => s.id)).toEqual(ids);
    state.seed(tenant, { Contacts: [{ Name: 'X' }, { Name: 'Y' }] }, 'replace');
    expect(state.list(tenant, 'Contacts').map((s) => s.data.Name)).toEqual(['X', 'Y']);
  });
});
