// How many typos (characters inserted, deleted or changed) a text needs to contain a pattern somewhere: Myers'
// bit-parallel edit distance (1999) in its substring form, one 32-bit word for patterns of up to 32 characters,
// so one text of n characters costs n steps. Fast enough to try every row of a 50,000-row table per keystroke.

export const MAX_PATTERN = 32;

/** Per UTF-16 code unit, the pattern positions holding it (bit i = position i); shared, cleared after each use. */
const positions = new Int32Array(65536);

export class TypoMatcher {
  private readonly codes: number[];
  private readonly masks: number[];
  private readonly last: number;
  readonly length: number;

  constructor(pattern: string) {
    if (pattern.length === 0 || pattern.length > MAX_PATTERN)
      throw new RangeError(`a pattern of 1 to ${MAX_PATTERN} characters, not ${pattern.length}`);
    this.length = pattern.length;
    this.last = 1 << (pattern.length - 1);
    const masks = new Map<number, number>();
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      masks.set(c, (masks.get(c) ?? 0) | (1 << i));
    }
    this.codes = [...masks.keys()];
    this.masks = [...masks.values()];
  }

  /** The fewest typos with which `text` contains the pattern (0 = as it is); stops early once at most `enough`. */
  distanceIn(text: string, enough = 0): number {
    const { codes, masks, last } = this;
    for (let k = 0; k < codes.length; k++) positions[codes[k]!] = masks[k]!;
    let pv = -1;
    let mv = 0;
    let score = this.length;
    let best = score;
    for (let j = 0; j < text.length && best > enough; j++) {
      const eq = positions[text.charCodeAt(j)]!;
      const xv = eq | mv;
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if (ph & last) score++;
      else if (mh & last) score--;
      // The text may start anywhere: the top row stays 0, so nothing is shifted in.
      ph <<= 1;
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
      if (score < best) best = score;
    }
    for (let k = 0; k < codes.length; k++) positions[codes[k]!] = 0;
    return best;
  }
}
