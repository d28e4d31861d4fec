// Which identity addresses openid-client may reach over plain http: a stand-in on this computer, never Xero.
import { describe, expect, it } from 'vitest';
import { endpointsFor, XERO_PRODUCTION } from '../endpoints';
import { plainHttpAllowed } from './discovery';

describe('plainHttpAllowed', () => {
  it('allows plain http to loopback only', () => {
    expect(plainHttpAllowed(endpointsFor('http://127.0.0.1:4010').identityUrl)).toBe(true);
    expect(plainHttpAllowed('http://localhost:4010/identity')).toBe(true);
    expect(plainHttpAllowed(XERO_PRODUCTION.identityUrl)).toBe(false); // https: nothing to allow
    expect(plainHttpAllowed('http://identity.xero.com')).toBe(false);
    expect(plainHttpAllowed('http://10.0.0.5:4010/identity')).toBe(false);
    expect(plainHttpAllowed('http://127.0.0.1.example.com/identity')).toBe(false);
  });
});
