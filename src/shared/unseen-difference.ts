// A change a reader cannot see on screen: "Columbia  Explorers" → "Columbia Explorers" renders as the same text in
// HTML (runs of spaces collapse) and nearly so on paper. Says so when only the spacing differs, and where: "(only the
// spacing differs: two spaces → one space after “Columbia”)". Pure.

const squeeze = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** One place where two texts equal apart from spacing space differently: "after “Columbia”", "two spaces", "one space". */
export interface SpacingChange {
  where: string;
  from: string;
  to: string;
}

const NUMBERS = ['none', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const count = (n: number, what: string): string => `${NUMBERS[n] ?? n.toLocaleString('en')} ${what}${n === 1 ? '' : 's'}`;

const BLANKS: readonly [RegExp, string][] = [
  [/ /g, 'space'],
  [/\t/g, 'tab'],
  [/\r\n|\r|\n/g, 'line break'],
  [/\u00a0/g, 'non-breaking space'],
];

/** "two spaces", "one tab and one space", "none": a run of blanks in words. */
export function describeBlanks(run: string): string {
  if (run === '') return 'none';
  const parts: string[] = [];
  let rest = run;
  for (const [re, what] of BLANKS) {
    const n = rest.match(re)?.length ?? 0;
    if (n > 0) parts.push(count(n, what));
    rest = rest.replace(re, '');
  }
  if (rest.length > 0) parts.push(count(rest.length, 'other blank character'));
  return parts.join(' and ');
}

/** A text as its leading blanks, its words, the blanks between them and its trailing blanks. */
function split(s: string): { lead: string; words: string[]; gaps: string[]; trail: string } {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(s)!;
  const parts = m[2] === '' ? [] : m[2]!.split(/(\s+)/);
  return { lead: m[1]!, words: parts.filter((_, i) => i % 2 === 0), gaps: parts.filter((_, i) => i % 2 === 1), trail: m[3]! };
}

/**
 * Where `from` and `to` space differently, when they differ only in spacing (else []): at the start, after a word
 * (between two words when that word is in the text more than once), at the end.
 */
export function spacingChanges(from: string, to: string): SpacingChange[] {
  if (from === to || squeeze(from) !== squeeze(to)) return [];
  const a = split(from);
  const b = split(to);
  const out: SpacingChange[] = [];
  const add = (where: string, x: string, y: string) => {
    if (x !== y) out.push({ where, from: describeBlanks(x), to: describeBlanks(y) });
  };
  if (a.words.length === 0) {
    add('', from, to);
    return out;
  }
  add('at the start', a.lead, b.lead);
  a.gaps.forEach((gap, i) => {
    const word = a.words[i]!;
    const once = a.words.filter((w) => w === word).length === 1;
    add(once ? `after “${word}”` : `between “${word}” and “${a.words[i + 1]}”`, gap, b.gaps[i] ?? '');
  });
  add('at the end', a.trail, b.trail);
  return out;
}

/** "two spaces → one space after “Columbia”; one space → none at the end" ('' when not a change of spacing only). */
export function spacingChangeWords(from: string, to: string, most = 3): string {
  const all = spacingChanges(from, to);
  const words = all.slice(0, most).map((c) => `${c.from} → ${c.to}${c.where ? ` ${c.where}` : ''}`);
  if (all.length > most) words.push(`and ${all.length - most} more`);
  return words.join('; ');
}

/**
 * '(only the spacing differs: two spaces → one space after “Columbia”)' when two different texts differ only in
 * spaces, tabs or line breaks; else ''.
 */
export const unseenDifference = (from: string, to: string): string => {
  const where = spacingChangeWords(from, to);
  return where ? `(only the spacing differs: ${where})` : '';
};
