// "812 OK, 95 name mismatch, …; 130 will fail on the next sync": the counts per finding kind, in the app's words.
import { FINDING_KIND_LABELS } from '../../shared/decision-rules';
import { countFailing, FINDING_KINDS, type Finding, type FindingKind } from '../../shared/domain';

/** "Name mismatch" → "name mismatch", "Not in Xero" → "not in Xero" ("OK" stays as it is). */
const labelOf = (k: FindingKind): string => {
  const label = FINDING_KIND_LABELS[k];
  return k === 'ok' ? label : label.charAt(0).toLowerCase() + label.slice(1);
};

export function countKinds(findings: readonly Pick<Finding, 'kind'>[]): Record<FindingKind, number> {
  const counts = Object.fromEntries(FINDING_KINDS.map((k) => [k, 0])) as Record<FindingKind, number>;
  for (const f of findings) counts[f.kind] += 1;
  return counts;
}

export function describeCounts(counts: Record<FindingKind, number>): { line: string; failing: number } {
  const failing = countFailing(counts);
  const parts = FINDING_KINDS.filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${labelOf(k)}`);
  return { line: `${parts.join(', ') || 'no accounts'}; ${failing} will fail on the next sync`, failing };
}

export function summariseCounts(findings: readonly Pick<Finding, 'kind'>[]) {
  return describeCounts(countKinds(findings));
}
