// Scoring one account/contact pair: each field picks a comparison level and contributes its match weight
// log2(m/u); the weights add up with the prior to log-odds, and the logistic gives a probability.
import type { Contribution } from '../../shared/domain';
import type { Level, MatchConfig } from './config';
import { nameSimilarity } from './name-similarity';
import { addressValue, type EvidenceStats, type Prepared, type TokenStats } from './prepare';

export type NameLevel = keyof MatchConfig['levels']['name'];

export interface PairScore {
  logOdds: number;
  probability: number;
  nameLevel: NameLevel;
  /** Best name similarity found (weighted Dice), for explanations. */
  nameSimilarity: number;
  contributions: Contribution[];
}

const round = (x: number) => Math.round(x * 100) / 100;

export function probability(logOdds: number): number {
  return 1 / (1 + 2 ** -logOdds);
}

function sameKey(a: Prepared, b: Prepared): boolean {
  const keysA = [a.name.key, ...a.name.alternatives.map((t) => t.join(' '))];
  const keysB = new Set([b.name.key, ...b.name.alternatives.map((t) => t.join(' '))]);
  return keysA.some((k) => keysB.has(k)) || a.name.tokens.join('') === b.name.tokens.join('');
}

function nameLevel(a: Prepared, b: Prepared, stats: TokenStats, rareWeight: number): { level: NameLevel; similarity: number } {
  if (a.name.syncKey === b.name.syncKey) return { level: 'exact', similarity: 1 };
  if (sameKey(a, b)) return { level: 'legal_form', similarity: 1 };
  const readingsA = [a.name.tokens, ...a.name.alternatives];
  const readingsB = [b.name.tokens, ...b.name.alternatives];
  let dice = 0;
  let containment = 0;
  let compact = 0;
  let shared = 0;
  let conflict = true;
  for (const ra of readingsA) {
    for (const rb of readingsB) {
      const s = nameSimilarity(ra, rb, stats.weight);
      dice = Math.max(dice, s.dice);
      containment = Math.max(containment, s.containment);
      compact = Math.max(compact, s.compact);
      shared = Math.max(shared, s.heaviestShared);
      conflict &&= s.heaviestUnmatched[0] >= rareWeight && s.heaviestUnmatched[1] >= rareWeight;
    }
  }
  const rare = shared >= rareWeight;
  const similarity = Math.max(dice, compact >= 0.92 ? compact : 0);
  if (dice >= 0.88 || compact >= 0.92) return { level: 'very_similar', similarity };
  if (dice >= 0.7) return { level: 'similar', similarity };
  if (containment >= 0.85 && rare) return { level: 'contains', similarity };
  if (dice >= 0.4) return { level: conflict ? 'conflicting' : rare ? 'somewhat_rare' : 'somewhat', similarity };
  return { level: rare ? 'shares_rare' : 'different', similarity };
}

/**
 * A field's contribution. `shared` (how many contacts hold the agreeing value) adjusts u for term frequency,
 * as Splink does: an agency's head-office phone on forty contacts says less than a phone on one.
 */
function evidence(field: Contribution['field'], level: string | null, table: Record<string, Level>, shared = 1, contacts = 1): Contribution {
  if (level === null) return { field, level: 'missing', weight: 0 };
  const { m, u } = table[level]!;
  const uTf = level === 'exact' && shared > 1 ? Math.max(u, shared / Math.max(1, contacts)) : u;
  return { field, level, weight: round(Math.log2(m / uTf)) };
}

export interface ScoringContext {
  tokens: TokenStats;
  evidence: EvidenceStats;
  config: MatchConfig;
}

export function scorePair(a: Prepared, b: Prepared, isHolder: boolean, ctx: ScoringContext): PairScore {
  const { config, evidence: ev } = ctx;
  const L = config.levels;
  const name = nameLevel(a, b, ctx.tokens, Math.log(1 + ctx.tokens.records / config.rareTokenRecords));
  const contributions: Contribution[] = [];
  if (isHolder) contributions.push({ field: 'code', level: 'exact', weight: round(config.codeHolderPrior - config.candidatePrior) });
  contributions.push(evidence('name', name.level, L.name));
  contributions.push(evidence('phone', a.phone && b.phone ? (a.phone === b.phone ? 'exact' : 'different') : null, L.phone, ev.phone.get(b.phone), ev.contacts));
  contributions.push(
    evidence(
      'email',
      a.email.address && b.email.address
        ? a.email.address === b.email.address
          ? 'exact'
          : a.email.domain && a.email.domain === b.email.domain
            ? 'domain'
            : 'different'
        : null,
      L.email,
      ev.email.get(b.email.address),
      ev.contacts,
    ),
  );
  const addrA = a.address;
  const addrB = b.address;
  contributions.push(
    evidence(
      'address',
      addrA.street && addrB.street
        ? addrA.street === addrB.street
          ? addrA.number && addrA.number === addrB.number
            ? 'exact'
            : 'same_street'
          : 'different'
        : null,
      L.address,
      ev.address.get(addressValue(b)),
      ev.contacts,
    ),
  );
  contributions.push(evidence('postcode', a.postcode && b.postcode ? (a.postcode === b.postcode ? 'exact' : 'different') : null, L.postcode));
  const logOdds = config.candidatePrior + contributions.reduce((s, c) => s + c.weight, 0);
  return { logOdds, probability: probability(logOdds), nameLevel: name.level, nameSimilarity: name.similarity, contributions };
}
