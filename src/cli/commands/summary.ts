// "812 ok, 95 name_mismatch, … — 130 will fail on the next sync"
import { countFailing, FINDING_KINDS, type Finding, type FindingKind } from '../../shared/domain';

export function countKinds(findings: readonly Pick<Finding, 'kind'>[]): Record<FindingKind, number> {
  const counts = Object.fromEntries(FINDING_KINDS.map((k) => [k, 0])) as Record<FindingKind, number>;
  for (const f of findings) counts[f.kind] += 1;
  return counts;
}

export function describeCounts(counts: Record<FindingKind, number>): { line: string; failing: number } {
  const failing = countFailing(counts);
  const parts = FINDING_KINDS.filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${k}`);
  return { line: `${parts.join(', ') || 'no accounts'}; ${failing} will fail on the next sync`, failing };
}

export function summariseCounts(findings: readonly Pick<Finding, 'kind'>[]) {
  return describeCounts(countKinds(findings));
}
