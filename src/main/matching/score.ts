// Scoring one account/contact pair: each field picks a comparison level and contributes its match weight
// log2(m/u); the weights add up with the prior to log-odds, and the logistic gives a probability.
// Agreement on a rare value weighs more (term-frequency adjustment, as Splink does it).
import type { Contribution, EvidenceField } from '../../shared/domain';
import type { MatchConfig } from './config';
import type { EvidenceStats } from './candidates';
import { rowHas } from './columns';
import { COMPACT_USEFUL, emptySimilarity, nameSimilarity, type ReadingRef } from './name-similarity';
import type { PreparedSide, Words } from './prepare';

export type NameLevel = keyof MatchConfig['levels']['name'];

export interface PairScore {
  logOdds: number;
  probability: number;
  nameLevel: NameLevel;
  /** Best name similarity found (weighted Dice), for explanations. */
  nameSimilarity: number;
  readonly contributions: Contribution[];
}

/** Pairs are account `a` of `accounts` against contact `b` of `contacts`. */
export interface ScoringContext {
  accounts: PreparedSide;
  contacts: PreparedSide;
  words: Words;
  evidence: EvidenceStats;
  config: MatchConfig;
}

const round = (x: number) => Math.round(x * 100) / 100;
/** A rare name's agreement may add at most this many bits over the level's own weight. */
const MAX_NAME_TF_BONUS = 8;
/** How much of the term-frequency bonus each name level earns. */
const NAME_TF_SHARE: Partial<Record<NameLevel, number>> = { exact: 1, legal_form: 1, very_similar: 0.75, similar: 0.5 };

export function probability(logOdds: number): number {
  return 1 / (1 + 2 ** -logOdds);
}

/** Do the two names share a key (a T/A name's entity counts, unless both trade as something)? */
function sameKey(A: PreparedSide, a: number, B: PreparedSide, b: number): boolean {
  for (let k = A.keys.start[a]!; k < A.keys.start[a + 1]!; k++) if (rowHas(B.keys, b, A.keys.items[k]!)) return true;
  // "ABC Pty Ltd T/A Fast Freight" is "ABC Pty Ltd", unless the other name trades as something else too.
  const ea = A.entityKey[a]!;
  const eb = B.entityKey[b]!;
  if (ea && !eb && rowHas(B.keys, b, ea)) return true;
  return Boolean(eb && !ea && rowHas(A.keys, a, eb));
}

// Two reading views reused by every comparison (filled in place, never kept).
const blank = (): ReadingRef => ({
  tokens: new Float64Array(0),
  text: [],
  weight: new Float64Array(0),
  from: 0,
  to: 0,
  total: 0,
  compact: '',
});
const viewA = blank();
const viewB = blank();
const scratchSimilarity = emptySimilarity();

function view(into: ReadingRef, side: PreparedSide, r: number): ReadingRef {
  into.tokens = side.readingTokens.items;
  into.text = side.readingTokenText;
  into.weight = side.readingTokenWeight;
  into.from = side.readingTokens.start[r]!;
  into.to = side.readingTokens.start[r + 1]!;
  into.total = side.readingTotal[r]!;
  into.compact = side.readingCompact[r]!;
  return into;
}

interface NameMatch {
  level: NameLevel;
  similarity: number;
}

function found(into: NameMatch, level: NameLevel, similarity: number): NameMatch {
  into.level = level;
  into.similarity = similarity;
  return into;
}

/** How the names compare: the level, and how similar they are (written into `into`). */
function nameLevel(ctx: ScoringContext, a: number, b: number, rareWeight: number, into: NameMatch): NameMatch {
  const { accounts: A, contacts: B } = ctx;
  if (A.syncKey[a] === B.syncKey[b]) return found(into, 'exact', 1);
  if (sameKey(A, a, B, b)) return found(into, 'legal_form', 1);
  let dice = 0;
  let containment = 0;
  let compact = 0;
  let shared = 0;
  let conflict = true;
  for (let ra = A.readingStart[a]!; ra < A.readingStart[a + 1]!; ra++) {
    for (let rb = B.readingStart[b]!; rb < B.readingStart[b + 1]!; rb++) {
      if (A.readingEntity[ra] && B.readingEntity[rb]) continue;
      const s = nameSimilarity(view(viewA, A, ra), view(viewB, B, rb), scratchSimilarity);
      dice = Math.max(dice, s.dice);
      containment = Math.max(containment, s.containment);
      compact = Math.max(compact, s.compact);
      shared = Math.max(shared, s.heaviestShared);
      conflict &&= s.heaviestUnmatched[0] >= rareWeight && s.heaviestUnmatched[1] >= rareWeight;
    }
  }
  const rare = shared >= rareWeight;
  const alike = Math.max(dice, compact >= COMPACT_USEFUL ? compact : 0);
  if (dice >= 0.88 || compact >= COMPACT_USEFUL) return found(into, 'very_similar', alike);
  if (dice >= 0.7) return found(into, conflict ? 'conflicting' : 'similar', alike);
  if (containment >= 0.85 && rare) return found(into, 'contains', alike);
  if (dice >= 0.4) return found(into, conflict ? 'conflicting' : rare ? 'somewhat_rare' : 'somewhat', alike);
  return found(into, rare ? 'shares_rare' : 'different', alike);
}

/** The name comparison of the pair being evaluated (read at once, never kept). */
const nameMatch: NameMatch = { level: 'different', similarity: 0 };

type Sink = ((field: EvidenceField, level: string, weight: number) => void) | null;

/** log2(m/u) for a level; `shared` agreeing records lower the weight of a common value. */
function weightOf(table: Record<string, { m: number; u: number }>, level: string, shared = 0, records = 1): number {
  const { m, u } = table[level]!;
  return Math.log2(m / (shared > 1 ? Math.max(u, shared / Math.max(1, records)) : u));
}

/** A field's weight, reported to `sink` when there is one. */
function weighs(sink: Sink, field: EvidenceField, level: string | null, weight: number): number {
  if (sink) sink(field, level ?? 'missing', weight);
  return weight;
}

/**
 * The shared core: returns log-odds, leaves the name comparison in `nameMatch` (or takes `name`, when the pair's
 * names were compared before), and reports each field's contribution to `sink` when one is given.
 */
function evaluate(a: number, b: number, isHolder: boolean, ctx: ScoringContext, sink: Sink, known: NameMatch | null = null): number {
  const { config, evidence: ev, accounts: A, contacts: B } = ctx;
  const L = config.levels;
  let total = config.candidatePrior;
  if (isHolder) total += weighs(sink, 'code', 'exact', config.codeHolderPrior - config.candidatePrior);
  const name = known ?? nameLevel(ctx, a, b, Math.log(1 + ctx.words.records / config.rareTokenRecords), nameMatch);
  const share = NAME_TF_SHARE[name.level] ?? 0;
  const rarityBonus =
    share > 0
      ? share * Math.min(MAX_NAME_TF_BONUS, Math.max(0, Math.log2(L.name[name.level].u / Math.max(A.nameRarity[a]!, B.nameRarity[b]!))))
      : 0;
  total += weighs(sink, 'name', name.level, weightOf(L.name, name.level) + rarityBonus);

  const phone = B.phone[b]!;
  if (A.phone[a] && phone) {
    const level = A.phone[a] === phone ? 'exact' : 'different';
    total += weighs(sink, 'phone', level, weightOf(L.phone, level, level === 'exact' ? ev.phone.count(phone) : 0, ev.contacts));
  } else total += weighs(sink, 'phone', null, 0);

  const email = B.email[b]!;
  if (A.email[a] && email) {
    const level = A.email[a] === email ? 'exact' : A.emailDomain[a] && A.emailDomain[a] === B.emailDomain[b] ? 'domain' : 'different';
    total += weighs(sink, 'email', level, weightOf(L.email, level, level === 'exact' ? ev.email.count(email) : 0, ev.contacts));
  } else total += weighs(sink, 'email', null, 0);

  // Address and postcode move together when a business moves: disagreeing on both counts once, not twice.
  let addressAgainst = 0;
  if (A.street[a] && B.street[b]) {
    const level =
      A.street[a] !== B.street[b] ? 'different' : A.houseNumber[a] && A.houseNumber[a] === B.houseNumber[b] ? 'exact' : 'same_street';
    const w = weightOf(L.address, level, level === 'exact' ? ev.address.count(B.addressValue[b]!) : 0, ev.contacts);
    if (w < 0) addressAgainst = w;
    total += weighs(sink, 'address', level, w);
  } else total += weighs(sink, 'address', null, 0);

  if (A.postcode[a] && B.postcode[b]) {
    const level = A.postcode[a] === B.postcode[b] ? 'exact' : 'different';
    const w = weightOf(L.postcode, level);
    total += weighs(sink, 'postcode', level, w < 0 && addressAgainst < 0 ? Math.min(0, w - addressAgainst) : w);
  } else total += weighs(sink, 'postcode', null, 0);
  return total;
}

/** A pair's score; the per-field contributions are worked out only when something reads them. */
class Scored implements PairScore {
  readonly logOdds: number;
  readonly probability: number;
  readonly nameLevel: NameLevel;
  readonly nameSimilarity: number;
  #contributions: Contribution[] | null = null;

  constructor(
    private readonly a: number,
    private readonly b: number,
    private readonly isHolder: boolean,
    private readonly ctx: ScoringContext,
  ) {
    this.logOdds = evaluate(a, b, isHolder, ctx, null);
    this.probability = probability(this.logOdds);
    this.nameLevel = nameMatch.level;
    this.nameSimilarity = nameMatch.similarity;
  }

  get contributions(): Contribution[] {
    if (!this.#contributions) {
      const out: Contribution[] = [];
      const name = { level: this.nameLevel, similarity: this.nameSimilarity };
      evaluate(this.a, this.b, this.isHolder, this.ctx, (field, level, weight) => out.push({ field, level, weight: round(weight) }), name);
      this.#contributions = out;
    }
    return this.#contributions;
  }
}

/** The full score; contributions (for explanations and the review) are computed on first use. */
export function scorePair(a: number, b: number, isHolder: boolean, ctx: ScoringContext): PairScore {
  return new Scored(a, b, isHolder, ctx);
}
