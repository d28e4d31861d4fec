import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, type Handlers } from './dispatch';
import { AppError } from '../../shared/app-error';
import { ImportError } from '../cocoon/import-problems';

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const fail = async (): Promise<never> => {
    throw new Error('not in this test');
  };
  return new Proxy(overrides as Handlers, { get: (t, k) => (t as Record<string | symbol, unknown>)[k] ?? fail });
}

describe('createDispatcher', () => {
  it('refuses unknown channels and malformed input before any handler runs', async () => {
    const apply = vi.fn();
    const dispatch = createDispatcher(handlers({ 'decisions.apply': apply }));
    expect(await dispatch('decisions.delete', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    const bad = await dispatch('decisions.apply', { accountCode: 'C1', action: 'nope' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(!bad.ok && bad.error.message).toContain('action');
    expect(apply).not.toHaveBeenCalled();
  });

  it('passes the parsed input (defaults filled) and returns the value', async () => {
    const search = vi.fn(async () => []);
    const dispatch = createDispatcher(handlers({ 'contacts.search': search }));
    expect(await dispatch('contacts.search', { query: 'acme' })).toEqual({ ok: true, value: [] });
    expect(search).toHaveBeenCalledWith({ query: 'acme', limit: 20 });
  });

  it('checks outputs when asked', async () => {
    const dispatch = createDispatcher(handlers({ 'workspace.recent': async () => [42] as unknown as [] }), {
      validateOutput: true,
      onInternalError: () => {},
    });
    expect(await dispatch('workspace.recent', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('turns known failures into their codes and bugs into "internal"', async () => {
    const onInternalError = vi.fn();
    const dispatch = createDispatcher(
      handlers({
        'workspace.status': async () => {
          throw new AppError('no_workspace', 'open one');
        },
        'imports.cocoon': async () => {
          throw new ImportError('bad', [{ row: 2, severity: 'error', message: 'empty code' }]);
        },
        'findings.list': async () => {
          throw new TypeError('boom');
        },
      }),
      { onInternalError },
    );
    expect(await dispatch('workspace.status', {})).toEqual({ ok: false, error: { code: 'no_workspace', message: 'open one' } });
    expect(await dispatch('imports.cocoon', { fileName: 'a.csv', content: '' })).toMatchObject({
      ok: false,
      error: { code: 'import_failed', problems: [{ row: 2 }] },
    });
    expect(await dispatch('findings.list', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(onInternalError).toHaveBeenCalledTimes(1);
  });
});
