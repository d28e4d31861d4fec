// Organisation-name normalisation: what is left when case, punctuation, diacritics, legal forms,
// "The", "T/A" and "Trustee for … Trust" wrappers and abbreviations are taken away.
import type { MatchConfig } from './config';

export interface NormalisedName {
  /** What the sync compares: case-folded, whitespace collapsed. Equal sync keys = the sync finds the contact. */
  syncKey: string;
  /** Canonical tokens of the whole name (legal forms, stopwords removed; abbreviations expanded). */
  tokens: string[];
  /** tokens joined with spaces: equal keys = same name up to legal form, punctuation and abbreviations. */
  key: string;
  /** Other readings of the name (the trading name of a T/A name, the trust of a trustee), as canonical tokens. */
  alternatives: readonly string[][];
  /** The legal entity of a T/A name ("ABC" of "ABC Pty Ltd T/A Fast Freight"), or null. */
  entity: string[] | null;
  /** The legal forms removed, as written (e.g. "Pty Ltd"). */
  legalForms: readonly string[];
}

/** Token sequences, compiled once per config. */
export interface NameRules {
  /** Legal forms removed wherever they stand, by their first word (longest first). */
  legalFormsAnywhere: ReadonlyMap<string, string[][]>;
  /** Legal forms removed at the end of a name, by their last word (longest first). */
  legalFormsAtEnd: ReadonlyMap<string, string[][]>;
  abbreviations: ReadonlyMap<string, string[]>;
  stopwords: ReadonlySet<string>;
}

// Legal forms that are never an ordinary word: removed wherever they stand, not only at the end.
const UNAMBIGUOUS = new Set([
  'ltd',
  'limited',
  'pty',
  'inc',
  'incorporated',
  'llc',
  'llp',
  'pllc',
  'plc',
  'corp',
  'corporation',
  'gmbh',
  'mbh',
  'bv',
  'nv',
  'sarl',
  'srl',
  'spa',
  'bvba',
  'sprl',
  'oyj',
  'sdn bhd',
]);

export function compileNameRules(config: Pick<MatchConfig, 'legalForms' | 'abbreviations' | 'stopwords'>): NameRules {
  const forms = [...config.legalForms]
    .map((f) => f.split(' '))
    .sort((a, b) => b.length - a.length || a.join(' ').localeCompare(b.join(' ')));
  const byWord = (list: string[][], word: (f: string[]) => string) => {
    const map = new Map<string, string[][]>();
    for (const f of list) map.set(word(f), [...(map.get(word(f)) ?? []), f]);
    return map;
  };
  return {
    legalFormsAnywhere: byWord(
      forms.filter((f) => f.length > 1 || UNAMBIGUOUS.has(f.join(' '))),
      (f) => f[0]!,
    ),
    legalFormsAtEnd: byWord(forms, (f) => f[f.length - 1]!),
    abbreviations: new Map(Object.entries(config.abbreviations).map(([k, v]) => [k, v.split(' ')])),
    stopwords: new Set(config.stopwords),
  };
}

const TRADING_AS = /\s(?:t\/as?|trading as|trading under|atf|as trustee for)\s/;
const TRUSTEE_FOR = /^(?:the\s+)?trustees?\s+(?:for|of)\s+(?:the\s+)?(.+?)$/;

/** Lower case, no diacritics, "&" → "and", punctuation → spaces (dots and apostrophes vanish: "B.V." → "bv"). */
export function foldText(text: string): string {
  const ascii = isAscii(text);
  let folded = (ascii ? text : stripDiacritics(text)).toLowerCase();
  if (folded.includes('&') || folded.includes('+')) folded = folded.replace(/[&+]/g, ' and ');
  folded = folded.replace(/['’‘`´.]/g, '');
  // In ASCII text, once lower-cased, the letters and digits are a-z and 0-9: no Unicode tables needed.
  return folded.replace(ascii ? /[^a-z0-9/]+/g : /[^\p{L}\p{N}/]+/gu, ' ').trim();
}

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

function isAscii(text: string): boolean {
  return ASCII.test(text);
}

/** "Müller" → "Muller" (plain ASCII, the common case, is returned as it is). */
export function stripDiacritics(text: string): string {
  return isAscii(text) ? text : text.normalize('NFKD').replace(/\p{M}+/gu, '');
}

function startsAt(tokens: string[], i: number, seq: string[]): boolean {
  if (i + seq.length > tokens.length) return false;
  for (let k = 0; k < seq.length; k++) if (tokens[i + k] !== seq[k]) return false;
  return true;
}

/** Removes legal forms: multi-word and unambiguous ones anywhere, the rest only at the end. */
function stripLegalForms(tokens: string[], rules: NameRules, removed: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length;) {
    const form = i > 0 ? rules.legalFormsAnywhere.get(tokens[i]!)?.find((f) => startsAt(tokens, i, f)) : undefined;
    if (form) {
      removed.push(form.join(' '));
      i += form.length;
    } else out.push(tokens[i++]!);
  }
  for (let changed = true; changed && out.length > 1;) {
    changed = false;
    for (const form of rules.legalFormsAtEnd.get(out[out.length - 1]!) ?? []) {
      if (form.length < out.length && startsAt(out, out.length - form.length, form)) {
        removed.push(form.join(' '));
        out.length -= form.length;
        changed = true;
        break;
      }
    }
    while (out.length > 1 && (out[out.length - 1] === 'and' || out[out.length - 1] === '/')) out.length -= 1;
  }
  return out;
}

function canonicalTokens(text: string, rules: NameRules, removed: string[]): string[] {
  let tokens = text.split(/[\s/]+/);
  if (tokens[0] === '' || tokens[tokens.length - 1] === '') tokens = tokens.filter(Boolean);
  if (tokens[0] === 'the' && tokens.length > 1) tokens = tokens.slice(1);
  tokens = stripLegalForms(tokens, rules, removed);
  // Abbreviations expanded; stopwords dropped unless nothing else is left.
  const meaningful: string[] = [];
  let stopwords = false;
  const keep = (word: string) => {
    if (rules.stopwords.has(word)) stopwords = true;
    else meaningful.push(word);
  };
  for (const t of tokens) {
    const expanded = rules.abbreviations.get(t);
    if (expanded) expanded.forEach(keep);
    else keep(t);
  }
  return meaningful.length > 0 || !stopwords ? meaningful : tokens.flatMap((t) => rules.abbreviations.get(t) ?? [t]);
}

const TITLE_CASE = new Set(['pty', 'ltd', 'inc', 'co', 'corp', 'limited', 'company', 'incorporated', 'corporation']);

const SPECIAL_CASE: Record<string, string> = { and: '&', gmbh: 'GmbH', mbh: 'mbH' };

const displayed = new Map<string, string>();

/** "pty ltd" → "Pty Ltd", "llc" → "LLC": how a bookkeeper writes a legal form (a handful of forms, each worked out once). */
function displayForm(form: string): string {
  let shown = displayed.get(form);
  if (shown === undefined) displayed.set(form, (shown = spellForm(form)));
  return shown;
}

function spellForm(form: string): string {
  return form
    .split(' ')
    .map((w) => SPECIAL_CASE[w] ?? (TITLE_CASE.has(w) || w.length > 4 ? w[0]!.toUpperCase() + w.slice(1) : w.toUpperCase()))
    .join(' ');
}

/** Shared by every name without alternatives or legal forms (most of them): nothing to allocate per name. */
const NONE: readonly never[] = Object.freeze([]);

/** Whitespace the sync key collapses: a run of two, or any that is not a plain space. */
const LOOSE_SPACE = /\s\s|[^\S ]/;

export function normaliseName(name: string, rules: NameRules): NormalisedName {
  const trimmed = name.trim();
  const syncKey = (LOOSE_SPACE.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed).toLowerCase();
  const folded = foldText(name);
  const padded = ` ${folded} `;
  const connector = TRADING_AS.exec(padded);
  const parts = connector ? [padded.slice(0, connector.index).trim(), padded.slice(connector.index + connector[0].length).trim()] : [];
  const removed: string[] = [];
  const tokens = canonicalTokens(connector ? parts.join(' ') : folded, rules, removed);
  const key = tokens.join(' ');
  const [entityPart, tradingPart] = parts;
  const alternatives = tradingPart ? [canonicalTokens(tradingPart, rules, [])] : [];
  const entity = entityPart ? canonicalTokens(entityPart, rules, []) : null;
  const trustee = TRUSTEE_FOR.exec(folded);
  if (trustee) alternatives.push(canonicalTokens(trustee[1]!.replace(/\s+(?:unit\s+|family\s+|discretionary\s+)?trust$/, ''), rules, []));
  return {
    syncKey,
    tokens,
    key,
    alternatives: alternatives.length === 0 ? NONE : alternatives.filter((a) => a.length > 0 && a.join(' ') !== key),
    entity: entity && entity.length > 0 ? entity : null,
    legalForms: removed.length === 0 ? NONE : [...new Set(removed)].map(displayForm),
  };
}
