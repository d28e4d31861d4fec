// Scoring one account/contact pair: each field picks a comparison level and contributes its match weight
// log2(m/u); the weights add up with the prior to log-odds, and the logistic gives a probability.
// Agreement on a rare value weighs more (term-frequency adjustment, as Splink does it).
import type { Contribution, EvidenceField } from '../../shared/domain';
import type { MatchConfig } from './config';
import { COMPACT_USEFUL, nameSimilarity } from './name-similarity';
import type { EvidenceStats, Prepared, TokenStats } from './prepare';

export type NameLevel = keyof MatchConfig['levels']['name'];

export interface PairScore {
  logOdds: number;
  probability: number;
  nameLevel: NameLevel;
  /** Best name similarity found (weighted Dice), for explanations. */
  nameSimilarity: number;
  readonly contributions: Contribution[];
}

export interface ScoringContext {
  tokens: TokenStats;
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

function sameKey(a: Prepared, b: Prepared): boolean {
  for (const k of a.keys) if (b.keys.includes(k)) return true;
  // "ABC Pty Ltd T/A Fast Freight" is "ABC Pty Ltd", unless the other name trades as something else too.
  if (a.entityKey && !b.entityKey && b.keys.includes(a.entityKey)) return true;
  return Boolean(b.entityKey && !a.entityKey && a.keys.includes(b.entityKey));
}

function nameLevel(a: Prepared, b: Prepared, rareWeight: number): { level: NameLevel; similarity: number } {
  if (a.name.syncKey === b.name.syncKey) return { level: 'exact', similarity: 1 };
  if (sameKey(a, b)) return { level: 'legal_form', similarity: 1 };
  let dice = 0;
  let containment = 0;
  let compact = 0;
  let shared = 0;
  let conflict = true;
  for (const ra of a.readings) {
    for (const rb of b.readings) {
      if (ra.entity && rb.entity) continue;
      const s = nameSimilarity(ra, rb);
      dice = Math.max(dice, s.dice);
      containment = Math.max(containment, s.containment);
      compact = Math.max(compact, s.compact);
      shared = Math.max(shared, s.heaviestShared);
      conflict &&= s.heaviestUnmatched[0] >= rareWeight && s.heaviestUnmatched[1] >= rareWeight;
    }
  }
  const rare = shared >= rareWeight;
  const similarity = Math.max(dice, compact >= COMPACT_USEFUL ? compact : 0);
  if (dice >= 0.88 || compact >= COMPACT_USEFUL) return { level: 'very_similar', similarity };
  if (dice >= 0.7) return { level: conflict ? 'conflicting' : 'similar', similarity };
  if (containment >= 0.85 && rare) return { level: 'contains', similarity };
  if (dice >= 0.4) return { level: conflict ? 'conflicting' : rare ? 'somewhat_rare' : 'somewhat', similarity };
  return { level: rare ? 'shares_rare' : 'different', similarity };
}

type Sink = ((field: EvidenceField, level: string, weight: number) => void) | null;

/** log2(m/u) for a level; `shared` agreeing records lower the weight of a common value. */
function weightOf(table: Record<string, { m: number; u: number }>, level: string, shared = 0, records = 1): number {
  const { m, u } = table[level]!;
  return Math.log2(m / (shared > 1 ? Math.max(u, shared / Math.max(1, records)) : u));
}

/** The shared core: returns log-odds, and reports each field's contribution to `sink` when one is given. */
function evaluate(a: Prepared, b: Prepared, isHolder: boolean, ctx: ScoringContext, sink: Sink) {
  const { config, evidence: ev } = ctx;
  const L = config.levels;
  let total = config.candidatePrior;
  const add = (field: EvidenceField, level: string | null, weight: number) => {
    total += weight;
    if (sink) sink(field, level ?? 'missing', weight);
  };
  if (isHolder) add('code', 'exact', config.codeHolderPrior - config.candidatePrior);
  const name = nameLevel(a, b, Math.log(1 + ctx.tokens.records / config.rareTokenRecords));
  const share = NAME_TF_SHARE[name.level] ?? 0;
  const rarityBonus = share > 0 ? share * Math.min(MAX_NAME_TF_BONUS, Math.max(0, Math.log2(L.name[name.level].u / Math.max(a.nameRarity, b.nameRarity)))) : 0;
  add('name', name.level, weightOf(L.name, name.level) + rarityBonus);

  if (a.phone && b.phone) {
    const level = a.phone === b.phone ? 'exact' : 'different';
    add('phone', level, weightOf(L.phone, level, level === 'exact' ? ev.phone.get(b.phone)?.length : 0, ev.contacts));
  } else add('phone', null, 0);

  if (a.email.address && b.email.address) {
    const level = a.email.address === b.email.address ? 'exact' : a.email.domain && a.email.domain === b.email.domain ? 'domain' : 'different';
    add('email', level, weightOf(L.email, level, level === 'exact' ? ev.email.get(b.email.address)?.length : 0, ev.contacts));
  } else add('email', null, 0);

  // Address and postcode move together when a business moves: disagreeing on both counts once, not twice.
  let addressAgainst = 0;
  if (a.address.street && b.address.street) {
    const level = a.address.street !== b.address.street ? 'different' : a.address.number && a.address.number === b.address.number ? 'exact' : 'same_street';
    const w = weightOf(L.address, level, level === 'exact' ? ev.address.get(b.addressValue)?.length : 0, ev.contacts);
    if (w < 0) addressAgainst = w;
    add('address', level, w);
  } else add('address', null, 0);

  if (a.postcode && b.postcode) {
    const level = a.postcode === b.postcode ? 'exact' : 'different';
    const w = weightOf(L.postcode, level);
    add('postcode', level, w < 0 && addressAgainst < 0 ? Math.min(0, w - addressAgainst) : w);
  } else add('postcode', null, 0);
  return { logOdds: total, name };
}

/** A pair's score; the per-field contributions are worked out only when something reads them. */
class Scored implements PairScore {
  readonly logOdds: number;
  readonly probability: number;
  readonly nameLevel: NameLevel;
  readonly nameSimilarity: number;
  #contributions: Contribution[] | null = null;

  constructor(
    private readonly a: Prepared,
    private readonly b: Prepared,
    private readonly isHolder: boolean,
    private readonly ctx: ScoringContext,
  ) {
    const { logOdds, name } = evaluate(a, b, isHolder, ctx, null);
    this.logOdds = logOdds;
    this.probability = probability(logOdds);
    this.nameLevel = name.level;
    this.nameSimilarity = name.similarity;
  }

  get contributions(): Contribution[] {
    if (!this.#contributions) {
      const out: Contribution[] = [];
      evaluate(this.a, this.b, this.isHolder, this.ctx, (field, level, weight) => out.push({ field, level, weight: round(weight) }));
      this.#contributions = out;
    }
    return this.#contributions;
  }
}

/** The full score; contributions (for explanations and the review) are computed on first use. */
export function scorePair(a: Prepared, b: Prepared, isHolder: boolean, ctx: ScoringContext): PairScore {
  return new Scored(a, b, isHolder, ctx);
}
