// Which characters of two names differ: a longest-common-subsequence diff, as runs of same / different text.

export interface Segment {
  text: string;
  same: boolean;
}

/** Names longer than this are compared as wholes (the table shows them truncated anyway). */
const MAX_LENGTH = 300;

function runs(text: string, same: boolean[]): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = out[out.length - 1];
    if (last && last.same === same[i]) last.text += text[i];
    else out.push({ text: text[i]!, same: same[i]! });
  }
  return out;
}

/** Marks the characters of `a` and `b` outside their longest common subsequence (case-sensitive). */
export function diffNames(a: string, b: string): { a: Segment[]; b: Segment[] } {
  if (a === b) return { a: a ? [{ text: a, same: true }] : [], b: b ? [{ text: b, same: true }] : [] };
  if (a.length > MAX_LENGTH || b.length > MAX_LENGTH || a === '' || b === '') {
    return { a: a ? [{ text: a, same: false }] : [], b: b ? [{ text: b, same: false }] : [] };
  }
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = LCS length of a[i..] and b[j..], in one flat array.
  const lcs = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] =
        a[i] === b[j] ? lcs[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!);
    }
  }
  const sameA = new Array<boolean>(n).fill(false);
  const sameB = new Array<boolean>(m).fill(false);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      sameA[i++] = true;
      sameB[j++] = true;
    } else if (lcs[(i + 1) * (m + 1) + j]! >= lcs[i * (m + 1) + j + 1]!) i++;
    else j++;
  }
  return { a: runs(a, sameA), b: runs(b, sameB) };
}
