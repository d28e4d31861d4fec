// The renderer's own Content-Security-Policy meta tag says what the header says, for every directive a meta tag can
// carry (frame-ancestors works only as a header): Electron loads the page from a file, where only the tag applies.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './security';

const directives = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values.join(' ')]),
  );

describe('content security policy', () => {
  it("index.html's meta tag carries every header directive a meta tag can, object-src and base-uri 'none' among them", () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    const header = directives(CONTENT_SECURITY_POLICY);
    header.delete('frame-ancestors');
    expect(directives(meta)).toEqual(header);
    expect(directives(meta).get('object-src')).toBe("'none'");
    expect(directives(meta).get('base-uri')).toBe("'none'");
  });
});
