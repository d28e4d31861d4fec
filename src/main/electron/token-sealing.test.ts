import { describe, expect, it } from 'vitest';
import { sealingOf } from './token-sealing';

describe('sealingOf', () => {
  it('seals with a real keychain, and treats no keychain or basic_text as unsealed', () => {
    expect(sealingOf({ available: true })).toEqual({ sealed: true }); // macOS, Windows
    expect(sealingOf({ available: true, backend: 'gnome_libsecret' })).toEqual({ sealed: true });
    expect(sealingOf({ available: true, backend: 'kwallet5' })).toEqual({ sealed: true });
    expect(sealingOf({ available: true, backend: 'basic_text' })).toMatchObject({
      sealed: false,
      reason: expect.stringContaining('basic_text'),
    });
    expect(sealingOf({ available: false })).toMatchObject({ sealed: false, reason: 'no OS keychain is available here' });
  });
});
