import { describe, expect, it, vi } from 'vitest';
import { ApiError, buildClient, nestChannels, type Envelope } from './api-client';
import { CHANNELS } from './channels';

describe('buildClient', () => {
  it('offers every channel as api.area.verb and passes the input through', async () => {
    const call = vi.fn(async (): Promise<Envelope<unknown>> => ({ ok: true, value: { rows: [] } }));
    const api = buildClient({ call, on: () => () => {} });
    await expect(api.findings.list()).resolves.toEqual({ rows: [] });
    expect(call).toHaveBeenCalledWith('findings.list', {});
    await api.decisions.undo({ accountCode: 'C1' });
    expect(call).toHaveBeenLastCalledWith('decisions.undo', { accountCode: 'C1' });
    const nested = nestChannels((c) => c);
    expect(
      Object.values(nested)
        .flatMap((g) => Object.values(g))
        .sort(),
    ).toEqual([...CHANNELS].sort());
  });

  it('rejects with ApiError carrying the code and problems', async () => {
    const api = buildClient({
      call: async () => ({
        ok: false,
        error: { code: 'import_failed', message: 'bad file', problems: [{ row: 3, severity: 'error', message: 'empty code' }] },
      }),
      on: () => () => {},
    });
    const e = await api.imports.cocoon({ fileName: 'a.csv', content: '' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ code: 'import_failed', message: 'bad file', problems: [{ row: 3 }] });
  });
});
