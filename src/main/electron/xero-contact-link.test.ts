// The contact link goes to Xero's web app and is one the Electron shell lets out to the system browser.
import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from './external-links';
import { xeroContactUrl } from '../../shared/xero-links';

describe('xeroContactUrl', () => {
  it("is the contact's page in Xero's web app, allowed out of the app", () => {
    const url = xeroContactUrl('5b0e5a2c-4f1d-4d2b-9a0e-3f1c2b7d9e01');
    expect(url).toBe('https://go.xero.com/Contacts/View/5b0e5a2c-4f1d-4d2b-9a0e-3f1c2b7d9e01');
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it('escapes an id so it cannot leave the path', () => {
    const url = xeroContactUrl('../../evil?x=1#y');
    expect(new URL(url).pathname).toBe('/Contacts/View/..%2F..%2Fevil%3Fx%3D1%23y');
    expect(new URL(url).hostname).toBe('go.xero.com');
  });
});
