// Which of the two names of a pair keeps more information: a name with a lost character ('?' or U+FFFD where
// the other has a letter or an apostrophe), mojibake ("Ã©", "â€™" for "é", "’"), or one that drops words the other
// has ("Nixon" beside "Chicago Public Schools Nixon, William P.") must never overwrite the other. Pure: two
// names in, a verdict out; legal forms, abbreviations, punctuation and word order give no verdict.
import { DEFAULT_CONFIG } from '../matching/config';
import { compileNameRules, normaliseName, type NameRules } from '../matching/normalise-name';

export type NameSide = 'cocoon' | 'xero';
export type NameLossKind = 'lost_character' | 'mojibake' | 'dropped_words';

export interface NameLoss {
  side: NameSide;
  kind: NameLossKind;
  /** What was lost, e.g. `'?' where the other has "'"`, `"Ã©" for "é"`, `drops "william p"`. */
  detail: string;
}

export interface NameVerdict {
  /** The side whose name keeps more information (null: neither clearly does). */
  better: NameSide | null;
  losses: NameLoss[];
}

const SIDE_LABEL: Record<NameSide, string> = { cocoon: 'CocoonOPS', xero: 'Xero' };
const LOSS_LABEL: Record<NameLossKind, string> = {
  lost_character: 'name lost a character',
  mojibake: 'name has garbled characters',
  dropped_words: 'name drops words the other has',
};

/** "CocoonOPS name lost a character": one line for a mark in the table, a skip reason in bulk. */
export const lossLabel = (l: Pick<NameLoss, 'side' | 'kind'>): string => `${SIDE_LABEL[l.side]} ${LOSS_LABEL[l.kind]}`;

// ---- lost characters -------------------------------------------------------------------------------------

const LOST = /[?\uFFFD]+/g;
/** What a lost character stood for: a letter, a digit, an apostrophe or quote, a dash, or anything beyond ASCII. */
const WAS_INFORMATION = /^(?:[\p{L}\p{N}'’‘`´\-–—]|[^\p{ASCII}])+$/u;
const CONTEXT = 3;
const INSIDE_WORD = /^\p{L}[?\uFFFD]+\p{L}$/u;
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each run of '?' / U+FFFD in `name` whose place in `other` (same text around it) holds information. */
function lostCharacters(name: string, other: string): string[] {
  const found: string[] = [];
  for (const m of name.matchAll(LOST)) {
    const before = name.slice(Math.max(0, m.index - CONTEXT), m.index);
    const after = name.slice(m.index + m[0].length, m.index + m[0].length + CONTEXT);
    if (before.trim() === '' && after.trim() === '') continue;
    const start = m.index === 0 ? '^' : '';
    const end = m.index + m[0].length === name.length ? '$' : '';
    const at = new RegExp(`${start}${escape(before)}(.{1,${m[0].length + 1}}?)${escape(after)}${end}`, 'iu').exec(other);
    const was = at?.[1];
    if (was && !/[?\uFFFD]/.test(was) && WAS_INFORMATION.test(was)) found.push(`'${m[0]}' where the other has "${was}"`);
    // Not in the other name, but "Children?s": a '?' between two letters never stood for a question mark.
    else if (!was && INSIDE_WORD.test(`${before.slice(-1)}${m[0]}${after.slice(0, 1)}`)) found.push(`'${m[0]}' inside a word`);
  }
  return found;
}

// ---- mojibake ----------------------------------------------------------------------------------------------

// Bytes 0x80–0xFF of the two code pages UTF-8 text is most often misread through (written out: runtimes differ,
// Node reads "windows-1252" as Latin-1).
const WINDOWS_1252 =
  '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ' +
  Array.from({ length: 0x60 }, (_, i) => String.fromCharCode(0xa0 + i)).join('');
const MAC_ROMAN =
  'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u00A0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uF8FFÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ';

/** Character → byte, per code page. */
const CODE_PAGES: readonly ReadonlyMap<string, number>[] = [WINDOWS_1252, MAC_ROMAN].map(
  (page) => new Map([...page].map((ch, i) => [ch, 0x80 + i])),
);

const utf8 = new TextDecoder('utf-8', { fatal: true });
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

/** `text` read back as UTF-8 from its bytes in a code page, or null when that is not what happened to it. */
function undoOnce(text: string, reverse: ReadonlyMap<string, number>): string | null {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const b = reverse.get(ch);
      if (b === undefined) return null;
      bytes.push(b);
    }
  }
  try {
    const repaired = utf8.decode(new Uint8Array(bytes));
    return repaired !== text && NON_ASCII.test(repaired) ? repaired : null;
  } catch {
    return null;
  }
}

/** The name with UTF-8 mojibake undone (Windows-1252 or Mac Roman, up to three times over); the name itself when none. */
export function repairMojibake(name: string): string {
  if (!NON_ASCII.test(name)) return name;
  let text = name;
  for (let round = 0; round < 3; round++) {
    const next = undoOnce(text, CODE_PAGES[0]!) ?? undoOnce(text, CODE_PAGES[1]!);
    if (next === null) break;
    text = next;
  }
  return text;
}

// ---- dropped words -----------------------------------------------------------------------------------------

let rules: NameRules | undefined;

/** The name's words as the matcher reads them (legal forms, stopwords, punctuation gone, abbreviations expanded). */
function wordsOf(name: string): Set<string> {
  rules ??= compileNameRules(DEFAULT_CONFIG);
  const tokens = normaliseName(repairMojibake(name).replace(LOST, ''), rules).tokens;
  // A trailing counter ("Gads Hill Center 1", "…-1") is an integration's duplicate mark, not a word.
  if (tokens.length > 1 && /^\d{1,2}$/.test(tokens[tokens.length - 1]!)) tokens.pop();
  return new Set(tokens);
}

/** The words of `other` that `name` lacks, when `name`'s words are a strict subset of them; else []. */
function droppedWords(name: Set<string>, other: Set<string>): string[] {
  if (name.size === 0) return [];
  for (const w of name) if (!other.has(w)) return [];
  return [...other].filter((w) => !name.has(w));
}

// ---- the verdict -------------------------------------------------------------------------------------------

function lossesOf(side: NameSide, name: string, other: string, words: Set<string>, otherWords: Set<string>): NameLoss[] {
  const losses: NameLoss[] = lostCharacters(name, other).map((detail) => ({ side, kind: 'lost_character' as const, detail }));
  const repaired = repairMojibake(name);
  if (repaired !== name) losses.push({ side, kind: 'mojibake', detail: `"${name}" reads "${repaired}"` });
  const dropped = droppedWords(words, otherWords);
  if (dropped.length > 0) losses.push({ side, kind: 'dropped_words', detail: `drops "${dropped.join(' ')}"` });
  return losses;
}

const damaged = (losses: NameLoss[], side: NameSide, kinds: NameLossKind[]): boolean =>
  losses.some((l) => l.side === side && kinds.includes(l.kind));

/**
 * Compares the CocoonOPS name and the Xero name of one pair. A damaged character outweighs dropped words (it is
 * corruption that would print on every invoice; a shorter name still names the business), so "better" is the
 * side without damaged characters, else the side that drops no words; null when both or neither lost something
 * of the same weight.
 */
export function compareNames(cocoon: string, xero: string): NameVerdict {
  if (cocoon === xero) return { better: null, losses: [] };
  const cw = wordsOf(cocoon);
  const xw = wordsOf(xero);
  const losses = [...lossesOf('cocoon', cocoon, xero, cw, xw), ...lossesOf('xero', xero, cocoon, xw, cw)];
  for (const kinds of [['lost_character', 'mojibake'], ['dropped_words']] as NameLossKind[][]) {
    const c = damaged(losses, 'cocoon', kinds);
    const x = damaged(losses, 'xero', kinds);
    if (c !== x) return { better: c ? 'xero' : 'cocoon', losses };
    if (c && x) return { better: null, losses };
  }
  return { better: null, losses };
}
