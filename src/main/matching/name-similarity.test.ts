import { describe, expect, it } from 'vitest';
import { nameSimilarity as similarity, reading, tokenSimilarity, type TokenWeight } from './name-similarity';

const nameSimilarity = (a: string[], b: string[], w: TokenWeight) => similarity(reading(a, w), reading(b, w));

const flat = () => 1;

describe('tokenSimilarity', () => {
  it('scores equal, cut-short and misspelt tokens', () => {
    expect(tokenSimilarity('freight', 'freight')).toBe(1);
    expect(tokenSimilarity('logi', 'logistics')).toBe(0.85);
    expect(tokenSimilarity('fairyland', 'fairyand')).toBeCloseTo(1 - 1 / 9);
    expect(tokenSimilarity('abc', 'abd')).toBe(0);
    expect(tokenSimilarity('smith', 'jones')).toBe(0);
  });
});

describe('nameSimilarity', () => {
  it('is 1 for the same tokens in any order', () => {
    expect(nameSimilarity(['smith', 'jones'], ['jones', 'smith'], flat).dice).toBe(1);
  });

  it('weighs rare tokens more than common ones', () => {
    const weight = (t: string) => (t === 'transport' || t === 'haulage' ? 0.1 : 3);
    const sharedRare = nameSimilarity(['zephyr', 'transport'], ['zephyr', 'haulage'], weight).dice;
    const sharedCommon = nameSimilarity(['zephyr', 'transport'], ['quill', 'transport'], weight).dice;
    expect(sharedRare).toBeGreaterThan(0.9);
    expect(sharedCommon).toBeLessThan(0.1);
  });

  it('sees containment and spacing differences', () => {
    expect(nameSimilarity(['mason'], ['legacy', 'charter', 'school', 'mason'], flat).containment).toBe(1);
    expect(nameSimilarity(['fairy', 'land'], ['fairyland'], flat).compact).toBe(1);
  });
});
