import { describe, expect, it } from 'vitest';
import { isLoopbackUrl, namedStandIn, trustedXeroUrl } from './address';

describe('which Xero addresses tokens may go to', () => {
  it("accepts Xero's own address, however it is written", () => {
    for (const url of [undefined, '', 'https://api.xero.com', 'https://api.xero.com/', ' https://API.xero.com ']) {
      expect(trustedXeroUrl(url, undefined)).toBe('https://api.xero.com');
    }
  });

  it('accepts a stand-in on this computer only when it is exactly the one the user named', () => {
    expect(trustedXeroUrl('http://127.0.0.1:4010/', 'http://127.0.0.1:4010')).toBe('http://127.0.0.1:4010');
    expect(trustedXeroUrl('http://localhost:4010', 'http://localhost:4010/')).toBe('http://localhost:4010');
    expect(() => trustedXeroUrl('http://127.0.0.1:4010', undefined)).toThrow(
      /stand-in at http:\/\/127\.0\.0\.1:4010; nothing was sent there\. .*RECONCILER_XERO_URL=http:\/\/127\.0\.0\.1:4010/,
    );
    expect(() => trustedXeroUrl('http://127.0.0.1:4011', 'http://127.0.0.1:4010')).toThrow(
      /not the one named for this run \(http:\/\/127\.0\.0\.1:4010\)/,
    );
    expect(() => trustedXeroUrl('http://127.0.0.2:4010', 'http://127.0.0.1:4010')).toThrow(/nothing was sent/);
  });

  it('refuses anything else, even when it is the address the user named', () => {
    for (const url of [
      'https://api.xero.com.evil.example',
      'http://api.xero.com',
      'https://xero.example',
      'http://10.0.0.5:4010',
      'http://127.0.0.1.nip.io:4010',
    ]) {
      expect(() => trustedXeroUrl(url, url), url).toThrow(
        /neither Xero \(https:\/\/api\.xero\.com\) nor a stand-in on this computer; nothing was sent there/,
      );
    }
    expect(() => trustedXeroUrl('file:///etc/passwd', undefined)).toThrow(/must start with http/);
  });

  it('knows loopback, and takes the first stand-in named (flag, environment, settings) unless it is Xero', () => {
    expect(['http://127.0.0.1', 'http://127.9.8.7:1', 'http://localhost:2', 'http://[::1]:3'].every(isLoopbackUrl)).toBe(true);
    expect(['http://128.0.0.1', 'http://localhost.example', 'not a url'].some(isLoopbackUrl)).toBe(false);
    expect(namedStandIn(undefined, 'http://127.0.0.1:1', 'http://127.0.0.1:2')).toBe('http://127.0.0.1:1');
    expect(namedStandIn(undefined, '', 'http://127.0.0.1:2')).toBe('http://127.0.0.1:2');
    expect(namedStandIn('https://api.xero.com', 'http://127.0.0.1:1')).toBeUndefined();
    expect(namedStandIn(undefined, undefined, 'https://api.xero.com')).toBeUndefined();
  });
});
