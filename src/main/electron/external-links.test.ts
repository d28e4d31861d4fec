import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from './external-links';

describe('isAllowedExternalUrl', () => {
  it('lets https links to Xero and GitHub out, nothing else', () => {
    expect(isAllowedExternalUrl('https://login.xero.com/identity/connect/authorize?x=1')).toBe(true);
    expect(isAllowedExternalUrl('https://github.com/')).toBe(true);
    expect(isAllowedExternalUrl('http://login.xero.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://xero.com.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('https://evilxero.com/')).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@xero.com/')).toBe(false);
    expect(isAllowedExternalUrl('not a url')).toBe(false);
  });
});
