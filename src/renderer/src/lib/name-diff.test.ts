import { describe, expect, it } from 'vitest';
import { diffNames } from './name-diff';

const marked = (segments: { text: string; same: boolean }[]) => segments.filter((s) => !s.same).map((s) => s.text);

describe('diffNames', () => {
  it('marks only the characters that differ', () => {
    const d = diffNames("McCann's Daycare", 'McCann?s Daycare');
    expect(marked(d.a)).toEqual(["'"]);
    expect(marked(d.b)).toEqual(['?']);
    expect(d.a.map((s) => s.text).join('')).toBe("McCann's Daycare");
  });

  it('marks added words on one side only', () => {
    const d = diffNames('Delano', 'Delano CPC');
    expect(marked(d.a)).toEqual([]);
    expect(marked(d.b)).toEqual([' CPC']);
  });

  it('handles equal, empty and very long names', () => {
    expect(diffNames('Same', 'Same')).toEqual({ a: [{ text: 'Same', same: true }], b: [{ text: 'Same', same: true }] });
    expect(diffNames('', 'X')).toEqual({ a: [], b: [{ text: 'X', same: false }] });
    const long = 'x'.repeat(400);
    expect(diffNames(long, `${long}y`).a).toEqual([{ text: long, same: false }]);
  });
});
